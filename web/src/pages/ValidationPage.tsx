import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { Finding, FixResult, Severity, User } from '../api/types.ts';
import {
  Async,
  PageTitle,
  ProblemMessage,
  plural,
  RichText,
  ValidationBadge,
} from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { useLoad } from '../components/use-load.ts';
import { BreakingBadge } from './breaking-parts.tsx';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };

/** Lines around `line` (1-based) of a file, fetched once per file. */
function useSource(connectorId: string) {
  const [files, setFiles] = useState<Record<string, string[] | null>>({});
  const asked = useRef(new Set<string>());
  const request = useCallback(
    (name: string) => {
      if (asked.current.has(name)) return;
      asked.current.add(name);
      // Findings name files under the connector's folder (`brightdesk/apiProperties.json`).
      api.file(connectorId, name.slice(name.lastIndexOf('/') + 1)).then(
        (text) => setFiles((f) => ({ ...f, [name]: text.split(/\r\n|\n|\r/) })),
        () => setFiles((f) => ({ ...f, [name]: [] })),
      );
    },
    [connectorId],
  );
  return { files, request };
}

function SourceLines({ lines, line, column }: { lines: string[]; line: number; column: number | undefined }) {
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const shown = [];
  for (let n = from; n <= to; n++) shown.push(n);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard
    <section className="scroll source" tabIndex={0} aria-label={`Source lines ${from} to ${to}`}>
      <pre>
        {shown.map((n) => (
          <div key={n} className={n === line ? 'hit' : undefined}>
            <span className="ln" aria-hidden="true">
              {String(n).padStart(5)}
            </span>{' '}
            {n === line && (
              <span className="visually-hidden">
                line {n}, column {column}:{' '}
              </span>
            )}
            {(lines[n - 1] ?? '').slice(0, 300)}
          </div>
        ))}
      </pre>
    </section>
  );
}

function FindingItem({
  finding,
  source,
}: {
  finding: Finding;
  source: { files: Record<string, string[] | null>; request: (name: string) => void };
}) {
  const { file, line } = finding;
  const { request } = source;
  useEffect(() => {
    if (file && line) request(file);
  }, [file, line, request]);
  const lines = file ? source.files[file] : undefined;
  return (
    <li className="finding">
      <p>
        <RichText text={finding.message} />
        {finding.fixable && (
          <>
            {' '}
            <span className="badge neutral">fixable</span>
          </>
        )}
      </p>
      <p className="muted small">
        {file ? (
          <code>
            {file}
            {line !== undefined && `:${line}`}
            {finding.column !== undefined && `:${finding.column}`}
          </code>
        ) : null}
        {finding.pointer && (
          <>
            {' '}
            · <code>{finding.pointer || '/'}</code>
          </>
        )}
      </p>
      {lines && line !== undefined && lines.length > 0 && (
        <SourceLines lines={lines} line={line} column={finding.column} />
      )}
    </li>
  );
}

/** What fixing made: the findings fixed, the files and the new version (and what it breaks). */
function FixOutcome({ id, result }: { id: string; result: FixResult }) {
  const { version, breaking } = result;
  if (!result.created) return <p className="notice">Nothing to fix: no finding offers a change.</p>;
  const changes = `/connectors/${encodeURIComponent(id)}/versions/${version.version}/changes`;
  return (
    <div className="notice">
      <p>
        Fixed {plural(result.fixed, 'finding')} in {result.files.join(' and ')}: stored as version{' '}
        {version.version}, shown below.
      </p>
      {breaking && (
        <p>
          Against version {version.version - 1}: <BreakingBadge summary={breaking.summary} />{' '}
          <Link href={changes}>What the version changes</Link>
        </p>
      )}
    </div>
  );
}

/** A unified diff, each line marked added, removed or a hunk header (the sign says it, not only colour). */
function DiffView({ diff, fixed }: { diff: string; fixed: number }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  const kind = (line: string) =>
    line.startsWith('+++') || line.startsWith('---')
      ? 'file'
      : line.startsWith('+')
        ? 'add'
        : line.startsWith('-')
          ? 'del'
          : line.startsWith('@@')
            ? 'hunk'
            : undefined;
  return (
    <>
      <p>The changes, which would fix {plural(fixed, 'finding')}; nothing is stored by looking:</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions must be reachable by keyboard */}
      <section className="scroll source diff" tabIndex={0} aria-label="Changes the fix would make">
        <pre>
          {lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines can repeat
            <div key={i} className={kind(line)}>
              {line}
            </div>
          ))}
        </pre>
      </section>
    </>
  );
}

/**
 * The note on findings marked fixable: admins can have the server make the changes as a new
 * version; everyone can make them in a copy with `flowport validate --fix`.
 */
function FixNotice({
  id,
  fixable,
  admin,
  onFixed,
}: {
  id: string;
  fixable: number;
  admin: boolean;
  onFixed: () => void;
}) {
  const [result, setResult] = useState<FixResult | undefined>();
  const [preview, setPreview] = useState<FixResult | undefined>();
  const { busy, running, error, run } = useAction();
  const fix = () =>
    run(
      async () => {
        setResult(undefined);
        setResult(await api.fixConnector(id));
        setPreview(undefined);
        onFixed();
      },
      { name: 'fix' },
    );
  const look = () =>
    run(
      async () => {
        setPreview(await api.fixConnector(id, { dryRun: true }));
      },
      { name: 'preview' },
    );
  return (
    <>
      <div role="status">{result && <FixOutcome id={id} result={result} />}</div>
      {error && <ProblemMessage error={error} title="Nothing was fixed:" />}
      {fixable > 0 && (
        <div className="notice">
          <p>
            {plural(fixable, 'finding')} marked <span className="badge neutral">fixable</span>{' '}
            {admin ? (
              <>
                can be fixed here: the changes <code>flowport validate --fix</code> makes are stored as a new
                version. In a copy of the connector, run <code>flowport validate --fix</code> and import it
                again.
              </>
            ) : (
              <>
                can be fixed in your copy of the connector with <code>flowport validate --fix</code>, then
                imported again; the preview shows the changes as a diff (<code>git apply</code> takes it).
              </>
            )}
          </p>
          <p className="actions">
            {admin && (
              <>
                <button type="button" disabled={busy} onClick={fix}>
                  {running === 'fix' ? 'Fixing…' : `Fix ${plural(fixable, 'finding')}`}
                </button>{' '}
              </>
            )}
            <button type="button" className="secondary" disabled={busy} onClick={look}>
              {running === 'preview' ? 'Looking…' : preview ? 'Look again' : 'Preview the changes'}
            </button>
          </p>
          {preview?.diff && <DiffView diff={preview.diff} fixed={preview.fixed} />}
        </div>
      )}
    </>
  );
}

export function ValidationPage({ id, user }: { id: string; user?: User | undefined }) {
  const [loaded, reload] = useLoad((signal) => api.validation(id, signal), [id]);
  const source = useSource(id);
  return (
    <Async loaded={loaded} what="the validation report">
      {(report) => {
        const fixable = report.findings.filter((f) => f.fixable).length;
        const bySeverity = SEVERITIES.map((severity) => {
          const rules = new Map<string, Finding[]>();
          for (const f of report.findings.filter((x) => x.severity === severity)) {
            const list = rules.get(f.ruleId) ?? [];
            list.push(f);
            rules.set(f.ruleId, list);
          }
          return { severity, rules: [...rules.entries()].sort((a, b) => b[1].length - a[1].length) };
        });
        return (
          <>
            <nav aria-label="Breadcrumb" className="crumbs">
              <Link href={`/connectors/${encodeURIComponent(id)}`}>{id}</Link> › validation
            </nav>
            <PageTitle
              sub={
                <>
                  Version {report.version}, preset <code>{report.summary.preset}</code>:{' '}
                  {report.summary.errors} errors, {report.summary.warnings} warnings, {report.summary.infos}{' '}
                  infos.
                </>
              }
            >
              Validation report <ValidationBadge summary={report.summary} />
            </PageTitle>
            <FixNotice id={id} fixable={fixable} admin={user?.role === 'admin'} onFixed={reload} />
            {report.findings.length === 0 && (
              <p>No findings: the connector passes every rule of the preset.</p>
            )}
            {bySeverity
              .filter((g) => g.rules.length > 0)
              .map((g) => (
                <section
                  key={g.severity}
                  aria-labelledby={`sev-${g.severity}`}
                  className={`severity ${g.severity}`}
                >
                  <h2 id={`sev-${g.severity}`}>
                    {TITLES[g.severity]} ({g.rules.reduce((n, [, l]) => n + l.length, 0)})
                  </h2>
                  {g.rules.map(([ruleId, findings]) => (
                    <details key={ruleId} open={g.severity === 'error' || g.rules.length <= 5}>
                      <summary>
                        <code>{ruleId}</code> ({findings.length})
                      </summary>
                      <p>
                        <a
                          href={`/docs/rules/${encodeURIComponent(ruleId)}`}
                          target="_blank"
                          rel="noreferrer"
                        >
                          About the rule <code>{ruleId}</code>
                          <span className="visually-hidden"> (opens in a new tab)</span>
                        </a>
                      </p>
                      <ul className="findings">
                        {findings.map((f, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: findings can repeat
                          <FindingItem key={i} finding={f} source={source} />
                        ))}
                      </ul>
                    </details>
                  ))}
                </section>
              ))}
          </>
        );
      }}
    </Async>
  );
}
