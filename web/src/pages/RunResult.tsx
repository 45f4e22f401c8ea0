import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { InvokeResult, JsonObject, JsonValue, ResponseSchemaResult, SchemaCheck } from '../api/types.ts';
import { HeaderTable, JsonBlock, ProblemMessage, StatusBadge } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { isObject } from '../form/values.ts';

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

/** The request body as flowport sent it: pretty JSON, text, or its size when it is bytes. */
function SentBody({
  body,
  contentType,
}: {
  body: NonNullable<NonNullable<InvokeResult['request']>['body']>;
  contentType: string | undefined;
}) {
  const json = useMemo(() => {
    if (body.text === undefined || body.omitted > 0 || !/json/i.test(contentType ?? '')) return undefined;
    try {
      return JSON.parse(body.text) as JsonValue;
    } catch {
      return undefined;
    }
  }, [body, contentType]);
  return (
    <>
      <h4>Body (as sent)</h4>
      {body.text === undefined ? (
        <p>
          Binary body, {body.bytes} bytes{contentType ? ` (${contentType})` : ''}.
        </p>
      ) : (
        <JsonBlock
          value={json ?? (body.omitted > 0 ? `${body.text}\n… ${body.omitted} more characters` : body.text)}
          label="Request body"
        />
      )}
    </>
  );
}

/** Where the answer should be written to, and whether the user may store a version. */
export interface SchemaTarget {
  readonly connectorId: string;
  readonly operationId: string;
  readonly admin: boolean;
}

/**
 * "Use this answer as the response schema": the schema inferred from the answer, previewed (anyone),
 * then stored as a new version of the connector (admins).
 */
function UseAnswer({
  target,
  result,
  replace,
}: {
  target: SchemaTarget;
  result: InvokeResult;
  replace: boolean;
}) {
  const [preview, setPreview] = useState<ResponseSchemaResult | undefined>();
  const [stored, setStored] = useState<ResponseSchemaResult | undefined>();
  const { busy, running, error, run } = useAction();
  const body = { samples: [result.body ?? null], status: String(result.status), replace };
  const look = () =>
    run(
      async () =>
        setPreview(await api.responseSchema(target.connectorId, target.operationId, body, { dryRun: true })),
      { name: 'look' },
    );
  const store = () =>
    run(async () => setStored(await api.responseSchema(target.connectorId, target.operationId, body)), {
      name: 'store',
    });
  if (stored)
    return (
      <p role="status">
        Stored as version {stored.version?.version} of {target.connectorId}
        {stored.breaking && stored.breaking.summary.error > 0
          ? `; it breaks ${stored.breaking.summary.error} thing${stored.breaking.summary.error === 1 ? '' : 's'} for flows built on the version before`
          : ''}
        .
      </p>
    );
  return (
    <>
      <p className="actions">
        <button type="button" className="secondary" disabled={busy} onClick={look}>
          {running === 'look' ? 'Inferring…' : 'Use this answer as the response schema'}
        </button>
      </p>
      {error && <ProblemMessage error={error} title="No schema was made:" />}
      {preview && (
        <div className="notice">
          <p>
            The schema of response <code>{result.status}</code> made from this answer (values are not kept):
          </p>
          <JsonBlock value={preview.schema} label="Inferred schema" />
          {preview.notes.length > 0 && (
            <ul aria-label="What the answer could not tell">
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {target.admin ? (
            <p className="actions">
              <button type="button" disabled={busy} onClick={store}>
                {running === 'store' ? 'Storing…' : 'Store it as a new version'}
              </button>
            </p>
          ) : (
            <p className="muted">
              Admins can store it here; in your copy of the connector, run{' '}
              <code>flowport response-schema &lt;connector&gt; {target.operationId} --write</code>.
            </p>
          )}
        </div>
      )}
    </>
  );
}

/** Where the answer differs from the response schema the operation declares (flows are built from it). */
function SchemaSection({
  schema,
  result,
  target,
}: {
  schema: SchemaCheck;
  result: InvokeResult;
  target: SchemaTarget | undefined;
}) {
  const warnings = schema.findings.filter((f) => f.severity === 'warning').length;
  const against = schema.response ? <code>{schema.response}</code> : 'the declared responses';
  return (
    <section aria-labelledby="schema-heading" className="schema-check">
      <h3 id="schema-heading">Response schema</h3>
      {schema.findings.length === 0 ? (
        <p>
          <span className="badge ok">matches</span> The answer is what response {against} describes.
        </p>
      ) : (
        <>
          <p>
            {warnings > 0 ? (
              <span className="badge warn">
                {warnings} {warnings === 1 ? 'difference' : 'differences'}
              </span>
            ) : (
              <span className="badge ok">no differences</span>
            )}{' '}
            against response {against}; flows and apps are built from the schema.
          </p>
          <ul aria-label="Schema findings">
            {schema.findings.map((f) => (
              <li key={`${f.kind} ${f.at} ${f.message}`} className={f.severity}>
                {f.message}
                {f.of > 1 && ` (${f.count} of ${f.of} values)`}{' '}
                <span className="muted schema-fix">{f.fix}</span>
              </li>
            ))}
          </ul>
          {schema.partial && (
            <p className="muted">Checked in part: the first 200 items of each array, 20,000 values in all.</p>
          )}
          {target && result.bodyKind === 'json' && result.status >= 200 && result.status < 300 && (
            <UseAnswer
              target={target}
              result={result}
              replace={schema.findings.some((f) => f.kind !== 'no-schema' && f.kind !== 'status-undeclared')}
            />
          )}
        </>
      )}
    </section>
  );
}

function statusTone(status: number): string {
  return status < 300 ? 'ok' : status < 500 ? 'warn' : 'bad';
}

export function RunResult({
  result,
  sent,
  target,
}: {
  result: InvokeResult;
  sent: JsonObject;
  /** Where "use this answer as the response schema" writes; none: no such button. */
  target?: SchemaTarget | undefined;
}) {
  const body = Object.values(sent).find((v) => isObject(v) || Array.isArray(v));
  return (
    <section aria-labelledby="result-heading" className="result">
      <h2 id="result-heading">Result</h2>
      <p className="result-line" role="status">
        <span className={`badge ${statusTone(result.status)}`}>Status {result.status}</span>{' '}
        <span>{result.durationMs.toFixed(1)} ms</span>
        {result.pages > 1 && <span> · {result.pages} pages</span>}
        {result.async && (
          <span title={`Polled ${result.async.location}`}>
            {' '}
            · after 202 Accepted and {result.async.polls} {result.async.polls === 1 ? 'poll' : 'polls'}
          </span>
        )}
        {result.chunked && (
          <span>
            {' '}
            · {result.chunked.direction === 'upload' ? 'uploaded' : 'downloaded'} in {result.chunked.parts}{' '}
            parts
          </span>
        )}
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
          {result.request?.body ? (
            <SentBody body={result.request.body} contentType={result.request.headers['content-type']} />
          ) : (
            body !== undefined && (
              <>
                <h4>Body (as given)</h4>
                <JsonBlock value={body} label="Request body" />
              </>
            )
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
      {result.schema && <SchemaSection schema={result.schema} result={result} target={target} />}
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
