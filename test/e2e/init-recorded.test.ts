/**
 * `flowport init` from recorded calls: curl commands in a file or piped in, a HAR with calls to two
 * hosts, and a second recording merged with `--update`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/testing.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import { validateConnector } from '../../src/validate/validate.ts';

const bin = new URL('../../bin/flowport.js', import.meta.url).pathname;
const TOKEN = 'ghp_recorded0token0value0123456789abcd';

const run = (...argv: string[]) => runCli(argv);

/** Commands as DevTools ("Copy as cURL (bash)"), Postman and an API's docs write them. */
const COMMANDS = `# List issues
curl 'https://api.tracker.example/v3/repos/acme/widgets/issues?state=open&per_page=30' \\
  -H 'accept: application/json' \\
  -H 'authorization: Bearer ${TOKEN}' \\
  -H 'sec-fetch-mode: cors' \\
  --compressed

# Get issue
curl --location 'https://api.tracker.example/v3/repos/acme/widgets/issues/1347' \\
--header 'Authorization: Bearer ${TOKEN}'

# Create issue
curl -X POST https://api.tracker.example/v3/repos/acme/widgets/issues \\
  -H "Authorization: Bearer ${TOKEN}" \\
  -H "Content-Type: application/json" \\
  -d '{"title":"Found a bug","labels":["bug"],"assignee":null}'

# Close issue
curl -sS -X PATCH https://api.tracker.example/v3/repos/acme/widgets/issues/1347 \\
  -H "Authorization: Bearer ${TOKEN}" --json '{"state":"closed"}'
`;

const files = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => readFileSync(join(dir, f.name), 'utf8'));

function har(hosts: readonly string[], paths: readonly string[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      entries: hosts.flatMap((host) =>
        paths.map((path) => ({
          request: {
            method: 'GET',
            url: `https://${host}${path}`,
            headers: [{ name: 'X-Api-Key', value: TOKEN }],
          },
          response: {
            status: 200,
            headers: [],
            content: { mimeType: 'application/json', text: '{"id":1,"name":"a"}' },
          },
        })),
      ),
    },
  });
}

describe('flowport init from recorded calls', () => {
  it('makes a connector of a file of curl commands, named by their comments, the token kept out', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-curl-'));
    const from = join(root, 'calls.sh');
    writeFileSync(from, COMMANDS);
    const dir = join(root, 'tracker');
    const init = await run('init', dir, '--from', from, '--publisher', 'Acme');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^4 operations from 4 recorded API calls/);
    const connector = loadConnectorSync(dir);
    expect(
      connector.operations.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.id} "${o.summary}"`),
    ).toEqual([
      'GET /issues ListIssues "List issues"',
      'POST /issues CreateIssue "Create issue"',
      'GET /issues/{issueId} GetIssue "Get issue"',
      'PATCH /issues/{issueId} CloseIssue "Close issue"',
    ]);
    // Words in every path stay fixed, in the base path: one repository was recorded.
    expect(connector.definition.raw?.basePath).toBe('/v3/repos/acme/widgets');
    const errors = validateConnector(connector, { preset: 'recommended' }).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([]);
    for (const text of files(dir)) expect(text).not.toContain(TOKEN);
  });

  it('reads the body files the commands name, beside the commands file; their values never reach the connector', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-curl-files-'));
    mkdirSync(join(root, 'bodies'));
    writeFileSync(
      join(root, 'bodies', 'ticket.json'),
      JSON.stringify({ title: 'Printer jammed', priority: 2, requester: 'ada@contoso.com' }, null, 2),
    );
    const from = join(root, 'calls.sh');
    writeFileSync(
      from,
      "curl -X POST https://api.desk.example/v1/tickets -H 'Content-Type: application/json' -H 'X-Api-Key: k-1' -d @bodies/ticket.json\n",
    );
    const dir = join(root, 'desk');
    const init = await run('init', dir, '--from', from);
    expect(init.code).toBe(0);
    const swagger = loadConnectorSync(dir).definition.raw as {
      paths: Record<
        string,
        { post: { parameters: { in: string; schema: { properties: Record<string, { type: string }> } }[] } }
      >;
    };
    const body = swagger.paths['/tickets']?.post.parameters.find((p) => p.in === 'body');
    expect(Object.entries(body?.schema.properties ?? {}).map(([k, v]) => `${k}: ${v.type}`)).toEqual([
      'title: string',
      'priority: integer',
      'requester: string',
    ]);
    for (const text of files(dir)) {
      expect(text).not.toContain('Printer jammed');
      expect(text).not.toContain('ada@contoso.com');
    }
  });

  it('reads commands piped in with --from -', () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-curl-'));
    const out = execFileSync(process.execPath, [bin, 'init', join(root, 'c'), '--from', '-'], {
      input: 'curl https://api.example.org/v1/status -H "X-Api-Key: k-123"\n',
      encoding: 'utf8',
    });
    expect(out).toMatch(/^1 operations from 1 recorded API calls/);
    expect(readFileSync(join(root, 'c', 'conversion-report.md'), 'utf8')).toContain(
      'Converted `stdin` (cURL commands)',
    );
  });

  it('takes the host most calls went to, another with --host, and refuses a host not recorded', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-har-'));
    const from = join(root, 'session.har');
    writeFileSync(
      from,
      har(['api.shop.example', 'api.shop.example', 'cdn.shop.example'], ['/v1/items', '/v1/items/42']),
    );
    const first = await run('init', join(root, 'a'), '--from', from);
    expect(first.code).toBe(0);
    expect(loadConnectorSync(join(root, 'a')).definition.raw?.host).toBe('api.shop.example');
    expect(first.stdout).toContain(
      'left out: a connector calls one host (convert again with `--host cdn.shop.example`',
    );
    const other = await run('init', join(root, 'b'), '--from', from, '--host', 'cdn.shop.example');
    expect(other.code).toBe(0);
    expect(loadConnectorSync(join(root, 'b')).definition.raw?.host).toBe('cdn.shop.example');
    const none = await run('init', join(root, 'c'), '--from', from, '--host', 'api.elsewhere.example');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /session\.har has no calls to api\.elsewhere\.example; the hosts it has are api\.shop\.example \(4\), cdn\.shop\.example \(2\)\. Give one of them to --host\./,
    );
    expect(none.stderr).not.toMatch(/\n\s+at /);
  });

  it('--update adds what a later recording shows and keeps what it does not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-har-'));
    const first = join(root, 'monday.har');
    const second = join(root, 'tuesday.har');
    const third = join(root, 'wednesday.har');
    writeFileSync(first, har(['api.shop.example'], ['/v1/items', '/v1/items?top=5']));
    writeFileSync(second, har(['api.shop.example'], ['/v1/items/42', '/v1/items/7']));
    writeFileSync(third, har(['api.shop.example'], ['/v1/orders', '/v1/items/42']));
    const dir = join(root, 'shop');
    expect((await run('init', dir, '--from', first)).code).toBe(0);
    const tuesday = await run('init', dir, '--update', second);
    expect(tuesday.code).toBe(0);
    expect(tuesday.stdout).toMatch(/Update: 1 added, 0 removed/);
    const wednesday = await run('init', dir, '--update', third);
    expect(wednesday.code).toBe(0);
    expect(wednesday.stdout).toMatch(/Update: 1 added, 0 removed/);
    expect(loadConnectorSync(dir).operations.map((o) => `${o.id} ${o.path}`)).toEqual([
      'ListOrders /orders',
      'GetItem /items/{itemId}',
      'ListItems /items',
    ]);
  });

  it('--update puts a later recording’s paths under the base path the first one gave', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-har-'));
    const first = join(root, 'first.har');
    const second = join(root, 'second.har');
    writeFileSync(first, har(['api.shop.example'], ['/api/v1/items', '/api/v1/items/42']));
    // Alone, these calls share `/api/v1/items` as their base path.
    writeFileSync(second, har(['api.shop.example'], ['/api/v1/items/labels', '/api/v1/items/colours']));
    const dir = join(root, 'shop');
    expect((await run('init', dir, '--from', first)).code).toBe(0);
    const update = await run('init', dir, '--update', second);
    expect(update.code).toBe(0);
    const connector = loadConnectorSync(dir);
    expect(connector.definition.raw?.basePath).toBe('/api/v1');
    expect(connector.operations.map((o) => o.path).sort()).toEqual([
      '/items',
      '/items/colours',
      '/items/labels',
      '/items/{itemId}',
    ]);
  });
});
