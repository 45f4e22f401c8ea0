import { editDistance } from './helpers/extension-names.ts';
import type { Rule } from './rule.ts';
import apiProperties from './rules/api-properties/index.ts';
import document from './rules/document/index.ts';
import dynamic from './rules/dynamic/index.ts';
import host from './rules/host/index.ts';
import icon from './rules/icon/index.ts';
import info from './rules/info/index.ts';
import metadata from './rules/metadata/index.ts';
import operation from './rules/operation/index.ts';
import packageRules from './rules/package/index.ts';
import parameter from './rules/parameter/index.ts';
import path from './rules/path/index.ts';
import readme from './rules/readme/index.ts';
import response from './rules/response/index.ts';
import schema from './rules/schema/index.ts';
import script from './rules/script/index.ts';
import security from './rules/security/index.ts';
import webhook from './rules/webhook/index.ts';

/** Every rule flowport has, by category; each category folder lists its own rules in its index. */
export const RULES: readonly Rule[] = [
  ...document,
  ...info,
  ...metadata,
  ...host,
  ...path,
  ...operation,
  ...parameter,
  ...schema,
  ...response,
  ...security,
  ...webhook,
  ...dynamic,
  ...apiProperties,
  ...icon,
  ...readme,
  ...script,
  ...packageRules,
];

const byId = new Map<string, Rule>();
for (const rule of RULES) {
  byId.set(rule.id, rule);
  if (rule.microsoftId) byId.set(rule.microsoftId.toLowerCase(), rule);
}

/** A rule by its id or by Microsoft's rule id (case-insensitive). */
export function findRule(id: string): Rule | undefined {
  return byId.get(id) ?? byId.get(id.toLowerCase());
}

/** Up to three rule ids near `name` (flowport's or Microsoft's), for a name that matches none. */
export function nearestRuleIds(name: string): string[] {
  const wanted = name.toLowerCase();
  return RULES.map((r) => ({
    id: r.id,
    d: Math.min(
      editDistance(wanted, r.id, 4),
      r.microsoftId ? editDistance(wanted, r.microsoftId.toLowerCase(), 4) : 5,
    ),
  }))
    .filter((x) => x.d <= 4)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}
