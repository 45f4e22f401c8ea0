/**
 * `flowport trigger <connectorId> <operationId> --connection <id>`: the trigger lab through a
 * running `flowport serve` — the subscription is made there with a stored connection (webhook
 * callbacks reach the server, polls run on its scheduler), events are read from its live event
 * stream and printed, and Ctrl-C deletes the subscription. The stream resumes after the last event
 * seen when the server restarts.
 */
import { FlowportError } from '../../errors.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { apiToken, flowportHome, serverUrl } from '../home.ts';
import { parseParams } from '../invoke-flags.ts';
import { type ClientFlags, clientOf } from './connect.ts';
import type { TriggerControl, TriggerFlags } from './trigger.ts';

export interface RemoteTriggerFlags extends TriggerFlags, ClientFlags {
  connection?: string;
}

interface RemoteOperations {
  operations: {
    operationId: string | null;
    kind?: string;
    parameters: { name: string; in: string; type?: string }[];
  }[];
}

interface RemoteSubscription {
  id: string;
  kind: 'webhook' | 'polling';
  webhook?: { status?: number; location?: string; warnings?: string[] };
}

interface RemoteEvent {
  seq: number;
  idempotencyKey: string;
  receivedAt: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Splits a server-sent-events byte stream into events; calls `onEvent` with each `data` and `id`. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (data: string, id: string | undefined) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(data.join('\n'), id);
    }
  }
}

export async function runRemoteTrigger(
  connectorId: string,
  operationId: string,
  flags: RemoteTriggerFlags,
  io: Io,
  control: TriggerControl = {},
): Promise<number> {
  const api = clientOf(flags);
  const base = serverUrl(flags.server);
  const token = apiToken(flags.apiToken, flowportHome(flags.home));
  const note = (text: string) => io.stderr.write(`flowport: ${text}\n`);
  const view = await api.request<RemoteOperations>(
    'GET',
    `/api/v1/connectors/${encodeURIComponent(connectorId)}/operations?all=true`,
  );
  const op = view.operations.find((o) => o.operationId === operationId);
  if (!op)
    throw new FlowportError(
      'OPERATION_NOT_FOUND',
      `Connector \`${connectorId}\` on ${base} has no operation \`${operationId}\`; \`flowport operations\` lists them.`,
    );
  const parameters = parseParams(
    {
      label: operationId,
      parameters: op.parameters.map((p) => ({ name: p.name, in: p.in, type: p.type, format: undefined })),
    },
    flags.param,
    flags.body,
  );
  const made = await api.request<{ subscription: RemoteSubscription }>('POST', '/api/v1/subscriptions', {
    connectionId: flags.connection,
    operationId,
    parameters,
    ...(flags.interval !== undefined && { intervalSeconds: flags.interval }),
    ...(flags.backfill && { backfill: true }),
    ...(flags.deliveryIdHeader && { deliveryIdHeader: flags.deliveryIdHeader }),
  });
  const sub = made.subscription;
  if (sub.kind === 'webhook')
    note(
      `subscribed on ${base} as ${sub.id} (${sub.webhook?.status ?? '?'}${sub.webhook?.location ? ` at Location ${sub.webhook.location}` : ''})`,
    );
  else
    note(
      `polling on ${base} as ${sub.id}; the first poll sets the baseline${flags.backfill ? ' and fires (--backfill)' : ''}`,
    );
  for (const w of sub.webhook?.warnings ?? []) note(`warning: ${w}`);

  const stop = new AbortController();
  const onAbort = () => stop.abort();
  control.signal?.addEventListener('abort', onAbort, { once: true });
  if (control.signal?.aborted) stop.abort();
  let last: string | undefined;
  let printed: string | undefined;
  try {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(
          `${base}/api/v1/subscriptions/${encodeURIComponent(sub.id)}/events/stream`,
          {
            headers: {
              accept: 'text/event-stream',
              ...(token && { authorization: `Bearer ${token}` }),
              ...(last && { 'last-event-id': last }),
            },
            signal: stop.signal,
          },
        );
        if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
        await readEventStream(response.body, (data, id) => {
          const event = JSON.parse(data) as RemoteEvent;
          if (id) last = id;
          // Delivery updates come again with the same id: print each event once.
          if (Number(id) <= Number(printed)) return;
          printed = id ?? printed;
          const shown = {
            idempotencyKey: event.idempotencyKey,
            receivedAt: event.receivedAt,
            headers: event.headers,
            body: event.body,
          };
          if (flags.format === 'json') io.stdout.write(`${JSON.stringify(shown)}\n`);
          else
            io.stdout.write(
              `event ${event.idempotencyKey} at ${event.receivedAt}\n${JSON.stringify(event.body, null, 2)}\n`,
            );
        });
      } catch (error) {
        if (stop.signal.aborted) break;
        note(
          `event stream interrupted (${error instanceof Error ? error.message : String(error)}); reconnecting`,
        );
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  } finally {
    control.signal?.removeEventListener('abort', onAbort);
  }
  const removed = await api.request<{
    unsubscribe?: { ok: boolean; via?: string; status?: number; error?: { message: string } };
  }>('DELETE', `/api/v1/subscriptions/${encodeURIComponent(sub.id)}`);
  const u = removed.unsubscribe;
  if (u && !u.ok) {
    note(`the backend kept its subscription: ${u.error?.message ?? 'unsubscribe refused'}`);
    return EXIT.findings;
  }
  note(
    u
      ? `unsubscribed (${u.status ?? ''} via ${u.via ?? '?'}); subscription ${sub.id} deleted`
      : `subscription ${sub.id} deleted`,
  );
  return EXIT.ok;
}
