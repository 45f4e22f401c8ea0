import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import type { Connection, ConnectionTest } from '../api/types.ts';
import { ProblemMessage, StatusBadge } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';

import { isOAuth, ParameterInput, signIn } from './connection-parts.tsx';

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
  const { busy, error, run } = useAction();
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
    await run(async () => {
      const changed = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
      await api.updateConnection(connection.id, {
        ...(name.trim() !== connection.name && { name: name.trim() }),
        ...(Object.keys(changed).length > 0 && { values: changed }),
      });
      onDone(`Saved ${name.trim()}.`);
    });
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

/**
 * Where an MCP client reaches this connection (docs/mcp.md): the endpoint and a client configuration
 * to copy. The API token stays a placeholder: the console never shows the one it holds.
 */
function McpEndpoint({ connection }: { connection: Connection }) {
  const url = `${window.location.origin}/api/v1/connections/${encodeURIComponent(connection.id)}/mcp`;
  const config = JSON.stringify(
    {
      servers: {
        [connection.connectorId]: {
          type: 'http',
          url,
          headers: { Authorization: 'Bearer <your API token>' },
        },
      },
    },
    null,
    2,
  );
  return (
    <details className="small mcp-endpoint">
      <summary>Use with an AI agent (MCP)</summary>
      <p>
        This connection is a Model Context Protocol server: an MCP client calls the connector&apos;s actions
        as tools with it, over Streamable HTTP with your API token.
      </p>
      <figure>
        <figcaption>MCP endpoint</figcaption>
        <code>{url}</code>
      </figure>
      <figure>
        <figcaption>MCP client configuration</figcaption>
        <pre>{config}</pre>
      </figure>
    </details>
  );
}

/** One connection: status, test, edit, OAuth sign-in and sign-out, delete, its MCP endpoint. */
export function ConnectionRow({
  connection,
  onChanged,
}: {
  connection: Connection;
  onChanged: (message: string) => void;
}) {
  const { busy, running, error, run } = useAction();
  const [test, setTest] = useState<ConnectionTest | undefined>();
  const [editing, setEditing] = useState(false);
  const act = (name: string, fn: () => Promise<void>) => () => run(fn, { name });
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
          disabled={busy}
          onClick={act('test', async () => {
            const result = await api.testConnection(connection.id);
            setTest(result);
            onChanged(`Tested ${connection.name}: ${result.ok ? 'it works' : 'it failed'}.`);
          })}
        >
          {running === 'test' ? 'Testing…' : 'Test'}
        </button>
        {oauthLike && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={act('sign-in', () => signIn(connection))}
          >
            {connection.status === 'unauthenticated' ? 'Sign in' : 'Sign in again'}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={editing}
          disabled={busy}
          onClick={() => setEditing((e) => !e)}
        >
          Edit
        </button>
        {connection.hasTokens && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
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
          disabled={busy}
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
      <McpEndpoint connection={connection} />
      {error && <ProblemMessage error={error} />}
    </li>
  );
}
