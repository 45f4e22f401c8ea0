import { describe, expect, it } from 'vitest';
import { createRuntime } from '../runtime/runtime.ts';
import { json, recordingTransport } from '../runtime/testing.ts';
import type { RuntimeResponse } from '../runtime/types.ts';
import { connection, eventsConnector } from './_test-connector.ts';
import {
  callbackEvents,
  decodeCallbackBody,
  notificationWarnings,
  subscribe,
  unsubscribe,
  withCallbackUrl,
} from './webhook.ts';

const connector = eventsConnector();
const callbackUrl = 'https://lab.test/hooks/s1/secret';
const encoder = new TextEncoder();
const op = (id: string) => {
  const found = connector.operation(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const status = (code: number, headers: Record<string, string> = {}): RuntimeResponse => ({
  status: code,
  headers: new Headers(headers),
  body: { kind: 'none' },
});

describe('withCallbackUrl', () => {
  it('puts the URL at the nested property, creating objects and overriding a caller value', () => {
    const given = { body: { label: 'x', config: { callback: 'https://attacker.test' } } };
    const { args, warnings } = withCallbackUrl(op('OnItems'), given, callbackUrl);
    expect(args.body).toEqual({ label: 'x', config: { callback: callbackUrl } });
    expect(given.body.config.callback).toBe('https://attacker.test');
    expect(warnings[0]).toMatch(/was replaced by the callback URL/);
    expect(withCallbackUrl(op('OnItems'), {}, callbackUrl).args.body).toEqual({
      config: { callback: callbackUrl },
    });
  });
});

describe('subscribe', () => {
  it('sends the callback URL in the body with auth and returns the absolute Location', async () => {
    const transport = recordingTransport(() => status(201, { location: '/v1/subscriptions/42' }));
    const runtime = createRuntime(connector, { transport });
    const sub = await subscribe(
      runtime,
      'OnItems',
      { folder: 'in', body: { label: 'l' } },
      { connection, callbackUrl },
    );
    const sent = transport.sent[0];
    expect(sent?.url).toBe('https://api.events.test/v1/subscriptions?folder=in');
    expect(JSON.parse(new TextDecoder().decode(sent?.body))).toEqual({
      label: 'l',
      config: { callback: callbackUrl },
    });
    expect(sent?.headers.get('x-key')).toBe('k-1');
    expect(sub).toEqual({
      operationId: 'OnItems',
      callbackUrl,
      location: 'https://api.events.test/v1/subscriptions/42',
      status: 201,
      warnings: [],
    });
  });

  it('accepts any 2xx but warns when it is not 201 or has no Location', async () => {
    const runtime = createRuntime(connector, { transport: recordingTransport(() => json(200, {})) });
    const sub = await subscribe(runtime, 'OnItem', {}, { connection, callbackUrl });
    expect(sub.location).toBeUndefined();
    expect(sub.warnings.join('\n')).toMatch(/not 201 Created[\s\S]*cannot be deleted later/);
  });

  it('fails with the status on a non-2xx answer, and refuses operations that are not webhook triggers', async () => {
    const runtime = createRuntime(connector, {
      transport: recordingTransport(() => json(400, { error: 'bad folder' })),
    });
    await expect(subscribe(runtime, 'OnItems', {}, { connection, callbackUrl })).rejects.toMatchObject({
      code: 'TRIGGER_SUBSCRIBE_FAILED',
      message: expect.stringMatching(/answered 400: `\{"error":"bad folder"\}`/),
    });
    await expect(subscribe(runtime, 'OnChanges', {}, { connection, callbackUrl })).rejects.toMatchObject({
      code: 'TRIGGER_NOT_A_TRIGGER',
    });
  });
});

describe('unsubscribe', () => {
  it('runs the delete operation the Location matches, with its path parameter', async () => {
    const transport = recordingTransport(() => status(204));
    const runtime = createRuntime(connector, { transport });
    const result = await unsubscribe(
      runtime,
      { operationId: 'OnItems', location: 'https://api.events.test/v1/subscriptions/a%2Fb' },
      { connection },
    );
    expect(result).toEqual({
      ok: true,
      via: 'operation',
      operationId: 'DeleteSubscription',
      status: 204,
      warnings: [],
    });
    expect(transport.sent[0]).toMatchObject({
      method: 'DELETE',
      url: 'https://api.events.test/v1/subscriptions/a%2Fb',
    });
    expect(transport.sent[0]?.headers.get('x-key')).toBe('k-1');
  });

  it('sends a plain DELETE with auth when no operation matches; 404 counts as gone', async () => {
    const transport = recordingTransport(() => status(404));
    const runtime = createRuntime(connector, { transport });
    const result = await unsubscribe(
      runtime,
      { operationId: 'OnItems', location: 'https://api.events.test/other/7' },
      { connection },
    );
    expect(result).toMatchObject({ ok: true, via: 'url', status: 404 });
    expect(result.warnings[0]).toMatch(/already gone/);
    expect(transport.sent[0]?.headers.get('x-key')).toBe('k-1');
  });

  it('reports failures instead of throwing: an error status, another host, no Location', async () => {
    const runtime = createRuntime(connector, { transport: recordingTransport(() => json(500, { e: 1 })) });
    const failed = await unsubscribe(
      runtime,
      { operationId: 'OnItems', location: 'https://api.events.test/v1/subscriptions/1' },
      { connection },
    );
    expect(failed).toMatchObject({ ok: false, status: 500, error: { code: 'TRIGGER_UNSUBSCRIBE_FAILED' } });
    const elsewhere = await unsubscribe(
      runtime,
      { operationId: 'OnItems', location: 'https://evil.test/x' },
      { connection },
    );
    expect(elsewhere).toMatchObject({ ok: false, via: 'url', error: { code: 'UPSTREAM_HOST_REFUSED' } });
    expect(await unsubscribe(runtime, { operationId: 'OnItems', location: undefined })).toMatchObject({
      ok: false,
      via: 'none',
    });
  });
});

describe('callbackEvents', () => {
  const request = (body: unknown, headers: Record<string, string> = {}) => ({
    headers: { 'Content-Type': 'application/json', ...headers },
    bytes: encoder.encode(JSON.stringify(body)),
  });

  it('splits a batch callback per item with keys stable across redelivery', () => {
    const body = { items: [{ id: 'a' }, { id: 'b' }], secret: 'x' };
    const first = callbackEvents(connector, op('OnItems'), request(body), { subscriptionId: 's1' });
    const again = callbackEvents(connector, op('OnItems'), request(body), { subscriptionId: 's1' });
    expect(first.events.map((e) => e.body)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(first.events.map((e) => e.idempotencyKey)).toEqual(again.events.map((e) => e.idempotencyKey));
    expect(new Set(first.events.map((e) => e.idempotencyKey)).size).toBe(2);
    const other = callbackEvents(connector, op('OnItems'), request(body), { subscriptionId: 's2' });
    expect(other.events[0]?.idempotencyKey).not.toBe(first.events[0]?.idempotencyKey);
    expect(first.events[0]?.headers['content-type']).toBe('application/json');
  });

  it('keys on the delivery id header when configured, whatever the body', () => {
    const options = { subscriptionId: 's1', deliveryIdHeader: 'X-Delivery' };
    const a = callbackEvents(
      connector,
      op('OnItem'),
      request({ id: 1, at: 'now' }, { 'x-delivery': 'd1' }),
      options,
    );
    const b = callbackEvents(
      connector,
      op('OnItem'),
      request({ id: 1, at: 'later' }, { 'x-delivery': 'd1' }),
      options,
    );
    expect(a.events).toHaveLength(1);
    expect(a.events[0]?.idempotencyKey).toBe(b.events[0]?.idempotencyKey);
  });

  it('warns, never refuses, when the body does not fit the notification content', () => {
    const result = callbackEvents(connector, op('OnItem'), request([1, 2]), { subscriptionId: 's1' });
    expect(result.events.map((e) => e.body)).toEqual([[1, 2]]);
    expect(result.warnings[0]).toMatch(/The body is an array; the schema says an object\./);
  });

  it('decodes JSON, text and binary bodies', () => {
    expect(decodeCallbackBody('application/json; charset=utf-8', encoder.encode('{"a":1}'))).toEqual({
      a: 1,
    });
    expect(decodeCallbackBody('application/json', encoder.encode('{oops'))).toBe('{oops');
    expect(decodeCallbackBody('text/plain', encoder.encode('hi'))).toBe('hi');
    expect(decodeCallbackBody('image/png', new Uint8Array([1, 2]))).toEqual({
      '$content-type': 'image/png',
      $content: 'AQI=',
    });
    expect(decodeCallbackBody(undefined, new Uint8Array())).toBeUndefined();
  });
});

describe('notificationWarnings', () => {
  const connector = eventsConnector();
  const onItems = connector.operation('OnItems')!;

  it('checks the whole callback body against x-ms-notification-content, naming places, not values', () => {
    const warnings = notificationWarnings(connector, onItems, {
      items: [{ id: 'a' }, { id: 42 }, { id: 'private-value' }],
      secret: null,
    });
    expect(warnings).toEqual([
      '`/items/*/id` is an integer; the schema says a string. (1 of 3 values) (`x-ms-notification-content`)',
      '`/secret` is null; the schema says a string. (`x-ms-notification-content`)',
    ]);
    expect(warnings.join(' ')).not.toContain('private-value');
  });

  it('says nothing of a body that matches, nor of undeclared properties', () => {
    expect(notificationWarnings(connector, onItems, { items: [{ id: 'a', extra: 1 }], more: true })).toEqual(
      [],
    );
  });

  it('says when the body is missing or of another type', () => {
    expect(notificationWarnings(connector, onItems, undefined)).toEqual([
      'The callback has no body; `x-ms-notification-content` says an object.',
    ]);
    expect(notificationWarnings(connector, onItems, 'text')).toEqual([
      'The body is a string; the schema says an object. (`x-ms-notification-content`)',
    ]);
  });
});
