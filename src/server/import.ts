/**
 * Importing a connector into the store: files from an upload (JSON with base64 files, or a zip),
 * validated with a preset, stored as a new version when they changed, the registry told.
 */
import { unzipSync } from 'fflate';
import type { BreakingResult } from '../breaking/change.ts';
import type { RawFile } from '../connector/files.ts';
import { readZip } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { ConnectorInfo, ConnectorVersion, Store } from '../store/types.ts';
import type { ConnectorValidator } from '../validate/background.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { PRESETS, type PresetName } from '../validate/rule.ts';
import type { ConnectorRegistry } from './deps.ts';
import { ServerError } from './errors.ts';

/** `tasklane`, `contoso-tasks`: lower-case letters, digits and dashes, 1–64 characters. */
export const CONNECTOR_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** Most files one connector may have (the format has eight; zips carry a few extras). */
export const MAX_FILES = 64;

/** A connector id from a title: `Contoso Tasks (Preview)` → `contoso-tasks-preview`. */
export function connectorIdFrom(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}

/** Files of an uploaded zip; refuses archives that unpack beyond `maxUnzipped` bytes. */
export function filesFromZip(bytes: Uint8Array, maxUnzipped: number, nested = false): RawFile[] {
  let total = 0;
  let count = 0;
  try {
    // A first pass that extracts nothing: the filter sees each entry's declared size.
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        count++;
        return false;
      },
    });
  } catch (cause) {
    throw new ServerError('IMPORT_INVALID', 'The upload is not a readable zip file; re-create the archive.', {
      cause,
    });
  }
  if (total > maxUnzipped) {
    throw new ServerError(
      'BODY_TOO_LARGE',
      `The zip unpacks to ${total} bytes, more than the limit of ${maxUnzipped}; upload only the connector's files.`,
    );
  }
  if (count > MAX_FILES * 4) {
    throw new ServerError(
      'IMPORT_INVALID',
      `The zip holds ${count} entries; a connector has at most ${MAX_FILES} files.`,
    );
  }
  return readZip('upload.zip', bytes, nested);
}

/** A file of a JSON upload: its name and base64 content. */
export interface UploadedFile {
  readonly name: string;
  readonly content: string;
}

/** Files of a JSON upload; names must be plain file names (no folders). */
export function filesFromUpload(files: readonly UploadedFile[]): RawFile[] {
  const seen = new Set<string>();
  return files.map((f) => {
    if (f.name.includes('/') || f.name.includes('\\') || f.name === '.' || f.name === '..') {
      throw new ServerError(
        'IMPORT_INVALID',
        `File name \`${f.name}\` is not a plain file name; send \`apiDefinition.swagger.json\`, \`apiProperties.json\`, \`icon.png\`… without folders.`,
      );
    }
    const key = f.name.toLowerCase();
    if (seen.has(key)) throw new ServerError('IMPORT_INVALID', `File \`${f.name}\` is sent twice.`);
    seen.add(key);
    return { name: f.name, bytes: new Uint8Array(Buffer.from(f.content, 'base64')) };
  });
}

export interface ImportInput {
  readonly files: readonly RawFile[];
  /** Connector id; default: derived from the swagger's `info.title`. */
  readonly id?: string;
  /** Validation preset; default `recommended`. */
  readonly preset?: PresetName;
  readonly createdBy?: string;
  /** Folder the files came from (`flowport serve ./dir`). */
  readonly sourcePath?: string;
}

export interface ImportResult {
  readonly info: ConnectorInfo;
  readonly version: ConnectorVersion;
  /** False when the files equal the latest version's (no new version was made). */
  readonly created: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * What this version changes that would break flows built on the previous one (`flowport breaking`),
   * and whether certification would call it a minor or major update; undefined for a first version
   * or unchanged files.
   */
  readonly breaking: BreakingResult | undefined;
}

export function isPreset(name: string): name is PresetName {
  return (PRESETS as readonly string[]).includes(name);
}

/**
 * Validates `files` as a connector and stores them as its next version (unless unchanged), then drops
 * the registry's runtimes of the connector. Findings never refuse an import: they are stored as the
 * version's summary and returned. A missing swagger or an unusable id is `IMPORT_INVALID` (422).
 *
 * @example
 * await importConnector(store, registry, { files, preset: 'certification', createdBy: user.id }, validator);
 */
export async function importConnector(
  store: Store,
  registry: ConnectorRegistry,
  input: ImportInput,
  validator: ConnectorValidator,
): Promise<ImportResult> {
  if (input.files.length === 0) throw new ServerError('IMPORT_INVALID', 'The upload holds no files.');
  if (input.files.length > MAX_FILES) {
    throw new ServerError(
      'IMPORT_INVALID',
      `The upload holds ${input.files.length} files; the limit is ${MAX_FILES}.`,
    );
  }
  const connector = connectorFromFiles(input.files, { source: input.sourcePath ?? 'upload' });
  if (!connector.documents.swagger) {
    throw new ServerError(
      'IMPORT_INVALID',
      'The upload has no `apiDefinition.swagger.json` (or other `*.swagger.json`); a connector needs its API definition.',
    );
  }
  const title = connector.definition.info.title?.trim() || undefined;
  const id = input.id ?? (title ? connectorIdFrom(title) : '');
  if (!CONNECTOR_ID.test(id)) {
    throw new ServerError(
      'IMPORT_INVALID',
      input.id === undefined
        ? 'No connector id can be derived from the swagger `info.title`; pass one with `?id=my-connector`.'
        : `Connector id \`${id}\` is not valid; use 1–64 lower-case letters, digits and dashes (\`my-connector\`).`,
    );
  }
  const preset = input.preset ?? 'recommended';
  // Off the event loop (a large connector takes 0.1–0.5 s). An upload's findings name its files under
  // the connector's id, as `GET …/validation` does, which then finds them remembered.
  const result = await validator.validate(input.files, { preset, source: input.sourcePath ?? id });
  const previous = await store.getConnectorVersion(id);
  const stored = await store.putConnector({
    id,
    title: title ?? id,
    files: input.files.map((f) => ({ name: f.name, bytes: f.bytes })),
    validation: {
      preset,
      errors: result.summary.error,
      warnings: result.summary.warning,
      infos: result.summary.info,
    },
    ...(input.sourcePath !== undefined && { sourcePath: input.sourcePath }),
    ...(input.createdBy !== undefined && { createdBy: input.createdBy }),
  });
  await registry.invalidate(id);
  const breaking =
    previous && stored.created
      ? await validator.compare(
          { files: previous.files, source: `${id} version ${previous.version}` },
          { files: input.files, source: connector.source },
        )
      : undefined;
  return { ...stored, diagnostics: result.diagnostics, breaking };
}
