import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client.ts';
import type { Connection, InvokeResult, JsonObject, OperationDetail, User } from '../api/types.ts';
import { Async, PageTitle, ProblemMessage } from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { FormContext, type FormState, JsonField } from '../form/Field.tsx';
import { initialArgs, ParameterFields } from '../form/ParameterFields.tsx';
import { isObject, prune, setIn } from '../form/values.ts';
import { RunResult } from './RunResult.tsx';

export function ConnectionPicker({
  connections,
  value,
  onChange,
  connectorId,
}: {
  connections: readonly Connection[];
  value: string | undefined;
  onChange: (id: string) => void;
  connectorId: string;
}) {
  if (connections.length === 0)
    return (
      <p className="notice">
        You have no connection to this connector yet.{' '}
        <Link href={`/connections?connector=${encodeURIComponent(connectorId)}`}>Create one</Link>.
      </p>
    );
  return (
    <div className="field">
      <label htmlFor="connection">Connection</label>
      <select id="connection" value={value ?? ''} onChange={(e) => onChange(e.target.value)} required>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.status})
          </option>
        ))}
      </select>
    </div>
  );
}

function TestForm({
  operation,
  connections,
  connectorId,
  admin,
}: {
  operation: OperationDetail;
  connections: Connection[];
  connectorId: string;
  admin: boolean;
}) {
  const [connectionId, setConnectionId] = useState<string | undefined>(
    () => (connections.find((c) => c.status === 'connected') ?? connections[0])?.id,
  );
  const [args, setArgs] = useState<JsonObject>(() => initialArgs(operation, false));
  const [generation, setGeneration] = useState(0);
  const [asJson, setAsJson] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ result: InvokeResult; sent: JsonObject } | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const form: FormState = useMemo(
    () => ({
      connectionId,
      operationId: operation.operationId ?? '',
      args,
      setValue: (path, value) =>
        setArgs((prev) => (path.length === 0 ? (isObject(value) ? value : {}) : setIn(prev, path, value))),
    }),
    [connectionId, operation.operationId, args],
  );
  const webhook = operation.kind === 'webhook-trigger';

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!connectionId || !operation.operationId) return;
    setRunning(true);
    setError(undefined);
    const sent = (prune(args) as JsonObject | undefined) ?? {};
    try {
      setResult({ result: await api.invoke(connectionId, operation.operationId, sent), sent });
    } catch (e) {
      setResult(undefined);
      setError(e as Error);
    } finally {
      setRunning(false);
    }
  }

  return (
    <FormContext.Provider value={form}>
      <form onSubmit={run} className="card form" aria-labelledby="test-heading">
        <h2 id="test-heading">Test</h2>
        <ConnectionPicker
          connections={connections}
          value={connectionId}
          onChange={setConnectionId}
          connectorId={connectorId}
        />
        <div className="actions-row">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setArgs(initialArgs(operation, true));
              setGeneration((g) => g + 1);
            }}
          >
            Fill in test values
          </button>
          <button
            type="button"
            className="secondary"
            aria-pressed={asJson}
            onClick={() => {
              setAsJson((v) => !v);
              setGeneration((g) => g + 1);
            }}
          >
            {asJson ? 'Edit as fields' : 'Edit all arguments as JSON'}
          </button>
        </div>
        <div key={generation}>
          {asJson ? (
            <JsonField
              name="arguments"
              path={[]}
              schema={{
                type: 'object',
                description: 'Arguments by parameter name; the body under its parameter name.',
              }}
              required={false}
              target=""
              label="Arguments"
            />
          ) : (
            <ParameterFields operation={operation} />
          )}
        </div>
        {webhook ? (
          <p className="notice">
            A webhook trigger registers a subscription with the backend:{' '}
            <Link
              href={`/triggers?connector=${encodeURIComponent(connectorId)}&operation=${encodeURIComponent(operation.operationId ?? '')}`}
            >
              subscribe to it on the Triggers page
            </Link>
            .
          </p>
        ) : (
          <button type="submit" disabled={!connectionId || running}>
            {running ? 'Running…' : 'Run'}
          </button>
        )}
      </form>
      <div aria-live="polite">
        {error && <ProblemMessage error={error} title="The call could not be made:" />}
        {error instanceof ApiError && error.status === 409 && (
          <p className="notice">
            The connection needs a sign-in: <Link href="/connections">sign in on the Connections page</Link>.
          </p>
        )}
        {result && (
          <RunResult
            result={result.result}
            sent={result.sent}
            target={
              operation.operationId ? { connectorId, operationId: operation.operationId, admin } : undefined
            }
          />
        )}
      </div>
    </FormContext.Provider>
  );
}

export function OperationPage({
  id,
  operationId,
  user,
}: {
  id: string;
  operationId: string;
  user?: User | undefined;
}) {
  const [loaded] = useLoad(
    async (signal) => {
      const [operation, { connections }] = await Promise.all([
        api.operation(id, operationId, signal),
        api.connections(id, signal),
      ]);
      return { operation, connections };
    },
    [id, operationId],
  );
  return (
    <Async loaded={loaded} what="the operation">
      {({ operation, connections }) => (
        <>
          <nav aria-label="Breadcrumb" className="crumbs">
            <Link href={`/connectors/${encodeURIComponent(id)}`}>{id}</Link> › {operation.operationId}
          </nav>
          <PageTitle
            sub={
              <>
                <code>
                  {operation.method} {operation.path}
                </code>{' '}
                · {operation.kind.replace('-', ' ')}
                {operation.visibility !== 'none' && ` · ${operation.visibility}`}
                {operation.deprecated && ' · deprecated'}
              </>
            }
          >
            {operation.summary ?? operation.operationId}
          </PageTitle>
          {operation.description && <p>{operation.description}</p>}
          {operation.triggerHint && <p className="notice">{operation.triggerHint}</p>}
          <TestForm
            operation={operation}
            connections={connections}
            connectorId={id}
            admin={user?.role === 'admin'}
          />
        </>
      )}
    </Async>
  );
}
