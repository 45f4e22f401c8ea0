/**
 * `flowport init` from recordings, fed junk: HARs with arbitrary entries (any method, URL, headers,
 * bodies and answers, JSON or not, `__proto__` keys) and mutated curl commands. A conversion either
 * gives a connector that loads, or refuses with a FlowportError; nothing else escapes, and no value
 * sent as a credential reaches the connector's files.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../src/connector/load.ts';
import { convert } from '../../src/convert/convert.ts';
import { isFlowportError } from '../../src/errors.ts';

const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_261_129);
const SECRET = 'Zq9secretvalue';

const segment = fc.oneof(
  fc.constantFrom(
    'users',
    'v1',
    'api',
    'me',
    'items',
    'line-items',
    '__proto__',
    'constructor',
    '',
    '%zz',
    '..',
  ),
  fc.nat({ max: 99_999 }).map(String),
  fc.uuid(),
  fc.string({ maxLength: 12 }),
);
const url = fc
  .tuple(
    fc.constantFrom(
      'https://api.example.com',
      'http://127.0.0.1:8080',
      'https://cdn.example.com',
      'ftp://x',
      'nonsense',
    ),
    fc.array(segment, { maxLength: 6 }),
    fc.array(
      fc.tuple(fc.constantFrom('top', 'q', 'api_key', 'tag', '__proto__'), fc.string({ maxLength: 6 })),
      {
        maxLength: 4,
      },
    ),
  )
  .map(([origin, path, query]) => {
    const q = query.map(([k, v]) => `${k}=${encodeURIComponent(k === 'api_key' ? SECRET : v)}`).join('&');
    return `${origin}/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
  });
const header = fc.oneof(
  fc.constant({ name: 'Authorization', value: `Bearer ${SECRET}` }),
  fc.constant({ name: 'X-Api-Key', value: SECRET }),
  fc.constant({ name: 'Cookie', value: `sid=${SECRET}` }),
  fc.record({
    name: fc.constantFrom('X-Version', 'Accept', '__proto__', ''),
    value: fc.string({ maxLength: 8 }),
  }),
  fc.anything(),
);
const body = fc.oneof(
  fc.json().map((text) => ({ mimeType: 'application/json', text })),
  fc
    .tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', ''), fc.string())
    .map(([mimeType, text]) => ({ mimeType, text })),
  fc.anything(),
);
const entry = fc.record(
  {
    _resourceType: fc.constantFrom('fetch', 'xhr', 'document', 'script', undefined),
    request: fc.record(
      {
        method: fc.constantFrom('GET', 'POST', 'put', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'BREW'),
        url,
        headers: fc.array(header, { maxLength: 5 }),
        postData: body,
      },
      { requiredKeys: ['url'] },
    ),
    response: fc.oneof(
      fc.record({
        status: fc.constantFrom(0, 200, 201, 204, 301, 404, 500),
        headers: fc.constant([]),
        content: fc.record({
          mimeType: fc.constantFrom('application/json', 'text/csv', 'image/png', ''),
          text: fc.json(),
        }),
      }),
      fc.anything(),
    ),
  },
  { requiredKeys: ['request'] },
);

const curl = fc
  .tuple(
    url,
    fc.array(
      fc.oneof(
        fc.constantFrom(
          `-H 'Authorization: Bearer ${SECRET}'`,
          '-X POST',
          `-u ${SECRET}:x`,
          '--json',
          "-d 'a=1'",
          '-F f=@x',
          '\\\n',
          "'",
          '"',
          "$'\\x41",
        ),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([u, options]) => `curl '${u}' ${options.join(' ')}`);

const outcomes = { converted: 0, refused: 0, operations: 0 };

/** Converts; a refusal must be a FlowportError; a connector must load and hold no secret. */
function check(text: string): void {
  let files: Readonly<Record<string, Uint8Array>>;
  try {
    files = convert(text, { source: 'fuzz', preset: false }).files;
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    outcomes.refused++;
    return;
  }
  outcomes.converted++;
  const connector = connectorFromFiles(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
  outcomes.operations += connector.operations.length;
  for (const bytes of Object.values(files)) expect(new TextDecoder().decode(bytes)).not.toContain(SECRET);
}

describe('recordings fed junk', () => {
  // Both outcomes must be exercised, and conversions must make operations, or the property says little.
  afterAll(() => {
    console.log(`recordings fuzz: ${JSON.stringify(outcomes)}`);
    expect(outcomes.converted).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(10);
    expect(outcomes.operations).toBeGreaterThan(outcomes.converted);
  });

  it('HARs: a connector or a FlowportError, never a secret in the files', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        check(JSON.stringify({ log: { version: '1.2', entries } }));
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('curl commands: a connector or a FlowportError, never a secret in the files', () => {
    fc.assert(
      fc.property(fc.array(curl, { minLength: 1, maxLength: 5 }), (commands) => {
        check(commands.join('\n\n'));
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
