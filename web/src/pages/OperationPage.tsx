import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client.ts';
import type {
  Connection,
  InvokeResult,
  JsonObject,
  JsonValue,
  OperationDetail,
  ParameterDetail,
} from '../api/types.ts';
import {
  Async,
  HeaderTable,
  JsonBlock,
  PageTitle,
  ProblemMessage,
  StatusBadge,
} from '../components/common.tsx';
import { useLoad } from '../components/use-load.ts';
import { Field, FormContext, type FormState, JsonField } from '../form/Fields.tsx';
import { isObject, prune, setIn } from '../form/values.ts';

/** A parameter as a schema the fields understand (body parameters have one already). */
export function schemaOf(p: ParameterDetail): JsonObject {
  if (p.in === 'body' && p.schema) return { ...p.schema, 'x-ms-summary': p.label };
  return {
    type: p.type,
    'x-ms-summary': p.label,
    ...(p.format && { format: p.format }),
    ...(p.enum && { enum: [...p.enum] }),
    ...(p.items && { items: p.items }),
    ...(p.description && { description: p.description }),
    ...(p.dynamicValues && { 'x-ms-dynamic-values': {} }),
    ...(p.dynamicSchema && { 'x-ms-dynamic-schema': {} }),
    ...(p.dynamicTree && { 'x-ms-dynamic-tree': {} }),
  };
}

/** Parameters as the designer shows them: internal hidden, advanced folded, the rest in order. */
export function ParameterFields({ operation }: { operation: OperationDetail }) {
  const visible = operation.parameters.filter((p) => p.visibility !== 'internal');
  const main = visible.filter((p) => p.visibility !== 'advanced' || p.required);
  const advanced = visible.filter((p) => p.visibility === 'advanced' && !p.required);
  const field = (p: ParameterDetail) => (
    <Field
      key={`${p.in}:${p.name}`}
      name={p.name}
      path={[p.name]}
      schema={schemaOf(p)}
      required={p.required}
      target={p.name}
      label={p.label}
      description={p.description}
    />
  );
  return (
    <>
      {main.length === 0 && advanced.length === 0 && (
        <p className="muted">This operation takes no parameters.</p>
      )}
      {main.map(field)}
      {advanced.length > 0 && (
        <details>
          <summary>Advanced parameters ({advanced.length})</summary>
          {advanced.map(field)}
        </details>
      )}
    </>
  );
}

/** The initial arguments: defaults of required parameters, or every test value (`x-ms-test-value`). */
export function initialArgs(operation: OperationDetail, testValues: boolean): JsonObject {
  let args: JsonObject = {};
  for (const p of operation.parameters) {
    const value: JsonValue | undefined =
      testValues && p.testValue !== null
        ? p.testValue
        : p.required && p.default !== null
          ? p.default
          : undefined;
    if (value !== undefined) args = setIn(args, [p.name], value);
  }
  return args;
}

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

/** A binary response body: its size and a download link (a blob URL, made from the base64 body). */
function BinaryBody({ base64, type }: { base64: string; type: string | undefined }) {
  const url = useMemo(() => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: type ?? 'application/octet-stream' }));
  }, [base64, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const size =
    Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  return (
    <p>
      Binary body, {size} bytes{type ? ` (${type})` : ''}.{' '}
      <a href={url} download="response">
        Download it
      </a>
    </p>
  );
}

function statusTone(status: number): string {
  return status < 300 ? 'ok' : status < 500 ? 'warn' : 'bad';
}

export function RunResult({ result, sent }: { result: InvokeResult; sent: JsonObject }) {
  const body = Object.values(sent).find((v) => isObject(v) || Array.isArray(v));
  return (
    <section aria-labelledby="result-heading" className="result">
      <h2 id="result-heading">Result</h2>
      <p className="result-line" role="status">
        <span className={`badge ${statusTone(result.status)}`}>Status {result.status}</span>{' '}
        <span>{result.durationMs.toFixed(1)} ms</span>
        {result.pages > 1 && <span> · {result.pages} pages</span>}
        {result.connectionStatus && (
          <span>
            {' '}
            · connection <StatusBadge status={result.connectionStatus} />
          </span>
        )}
      </p>
      {result.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="result-grid">
        <section aria-labelledby="request-heading">
          <h3 id="request-heading">Request</h3>
          {result.request ? (
            <>
              <p className="request-line">
                <code>
                  {result.request.method} {result.request.url}
                </code>
              </p>
              <HeaderTable headers={result.request.headers} caption="Request headers" />
            </>
          ) : (
            <p className="muted">No request was sent (custom code answered).</p>
          )}
          {body !== undefined && (
            <>
              <h4>Body (as given)</h4>
              <JsonBlock value={body} label="Request body" />
            </>
          )}
        </section>
        <section aria-labelledby="response-heading">
          <h3 id="response-heading">Response</h3>
          <HeaderTable headers={result.headers} caption="Response headers" />
          <h4>Body</h4>
          {result.bodyKind === 'none' ? (
            <p className="muted">No body.</p>
          ) : result.bodyKind === 'binary' ? (
            <BinaryBody
              base64={typeof result.body === 'string' ? result.body : ''}
              type={result.headers['content-type']}
            />
          ) : (
            <JsonBlock value={result.body} label="Response body" />
          )}
        </section>
      </div>
      {result.trace && result.trace.length > 0 && (
        <details>
          <summary>Trace ({result.trace.length} steps)</summary>
          <ol className="trace">
            {result.trace.map((t, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps can repeat
              <li key={i}>{t}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function TestForm({
  operation,
  connections,
  connectorId,
}: {
  operation: OperationDetail;
  connections: Connection[];
  connectorId: string;
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
        {result && <RunResult result={result.result} sent={result.sent} />}
      </div>
    </FormContext.Provider>
  );
}

export function OperationPage({ id, operationId }: { id: string; operationId: string }) {
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
          <TestForm operation={operation} connections={connections} connectorId={id} />
        </>
      )}
    </Async>
  );
}
