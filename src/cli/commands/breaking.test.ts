import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;
// biome-ignore lint/suspicious/noExplicitAny: swagger documents are plain JSON, edited freely by the cases.
type Doc = Record<string, any>;

const root = mkdtempSync(join(tmpdir(), 'flowport-breaking-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv);

/** A copy of the example whose swagger is changed by `edit`. */
function version(name: string, edit?: (swagger: Doc) => void): string {
  const dir = join(root, name);
  cpSync(example, dir, { recursive: true });
  if (edit) {
    const file = join(dir, 'apiDefinition.swagger.json');
    const swagger = JSON.parse(readFileSync(file, 'utf8'));
    edit(swagger);
    writeFileSync(file, JSON.stringify(swagger, null, 2));
  }
  return dir;
}

const firstOperation = (swagger: Doc) => {
  for (const [path, item] of Object.entries(swagger.paths as Record<string, Doc>))
    for (const [method, op] of Object.entries(item))
      if (typeof op === 'object' && op?.operationId) return { path, method, op };
  throw new Error('the example has no operation');
};

describe('flowport breaking', () => {
  const old = version('old');
  const same = version('same');
  const removed = version('removed', (s) => {
    const { path, method } = firstOperation(s);
    delete s.paths[path][method];
  });
  const id = firstOperation(JSON.parse(readFileSync(join(old, 'apiDefinition.swagger.json'), 'utf8'))).op
    .operationId;

  it('exits 0 and says so when nothing breaks', async () => {
    const r = await run(['breaking', old, same, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no breaking changes');
  });

  it('exits 1 on a breaking change and prints it as the pipeline does with --format pipeline', async () => {
    const r = await run(['breaking', old, removed, '--format', 'pipeline']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `##[error]The operation has been deleted. This change breaks existing flows. ValuePath: operation/${id} Source: NewSwagger\n`,
    );
    expect((await run(['breaking', old, removed, '--fail-on', 'never'])).code).toBe(0);
    // `diff` is another name for it.
    expect(await run(['diff', old, removed, '--format', 'pipeline'])).toMatchObject({
      code: 1,
      stdout: r.stdout,
    });
    // As a GitHub annotation on the new swagger (the deleted operation has no line there).
    const github = await run(['breaking', old, removed, '--format', 'github']);
    expect(github.stdout).toMatch(
      /^::error file=[^,]*removed\/apiDefinition\.swagger\.json,title=flowport breaking operation-deleted::The operation has been deleted\./,
    );
    const json = JSON.parse((await run(['breaking', old, removed, '-f', 'json'])).stdout);
    expect(json.summary).toEqual({ error: 1, warning: 0, info: 0 });
    expect(json.results[0].changes[0]).toMatchObject({ kind: 'operation-deleted', version: 'old' });
  });

  it('is a usage error (2) without two versions or --base', async () => {
    const r = await run(['breaking', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base <git revision>.*\[USAGE\]/);
  });

  it('records changes made on purpose in a file of accepted changes, which then fail nothing', async () => {
    const ledger = join(root, 'breaking-accepted.json');
    // Without a reason, or without the file to write to, nothing is written.
    expect((await run(['breaking', old, removed, '--accept-all', 'x'])).stderr).toContain(
      'give it with `--accept <file>`',
    );
    expect((await run(['breaking', old, removed, '--accept', ledger, '--accept-all', ' '])).code).toBe(2);
    expect((await run(['breaking', old, removed, '--accept', ledger])).stderr).toContain(
      'the file of accepted changes does not exist',
    );

    const first = await run([
      'breaking',
      old,
      removed,
      '--accept',
      ledger,
      '--accept-all',
      'Not published yet.',
      '--no-color',
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`1 change added to ${ledger} as accepted.`);
    expect(JSON.parse(readFileSync(ledger, 'utf8'))).toEqual({
      accepted: [{ kind: 'operation-deleted', path: `operation/${id}`, reason: 'Not published yet.' }],
    });
    // Reported, marked with the reason, not counted; the pipeline lines leave it out.
    const text = await run(['breaking', old, removed, '--accept', ledger, '--no-color']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('  accepted The operation has been deleted.');
    expect(text.stdout).toContain('Accepted: Not published yet.');
    expect(text.stdout).toContain('0 breaking (error), 0 warnings, 0 info, 1 accepted');
    expect((await run(['breaking', old, removed, '--accept', ledger, '-f', 'pipeline'])).stdout).toBe('');
    const json = JSON.parse((await run(['breaking', old, removed, '--accept', ledger, '-f', 'json'])).stdout);
    expect(json.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(json.results[0].changes[0].accepted).toBe('Not published yet.');
    // Once the operation is back, the entry matches nothing and is named.
    const fixed = await run(['breaking', old, same, '--accept', ledger, '-f', 'json']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).unusedAccepted).toEqual([
      { kind: 'operation-deleted', path: `operation/${id}`, reason: 'Not published yet.' },
    ]);
    expect(fixed.stderr).toContain(
      `no change matches the accepted operation-deleted operation/${id}; remove it`,
    );
    // A malformed file is a usage error naming the entry.
    writeFileSync(ledger, JSON.stringify({ accepted: [{ kind: 'operation-gone', path: 'x', reason: 'r' }] }));
    const bad = await run(['breaking', old, removed, '--accept', ledger]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('accepted[0].kind `operation-gone` is not a change kind');
  });

  it('compares with a git revision, and lets a connector new since then pass', async () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'connectors'), { recursive: true });
    cpSync(old, join(repo, 'connectors/tasklane'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'first');
    cpSync(
      join(removed, 'apiDefinition.swagger.json'),
      join(repo, 'connectors/tasklane/apiDefinition.swagger.json'),
    );
    cpSync(old, join(repo, 'connectors/new-one'), { recursive: true });
    const r = await run(['breaking', join(repo, 'connectors'), '--base', 'HEAD', '-f', 'pipeline']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`ValuePath: operation/${id} Source: NewSwagger`);
    expect(r.stderr).toContain('connectors/new-one is not in HEAD: a new connector has nothing to break.');
    const unknown = await run(['breaking', join(repo, 'connectors/tasklane'), '--base', 'no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Revision `no-such-branch` is unknown');
    const option = await run(['breaking', join(repo, 'connectors/tasklane'), '--base=--output=x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('is not a git revision');
  });
});
