import type { Diagnostic } from './diagnostic.ts';
import type { ValidationResult } from './engine.ts';
import type { Outcome } from './run-one.ts';

/**
 * An outcome as a pool's worker posts it to the main thread. Findings travel as columns, not as
 * objects: a string table (the rule id, file and fix of a connector's findings repeat) and one
 * row of numbers per finding. A structured clone rebuilds each finding property by property and
 * copies every string of it (the corpus's outcomes: 36.1 MB serialised, 18.9 MB as columns); columns
 * are copied whole, and the findings are rebuilt here with the shape the engine gives them.
 *
 * Exact: a finding with another shape (a key the engine does not write, another key order, a value
 * of another type) makes the whole outcome travel as it is.
 */
export type PostedOutcome =
  | { readonly packed: false; readonly outcome: Outcome }
  | { readonly packed: true; readonly outcome: PackedOutcome };

export interface PackedOutcome extends Omit<Outcome, 'result'> {
  readonly result: Omit<ValidationResult, 'diagnostics'> & { readonly diagnostics: PackedFindings };
}

interface PackedFindings {
  readonly strings: readonly string[];
  /** `WIDTH` numbers a finding: which keys it has, then each column's string index or number (-1: undefined). */
  readonly rows: Int32Array;
  /** `edit` and `suggestion` values, which are objects, in the order the rows name them. */
  readonly objects: readonly unknown[];
}

/** A finding's keys in the order the engine writes them (`position` in engine.ts). */
const KEYS = [
  'ruleId',
  'microsoftId',
  'category',
  'severity',
  'message',
  'fix',
  'fileKind',
  'file',
  'pointer',
  'line',
  'column',
  'length',
  'edit',
  'suggestion',
] as const;
type Key = (typeof KEYS)[number];
const STRING_KEYS = 9; // ruleId … pointer: strings (or undefined)
const MESSAGE = 4;
const POINTER = 8;
const NUMBER_KEYS = 12; // line, column, length: whole numbers (or undefined)
const WIDTH = 1 + KEYS.length;

/** The outcome as a worker posts it; see {@link PostedOutcome}. */
export function packOutcome(outcome: Outcome): PostedOutcome {
  const result = outcome.result;
  if (!result) return { packed: false, outcome };
  const diagnostics = packFindings(result.diagnostics);
  if (!diagnostics) return { packed: false, outcome };
  // Spread, then replaced: each key stays where it was, so the object prints as it did.
  return { packed: true, outcome: { ...outcome, result: { ...result, diagnostics } } };
}

/** The outcome a worker posted, as {@link packOutcome} was given it. */
export function unpackOutcome(posted: PostedOutcome): Outcome {
  if (!posted.packed) return posted.outcome;
  const { outcome } = posted;
  return {
    ...outcome,
    result: { ...outcome.result, diagnostics: unpackFindings(outcome.result.diagnostics) },
  };
}

function packFindings(diagnostics: readonly Diagnostic[]): PackedFindings | undefined {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  // The string each column held last, and its index: consecutive findings often share a rule and a file.
  const lastString: (string | undefined)[] = new Array(STRING_KEYS).fill(undefined);
  const lastIndex = new Int32Array(STRING_KEYS);
  const objects: unknown[] = [];
  const rows = new Int32Array(diagnostics.length * WIDTH);
  let row = 0;
  /** Writes column `k` of the current row; false when the value cannot travel in it. */
  const cell = (k: number, value: unknown): boolean => {
    let at: number;
    if (value === undefined) at = -1;
    else if (k < STRING_KEYS) {
      if (typeof value !== 'string') return false;
      if (lastString[k] === value) at = lastIndex[k] as number;
      else {
        // Messages and pointers are nearly always new: hashing them to look them up would cost
        // more than sending the odd one twice.
        at = k === MESSAGE || k === POINTER ? -1 : (indexes.get(value) ?? -1);
        if (at < 0) {
          at = strings.push(value) - 1;
          if (k !== MESSAGE && k !== POINTER) indexes.set(value, at);
        }
        lastString[k] = value;
        lastIndex[k] = at;
      }
    } else if (k < NUMBER_KEYS) {
      if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0x7fffffff) return false;
      at = value as number;
    } else at = objects.push(value) - 1;
    rows[row + 1 + k] = at;
    return true;
  };
  for (let d = 0; d < diagnostics.length; d++, row += WIDTH) {
    const finding = diagnostics[d] as unknown as Record<string, unknown>;
    // The keys are matched against KEYS in order (comparisons of interned strings, no lookup): a
    // key not found further on is unknown or out of order.
    let mask = 0;
    let k = 0;
    for (const key in finding) {
      while (k < KEYS.length && KEYS[k] !== key) k++;
      if (k === KEYS.length || !cell(k, finding[key])) return undefined;
      mask |= 1 << k;
      k++;
    }
    rows[row] = mask;
  }
  return { strings, rows, objects };
}

function unpackFindings({ strings, rows, objects }: PackedFindings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = (i: number) => (i < 0 ? undefined : strings[i]);
  const whole = (i: number) => (i < 0 ? undefined : i);
  const object = (i: number) => (i < 0 ? undefined : objects[i]);
  for (let row = 0; row < rows.length; row += WIDTH) {
    const mask = rows[row] as number;
    const c = (k: number) => rows[row + 1 + k] as number;
    // Keys set in the order of KEYS, as the engine writes them: every finding of one shape shares
    // one hidden class.
    const finding: Partial<Record<Key, unknown>> = {};
    for (let k = 0; k < KEYS.length; k++) {
      if (!(mask & (1 << k))) continue;
      const cell = c(k);
      finding[KEYS[k] as Key] = k < STRING_KEYS ? text(cell) : k < NUMBER_KEYS ? whole(cell) : object(cell);
    }
    out.push(finding as unknown as Diagnostic);
  }
  return out;
}
