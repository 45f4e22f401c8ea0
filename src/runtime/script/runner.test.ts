import { afterAll, describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { ScriptHttpRequest, ScriptHttpResponse } from './protocol.ts';
import { createScriptRunner, type ScriptRunInput, type ScriptSend } from './runner.ts';

const runner = createScriptRunner({ timeoutMs: 3000 });
afterAll(() => runner.close());

const request: ScriptHttpRequest = {
  method: 'POST',
  url: 'https://api.parcel.example/v1/echo?x=1',
  headers: [
    ['content-type', 'application/json'],
    ['authorization', 'Bearer abc'],
  ],
  body: '{"name":"Ada"}',
};

const unreachable: ScriptSend = async () => {
  throw new Error('This test does not expect `sendAsync` to be called.');
};

/** A script whose `executeAsync` body is `body`. */
const script = (body: string) =>
  `export default class Script {\n  async executeAsync(context: any): Promise<Response> {\n${body}\n  }\n}\n`;

function run(source: string, extra: Partial<ScriptRunInput> = {}) {
  return runner.run({
    source,
    fileName: 'script.ts',
    operationId: 'Echo',
    request,
    sendAsync: unreachable,
    ...extra,
  });
}

/** The FlowportError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<FlowportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FlowportError)) throw new Error(`Expected a FlowportError, got ${String(error)}.`);
  return error;
}

describe('a script that answers by itself', () => {
  it('sees the request, the operation and the connection values, and returns its own response', async () => {
    const result = await run(
      script(`
    const body = await context.request.json();
    return Response.json({
      method: context.request.method,
      url: context.request.url,
      auth: context.request.headers.get('authorization'),
      name: body.name,
      operationId: context.operationId,
      region: context.connectionParameters.region,
      correlationId: context.correlationId,
    }, { status: 201, headers: { 'x-echo': 'yes' } });`),
      { connectionParameters: { region: 'eu' }, correlationId: 'corr-1' },
    );
    expect(result.response.status).toBe(201);
    expect(result.response.headers.get('x-echo')).toBe('yes');
    expect(result.response.body).toEqual({
      kind: 'json',
      value: {
        method: 'POST',
        url: 'https://api.parcel.example/v1/echo?x=1',
        auth: 'Bearer abc',
        name: 'Ada',
        operationId: 'Echo',
        region: 'eu',
        correlationId: 'corr-1',
      },
    });
    expect(result.correlationId).toBe('corr-1');
  });

  it('accepts `export class Script` as well as a default export', async () => {
    const result = await run(
      'export class Script { async executeAsync() { return new Response("hi", { headers: { "content-type": "text/plain" } }); } }',
    );
    expect(result.response.body).toEqual({ kind: 'text', text: 'hi' });
  });

  it('gives a GET request no body and returns an empty body as `none`', async () => {
    const result = await run(
      script(
        'return new Response(null, { status: 204, headers: { "x-body": String(context.request.body) } });',
      ),
      { request: { method: 'GET', url: 'https://api.parcel.example/v1/x', headers: [], body: 'ignored' } },
    );
    expect(result.response.status).toBe(204);
    expect(result.response.headers.get('x-body')).toBe('null');
    expect(result.response.body).toEqual({ kind: 'none' });
  });

  it('builds notification URLs on the runtime base and knows the original request URL', async () => {
    const result = await run(
      script(
        'return Response.json({ hook: context.createNotificationUrl("/hooks/parcel?id=1"), original: context.originalRequestUrl });',
      ),
      {
        runtimeBaseUrl: 'https://flowport.example/c/parcelwise/',
        originalRequestUrl: 'https://flowport.example/c/x',
      },
    );
    expect(result.response.body).toEqual({
      kind: 'json',
      value: {
        hook: 'https://flowport.example/c/parcelwise/hooks/parcel?id=1',
        original: 'https://flowport.example/c/x',
      },
    });
  });
});

describe('sendAsync', () => {
  it('forwards a changed request to the injected sender and transforms the answer', async () => {
    const sent: ScriptHttpRequest[] = [];
    const fake: ScriptSend = async (req) => {
      sent.push(req);
      return { status: 200, headers: [['content-type', 'text/csv']], body: 'id,weight\np1,2.5\np2,1' };
    };
    const result = await run(
      script(`
    const forwarded = new Request(context.request.url.replace('/echo', '/parcels'), context.request);
    forwarded.headers.set('x-trace', context.correlationId);
    const response = await context.sendAsync(forwarded);
    const [header, ...rows] = (await response.text()).split('\\n');
    const names = header.split(',');
    const items = rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], v])));
    return Response.json({ items, status: response.status });`),
      { sendAsync: fake, correlationId: 'c-7' },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.url).toBe('https://api.parcel.example/v1/parcels?x=1');
    expect(new Headers(sent[0]?.headers.map(([n, v]): [string, string] => [n, v])).get('x-trace')).toBe(
      'c-7',
    );
    expect(new TextDecoder().decode(sent[0]?.body as Uint8Array)).toBe('{"name":"Ada"}');
    expect(result.response.body).toEqual({
      kind: 'json',
      value: {
        items: [
          { id: 'p1', weight: '2.5' },
          { id: 'p2', weight: '1' },
        ],
        status: 200,
      },
    });
  });

  it('takes fetch-style arguments and passes a 204 answer through', async () => {
    const sent: ScriptHttpRequest[] = [];
    const result = await run(
      script(`
    const response = await context.sendAsync('https://other.example/ping', { method: 'DELETE' });
    return new Response(null, { status: response.status === 204 ? 202 : 500 });`),
      {
        sendAsync: async (req) => {
          sent.push(req);
          return { status: 204, headers: [], body: undefined } satisfies ScriptHttpResponse;
        },
      },
    );
    expect(sent.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'DELETE https://other.example/ping undefined',
    ]);
    expect(result.response.status).toBe(202);
  });

  it('rejects in the script with the sender’s message and code, which the script can catch', async () => {
    const result = await run(
      script(`
    try { await context.sendAsync(context.request); return new Response('sent'); }
    catch (error) { return Response.json({ message: error.message, code: error.code }, { status: 502 }); }`),
      {
        sendAsync: async () => {
          throw new FlowportError('UPSTREAM_UNREACHABLE', 'Cannot reach `api.parcel.example`.');
        },
      },
    );
    expect(result.response.status).toBe(502);
    expect(result.response.body).toEqual({
      kind: 'json',
      value: { message: 'Cannot reach `api.parcel.example`.', code: 'UPSTREAM_UNREACHABLE' },
    });
  });
});

describe('a script that throws', () => {
  it('becomes a 500 response with a JSON error naming the line, and the stack in the logs', async () => {
    const result = await run(
      script("    context.logger.info('about to fail');\n    throw new TypeError('no parcel');"),
      {
        correlationId: 'c-500',
      },
    );
    expect(result.response.status).toBe(500);
    expect(result.response.headers.get('content-type')).toBe('application/json');
    expect(result.response.body).toEqual({
      kind: 'json',
      value: {
        error: {
          code: 'CUSTOM_CODE_FAILED',
          message:
            'Custom code `script.ts` for operation `Echo` threw TypeError: no parcel at line 4; the call fails with status 500.',
          correlationId: 'c-500',
        },
      },
    });
    expect(result.logs[0]).toEqual({ level: 'info', message: 'about to fail' });
    expect(result.logs[1]?.level).toBe('error');
    expect(result.logs[1]?.message).toMatch(
      /TypeError: no parcel\n\s+at Script\.executeAsync \(script\.ts:4:/,
    );
  });

  it('becomes a 500 response when an unawaited timer throws', async () => {
    const result = await run(
      script("    setTimeout(() => { throw new Error('late'); }, 0);\n    return new Promise(() => {});"),
    );
    expect(result.response.status).toBe(500);
    expect(JSON.stringify(result.response.body)).toContain('Error: late');
  });
});

describe('limits', () => {
  it('stops an endless loop with CUSTOM_CODE_TIMEOUT soon after the time limit', async () => {
    const quick = createScriptRunner({ timeoutMs: 500 });
    const started = performance.now();
    const error = await failure(
      quick.run({
        source: script('    for (;;) {}'),
        fileName: 'script.ts',
        operationId: 'Spin',
        request,
        sendAsync: unreachable,
      }),
    );
    expect(error.code).toBe('CUSTOM_CODE_TIMEOUT');
    expect(error.message).toContain('`Spin` did not finish within 500 ms');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('counts time spent waiting for `sendAsync` and aborts the pending send', async () => {
    // Long enough for the worker to start and call `sendAsync` on a busy machine.
    const quick = createScriptRunner({ timeoutMs: 2000 });
    let aborted = false;
    const error = await failure(
      quick.run({
        source: script('    return context.sendAsync(context.request);'),
        fileName: 'script.ts',
        operationId: 'Slow',
        request,
        sendAsync: (_req, { signal }) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(signal.reason);
            });
          }),
      }),
    );
    expect(error.code).toBe('CUSTOM_CODE_TIMEOUT');
    expect(aborted).toBe(true);
  });

  it('stops a script that fills its heap, and the next script still runs', async () => {
    const small = createScriptRunner({ memoryMb: 32, timeoutMs: 20_000 });
    const error = await failure(
      small.run({
        source: script('    const hoard = [];\n    for (;;) hoard.push(new Array(100_000).fill(1.5));'),
        fileName: 'script.ts',
        operationId: 'Hoard',
        request,
        sendAsync: unreachable,
      }),
    );
    expect(error.code).toBe('CUSTOM_CODE_FAILED');
    expect(error.message).toContain('ran out of memory (limit 32 MB)');
    const after = await run(script('    return new Response("still here");'));
    expect(after.response.status).toBe(200);
  });

  it('keeps the first log entries, cuts long ones and says how many were dropped', async () => {
    const few = createScriptRunner({ logLimit: 3 });
    const seen: string[] = [];
    const result = await few.run({
      source: script(
        "    console.warn('x'.repeat(5000));\n    for (let i = 0; i < 10; i++) context.logger.debug('line %d', i);\n    return new Response('ok');",
      ),
      fileName: 'script.ts',
      operationId: 'Chatty',
      request,
      sendAsync: unreachable,
      onLog: (entry) => seen.push(entry.message),
    });
    expect(result.logs.map((l) => l.level)).toEqual(['warn', 'debug', 'debug', 'warn']);
    expect(result.logs[0]?.message).toHaveLength(2001);
    expect(result.logs[1]?.message).toBe('line 0');
    expect(result.logs[3]?.message).toBe('The script logged more than 3 entries; the rest were dropped.');
    expect(seen).toHaveLength(3);
  });

  it.each([
    ['timeoutMs', { timeoutMs: 0 }],
    ['memoryMb', { memoryMb: 4 }],
    ['logLimit', { logLimit: 1.5 }],
  ])('refuses an invalid `%s` when the runner is made', (name, options) => {
    expect(() => createScriptRunner(options)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining(`\`${name}\``) }),
    );
  });
});

describe('scripts that cannot run', () => {
  it.each([
    [
      'a syntax error, with its line',
      'export default class Script {\n  async executeAsync(context: any) {\n    return (\n  }\n}',
      /^`script\.ts` line 4 has a syntax error: .+; fix it and run again\.$/,
    ],
    [
      'a JavaScript early error',
      'let a = 1;\nlet a = 2;\nexport default class Script {}',
      /^`script\.ts` has a syntax error: Identifier 'a' has already been declared;/,
    ],
    [
      'TypeScript that needs more than stripping',
      'enum Kind { Parcel }\nexport default class Script {}',
      /^`script\.ts` line 1 uses TypeScript syntax that cannot be stripped .+ use erasable syntax only/,
    ],
    [
      'an import',
      "import { readFileSync } from 'node:fs';\nexport default class Script {}",
      /^`script\.ts` imports `node:fs`, but custom code is one self-contained file;/,
    ],
    [
      'a throw at the top level',
      "\nthrow new Error('not configured');\nexport default class Script {}",
      /^`script\.ts` line 2 threw while loading: Error: not configured;/,
    ],
    [
      'no Script class',
      'export const x = 1;',
      /^`script\.ts` exports no `Script` class; write `export default class Script/,
    ],
    [
      'no executeAsync method',
      'export default class Script { run() {} }',
      /^`script\.ts` has a `Script` class without an `executeAsync` method;/,
    ],
    ['a number as the result', script('    return 5;'), /returned 5 instead of a `Response`;/],
    [
      'a plain object as the result',
      script('    return { status: 200 };'),
      /returned \{ status: 200 \} instead of a `Response`;/,
    ],
    ['nothing as the result', script('    return;'), /returned undefined instead of a `Response`;/],
    ['a network error as the result', script('    return Response.error();'), /instead of a `Response`;/],
    ['an exit', script('    process.exit(3);'), /ended \(exit code 3\) before returning a `Response`;/],
  ])('fails with CUSTOM_CODE_FAILED for %s', async (_name, source, message) => {
    const error = await failure(run(source));
    expect(error.code).toBe('CUSTOM_CODE_FAILED');
    expect(error.message).toMatch(message);
  });
});

describe('what a script cannot reach', () => {
  it('has no `fetch`, so direct calls fail and `sendAsync` is the way out', async () => {
    const result = await run(script('    return fetch("https://api.parcel.example/");'));
    expect(result.response.status).toBe(500);
    expect(JSON.stringify(result.response.body)).toContain('ReferenceError: fetch is not defined');
  });

  it('sees an empty environment, not the runtime’s variables', async () => {
    process.env.FLOWPORT_SCRIPT_TEST_SECRET = 'hidden';
    try {
      const result = await run(script('    return Response.json(Object.keys(process.env));'));
      expect(result.response.body).toEqual({ kind: 'json', value: [] });
    } finally {
      delete process.env.FLOWPORT_SCRIPT_TEST_SECRET;
    }
  });

  it('cannot change the context it is given', async () => {
    const result = await run(
      script(`
    'use strict';
    const errors = [];
    try { context.operationId = 'Other'; } catch (e) { errors.push(e.name); }
    try { context.connectionParameters.region = 'us'; } catch (e) { errors.push(e.name); }
    return Response.json({ errors, operationId: context.operationId });`),
      { connectionParameters: { region: 'eu' } },
    );
    expect(result.response.body).toEqual({
      kind: 'json',
      value: { errors: ['TypeError', 'TypeError'], operationId: 'Echo' },
    });
  });
});

describe('stopping runs', () => {
  it('rejects with the abort reason when the caller’s signal fires', async () => {
    const controller = new AbortController();
    const pending = run(script('    for (;;) {}'), { signal: controller.signal });
    setTimeout(() => controller.abort(new FlowportError('UPSTREAM_TIMEOUT', 'Cancelled by the test.')), 100);
    const error = await failure(pending);
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
  });

  it('ends running scripts on close and refuses new ones', async () => {
    const closing = createScriptRunner();
    const pending = closing.run({
      source: script('    for (;;) {}'),
      fileName: 'script.ts',
      operationId: 'Spin',
      request,
      sendAsync: unreachable,
    });
    setTimeout(() => void closing.close(), 100);
    expect((await failure(pending)).message).toBe('The script runner was closed while a script ran.');
    const refused = await failure(
      closing.run({ source: '', fileName: 'script.ts', operationId: 'X', request, sendAsync: unreachable }),
    );
    expect(refused.message).toMatch(/closed; create a new one/);
  });
});
