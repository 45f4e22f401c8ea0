import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessClient, type TestClient } from './testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
let client: TestClient | undefined;
afterEach(() => client?.dispose());

/** A git repository with the example connector committed. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), 'flowport-lsp-git-'));
  const folder = join(root, 'certified-connectors', 'Tasklane');
  cpSync(example, folder, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], {
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'v1');
  const swagger = join(folder, 'apiDefinition.swagger.json');
  const text = readFileSync(swagger, 'utf8');
  // The DeleteTask operation removed: a change that breaks flows using it.
  const start = text.indexOf('      "delete": {');
  const end = text.indexOf('      }\n    },\n    "/hooks"');
  const removed = `${text.slice(0, start).replace(/,\n$/, '\n')}${text.slice(end + '      }\n'.length)}`;
  JSON.parse(removed);
  return { root, swagger, text, removed };
}

describe('breaking changes in the editor', () => {
  it("shows a change that breaks flows, against HEAD, where the removed operation's path still is", async () => {
    const { root, swagger, removed } = repository();
    client = inProcessClient();
    await client.initialize({ rootPath: root });
    client.open(swagger, removed);
    const found = await client.diagnostics(swagger);
    const deleted = found.find((d) => d.code === 'operation-deleted');
    expect(deleted?.source).toBe('flowport breaking');
    expect(deleted?.severity).toBe(1);
    expect(deleted?.message).toMatch(/DeleteTask.*\(against HEAD\)\nFix: /s);
    expect(deleted?.codeDescription?.href).toMatch(/docs\/breaking-changes\.md#operation-deleted$/);
    expect(deleted?.range.start.line).toBe(
      removed.split('\n').findIndex((l) => l.includes('"/tasks/{taskId}": {')),
    );
  });

  it('shows none for the text as committed, or when the editor turns them off', async () => {
    const { root, swagger, text, removed } = repository();
    client = inProcessClient();
    await client.initialize({ rootPath: root });
    client.open(swagger, text);
    expect((await client.diagnostics(swagger)).filter((d) => d.source === 'flowport breaking')).toEqual([]);
    client.dispose();
    client = inProcessClient();
    await client.initialize({ rootPath: root, initializationOptions: { breakingBase: false } });
    client.open(swagger, removed);
    expect((await client.diagnostics(swagger)).filter((d) => d.source === 'flowport breaking')).toEqual([]);
  });

  it('names a revision git does not know, and still validates', async () => {
    const { root, swagger, removed } = repository();
    client = inProcessClient();
    await client.initialize({ rootPath: root, initializationOptions: { breakingBase: 'origin/nope' } });
    client.open(swagger, removed);
    await client.diagnostics(swagger);
    expect(client.messages.at(-1)?.message).toMatch(
      /^flowport: no breaking changes against origin\/nope: Revision `origin\/nope` is unknown/,
    );
  });

  it('shows a change accepted in the file of accepted changes as information, with its reason', async () => {
    const { root, swagger, removed } = repository();
    writeFileSync(
      join(root, 'breaking-accepted.json'),
      JSON.stringify({
        accepted: [{ kind: 'operation-deleted', path: 'operation/DeleteTask', reason: 'Retired in v2' }],
      }),
    );
    client = inProcessClient();
    await client.initialize({
      rootPath: root,
      initializationOptions: { breakingAccept: 'breaking-accepted.json' },
    });
    client.open(swagger, removed);
    const deleted = (await client.diagnostics(swagger)).find((d) => d.code === 'operation-deleted');
    expect(deleted?.severity).toBe(3);
    expect(deleted?.message).toMatch(/^Accepted: Retired in v2\. The operation has been deleted/);
  });
});
