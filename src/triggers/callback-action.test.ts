import { describe, expect, it } from 'vitest';
import { createRuntime } from '../runtime/runtime.ts';
import { json, recordingTransport } from '../runtime/testing.ts';
import { connection, eventsConnector } from './_test-connector.ts';
import { invokeWithCallback } from './callback-action.ts';
import type { CallbackRequest } from './webhook.ts';

const callbackUrl = 'https://lab.test/hooks/job/s3cret';

/** A listener the test resolves by hand, recording whether it was stopped. */
function listener() {
  let deliver: (r: CallbackRequest) => void = () => {};
  const state = { stopped: false, started: false };
  const waitForCallback = (signal: AbortSignal) =>
    new Promise<CallbackRequest>((resolve, reject) => {
      state.started = true;
      deliver = resolve;
      signal.addEventListener('abort', () => {
        state.stopped = true;
        reject(signal.reason);
      });
    });
  return { waitForCallback, state, deliver: (r: CallbackRequest) => deliver(r) };
}

describe('invokeWithCallback', () => {
  it('sends the callback URL and resolves with the callback the backend makes', async () => {
    const l = listener();
    const transport = recordingTransport((request) => {
      const body = JSON.parse(new TextDecoder().decode(request.body));
      expect(l.state.started).toBe(true);
      // The backend calls back while it answers.
      queueMicrotask(() =>
        l.deliver({
          headers: { 'content-type': 'application/json' },
          bytes: new TextEncoder().encode(JSON.stringify({ done: true, to: body.notify })),
        }),
      );
      return json(202, { accepted: true });
    });
    const runtime = createRuntime(eventsConnector(), { transport });
    const out = await invokeWithCallback(
      runtime,
      'RunJob',
      { body: { job: 'export' } },
      {
        connection,
        callbackUrl,
        waitForCallback: l.waitForCallback,
        now: () => 0,
      },
    );
    expect(out.result.response.status).toBe(202);
    expect(out.callback).toEqual({
      receivedAt: '1970-01-01T00:00:00.000Z',
      headers: { 'content-type': 'application/json' },
      body: { done: true, to: callbackUrl },
    });
    expect(l.state.stopped).toBe(true);
  });

  it('times out with TRIGGER_CALLBACK_TIMEOUT and stops the listener', async () => {
    const l = listener();
    const runtime = createRuntime(eventsConnector(), { transport: recordingTransport(() => json(202, {})) });
    const waits: number[] = [];
    await expect(
      invokeWithCallback(
        runtime,
        'RunJob',
        {},
        {
          connection,
          callbackUrl,
          waitForCallback: l.waitForCallback,
          timeoutMs: 5000,
          sleep: async (ms) => {
            waits.push(ms);
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'TRIGGER_CALLBACK_TIMEOUT' });
    expect(waits).toEqual([5000]);
    expect(l.state.stopped).toBe(true);
  });

  it('does not wait when the operation fails, and refuses operations that are not callback actions', async () => {
    const l = listener();
    const runtime = createRuntime(eventsConnector(), { transport: recordingTransport(() => json(400, {})) });
    const out = await invokeWithCallback(
      runtime,
      'RunJob',
      {},
      { connection, callbackUrl, waitForCallback: l.waitForCallback },
    );
    expect(out.callback).toBeUndefined();
    expect(out.result.response.status).toBe(400);
    expect(l.state.stopped).toBe(true);
    await expect(
      invokeWithCallback(
        runtime,
        'OnItems',
        {},
        { connection, callbackUrl, waitForCallback: l.waitForCallback },
      ),
    ).rejects.toMatchObject({ code: 'TRIGGER_NOT_A_TRIGGER' });
  });
});
