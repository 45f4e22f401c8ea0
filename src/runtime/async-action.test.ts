import { describe, expect, it } from 'vitest';
import { FlowportError } from '../errors.ts';
import { asyncLocation, DEFAULT_ASYNC_ACTION, pollDelay } from './async-action.ts';
import { createRuntime } from './runtime.ts';
import { json, memoryConnector, recordingTransport } from './testing.ts';
import type { RuntimeResponse } from './types.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 'Reports', version: '1.0' },
  host: 'api.reports.test',
  basePath: '/v1',
  schemes: ['https'],
  securityDefinitions: { api_key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  security: [{ api_key: [] }],
  paths: {
    '/reports': {
      post: {
        operationId: 'CreateReport',
        parameters: [{ name: 'body', in: 'body', schema: { type: 'object' } }],
        responses: { '200': { description: 'The finished report' } },
      },
    },
    '/jobs/{jobId}': {
      get: {
        operationId: 'GetJob',
        'x-ms-visibility': 'internal',
        parameters: [
          { name: 'jobId', in: 'path', required: true, type: 'string' },
          {
            name: 'x-api-version',
            in: 'header',
            required: true,
            type: 'string',
            default: '2026-01',
            'x-ms-visibility': 'internal',
          },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
    '/changes': {
      get: {
        operationId: 'OnChange',
        'x-ms-trigger': 'batch',
        responses: { '200': { description: 'OK' } },
      },
    },
  },
};

const properties = {
  connectionParameters: {
    api_key: { type: 'securestring', uiDefinition: { displayName: 'API key' } },
  },
};
const connection = { values: { api_key: 'k-1' } };
const fast = { minIntervalMs: 1, defaultRetryAfterMs: 1 };

function accepted(location: string | undefined, retryAfter = '0'): RuntimeResponse {
  const headers = new Headers({ 'retry-after': retryAfter });
  if (location !== undefined) headers.set('location', location);
  return { status: 202, headers, body: { kind: 'none' } };
}

function runtimeWith(responder: Parameters<typeof recordingTransport>[0], async = {}) {
  const transport = recordingTransport(responder);
  const runtime = createRuntime(memoryConnector(swagger, properties), {
    transport,
    async: { ...fast, ...async },
  });
  return { transport, runtime };
}

describe('asynchronous actions (runtime spec §12.4)', () => {
  it('polls the Location of a 202 until the answer is not 202, and returns that answer', async () => {
    const { transport, runtime } = runtimeWith((_req, i) =>
      i === 0
        ? accepted('https://api.reports.test/status/7')
        : i < 3
          ? accepted(undefined)
          : json(200, { report: 'done' }),
    );
    const result = await runtime.invoke('CreateReport', { body: { a: 1 } }, { connection });
    expect(result.response.status).toBe(200);
    expect(result.response.body).toEqual({ kind: 'json', value: { report: 'done' } });
    expect(result.async).toEqual({ polls: 3, location: 'https://api.reports.test/status/7' });
    expect(result.request?.method).toBe('POST');
    const polls = transport.sent.slice(1);
    expect(polls.map((r) => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill('GET https://api.reports.test/status/7'),
    );
    // Polled with the connection's auth, without the action's body.
    for (const poll of polls) {
      expect(poll.headers.get('x-key')).toBe('k-1');
      expect(poll.body).toBeUndefined();
    }
  });

  it('runs a Location that matches an operation through that operation (its internal header defaults)', async () => {
    const { transport, runtime } = runtimeWith((_req, i) =>
      i === 0 ? accepted('https://api.reports.test/v1/jobs/j-9') : json(200, { ok: true }),
    );
    const result = await runtime.invoke('CreateReport', {}, { connection });
    expect(result.ok).toBe(true);
    // The Location is sent verbatim (§13.2), with what the matched operation adds.
    expect(transport.sent[1]?.url).toBe('https://api.reports.test/v1/jobs/j-9');
    expect(transport.sent[1]?.headers.get('x-api-version')).toBe('2026-01');
    expect(transport.sent[1]?.headers.get('x-key')).toBe('k-1');
  });

  it('moves to the new Location a later 202 gives, and resolves relative ones', async () => {
    const { transport, runtime } = runtimeWith((_req, i) =>
      i === 0 ? accepted('/v1/queue/1') : i === 1 ? accepted('/v1/queue/2') : json(200, {}),
    );
    const result = await runtime.invoke('CreateReport', {}, { connection });
    expect(transport.sent.map((r) => r.url)).toEqual([
      'https://api.reports.test/v1/reports',
      'https://api.reports.test/v1/queue/1',
      'https://api.reports.test/v1/queue/2',
    ]);
    expect(result.async?.location).toBe('https://api.reports.test/v1/queue/2');
  });

  it('ends with the failure the status URL answers', async () => {
    const { runtime } = runtimeWith((_req, i) =>
      i === 0 ? accepted('https://api.reports.test/status/1') : json(500, { error: 'render failed' }),
    );
    const result = await runtime.invoke('CreateReport', {}, { connection });
    expect(result.ok).toBe(false);
    expect(result.response.status).toBe(500);
  });

  it('refuses a Location on another host without sending anything there', async () => {
    const { transport, runtime } = runtimeWith(() => accepted('https://evil.test/steal'));
    const error = await runtime.invoke('CreateReport', {}, { connection }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe('ASYNC_ACTION_FAILED');
    expect((error as FlowportError).message).toContain('https://evil.test');
    expect(transport.sent).toHaveLength(1);
  });

  it('keeps custom code that answered alone to the connector’s host', async () => {
    const transport = recordingTransport(() => json(200, { done: true }));
    const scripted = (location: string) =>
      createRuntime(memoryConnector(swagger, properties, { 'script.ts': 'export default class {}' }), {
        transport,
        async: fast,
        customCode: (operation) =>
          operation.id === 'CreateReport' ? Promise.resolve(accepted(location)) : undefined,
      });
    const away = await scripted('https://evil.test/x')
      .invoke('CreateReport', {}, { connection })
      .catch((e: unknown) => e);
    expect((away as FlowportError).code).toBe('ASYNC_ACTION_FAILED');
    expect(transport.sent).toHaveLength(0);
    const home = await scripted('https://api.reports.test/status/1').invoke(
      'CreateReport',
      {},
      { connection },
    );
    expect(home.response.status).toBe(200);
    expect(transport.sent.map((r) => r.url)).toEqual(['https://api.reports.test/status/1']);
  });

  it('gives up with ASYNC_ACTION_TIMEOUT when the next wait would pass the limit', async () => {
    const { transport, runtime } = runtimeWith(() => accepted('https://api.reports.test/s', '3600'), {
      timeoutMs: 2_000,
    });
    const error = await runtime.invoke('CreateReport', {}, { connection }).catch((e: unknown) => e);
    expect((error as FlowportError).code).toBe('ASYNC_ACTION_TIMEOUT');
    expect((error as FlowportError).message).toContain('https://api.reports.test/s');
    expect((error as FlowportError).message).toContain('--async-timeout');
    expect(transport.sent).toHaveLength(1);
  });

  it('stops after maxPolls when the backend never finishes', async () => {
    const { transport, runtime } = runtimeWith(() => accepted('https://api.reports.test/s'), {
      maxPolls: 5,
    });
    const error = await runtime.invoke('CreateReport', {}, { connection }).catch((e: unknown) => e);
    expect((error as FlowportError).code).toBe('ASYNC_ACTION_TIMEOUT');
    expect((error as FlowportError).message).toContain('5 polls');
    expect(transport.sent).toHaveLength(6);
  });

  it('returns the 202 as it is when switched off, or when there is no Location', async () => {
    const off = runtimeWith(() => accepted('https://api.reports.test/s'));
    const result = await off.runtime.invoke('CreateReport', {}, { connection, async: false });
    expect(result.response.status).toBe(202);
    expect(result.async).toBeUndefined();
    expect(off.transport.sent).toHaveLength(1);

    const bare = runtimeWith(() => accepted(undefined));
    const plain = await bare.runtime.invoke('CreateReport', {}, { connection });
    expect(plain.response.status).toBe(202);
    expect(plain.warnings.join(' ')).toMatch(/202 without a `Location`/);
  });

  it('leaves a trigger’s 202 alone (the polling protocol owns it)', async () => {
    const { transport, runtime } = runtimeWith(() => accepted('https://api.reports.test/v1/changes?s=1'));
    const result = await runtime.invoke('OnChange', {}, { connection });
    expect(result.response.status).toBe(202);
    expect(transport.sent).toHaveLength(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const { runtime } = runtimeWith(() => accepted('https://api.reports.test/s', '30'), {
      timeoutMs: 60_000,
    });
    const controller = new AbortController();
    const pending = runtime.invoke('CreateReport', {}, { connection, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(/abort/i);
  });
});

describe('pollDelay and asyncLocation', () => {
  const settings = { ...DEFAULT_ASYNC_ACTION };
  it('waits Retry-After, else the engine default of 20 s, never less than the floor', () => {
    expect(pollDelay(accepted(undefined, '7'), settings, 0)).toBe(7_000);
    expect(pollDelay({ status: 202, headers: new Headers(), body: { kind: 'none' } }, settings, 0)).toBe(
      20_000,
    );
    expect(pollDelay(accepted(undefined, '0'), settings, 0)).toBe(1_000);
    expect(pollDelay(accepted(undefined, 'soon'), settings, 0)).toBe(20_000);
  });
  it('reads only a 202’s Location, resolved against the request URL', () => {
    expect(asyncLocation(accepted('../s/1'), 'https://h.test/a/b')).toBe('https://h.test/s/1');
    expect(asyncLocation({ ...accepted('https://h.test/x'), status: 201 }, undefined)).toBeUndefined();
    expect(asyncLocation(accepted('http://[bad'), 'https://h.test/')).toBeUndefined();
  });
});
