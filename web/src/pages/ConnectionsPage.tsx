import { useEffect, useState } from 'react';
import { useSearch } from 'wouter';
import { api } from '../api/client.ts';
import { Async, PageTitle } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { ConnectionRow } from './ConnectionRow.tsx';
import { CreateConnection } from './CreateConnection.tsx';

export function ConnectionsPage() {
  const search = new URLSearchParams(useSearch());
  // Back from an OAuth sign-in: the callback names the connection and its status in the query.
  const [message, setMessage] = useState<string | undefined>(() => {
    const status = search.get('status');
    if (!search.get('connection') || !status) return undefined;
    return status === 'connected'
      ? 'Signed in: the connection is connected.'
      : `The sign-in did not finish (${status}${search.get('error') ? `: ${search.get('error')}` : ''}).`;
  });
  // The query is removed after the render (changing the location while rendering restarts it).
  const fromCallback = search.has('connection') && search.has('status');
  useEffect(() => {
    if (fromCallback) window.history.replaceState(null, '', '/console/connections');
  }, [fromCallback]);
  const [loaded, reload] = useLoad(async (signal) => {
    const [{ connections }, { connectors }] = await Promise.all([
      api.connections(undefined, signal),
      api.gallery(signal),
    ]);
    return { connections, connectors };
  }, []);
  return (
    <>
      <PageTitle sub="Your connections: each one signs in to a connector's service as you.">
        Connections
      </PageTitle>
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      <Async loaded={loaded} what="your connections">
        {({ connections, connectors }) => (
          <div className="two-columns">
            <section aria-labelledby="list-heading">
              <h2 id="list-heading">Your connections ({connections.length})</h2>
              {connections.length === 0 && <p className="muted">None yet.</p>}
              <ul className="connections">
                {connections.map((c) => (
                  <ConnectionRow
                    key={c.id}
                    connection={c}
                    onChanged={(m) => {
                      setMessage(m);
                      reload();
                    }}
                  />
                ))}
              </ul>
            </section>
            <CreateConnection
              cards={connectors}
              initial={search.get('connector')}
              onCreated={() => {
                setMessage('Connection created.');
                reload();
              }}
            />
          </div>
        )}
      </Async>
    </>
  );
}
