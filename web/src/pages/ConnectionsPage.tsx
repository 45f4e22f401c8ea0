import { type FormEvent, useEffect, useState } from 'react';
import { useSearch } from 'wouter';
import { api } from '../api/client.ts';
import type { Connection, ConnectionParameter, ConnectionTest, GalleryCard } from '../api/types.ts';
import { Async, PageTitle, ProblemMessage, StatusBadge } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';

const isOAuth = (p: ConnectionParameter) => p.type.toLowerCase() === 'oauthsetting';

/** Where the OAuth callback sends the browser back to: this page, which reads the outcome. */
function returnTo(): string {
  return `${window.location.origin}/console/connections`;
}

async function signIn(connection: Connection, client: { clientId?: string; clientSecret?: string } = {}) {
  const start = await api.oauthStart(connection.id, { returnTo: returnTo(), ...client });
  // The URL comes from the connector's settings: only a web address is followed.
  const url = new URL(start.authorizationUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`The authorization URL of this connector is not a web address (${url.protocol}).`);
  window.location.assign(url.href);
}

function ParameterInput({
  p,
  value,
  onChange,
  idPrefix = 'cp',
  placeholder,
}: {
  p: ConnectionParameter;
  value: string;
  onChange: (value: string) => void;
  idPrefix?: string;
  placeholder?: string | undefined;
}) {
  const id = `${idPrefix}-${p.name}`;
  const hint = p.description ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {p.displayName}
        {p.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {p.allowedValues && p.allowedValues.length > 0 ? (
        <select
          id={id}
          value={value}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">Choose…</option>
          {p.allowedValues.map((v) => (
            <option key={v.value} value={v.value}>
              {v.text ?? v.value}
            </option>
          ))}
        </select>
      ) : p.type.toLowerCase() === 'bool' ? (
        <select
          id={id}
          value={value}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">(none)</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          id={id}
          type={p.secret ? 'password' : p.type.toLowerCase() === 'int' ? 'number' : 'text'}
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          required={p.required}
          aria-describedby={hint}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {p.description && (
        <p className="hint" id={hint}>
          {p.description}
        </p>
      )}
    </div>
  );
}

function CreateConnection({
  cards,
  initial,
  onCreated,
}: {
  cards: readonly GalleryCard[];
  initial: string | null;
  onCreated: () => void;
}) {
  const [connectorId, setConnectorId] = useState(
    initial && cards.some((c) => c.id === initial) ? initial : (cards[0]?.id ?? ''),
  );
  const card = cards.find((c) => c.id === connectorId);
  const [set, setSet] = useState<string>('');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [client, setClient] = useState({ clientId: '', clientSecret: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const [detail] = useLoad(
    (signal) => (connectorId ? api.connector(connectorId, signal) : Promise.resolve(undefined)),
    [connectorId],
  );
  useEffect(() => {
    setSet(card?.parameterSets[0]?.name ?? '');
    setValues({});
  }, [card]);

  const parameters =
    detail.state === 'done' && detail.value
      ? detail.value.connectionParameters.filter(
          (p) => !p.hidden && (card?.parameterSets.length ? p.set === set : true),
        )
      : [];
  const oauth = parameters.some(isOAuth);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const filled = Object.fromEntries(
        Object.entries(values).filter(([k, v]) => v !== '' && parameters.some((p) => p.name === k)),
      );
      const created = await api.createConnection({
        connectorId,
        ...(name.trim() && { name: name.trim() }),
        ...(set && { parameterSet: set }),
        values: filled,
      });
      if (oauth) {
        await signIn(created, {
          ...(client.clientId && { clientId: client.clientId }),
          ...(client.clientSecret && { clientSecret: client.clientSecret }),
        });
        return;
      }
      setValues({});
      setName('');
      onCreated();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-heading">
      <h2 id="create-heading">New connection</h2>
      <div className="field">
        <label htmlFor="connector">Connector</label>
        <select id="connector" value={connectorId} onChange={(e) => setConnectorId(e.target.value)}>
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      {card && card.parameterSets.length > 0 && (
        <fieldset>
          <legend>Authentication type</legend>
          {card.parameterSets.map((s) => (
            <label key={s.name} className="radio">
              <input
                type="radio"
                name="parameter-set"
                value={s.name}
                checked={set === s.name}
                onChange={() => setSet(s.name)}
              />{' '}
              {s.displayName}
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor="connection-name">Name</label>
        <input
          id="connection-name"
          value={name}
          placeholder={card?.title}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {detail.state === 'error' && <ProblemMessage error={detail.error} />}
      {parameters
        .filter((p) => !isOAuth(p))
        .map((p) => (
          <ParameterInput
            key={p.name}
            p={p}
            value={values[p.name] ?? p.defaultValue ?? ''}
            onChange={(v) => setValues((prev) => ({ ...prev, [p.name]: v }))}
          />
        ))}
      {oauth && (
        <>
          <p className="notice">
            Creating the connection opens the provider's sign-in page; you come back here afterwards.
          </p>
          <details>
            <summary>OAuth app (optional)</summary>
            <p className="hint">Only if the connector's own client id is not the app you registered.</p>
            <div className="field">
              <label htmlFor="client-id">Client id</label>
              <input
                id="client-id"
                value={client.clientId}
                onChange={(e) => setClient((c) => ({ ...c, clientId: e.target.value }))}
              />
            </div>
            <div className="field">
              <label htmlFor="client-secret">Client secret</label>
              <input
                id="client-secret"
                type="password"
                autoComplete="off"
                value={client.clientSecret}
                onChange={(e) => setClient((c) => ({ ...c, clientSecret: e.target.value }))}
              />
            </div>
          </details>
        </>
      )}
      <button type="submit" disabled={busy || !connectorId}>
        {busy ? 'Creating…' : oauth ? 'Create and sign in' : 'Create connection'}
      </button>
      {error && <ProblemMessage error={error} title="The connection was not created:" />}
    </form>
  );
}

/** Rename a connection or change its values; secret values are only replaced, never shown. */
function EditConnection({
  connection,
  onDone,
}: {
  connection: Connection;
  onDone: (message?: string) => void;
}) {
  const [detail] = useLoad(
    (signal) => api.connector(connection.connectorId, signal),
    [connection.connectorId],
  );
  const [name, setName] = useState(connection.name);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const parameters =
    detail.state === 'done'
      ? detail.value.connectionParameters.filter(
          (p) =>
            !p.hidden &&
            !isOAuth(p) &&
            (connection.parameterSet ? p.set === connection.parameterSet : !p.set),
        )
      : [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const changed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      await api.updateConnection(connection.id, {
        ...(name.trim() !== connection.name && { name: name.trim() }),
        ...(Object.keys(changed).length > 0 && { values: changed }),
      });
      onDone(`Saved ${name.trim()}.`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  const id = `edit-${connection.id}`;
  return (
    <form className="form" onSubmit={submit} aria-label={`Edit ${connection.name}`}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} required onChange={(e) => setName(e.target.value)} />
      </div>
      {parameters.map((p) => (
        <ParameterInput
          key={p.name}
          idPrefix={id}
          p={{ ...p, required: false }}
          value={values[p.name] ?? (p.secret ? '' : (connection.values[p.name] ?? ''))}
          placeholder={
            p.secret && connection.secretsSet.includes(p.name) ? 'set (type to replace)' : undefined
          }
          onChange={(v) => setValues((prev) => ({ ...prev, [p.name]: v }))}
        />
      ))}
      <div className="actions-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      {error && <ProblemMessage error={error} title="Not saved:" />}
    </form>
  );
}

function ConnectionRow({
  connection,
  onChanged,
}: {
  connection: Connection;
  onChanged: (message: string) => void;
}) {
  const [busy, setBusy] = useState<string | undefined>();
  const [test, setTest] = useState<ConnectionTest | undefined>();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const act = (what: string, fn: () => Promise<void>) => async () => {
    setBusy(what);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  const oauthLike = connection.hasTokens || connection.status === 'unauthenticated';
  return (
    <li className="card connection" aria-labelledby={`conn-${connection.id}`}>
      <h3 id={`conn-${connection.id}`}>
        {connection.name} <StatusBadge status={connection.status} />
      </h3>
      <p className="muted small">
        {connection.connectorId}
        {connection.parameterSet && ` · ${connection.parameterSet}`} · <code>{connection.id}</code>
        {connection.secretsSet.length > 0 && ` · secrets set: ${connection.secretsSet.join(', ')}`}
      </p>
      {connection.statusReason && <p>{connection.statusReason}</p>}
      <div className="actions-row">
        <button
          type="button"
          className="secondary"
          disabled={busy !== undefined}
          onClick={act('test', async () => {
            const result = await api.testConnection(connection.id);
            setTest(result);
            onChanged(`Tested ${connection.name}: ${result.ok ? 'it works' : 'it failed'}.`);
          })}
        >
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        {oauthLike && (
          <button
            type="button"
            className="secondary"
            disabled={busy !== undefined}
            onClick={act('sign-in', () => signIn(connection))}
          >
            {connection.status === 'unauthenticated' ? 'Sign in' : 'Sign in again'}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={editing}
          disabled={busy !== undefined}
          onClick={() => setEditing((e) => !e)}
        >
          Edit
        </button>
        {connection.hasTokens && (
          <button
            type="button"
            className="secondary"
            disabled={busy !== undefined}
            onClick={act('sign-out', async () => {
              await api.oauthRevoke(connection.id);
              onChanged(`Signed ${connection.name} out.`);
            })}
          >
            Sign out
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={busy !== undefined}
          onClick={act('delete', async () => {
            if (!window.confirm(`Delete the connection “${connection.name}”?`)) return;
            await api.deleteConnection(connection.id);
            onChanged(`Deleted ${connection.name}.`);
          })}
        >
          Delete
        </button>
      </div>
      {editing && (
        <EditConnection
          connection={connection}
          onDone={(message) => {
            setEditing(false);
            if (message) onChanged(message);
          }}
        />
      )}
      {test && (
        <p className={test.ok ? 'ok-text' : 'bad-text'}>
          Test {test.ok ? 'passed' : 'failed'}
          {test.operationId && ` (${test.operationId}`}
          {test.status !== undefined && `, status ${test.status}`}
          {test.operationId && ')'}
          {test.error && `: ${test.error.message}`}
        </p>
      )}
      {error && <ProblemMessage error={error} />}
    </li>
  );
}

export function ConnectionsPage() {
  const search = new URLSearchParams(useSearch());
  const [message, setMessage] = useState<string | undefined>(() => {
    // Back from an OAuth sign-in: the callback names the connection and its status.
    const status = search.get('status');
    if (!search.get('connection') || !status) return undefined;
    window.history.replaceState(null, '', '/console/connections');
    return status === 'connected'
      ? 'Signed in: the connection is connected.'
      : `The sign-in did not finish (${status}${search.get('error') ? `: ${search.get('error')}` : ''}).`;
  });
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
