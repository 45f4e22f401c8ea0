import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { readEventStream } from '../api/sse.ts';
import type { DeliveryStatus, Subscription, TriggerEvent } from '../api/types.ts';
import { JsonBlock, ProblemMessage, StatusBadge } from '../components/common.tsx';

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
export function EventLog({ subscription, onChanged }: { subscription: Subscription; onChanged: () => void }) {
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
