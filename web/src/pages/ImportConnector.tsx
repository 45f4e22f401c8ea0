import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import type { BreakingReport, ConnectorUpload, ConversionReport, ImportResult } from '../api/types.ts';
import { ProblemMessage, plural, ValidationBadge } from '../components/common.tsx';
import { useAction } from '../components/use-action.ts';
import { BreakingBadge, ChangeList, UpdateBadge } from './breaking-parts.tsx';

const PRESETS = ['recommended', 'certification', 'independent-publisher'] as const;

const isZip = (f: File) =>
  /\.zip$/i.test(f.name) || f.type === 'application/zip' || f.type === 'application/x-zip-compressed';

/** One zip goes as it is; loose files go as a list (the client base64-encodes them); a URL as it is. */
function uploadOf(files: readonly File[], url: string): ConnectorUpload {
  if (url && files.length > 0)
    throw new Error('Choose either files or the URL of an API description, not both.');
  if (url) return { url };
  const zip = files.find(isZip);
  if (zip && files.length === 1) return { zip };
  if (zip) throw new Error('Choose either one .zip of the connector folder or its files, not both.');
  return { files };
}

function Outcome({ result }: { result: ImportResult }) {
  const { connector, version, created } = result;
  const v = version.validation;
  const href = `/connectors/${encodeURIComponent(connector.id)}`;
  return (
    <div className="notice">
      <p>
        {created
          ? `Imported ${connector.title} (${connector.id}) as version ${version.version}.`
          : `Unchanged: the files equal version ${version.version} of ${connector.title} (${connector.id}); no version was made.`}
      </p>
      <p>
        <ValidationBadge summary={v} /> Preset <code>{v.preset}</code>: {plural(v.errors, 'error')},{' '}
        {plural(v.warnings, 'warning')}, {plural(v.infos, 'info')}.{' '}
        <Link href={`${href}/validation`}>
          Validation report<span className="visually-hidden"> of {connector.title}</span>
        </Link>{' '}
        · <Link href={href}>Open {connector.title}</Link>
      </p>
      {result.converted && <Conversion report={result.converted} />}
      {result.breaking && <Breaking result={result} breaking={result.breaking} />}
    </div>
  );
}

const FORMATS: Readonly<Record<string, string>> = {
  'openapi-3.0': 'OpenAPI 3.0',
  'openapi-3.1': 'OpenAPI 3.1',
  'swagger-2.0': 'Swagger 2.0',
  'postman-2.1': 'Postman collection',
  har: 'HAR recording',
  curl: 'curl commands',
};

/** How the uploaded description became the connector: every construct not carried over exactly. */
function Conversion({ report }: { report: ConversionReport }) {
  const { losses } = report;
  return (
    <>
      <p>
        Made from <code>{report.source}</code> ({FORMATS[report.format] ?? report.format}):{' '}
        {report.summary.split('\n')[0]}
      </p>
      {losses.length > 0 && (
        <details>
          <summary>{plural(losses.length, 'construct')} not carried over exactly</summary>
          <ul className="conversion-losses">
            {losses.map((l) => (
              <li key={`${l.pointer}\u0000${l.construct}\u0000${l.action}`}>
                <strong>{l.construct}</strong> <code>{l.pointer || '/'}</code>: {l.action}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Changes shown under the outcome at most; the version's changes page lists them all. */
const SHOWN_CHANGES = 5;

/** What the new version breaks for flows built on the previous one. */
function Breaking({ result, breaking }: { result: ImportResult; breaking: BreakingReport }) {
  const { connector, version } = result;
  const changes = `/connectors/${encodeURIComponent(connector.id)}/versions/${version.version}/changes`;
  const total = breaking.summary.error + breaking.summary.warning + breaking.summary.info;
  return (
    <>
      <p>
        Against version {version.version - 1}: <BreakingBadge summary={breaking.summary} />{' '}
        <UpdateBadge update={breaking.update} />
      </p>
      {total > 0 && (
        <ChangeList
          changes={breaking.changes.slice(0, SHOWN_CHANGES)}
          from={version.version - 1}
          to={version.version}
        />
      )}
      <p>
        <Link href={changes}>
          {total > SHOWN_CHANGES ? `All ${total} changes` : 'What the version changes'}
          <span className="visually-hidden">
            {' '}
            in version {version.version} of {connector.title}
          </span>
        </Link>
      </p>
    </>
  );
}

/** A labelled text input with its hint (the hint describes the input to assistive technology). */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: ReactNode;
  type?: 'text' | 'url';
  placeholder?: string;
  autoComplete?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        spellCheck={false}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

/** The admins' import form: a zip of a connector folder or its files (or an API description's URL), an optional id and preset. */
export function ImportConnector({ onImported }: { onImported: (result: ImportResult) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [url, setUrl] = useState('');
  const [id, setId] = useState('');
  const [preset, setPreset] = useState<string>('recommended');
  const [result, setResult] = useState<ImportResult | undefined>();
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(undefined);
    await run(async () => {
      const imported = await api.importConnector(uploadOf(files, url.trim()), {
        ...(id.trim() && { id: id.trim() }),
        ...(preset !== 'recommended' && { preset }),
      });
      setResult(imported);
      onImported(imported);
    });
  }

  return (
    <form className="form" onSubmit={submit} aria-label="Import a connector">
      <div className="field">
        <label htmlFor="import-files">Connector files or an API description</label>
        <input
          id="import-files"
          type="file"
          multiple
          aria-describedby="import-files-hint"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <p className="hint" id="import-files-hint">
          A <code>.zip</code> of the connector folder, or its files chosen together:{' '}
          <code>apiDefinition.swagger.json</code>, <code>apiProperties.json</code>, <code>icon.png</code>,{' '}
          <code>script.csx</code>, <code>readme.md</code>… Or one API description to make the connector from,
          as <code>flowport init</code> does: OpenAPI 3.x or Swagger 2.0 (JSON or YAML), a Postman collection,
          a HAR recording or a file of curl commands; a description split over files goes with the files its{' '}
          <code>$ref</code>s name, chosen together or zipped with their folders.
        </p>
        {files.length > 0 && (
          <p className="hint">
            Chosen: {files.map((f) => f.name).join(', ')} (
            {Math.ceil(files.reduce((n, f) => n + f.size, 0) / 1024)} KB).
          </p>
        )}
      </div>
      <TextField
        id="import-url"
        label="Or the URL of an API description"
        type="url"
        value={url}
        autoComplete="url"
        placeholder="https://api.contoso.com/openapi.yaml"
        onChange={setUrl}
        hint={
          <>
            As the portal's wizard imports from a URL: the server fetches the description (and the documents
            its <code>$ref</code>s name) and converts it. A server others reach fetches from public addresses
            only.
          </>
        }
      />
      <TextField
        id="import-id"
        label="Connector id (optional)"
        value={id}
        autoComplete="off"
        placeholder="my-connector"
        onChange={setId}
        hint={
          <>
            Lower-case letters, digits and dashes. Default: from the swagger's <code>info.title</code>. An
            existing id gets a new version.
          </>
        }
      />
      <div className="field">
        <label htmlFor="import-preset">Validation preset</label>
        <select id="import-preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy || (files.length === 0 && url.trim() === '')}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      <div role="status">{result && <Outcome result={result} />}</div>
      {error && <ProblemMessage error={error} title="The connector was not imported:" />}
    </form>
  );
}
