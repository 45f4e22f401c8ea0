import type { ConnectorFileKind } from '../connector/model.ts';
import type { Edit, RuleCategory, Severity, Suggestion } from './rule.ts';

/** One finding: data, never an exception. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly microsoftId: string | undefined;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string | undefined;
  /** Which connector file, and its path as shown to users. */
  readonly fileKind: ConnectorFileKind | undefined;
  readonly file: string | undefined;
  /** RFC 6901 pointer (`ValuePath` in Microsoft's output) for JSON files. */
  readonly pointer: string | undefined;
  /** 1-based; undefined when the place has no position (a missing file). */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** Length of the highlighted text. */
  readonly length: number | undefined;
  /** The change that fixes it on its own (`flowport validate --fix`), when the rule knows one. */
  readonly edit?: Edit;
  /** A likely change for the author to choose (an editor's quick fix); never made by `--fix`. */
  readonly suggestion?: Suggestion;
}

/** The place of a finding about a file as a whole, with none inside it (a certification package's). */
export const NO_PLACE = {
  fileKind: undefined,
  pointer: undefined,
  line: undefined,
  column: undefined,
  length: undefined,
} as const;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareFiles(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    ORDER[a.severity] - ORDER[b.severity] ||
    compareRuleIds(a.ruleId, b.ruleId)
  );
}

/*
 * Findings are sorted with `localeCompare`, whose first call makes V8 build ICU's list of collation
 * locales: a quarter of a fresh `flowport validate` process. In the English locales (ICU's root
 * collation) the common cases are known without it: rule ids (`[a-z0-9-]`) sort by code units, and
 * a connector's files by the order of their standard names below. `navigator.language` is the
 * locale `localeCompare` uses; other locales, and other names, take `localeCompare`.
 */
const ROOT_COLLATION = /^en(?:-[A-Z]{2})?$/.test(globalThis.navigator?.language ?? '');
const KEBAB = /^[a-z0-9-]+$/;

/** Standard connector file names in `localeCompare` order (English). */
export const FILE_NAME_ORDER: readonly string[] = [
  'apiDefinition.swagger.json',
  'apiProperties.json',
  'icon.png',
  'intro.md',
  'readme.md',
  'Readme.md',
  'README.md',
  'script.csx',
  'script.ts',
  'settings.json',
];
const FILE_RANK = new Map(FILE_NAME_ORDER.map((name, i) => [name, i]));

/** `a.localeCompare(b)` for two rule ids. */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (ROOT_COLLATION && KEBAB.test(a) && KEBAB.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/**
 * `a.localeCompare(b)` for two files of one connector: `<source>/<name>`, or the source itself. A
 * shared folder does not change the order of what follows it, and a folder sorts before its files.
 */
export function compareFiles(a: string, b: string): number {
  if (a === b) return 0;
  if (ROOT_COLLATION) {
    const i = lastSeparator(a);
    const j = lastSeparator(b);
    if (i === j && i > 0 && a.startsWith(b.slice(0, i + 1))) {
      const x = FILE_RANK.get(a.slice(i + 1));
      const y = FILE_RANK.get(b.slice(i + 1));
      if (x !== undefined && y !== undefined) return x - y;
    } else if (j === a.length && b.startsWith(a) && FILE_RANK.has(b.slice(j + 1))) return -1;
    else if (i === b.length && a.startsWith(b) && FILE_RANK.has(a.slice(i + 1))) return 1;
  }
  return a.localeCompare(b);
}

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
}

export function severityRank(severity: Severity): number {
  return ORDER[severity];
}

export interface Summary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const s = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) s[d.severity]++;
  return s;
}

/** The totals of many results' summaries (validation or breaking-change results). */
export function totalOf(results: readonly { readonly summary: Summary }[]): Summary {
  const t = { error: 0, warning: 0, info: 0 };
  for (const { summary } of results) {
    t.error += summary.error;
    t.warning += summary.warning;
    t.info += summary.info;
  }
  return t;
}

/** How many findings have an edit `flowport validate --fix` can make. */
export function fixableCount(diagnostics: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diagnostics) if (d.edit) n++;
  return n;
}
