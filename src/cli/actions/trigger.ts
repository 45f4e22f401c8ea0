/**
 * `flowport trigger`: the trigger lab. Webhook triggers get a loopback listener and a subscription
 * that is deleted on Ctrl-C; polling triggers are polled at the interval or `Retry-After`; callback
 * actions are invoked and waited for. Events go to stdout, what the lab does to stderr.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError, isFlowportError } from '../../errors.ts';
import { closest } from '../../runtime/closest.ts';
import { createRuntime, type Runtime } from '../../runtime/runtime.ts';
import type { Arguments, Connection } from '../../runtime/types.ts';
import { invokeWithCallback } from '../../triggers/callback-action.ts';
import type { TriggerEvent } from '../../triggers/event.ts';
import { DEFAULT_INTERVAL_SECONDS, type PollState, poll } from '../../triggers/polling.ts';
import { type CallbackRequest, callbackEvents, subscribe, unsubscribe } from '../../triggers/webhook.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { type ConnectionFlags, parseConnection, parseParams } from '../invoke-flags.ts';
import { loadOverlaid } from '../overlay-flag.ts';
import { isCallFailure, maskerFor } from './run.ts';

/** Callback bodies above this size are refused with 413 (DECIDE 17; the platform takes up to 100 MB). */
export const MAX_CALLBACK_BYTES = 16 * 1024 * 1024;

export interface TriggerFlags extends ConnectionFlags {
  /** `--overlay` files applied in order before the connector is used (docs/deploy.md#overlays). */
  overlay?: string[];
  param: string[];
  body?: string;
  baseUrl?: string;
  interval?: number;
  backfill: boolean;
  format: 'text' | 'json';
  callbackHost: string;
  publicUrl?: string;
  deliveryIdHeader?: string;
  callbackTimeout?: number;
  timeout?: number;
  retries?: number;
}

/** What tests (and the command's signal handlers) inject. */
export interface TriggerControl {
  /** Stops the lab: unsubscribe, close the listener, resolve with the exit code. */
  readonly signal?: AbortSignal;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Waits between polls (default `timers/promises` setTimeout); rejects or resolves early on abort. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<unknown>;
}

function findOperation(connector: Connector, operationId: string): Operation {
  const operation = connector.operation(operationId);
  if (operation) return operation;
  const near = closest(
    operationId,
    connector.operations.flatMap((o) => (o.id ? [o.id] : [])),
  );
  throw new FlowportError(
    'OPERATION_NOT_FOUND',
    `The connector has no operation \`${operationId}\`${near ? `; did you mean \`${near}\`?` : '.'} Run \`flowport operations\` to list them.`,
  );
}

function printEvent(io: Io, flags: TriggerFlags, event: TriggerEvent): void {
  if (flags.format === 'json') {
    io.stdout.write(`${JSON.stringify(event)}\n`);
    return;
  }
  io.stdout.write(
    `event ${event.idempotencyKey} at ${event.receivedAt}\n${JSON.stringify(event.body, null, 2)}\n`,
  );
}

/** Resolves when `signal` aborts (at once when it already has). */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface Listener {
  readonly callbackUrl: string;
  readonly close: () => Promise<void>;
}

/**
 * A loopback HTTP listener for one callback path `/hooks/<id>/<secret>`: POST only (405 otherwise),
 * bodies up to {@link MAX_CALLBACK_BYTES} (413), unknown paths and wrong secrets 404; every accepted
 * callback is answered 202 with an empty body and handed to `onCallback` (DECIDE 17).
 */
async function listen(
  flags: TriggerFlags,
  subscriptionId: string,
  onCallback: (request: CallbackRequest) => void,
): Promise<Listener> {
  const secret = randomBytes(24).toString('base64url');
  const path = `/hooks/${subscriptionId}/${secret}`;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    const parts = url.pathname.split('/');
    const known = parts.length === 4 && parts[1] === 'hooks' && parts[2] === subscriptionId;
    if (!known || !sameSecret(parts[3] ?? '', secret)) {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALLBACK_BYTES && !refused) {
        refused = true;
        res.writeHead(413, { connection: 'close' }).end();
        req.destroy();
      } else if (!refused) chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      res.writeHead(202).end();
      onCallback({ headers: req.headers, bytes: Buffer.concat(chunks) });
    });
  };
  const server: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, flags.callbackHost, () => resolve());
  });
  const { address, port, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  const origin = flags.publicUrl ? flags.publicUrl.replace(/\/+$/, '') : `http://${host}:${port}`;
  return {
    callbackUrl: `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Lab {
  readonly runtime: Runtime;
  readonly connector: Connector;
  readonly operation: Operation;
  readonly connection: Connection;
  readonly args: Arguments;
  readonly note: (text: string) => void;
}

async function runWebhook(lab: Lab, flags: TriggerFlags, io: Io, control: TriggerControl): Promise<number> {
  const subscriptionId = randomUUID();
  const operationId = lab.operation.id ?? '';
  const listener = await listen(flags, subscriptionId, (request) => {
    const now = control.now ?? Date.now;
    const { events, warnings } = callbackEvents(lab.connector, lab.operation, request, {
      subscriptionId,
      receivedAt: new Date(now()),
      ...(flags.deliveryIdHeader && { deliveryIdHeader: flags.deliveryIdHeader }),
    });
    for (const w of warnings) lab.note(`warning: ${w}`);
    for (const event of events) printEvent(io, flags, event);
  });
  lab.note(`listening for callbacks at ${listener.callbackUrl.replace(/[^/]+$/, '…')}`);
  try {
    const subscription = await subscribe(lab.runtime, operationId, lab.args, {
      connection: lab.connection,
      callbackUrl: listener.callbackUrl,
    });
    for (const w of subscription.warnings) lab.note(`warning: ${w}`);
    lab.note(
      `subscribed (${subscription.status})${subscription.location ? ` at Location ${subscription.location}` : ''}; waiting for events, Ctrl-C to stop`,
    );
    await aborted(control.signal);
    lab.note('unsubscribing…');
    const result = await unsubscribe(lab.runtime, subscription, { connection: lab.connection });
    for (const w of result.warnings) lab.note(`warning: ${w}`);
    if (!result.ok) {
      lab.note(
        `${result.error?.message ?? 'unsubscribing failed'} [${result.error?.code ?? 'TRIGGER_UNSUBSCRIBE_FAILED'}]`,
      );
      return EXIT.findings;
    }
    lab.note(
      `unsubscribed (${result.status}${result.operationId ? ` via \`${result.operationId}\`` : ', DELETE on the Location'})`,
    );
    return EXIT.ok;
  } finally {
    await listener.close();
  }
}

async function runPolling(lab: Lab, flags: TriggerFlags, io: Io, control: TriggerControl): Promise<number> {
  const operationId = lab.operation.id ?? '';
  const signal = control.signal ?? new AbortController().signal;
  const wait = control.sleep ?? ((ms: number, s: AbortSignal) => sleep(ms, undefined, { signal: s }));
  let state: PollState | undefined;
  const interval = flags.interval ?? DEFAULT_INTERVAL_SECONDS;
  lab.note(
    `polling \`${operationId}\` every ${interval} s${flags.backfill ? ' (with backfill)' : ''}, Ctrl-C to stop`,
  );
  while (!signal.aborted) {
    const baseline = state === undefined && !flags.backfill;
    let result: Awaited<ReturnType<typeof poll>>;
    try {
      result = await poll(lab.runtime, operationId, lab.args, state, {
        connection: lab.connection,
        intervalSeconds: interval,
        backfill: flags.backfill,
        signal,
        ...(control.now && { now: control.now }),
      });
    } catch (error) {
      // Ctrl-C during a poll aborts its request; that is a stop, not a failure.
      if (signal.aborted) break;
      throw error;
    }
    state = result.state;
    for (const w of result.warnings) lab.note(`warning: ${w}`);
    for (const event of result.events) printEvent(io, flags, event);
    const n = result.events.length;
    const what =
      result.status === undefined
        ? `failed: ${result.state.lastError?.message ?? 'no answer'}`
        : result.status >= 400
          ? `${result.status}, an error; retrying at the interval`
          : result.fired
            ? `${result.status}, ${n} event${n === 1 ? '' : 's'}`
            : `${result.status}, nothing ${baseline ? 'fired (the first poll sets the baseline)' : 'new'}`;
    const location = result.state.location ? `; next URL ${result.state.location}` : '';
    lab.note(
      `poll: ${what}${location}; next poll in ${(result.delayMs / 1000).toFixed(result.delayMs % 1000 === 0 ? 0 : 1)} s`,
    );
    try {
      await wait(result.delayMs, signal);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }
  lab.note('stopped');
  return EXIT.ok;
}

async function runCallbackAction(
  lab: Lab,
  flags: TriggerFlags,
  io: Io,
  control: TriggerControl,
): Promise<number> {
  const operationId = lab.operation.id ?? '';
  let deliver: ((r: CallbackRequest) => void) | undefined;
  const arrived: CallbackRequest[] = [];
  const listener = await listen(flags, randomUUID(), (request) => {
    if (deliver) deliver(request);
    else arrived.push(request);
  });
  try {
    const out = await invokeWithCallback(lab.runtime, operationId, lab.args, {
      connection: lab.connection,
      callbackUrl: listener.callbackUrl,
      ...(flags.callbackTimeout && { timeoutMs: flags.callbackTimeout * 1000 }),
      ...(control.signal && { signal: control.signal }),
      ...(control.now && { now: control.now }),
      waitForCallback: (signal) =>
        new Promise<CallbackRequest>((resolve, reject) => {
          const first = arrived.shift();
          if (first) return resolve(first);
          deliver = resolve;
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    });
    lab.note(`\`${operationId}\` answered ${out.result.response.status}`);
    if (!out.callback) return EXIT.findings;
    const event = { idempotencyKey: randomUUID(), ...out.callback, body: out.callback.body ?? null };
    printEvent(io, flags, event);
    return EXIT.ok;
  } finally {
    await listener.close();
  }
}

/**
 * Runs the lab until `control.signal` aborts (the command wires SIGINT and SIGTERM to it) and
 * resolves with the exit code: 0 stopped cleanly, 1 the backend refused (subscribe, unsubscribe,
 * callback), 2 usage error.
 */
export async function runTrigger(
  connectorPath: string,
  operationId: string,
  flags: TriggerFlags,
  io: Io,
  control: TriggerControl = {},
): Promise<number> {
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  const operation = findOperation(connector, operationId);
  if (operation.kind === 'action')
    throw new FlowportError(
      'TRIGGER_NOT_A_TRIGGER',
      `Operation \`${operationId}\` is an action, not a trigger or a callback action; call it with \`flowport run\`.`,
    );
  const connection = parseConnection(flags);
  const runtime = createRuntime(connector, {
    ...(flags.baseUrl && { baseUrl: flags.baseUrl }),
    transportOptions: {
      ...(flags.timeout && { headersTimeoutMs: flags.timeout * 1000, bodyTimeoutMs: flags.timeout * 1000 }),
      ...(flags.retries !== undefined && { retry: { count: flags.retries } }),
    },
  });
  const mask = maskerFor(connector, connection, flags.token ?? process.env.FLOWPORT_TOKEN);
  const lab: Lab = {
    runtime,
    connector,
    operation,
    connection,
    args: parseParams(operation, flags.param, flags.body),
    note: (text) => io.stderr.write(`flowport: ${mask(text)}\n`),
  };
  try {
    if (operation.kind === 'webhook-trigger') return await runWebhook(lab, flags, io, control);
    if (operation.kind === 'polling-trigger') return await runPolling(lab, flags, io, control);
    return await runCallbackAction(lab, flags, io, control);
  } catch (error) {
    if (
      isCallFailure(error) ||
      (isFlowportError(error) && error.code.startsWith('TRIGGER_') && error.code !== 'TRIGGER_NOT_A_TRIGGER')
    ) {
      lab.note(`${error.message} [${error.code}]`);
      return EXIT.findings;
    }
    if (isFlowportError(error)) throw new FlowportError(error.code, mask(error.message), { cause: error });
    throw error;
  } finally {
    await runtime.close();
  }
}
