import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { Async, PageTitle, ProblemMessage, StatusBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { EventLog } from './EventLog.tsx';
import { NewSubscription } from './NewSubscription.tsx';

/** The subscriptions API answers 404 `ROUTE_NOT_FOUND` on a server that does not have it yet. */
function missingApi(error: Error): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'ROUTE_NOT_FOUND';
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
