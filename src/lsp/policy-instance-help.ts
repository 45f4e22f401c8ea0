// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LSP snippets write their placeholders as `${1:…}`.
/**
 * Completion inside a policy template instance of `apiProperties.json`: its keys, the parameters of
 * its template (each `x-ms-apimTemplateParameter.*` its runtime reads, required ones marked as the
 * validator requires them), the sections it runs in, `existsAction` values, and the connector's
 * operation ids where operations are listed (`x-ms-apimTemplate-operationName`, `scriptOperations`).
 */
import { getLocation, type JSONPath } from 'jsonc-parser';
import type { CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EXISTS_ACTIONS } from '../runtime/policies/exists-action.ts';
import { findTemplate } from '../runtime/policies/registry.ts';
import type { PolicyTemplate } from '../runtime/types.ts';
import { POLICY_TEMPLATES as REQUIRED } from '../validate/helpers/policy-templates.ts';
import { keyItems, valueItems } from './completion-item.ts';
import { documentTree, keysAt, nodeAt, typedRange } from './document-tree.ts';

const PARAMETER = 'x-ms-apimTemplateParameter.';
const SECTION = 'x-ms-apimTemplate-policySection';
const OPERATIONS = 'x-ms-apimTemplate-operationName';

const INSTANCE_KEYS: readonly (readonly [string, string, string])[] = [
  [
    'templateId',
    '"templateId": "$1"',
    'The policy template: `setheader`, `dynamichosturl`, `routerequesttoendpoint`…',
  ],
  ['title', '"title": "$1"', 'A name for this instance, shown in the portal and in findings.'],
  [
    'parameters',
    '"parameters": {\n  $1\n}',
    "The template's parameters, and where and for which operations it runs.",
  ],
];

/** Whether `path` is a policy template instance (`properties.policyTemplateInstances[i]`), plus `more`. */
const inInstance = (path: JSONPath, more: number) =>
  path.length === 3 + more &&
  path[0] === 'properties' &&
  path[1] === 'policyTemplateInstances' &&
  typeof path[2] === 'number';

const SECTION_NAMES: Readonly<Record<string, string>> = {
  request: 'Request',
  response: 'Response',
  failure: 'Failure',
};

/** The keys of an instance's `parameters` for `template` (only the general two without one). */
function parameterKeys(template: PolicyTemplate | undefined): (readonly [string, string, string])[] {
  const required = new Set(REQUIRED.get(template?.id ?? '') ?? []);
  const keys: (readonly [string, string, string])[] = (template?.parameters ?? []).map((name) => {
    const key = `${PARAMETER}${name}`;
    const need = required.has(key) ? 'Required' : 'Optional';
    return [key, `"${key}": "$1"`, `${need} for \`${template?.id}\`.`] as const;
  });
  const sections = (template?.sections ?? ['request', 'response']).filter((s) => s !== 'trigger');
  if (sections.length > 0)
    keys.push([
      SECTION,
      `"${SECTION}": "\${1|${sections.map((s) => SECTION_NAMES[s]).join(',')}|}"`,
      `Where it runs: ${sections.map((s) => `\`${SECTION_NAMES[s]}\``).join(', ')}; \`${SECTION_NAMES[sections[0] ?? 'request']}\` when absent.${required.has(SECTION) ? ' Required.' : ''}`,
    ]);
  keys.push([OPERATIONS, `"${OPERATIONS}": [\n  "$1"\n]`, 'The operations it applies to; all when absent.']);
  return keys;
}

/**
 * Completions in a policy template instance, or in `scriptOperations`; `operationIds` gives the
 * connector's operations (from its swagger) when they are asked for. Empty elsewhere.
 */
export function policyInstanceCompletions(
  document: TextDocument,
  offset: number,
  operationIds: () => readonly string[],
): CompletionItem[] {
  const location = getLocation(document.getText(), offset);
  const range = typedRange(document, offset, location.previousNode);
  const path = location.path;
  if (location.isAtPropertyKey) {
    const at = path.slice(0, -1);
    const present = keysAt(document, at);
    if (inInstance(at, 0)) return keyItems(range, INSTANCE_KEYS, present);
    if (inInstance(at, 1) && at[3] === 'parameters')
      return keyItems(range, parameterKeys(templateOf(document, at)), present);
    return [];
  }
  if (path.length === 3 && path[0] === 'properties' && path[1] === 'scriptOperations')
    return valueItems(range, operationIds());
  if (!inInstance(path.slice(0, 5), 2) || path[3] !== 'parameters') return [];
  const key = path[4];
  if (key === OPERATIONS && path.length === 6) return valueItems(range, operationIds());
  if (path.length !== 5) return [];
  const template = templateOf(document, path);
  if (key === SECTION)
    return valueItems(
      range,
      (template?.sections ?? ['request', 'response']).flatMap((s) => SECTION_NAMES[s] ?? []),
    );
  if (key === `${PARAMETER}existsAction`) return valueItems(range, EXISTS_ACTIONS);
  return [];
}

/** The template of the instance at `path` (`properties.policyTemplateInstances[i]…`), by its `templateId`. */
function templateOf(document: TextDocument, path: JSONPath): PolicyTemplate | undefined {
  const id = nodeAt(
    documentTree(document),
    `/properties/policyTemplateInstances/${path[2]}/templateId`,
  )?.value;
  return typeof id === 'string' ? findTemplate(id) : undefined;
}
