import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptAll, applyAccepted, parseAccepted, readAccepted } from './accepted.ts';
import type { BreakingChange, BreakingResult } from './change.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowport-accepted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function change(kind: BreakingChange['kind'], path: string, severity: BreakingChange['severity'] = 'error') {
  return {
    kind,
    severity,
    message: 'm',
    detail: 'd',
    fix: 'f',
    path,
    version: 'new',
    file: undefined,
    pointer: undefined,
    line: undefined,
    column: undefined,
  } satisfies BreakingChange;
}

function result(folder: string, changes: BreakingChange[]): BreakingResult {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const c of changes) summary[c.severity]++;
  return {
    old: `old/${folder}`,
    new: `connectors/${folder}/`,
    newSwagger: undefined,
    changes,
    summary,
    update: { kind: 'major', differences: [] },
  };
}

const tasklane = () =>
  result('Tasklane', [
    change('operation-deleted', 'operation/ListProjects'),
    change('output-field-deleted', 'operation/GetTask/responses/200/schema/owner/name'),
    change('output-field-deleted', 'operation/GetTask/responses/200/schema/owner/email'),
    change('parameter-deleted', 'operation/GetTask/parameter/expand', 'warning'),
  ]);

describe('accepted breaking changes', () => {
  it('accepts changes by kind and path, a path ending in /** with everything under it, per connector', () => {
    const file = parseAccepted(
      {
        accepted: [
          { kind: 'operation-deleted', path: 'operation/ListProjects', reason: 'Not published yet.' },
          {
            kind: 'output-field-deleted',
            path: 'operation/GetTask/responses/200/schema/owner/**',
            connector: 'tasklane',
            reason: 'The owner moved to its own action.',
          },
          { kind: 'operation-deleted', path: 'operation/ListProjects', connector: 'Parcelwise', reason: 'x' },
          { kind: 'parameter-deleted', path: 'operation/GetTask/parameter/expan', reason: 'typo' },
        ],
      },
      'accepted.json',
    );
    const judged = applyAccepted([tasklane()], file);
    expect(judged.results[0]?.changes.map((c) => c.accepted)).toEqual([
      'Not published yet.',
      'The owner moved to its own action.',
      'The owner moved to its own action.',
      undefined,
    ]);
    // Only what is not accepted counts.
    expect(judged.results[0]?.summary).toEqual({ error: 0, warning: 1, info: 0 });
    expect(judged.accepted).toBe(3);
    // The entry for another connector and the mistyped path match nothing: named, so they can go.
    expect(judged.unused.map((e) => e.path)).toEqual([
      'operation/ListProjects',
      'operation/GetTask/parameter/expan',
    ]);
    // Another kind at the same path is not accepted.
    const other = applyAccepted(
      [result('Tasklane', [change('operation-hidden', 'operation/ListProjects')])],
      file,
    );
    expect(other.results[0]?.changes[0]?.accepted).toBeUndefined();
  });

  it('refuses a malformed file, naming the entry and the fix', () => {
    const bad = (value: unknown) => {
      try {
        parseAccepted(value, 'accepted.json');
      } catch (e) {
        return `${(e as { code: string }).code} ${(e as Error).message}`;
      }
      return 'accepted';
    };
    expect(bad([])).toMatch(/^CONFIG_INVALID accepted\.json: the file must be a JSON object/);
    expect(bad({ accept: [] })).toContain('unknown key `accept`');
    expect(bad({ accepted: {} })).toContain('`accepted` must be an array');
    expect(bad({ accepted: [{ kind: 'operation-removed', path: 'x', reason: 'r' }] })).toContain(
      'accepted[0].kind `operation-removed` is not a change kind; use an id from docs/breaking-changes.md',
    );
    expect(bad({ accepted: [{ kind: 'operation-deleted', path: 'x', reason: ' ' }] })).toContain(
      'accepted[0].reason is missing',
    );
    expect(bad({ accepted: [{ kind: 'operation-deleted', reason: 'r' }] })).toContain(
      'accepted[0].path is missing',
    );
    expect(bad({ accepted: [{ kind: 'operation-deleted', path: 'x', reason: 'r', until: 1 }] })).toContain(
      'unknown key `until`',
    );
    expect(bad({ accepted: [] })).toBe('accepted');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "accepted": [ }');
    expect(() => readAccepted(broken)).toThrow(/broken\.json: not valid JSON/);
    expect(() => readAccepted(join(dir, 'missing.json'))).toThrow(
      /does not exist; create it with `--accept-all/,
    );
    expect(readAccepted(join(dir, 'missing.json'), true).entries).toEqual([]);
  });

  it('adds every change not accepted yet, keeping the entries there, naming connectors when there are many', () => {
    const path = join(dir, 'ledger.json');
    writeFileSync(
      path,
      JSON.stringify({
        accepted: [{ kind: 'operation-deleted', path: 'operation/ListProjects', reason: 'Kept.' }],
      }),
    );
    const parcelwise = result('Parcelwise', [change('operation-hidden', 'operation/TrackParcel')]);
    const file = readAccepted(path);
    expect(acceptAll(file, applyAccepted([tasklane(), parcelwise], file), 'Release 2.0')).toBe(4);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.accepted[0]).toEqual({
      kind: 'operation-deleted',
      path: 'operation/ListProjects',
      reason: 'Kept.',
    });
    expect(
      written.accepted.slice(1).map((e: { connector: string; path: string }) => `${e.connector} ${e.path}`),
    ).toEqual([
      'Tasklane operation/GetTask/responses/200/schema/owner/name',
      'Tasklane operation/GetTask/responses/200/schema/owner/email',
      'Tasklane operation/GetTask/parameter/expand',
      'Parcelwise operation/TrackParcel',
    ]);
    const again = readAccepted(path);
    const judged = applyAccepted([tasklane(), parcelwise], again);
    expect(judged.accepted).toBe(5);
    expect(judged.unused).toEqual([]);
    expect(acceptAll(again, judged, 'Release 2.0')).toBe(0);
  });
});
