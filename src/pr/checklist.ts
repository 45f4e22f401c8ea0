/**
 * What the PowerPlatformConnectors pull request asks a submitter to confirm (certification spec
 * §4.4, §2.7), one declarative item each: those flowport can check are decided by the findings of
 * the rules named here; the others stay for the submitter to tick, with how to make sure.
 */
import type { Connector, ConnectorKind } from '../connector/model.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { type SmokeEvidence, smokeVerdict } from './smoke-evidence.ts';

export type SubmissionKind = Extract<ConnectorKind, 'certified' | 'independent-publisher'>;

export interface ChecklistItem {
  readonly id: string;
  readonly text: string;
  /** The submissions it applies to (default: both). */
  readonly kinds?: readonly SubmissionKind[];
  /** Applies only when this holds (an OAuth sign-in, say). */
  readonly when?: (connector: Connector) => boolean;
  /** Rules whose findings decide the item (an error fails it); absent: the submitter confirms it. */
  readonly rules?: (ruleId: string) => boolean;
  /** Decided by a smoke run's rows when the submitter gives them (`flowport pr --smoke`). */
  readonly smoke?: true;
  /** How the submitter makes sure, for items flowport cannot check. */
  readonly hint?: string;
}

const SECRET_RULES = new Set(['committed-secret', 'oauth-client-secret']);
const BRAND_RULES = /^(brand-color-|icon-)/;

const hasOAuth = (connector: Connector): boolean =>
  [
    ...connector.properties.connectionParameters,
    ...connector.properties.parameterSets.flatMap((s) => s.parameters),
  ].some((p) => p.type?.toLowerCase() === 'oauthsetting');

export const CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'not-on-platform',
    text: 'The connector does not exist on the Power Platform yet (or this updates it).',
    hint: 'Search the connector reference (learn.microsoft.com/connectors/connector-reference) for the service first.',
  },
  {
    id: 'operations-tested',
    text: 'Every operation was deployed as a custom connector and tested in the Test tab, with no errors.',
    hint: 'The Test tab and flow runs are the proof reviewers ask for.',
  },
  {
    id: 'operations-answer',
    text: 'Every action answers 2xx when called with example arguments.',
    hint: '`flowport smoke <connector> --base-url <your API> --format json > smoke.json` calls each once; give the file to `flowport pr --smoke smoke.json`.',
    smoke: true,
  },
  {
    id: 'descriptions',
    text: 'Every operation and parameter has a detailed summary and description.',
    rules: (id) => /^(info|operation|parameter|trigger)-.*(summary|description)/.test(id),
  },
  {
    id: 'response-schemas',
    text: 'Every operation has a response schema, unless it is dynamic.',
    rules: (id) => /^response-/.test(id),
  },
  {
    id: 'validation',
    text: 'The definition passes the certification rules (what `paconn validate` and the pipeline check).',
    rules: () => true,
  },
  {
    id: 'no-secrets',
    text: 'No client secret or other credential is committed; placeholders only.',
    rules: (id) => SECRET_RULES.has(id),
  },
  {
    id: 'brand',
    kinds: ['certified'],
    text: 'The brand colour is set, is not `#007ee5` or `#ffffff`, and matches the icon background.',
    rules: (id) => BRAND_RULES.test(id),
  },
  {
    id: 'independent-publisher-brand',
    kinds: ['independent-publisher'],
    text: 'The brand colour is `#da3b01` and the folder holds no icon.',
    rules: (id) => BRAND_RULES.test(id),
  },
  {
    id: 'independent-publisher-screenshots',
    kinds: ['independent-publisher'],
    text: 'Screenshots of three different operations succeeding in flow runs, and of the Test tab, are attached.',
    hint: 'Attach them below this checklist.',
  },
  {
    id: 'independent-publisher-oauth',
    kinds: ['independent-publisher'],
    when: hasOAuth,
    text: 'The readme describes step by step how to create the OAuth app the connection signs in with.',
    hint: 'Under "Obtaining Credentials" in readme.md.',
  },
];

export type ItemState = 'done' | 'failed' | 'to-confirm';

export interface CheckedItem {
  readonly item: ChecklistItem;
  readonly state: ItemState;
  /** The error findings that fail it, then its warnings (at most 5 shown by the body). */
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Other evidence: a smoke run's failed or missing operations. */
  readonly notes: readonly string[];
}

/** The checklist of a submission, each item decided by the findings where flowport can decide it. */
export function checkItems(
  connector: Connector,
  kind: SubmissionKind,
  diagnostics: readonly Diagnostic[],
  smoke?: readonly SmokeEvidence[],
): CheckedItem[] {
  return CHECKLIST.filter(
    (item) => (item.kinds ?? [kind]).includes(kind) && (item.when?.(connector) ?? true),
  ).map((item) => {
    if (item.smoke && smoke) {
      const verdict = smokeVerdict(connector, smoke);
      return { item, state: verdict.state, errors: [], warnings: [], notes: verdict.notes };
    }
    const select = item.rules;
    if (!select) return { item, state: 'to-confirm', errors: [], warnings: [], notes: [] };
    const mine = diagnostics.filter((d) => select(d.ruleId));
    const errors = mine.filter((d) => d.severity === 'error');
    const warnings = mine.filter((d) => d.severity === 'warning');
    return { item, state: errors.length > 0 ? 'failed' : 'done', errors, warnings, notes: [] };
  });
}
