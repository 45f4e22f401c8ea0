/**
 * Accepted breaking changes: a file in the repository where maintainers record, with a reason, the
 * breaking changes they make on purpose (a connector not published yet, an operation retired with
 * notice). Accepted changes are still reported, marked with their reason, and do not fail the run;
 * entries that match no change any more are named, so that the file does not rot.
 *
 * ```json
 * { "accepted": [
 *   { "kind": "operation-deleted", "path": "operation/ListProjects", "connector": "Tasklane",
 *     "reason": "Not published yet: no flow uses it." } ] }
 * ```
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { FlowportError } from '../errors.ts';
import { readJsonFile } from '../validate/config.ts';
import type { BreakingChange, BreakingResult } from './change.ts';
import { CHANGE_KINDS, type ChangeKindId } from './kinds.ts';

export interface AcceptedEntry {
  readonly kind: ChangeKindId;
  /** Microsoft's change path; ending in `/**`, the path and everything under it. */
  readonly path: string;
  /** The connector's folder (or file) name; absent, any connector compared. */
  readonly connector?: string;
  readonly reason: string;
}

export interface AcceptedFile {
  readonly file: string;
  readonly entries: readonly AcceptedEntry[];
}

const KINDS = new Set<string>(CHANGE_KINDS.map((k) => k.id));
const KEYS = new Set(['kind', 'path', 'connector', 'reason']);

/** Checks a parsed file of accepted changes; throws `CONFIG_INVALID` naming the entry and the fix. */
export function parseAccepted(value: unknown, file: string): AcceptedFile {
  const fail = (message: string): never => {
    throw new FlowportError('CONFIG_INVALID', `${file}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('the file must be a JSON object with an `accepted` array.');
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj))
    if (key !== 'accepted' && key !== '$schema' && key !== '$comment')
      fail(`unknown key \`${key}\`; the file has one key, \`accepted\`.`);
  const list = obj.accepted ?? [];
  if (!Array.isArray(list)) return fail('`accepted` must be an array of { kind, path, reason }.');
  const entries = list.map((raw: unknown, i): AcceptedEntry => {
    const at = `accepted[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return fail(`${at} must be an object { kind, path, reason }.`);
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e))
      if (!KEYS.has(key)) fail(`${at} has an unknown key \`${key}\`; use kind, path, connector and reason.`);
    if (typeof e.kind !== 'string' || !KINDS.has(e.kind))
      fail(
        `${at}.kind ${typeof e.kind === 'string' ? `\`${e.kind}\` is not a change kind` : 'is missing'}; use an id from docs/breaking-changes.md, such as \`operation-deleted\`.`,
      );
    if (typeof e.path !== 'string' || e.path.trim() === '')
      fail(
        `${at}.path is missing: give the change path the report shows (ValuePath), e.g. \`operation/ListItems\`.`,
      );
    if (typeof e.reason !== 'string' || e.reason.trim() === '')
      fail(`${at}.reason is missing: say why the change is acceptable, for whoever reads the file next.`);
    if (e.connector !== undefined && (typeof e.connector !== 'string' || e.connector === ''))
      fail(`${at}.connector must be the connector's folder name, or left out.`);
    return {
      kind: e.kind as ChangeKindId,
      path: e.path as string,
      ...(e.connector !== undefined && { connector: e.connector as string }),
      reason: e.reason as string,
    };
  });
  return { file, entries };
}

/** Reads a file of accepted changes; a missing file is an empty one when `missingOk` (for writing). */
export function readAccepted(file: string, missingOk = false): AcceptedFile {
  if (!existsSync(file)) {
    if (missingOk) return { file, entries: [] };
    throw new FlowportError(
      'CONFIG_INVALID',
      `${file}: the file of accepted changes does not exist; create it with \`--accept-all "<reason>"\`.`,
    );
  }
  return parseAccepted(readJsonFile(file), file);
}

/** The name entries use for a compared connector: its folder or file name. */
export const connectorName = (r: BreakingResult) => basename(r.new.replace(/[\\/]+$/, ''));

function matches(entry: AcceptedEntry, r: BreakingResult, c: BreakingChange): boolean {
  if (entry.kind !== c.kind) return false;
  if (entry.connector !== undefined && entry.connector.toLowerCase() !== connectorName(r).toLowerCase())
    return false;
  if (entry.path.endsWith('/**')) {
    const prefix = entry.path.slice(0, -3);
    return c.path === prefix || c.path.startsWith(`${prefix}/`);
  }
  return entry.path === c.path;
}

export interface Judged {
  /** The results with accepted changes marked, and summaries counting only the others. */
  readonly results: readonly BreakingResult[];
  readonly accepted: number;
  /** Entries that matched no change: fixed since, or mistyped. */
  readonly unused: readonly AcceptedEntry[];
}

/** Marks the changes an entry accepts; the summaries then count only the changes not accepted. */
export function applyAccepted(results: readonly BreakingResult[], file: AcceptedFile | undefined): Judged {
  const used = new Set<AcceptedEntry>();
  let accepted = 0;
  const judged = results.map((r) => {
    const summary = { error: 0, warning: 0, info: 0 };
    const changes = r.changes.map((c): BreakingChange => {
      const entry = file?.entries.find((e) => matches(e, r, c));
      if (!entry) {
        summary[c.severity]++;
        return c;
      }
      used.add(entry);
      accepted++;
      return { ...c, accepted: entry.reason };
    });
    return { ...r, changes, summary };
  });
  return { results: judged, accepted, unused: (file?.entries ?? []).filter((e) => !used.has(e)) };
}

/**
 * Adds every change not accepted yet to the file, with `reason`, naming the connector when more than
 * one was compared; returns how many were added. The file keeps its other entries.
 */
export function acceptAll(file: AcceptedFile, judged: Judged, reason: string): number {
  const many = new Set(judged.results.map(connectorName)).size > 1;
  const added: AcceptedEntry[] = [];
  for (const r of judged.results)
    for (const c of r.changes)
      if (c.accepted === undefined)
        added.push({ kind: c.kind, path: c.path, ...(many && { connector: connectorName(r) }), reason });
  if (added.length > 0) {
    const entries = [...file.entries, ...added];
    writeFileSync(file.file, `${JSON.stringify({ accepted: entries }, null, 2)}\n`);
  }
  return added.length;
}
