import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { GalleryCard } from '../api/types.ts';
import { ProblemMessage } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';

import { isOAuth, ParameterInput, signIn } from './connection-parts.tsx';

/** A new connection from the connector's connection parameters or parameter sets (OAuth: then the sign-in). */
export function CreateConnection({
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
  const { busy, error, run } = useAction();
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
    await run(async () => {
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
    });
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
