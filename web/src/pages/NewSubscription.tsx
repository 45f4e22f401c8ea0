import { type FormEvent, useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import { api } from '../api/client.ts';
import type {
  Connection,
  JsonObject,
  OperationDetail,
  OperationSummary,
  Subscription,
} from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';
import { FormContext, type FormState } from '../form/Field.tsx';
import { ParameterFields } from '../form/ParameterFields.tsx';
import { prune, setIn } from '../form/values.ts';

/** The form that subscribes to a trigger of one of the caller's connections. */
export function NewSubscription({
  connections,
  onCreated,
}: {
  connections: readonly Connection[];
  onCreated: (s: Subscription, secret?: string) => void;
}) {
  const search = new URLSearchParams(useSearch());
  const wanted = search.get('connector');
  const [connectionId, setConnectionId] = useState(
    () =>
      (
        connections.find((c) => c.connectorId === wanted && c.status === 'connected') ??
        connections.find((c) => c.status === 'connected') ??
        connections[0]
      )?.id ?? '',
  );
  const connection = connections.find((c) => c.id === connectionId);
  const [triggers] = useLoad(
    async (signal) =>
      connection
        ? (await api.operations(connection.connectorId, signal)).operations.filter((o) =>
            o.kind.endsWith('trigger'),
          )
        : [],
    [connection?.connectorId],
  );
  const [operationId, setOperationId] = useState(search.get('operation') ?? '');
  const list: readonly OperationSummary[] = triggers.state === 'done' ? triggers.value : [];
  const chosen = list.find((o) => o.operationId === operationId) ?? list[0];
  const [detail] = useLoad(
    async (signal) =>
      connection && chosen?.operationId
        ? api.operation(connection.connectorId, chosen.operationId, signal)
        : undefined,
    [connection?.connectorId, chosen?.operationId],
  );
  const [args, setArgs] = useState<JsonObject>({});
  const [sink, setSink] = useState('');
  const [interval, setIntervalSeconds] = useState('');
  const [backfill, setBackfill] = useState(false);
  const { busy, error, run } = useAction();
  const form: FormState = useMemo(
    () => ({
      connectionId: connectionId || undefined,
      operationId: chosen?.operationId ?? '',
      args,
      setValue: (path, value) => setArgs((prev) => setIn(prev, path, value)),
    }),
    [connectionId, chosen?.operationId, args],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen?.operationId || detail.state !== 'done' || !detail.value) return;
    const operation: OperationDetail = detail.value;
    const operationId = chosen.operationId;
    await run(async () => {
      const all = (prune(args) as JsonObject | undefined) ?? {};
      const bodyParam = operation.parameters.find((p) => p.in === 'body');
      const { [bodyParam?.name ?? '\u0000']: body, ...parameters } = all;
      const created = await api.createSubscription({
        connectionId,
        operationId,
        ...(Object.keys(parameters).length > 0 && { parameters }),
        ...(body !== undefined && { body }),
        ...(sink.trim() && { sink: { url: sink.trim() } }),
        ...(chosen.kind === 'polling-trigger' && interval && { intervalSeconds: Number(interval) }),
        ...(chosen.kind === 'polling-trigger' && backfill && { backfill: true }),
      });
      onCreated(created.subscription, created.signingSecret);
    });
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">Subscribe to a trigger</h2>
      {connections.length === 0 ? (
        <p className="notice">Create a connection first, on the Connections page.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="sub-connection">Connection</label>
            <select
              id="sub-connection"
              value={connectionId}
              onChange={(e) => setConnectionId(e.target.value)}
            >
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.connectorId}, {c.status})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sub-trigger">Trigger</label>
            <select
              id="sub-trigger"
              value={chosen?.operationId ?? ''}
              onChange={(e) => {
                setOperationId(e.target.value);
                setArgs({});
              }}
            >
              {list.map((o) => (
                <option key={o.operationId} value={o.operationId ?? ''}>
                  {o.summary ?? o.operationId} ({o.kind === 'webhook-trigger' ? 'webhook' : 'polling'})
                </option>
              ))}
            </select>
            {triggers.state === 'done' && list.length === 0 && (
              <p className="hint">This connector has no triggers.</p>
            )}
          </div>
          {detail.state === 'done' && detail.value && (
            <FormContext.Provider value={form}>
              <ParameterFields operation={detail.value} />
            </FormContext.Provider>
          )}
          {chosen?.kind === 'polling-trigger' && (
            <div className="field">
              <label htmlFor="sub-interval">Polling interval (seconds)</label>
              <input
                id="sub-interval"
                type="number"
                min={1}
                value={interval}
                onChange={(e) => setIntervalSeconds(e.target.value)}
              />
            </div>
          )}
          {chosen?.kind === 'polling-trigger' && (
            <div className="field">
              <label className="radio">
                <input type="checkbox" checked={backfill} onChange={(e) => setBackfill(e.target.checked)} />{' '}
                Fire for what the first poll finds (backfill); by default it only sets the starting point.
              </label>
            </div>
          )}
          <div className="field">
            <label htmlFor="sub-sink">Deliver events to (URL, optional)</label>
            <input
              id="sub-sink"
              type="url"
              value={sink}
              placeholder="https://example.com/hook"
              onChange={(e) => setSink(e.target.value)}
              aria-describedby="sub-sink-hint"
            />
            <p className="hint" id="sub-sink-hint">
              Without one, events are kept here to watch and read.
            </p>
          </div>
          <button type="submit" disabled={busy || !chosen}>
            {busy ? 'Subscribing…' : 'Subscribe'}
          </button>
        </>
      )}
      {error && <ProblemMessage error={error} title="Not subscribed:" />}
    </form>
  );
}
