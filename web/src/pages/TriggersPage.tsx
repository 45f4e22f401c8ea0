import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { ApiError, api } from '../api/client.ts';
import { readEventStream } from '../api/sse.ts';
import type {
  Connection,
  DeliveryStatus,
  JsonObject,
  OperationDetail,
  OperationSummary,
  Subscription,
  TriggerEvent,
} from '../api/types.ts';
import { Async, JsonBlock, PageTitle, ProblemMessage, StatusBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { FormContext, type FormState } from '../form/Fields.tsx';
import { prune, setIn } from '../form/values.ts';
import { ParameterFields } from './OperationPage.tsx';

/** The subscriptions API answers 404 `ROUTE_NOT_FOUND` on a server that does not have it yet. */
function missingApi(error: Error): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'ROUTE_NOT_FOUND';
}

function NewSubscription({
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
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
    setBusy(true);
    setError(undefined);
    try {
      const operation: OperationDetail = detail.value;
      const all = (prune(args) as JsonObject | undefined) ?? {};
      const bodyParam = operation.parameters.find((p) => p.in === 'body');
      const { [bodyParam?.name ?? '\u0000']: body, ...parameters } = all;
      const created = await api.createSubscription({
        connectionId,
        operationId: chosen.operationId,
        ...(Object.keys(parameters).length > 0 && { parameters }),
        ...(body !== undefined && { body }),
        ...(sink.trim() && { sink: { url: sink.trim() } }),
        ...(chosen.kind === 'polling-trigger' && interval && { intervalSeconds: Number(interval) }),
        ...(chosen.kind === 'polling-trigger' && backfill && { backfill: true }),
      });
      onCreated(created.subscription, created.signingSecret);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
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

function EventRow({ event, onReplay }: { event: TriggerEvent; onReplay: () => void }) {
  const d = event.delivery;
  return (
    <li className="event">
      <div className="event-head">
        <span className="seq">#{event.seq}</span>{' '}
        <time dateTime={event.receivedAt}>{new Date(event.receivedAt).toLocaleTimeString()}</time>{' '}
        <StatusBadge status={d.status} />
        {d.attempts > 0 && (
          <span className="muted small">
            {' '}
            {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
            {d.lastStatus !== null && `, last ${d.lastStatus}`}
          </span>
        )}
        {d.status === 'dead' && (
          <button type="button" className="secondary small" onClick={onReplay}>
            Replay #{event.seq}
          </button>
        )}
      </div>
      {d.lastError && <p className="bad-text small">{d.lastError}</p>}
      <details>
        <summary>Body</summary>
        <JsonBlock value={event.body} label={`Body of event ${event.seq}`} />
      </details>
    </li>
  );
}

const SHOWN = 200;

/**
 * The newest events of a subscription. The API lists oldest first (by a global `seq`), so pages of
 * 1,000 are read to the end (at most 20) and the newest {@link SHOWN} kept.
 */
async function latestEvents(
  id: string,
  signal?: AbortSignal,
): Promise<{ events: TriggerEvent[]; lastSeq: number }> {
  let kept: TriggerEvent[] = [];
  let after = 0;
  for (let page = 0; page < 20; page++) {
    const { value } = await api.events(id, { after, limit: 1000 }, signal);
    kept = [...kept, ...value].slice(-SHOWN);
    if (value.length > 0) after = value[value.length - 1]!.seq;
    if (value.length < 1000) break;
  }
  return { events: kept, lastSeq: after };
}

/** The events of one subscription: the newest ones, then live from the server-sent event stream. */
function EventLog({ subscription, onChanged }: { subscription: Subscription; onChanged: () => void }) {
  const [events, setEvents] = useState<TriggerEvent[]>([]);
  const [state, setState] = useState<string>('connecting');
  const [error, setError] = useState<Error | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [show, setShow] = useState<'all' | DeliveryStatus>('all');
  // The counts on the subscription card follow the stream, at most every 2 s.
  const refresh = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const countsChanged = () => {
    if (refresh.current) return;
    refresh.current = setTimeout(() => {
      refresh.current = undefined;
      onChanged();
    }, 2000);
  };
  useEffect(() => () => clearTimeout(refresh.current), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stream restarts only for another subscription
  useEffect(() => {
    const controller = new AbortController();
    setEvents([]);
    const add = (list: readonly TriggerEvent[]) =>
      setEvents((prev) => {
        const byId = new Map(prev.map((e) => [e.id, e]));
        for (const e of list) byId.set(e.id, e);
        return [...byId.values()].sort((a, b) => b.seq - a.seq).slice(0, SHOWN);
      });
    (async () => {
      let after = 0;
      try {
        const latest = await latestEvents(subscription.id, controller.signal);
        add(latest.events);
        after = latest.lastSeq;
      } catch (e) {
        if (!controller.signal.aborted) setError(e as Error);
      }
      await readEventStream({
        url: `/api/v1/subscriptions/${encodeURIComponent(subscription.id)}/events/stream?after=${after}`,
        signal: controller.signal,
        onState: (s, detail) => setState(detail ? `${s}: ${detail}` : s),
        onMessage: (m) => {
          if (m.event !== 'event') return;
          try {
            add([JSON.parse(m.data) as TriggerEvent]);
            countsChanged();
          } catch {
            // A malformed message is skipped; the next refresh shows the event.
          }
        },
      });
    })();
    return () => controller.abort();
  }, [subscription.id]);

  // The stream brings new events; their delivery status changes later, so pending ones are re-read.
  const pending = events.some((e) => e.delivery.status === 'pending');
  const oldestShown = events.length > 0 ? events[events.length - 1]!.seq : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `countsChanged` is stable in effect
  useEffect(() => {
    if (!pending) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      api.events(subscription.id, { after: oldestShown - 1, limit: 1000 }, controller.signal).then(
        (page) => {
          setEvents((prev) => {
            const fresh = new Map(page.value.map((e) => [e.id, e]));
            return prev.map((e) => fresh.get(e.id) ?? e);
          });
          countsChanged();
        },
        () => undefined,
      );
    }, 2000);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [pending, oldestShown, subscription.id]);

  const replay = async (fn: () => Promise<string>) => {
    setError(undefined);
    try {
      setMessage(await fn());
      onChanged();
      const fresh = await latestEvents(subscription.id);
      setEvents(fresh.events.slice().sort((a, b) => b.seq - a.seq));
    } catch (e) {
      setError(e as Error);
    }
  };
  const dead = events.filter((e) => e.delivery.status === 'dead').length;
  const shown = show === 'all' ? events : events.filter((e) => e.delivery.status === show);
  return (
    <section aria-labelledby="events-heading" className="card">
      <h3 id="events-heading">
        Events of <code>{subscription.operationId}</code>
      </h3>
      <p className="muted small" role="status">
        Live stream: {state}. {events.length} event{events.length === 1 ? '' : 's'} shown.
      </p>
      {(dead > 0 || subscription.counts.dead > 0) && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            replay(async () => `Replayed ${(await api.replayDead(subscription.id)).replayed} dead events.`)
          }
        >
          Replay all dead events
        </button>
      )}
      <div className="field filter">
        <label htmlFor="events-show">Show</label>
        <select id="events-show" value={show} onChange={(e) => setShow(e.target.value as typeof show)}>
          <option value="all">all events</option>
          <option value="pending">pending deliveries</option>
          <option value="delivered">delivered</option>
          <option value="dead">dead (failed every attempt)</option>
          <option value="none">not delivered anywhere (no sink)</option>
        </select>
      </div>
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      {error && <ProblemMessage error={error} />}
      {events.length > 0 && shown.length === 0 && (
        <p className="muted">No such events among the newest {events.length}.</p>
      )}
      {events.length === 0 ? (
        <p className="muted">No events yet. Make the backend send one (for the demo: create a ticket).</p>
      ) : (
        <ol className="events" aria-label="Events, newest first">
          {shown.map((e) => (
            <EventRow
              key={e.id}
              event={e}
              onReplay={() =>
                replay(async () => {
                  await api.replayEvent(subscription.id, e.id);
                  return `Event #${e.seq} queued again.`;
                })
              }
            />
          ))}
        </ol>
      )}
    </section>
  );
}

export function TriggersPage() {
  const [loaded, reload] = useLoad(async (signal) => {
    const [{ connections }, subscriptions] = await Promise.all([
      api.connections(undefined, signal),
      api.subscriptions(undefined, signal).then(
        (s) => ({ ok: true as const, value: s.value }),
        (error: Error) => {
          if (missingApi(error)) return { ok: false as const };
          throw error;
        },
      ),
    ]);
    return { connections, subscriptions };
  }, []);
  const [selected, setSelected] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<Error | undefined>();
  return (
    <>
      <PageTitle sub="Subscribe to a connector's triggers and watch their events arrive.">Triggers</PageTitle>
      <div aria-live="polite">{notice && <p className="notice">{notice}</p>}</div>
      {error && <ProblemMessage error={error} />}
      <Async loaded={loaded} what="your subscriptions">
        {({ connections, subscriptions }) =>
          !subscriptions.ok ? (
            <p className="notice" role="status">
              This server has no subscriptions API yet (<code>/api/v1/subscriptions</code> answered 404), so
              triggers cannot be watched here. Update flowport, or run a trigger from the command line with{' '}
              <code>flowport trigger</code>.
            </p>
          ) : (
            <div className="two-columns">
              <section aria-labelledby="subs-heading">
                <h2 id="subs-heading">Subscriptions ({subscriptions.value.length})</h2>
                {subscriptions.value.length === 0 && <p className="muted">None yet.</p>}
                <ul className="subscriptions">
                  {subscriptions.value.map((s) => (
                    <li key={s.id} className={`card subscription${selected === s.id ? ' selected' : ''}`}>
                      <h3>
                        {s.operationId} <StatusBadge status={s.status} />
                      </h3>
                      <p className="muted small">
                        {s.connectorId} · {s.kind}
                        {s.kind === 'polling' && s.intervalSeconds ? ` every ${s.intervalSeconds} s` : ''} ·{' '}
                        <code>{s.id}</code>
                        {s.sink && (
                          <>
                            {' '}
                            · delivers to <code>{s.sink.url}</code>
                          </>
                        )}
                      </p>
                      {s.statusReason && <p>{s.statusReason}</p>}
                      <p className="small">
                        {s.counts.events} event{s.counts.events === 1 ? '' : 's'}: {s.counts.pending} pending,{' '}
                        {s.counts.delivered} delivered, {s.counts.dead} dead
                      </p>
                      <div className="actions-row">
                        <button
                          type="button"
                          className="secondary"
                          aria-pressed={selected === s.id}
                          onClick={() => setSelected(s.id)}
                        >
                          Watch events
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={async () => {
                            if (!window.confirm(`Delete the subscription to ${s.operationId}?`)) return;
                            try {
                              const r = await api.deleteSubscription(s.id);
                              setNotice(
                                `Deleted. Unsubscribed at the backend: ${r.unsubscribe.ok ? 'yes' : 'no'} (${r.unsubscribe.via}).${r.unsubscribe.warnings.length ? ` ${r.unsubscribe.warnings.join(' ')}` : ''}`,
                              );
                              if (selected === s.id) setSelected(undefined);
                              reload();
                            } catch (e) {
                              setError(e as Error);
                            }
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
              <NewSubscription
                connections={connections}
                onCreated={(s, secret) => {
                  setNotice(
                    `Subscribed to ${s.operationId}.${secret ? ` Signing secret (shown once): ${secret}` : ''}`,
                  );
                  setSelected(s.id);
                  reload();
                }}
              />
              {selected && subscriptions.value.some((s) => s.id === selected) && (
                <div className="full-width">
                  <EventLog
                    subscription={subscriptions.value.find((s) => s.id === selected)!}
                    onChanged={reload}
                  />
                </div>
              )}
            </div>
          )
        }
      </Async>
    </>
  );
}
