import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { FlowportError } from '../errors.ts';
import { lazy } from '../lazy.ts';
import type { ConnectorFile, ConnectorFileKind } from './model.ts';

const fflate = lazy<typeof import('fflate')>('fflate');

/** A file handed to the loader: its name and bytes. */
export interface RawFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Discovered {
  readonly files: Partial<Record<ConnectorFileKind, ConnectorFile>>;
  readonly otherFiles: string[];
}

// A Map, not an object literal: a file named `constructor` must not find `Object.prototype.constructor`.
const EXACT = new Map<string, ConnectorFileKind>([
  ['apidefinition.swagger.json', 'swagger'],
  ['apiproperties.json', 'apiProperties'],
  ['icon.png', 'icon'],
  ['script.csx', 'script'],
  ['script.ts', 'scriptTs'],
  ['readme.md', 'readme'],
  ['intro.md', 'intro'],
  ['settings.json', 'settings'],
]);

/**
 * The kind of connector file a name is (matched case-insensitively; any `*.swagger.json` is a swagger,
 * as `classify` takes one when the standard name is missing), or undefined for other files.
 */
export function connectorFileKindOf(name: string): ConnectorFileKind | undefined {
  const lower = name.toLowerCase();
  return EXACT.get(lower) ?? (lower.endsWith('.swagger.json') ? 'swagger' : undefined);
}

/** Each kind of connector file under its standard name (a folder's `apiDefinition.swagger.json`). */
export const STANDARD_NAMES: Readonly<Record<ConnectorFileKind, string>> = {
  swagger: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  icon: 'icon.png',
  script: 'script.csx',
  scriptTs: 'script.ts',
  readme: 'readme.md',
  intro: 'intro.md',
  settings: 'settings.json',
};

/** UTF-8 text, keeping a BOM so that it can be reported (TextDecoder would drop it). */
export function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function toFile(kind: ConnectorFileKind, name: string, path: string, bytes: Uint8Array): ConnectorFile {
  return { kind, name, path, bytes, text: kind === 'icon' ? undefined : utf8(bytes) };
}

/**
 * Picks the connector files out of a folder listing, matching names case-insensitively; a swagger
 * under another `*.swagger.json` name is taken when the standard one is missing (seen in the corpus).
 */
export function classify(files: readonly RawFile[], displayDir: string): Discovered {
  const out: Partial<Record<ConnectorFileKind, ConnectorFile>> = {};
  const otherFiles: string[] = [];
  const path = (name: string) => (displayDir ? join(displayDir, name) : name);
  for (const f of files) {
    const kind = EXACT.get(f.name.toLowerCase());
    if (kind && !out[kind]) out[kind] = toFile(kind, f.name, path(f.name), f.bytes);
    else otherFiles.push(f.name);
  }
  if (!out.swagger) {
    const alt = files.find((f) => f.name.toLowerCase().endsWith('.swagger.json'));
    if (alt) {
      out.swagger = toFile('swagger', alt.name, path(alt.name), alt.bytes);
      otherFiles.splice(otherFiles.indexOf(alt.name), 1);
    }
  }
  return { files: out, otherFiles };
}

export function readFolder(dir: string): RawFile[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (cause) {
    throw new FlowportError('CONNECTOR_UNREADABLE', `Cannot read the folder \`${dir}\`.`, { cause });
  }
  const out: RawFile[] = [];
  for (const entry of entries) {
    const { name } = entry;
    const full = join(dir, name);
    try {
      // The listing's file types spare a `stat` per file; links (and unknown types) are followed.
      if (entry.isDirectory() || (!entry.isFile() && !statSync(full).isFile())) continue;
      // Only connector files are read; other files are listed by name.
      out.push({ name, bytes: connectorFileKindOf(name) ? readFileSync(full) : new Uint8Array() });
    } catch {
      // A file that vanished or cannot be read is simply not part of the connector.
    }
  }
  return out;
}

/**
 * Files of a zip; a single top-level folder (as paconn and GitHub produce) is looked through. With
 * `nested`, files in folders below come too, named by their path (`schemas/Pet.yaml`).
 */
export function readZip(path: string, bytes: Uint8Array, nested = false): RawFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = fflate().unzipSync(bytes);
  } catch (cause) {
    throw new FlowportError('ZIP_INVALID', `\`${path}\` is not a readable zip file; re-create the archive.`, {
      cause,
    });
  }
  // macOS's archiver adds `__MACOSX/` resource forks beside the files.
  const names = Object.keys(entries).filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  const prefix = tops.size === 1 && !tops.has('') ? `${[...tops][0]}/` : '';
  return names
    .filter((n) => n.startsWith(prefix) && (nested || !n.slice(prefix.length).includes('/')))
    .map((n) => ({ name: n.slice(prefix.length), bytes: entries[n] as Uint8Array }));
}

export type SourceType = 'folder' | 'zip' | 'file';

/** Reads what `path` names: a connector folder, a zip of one, or a single swagger file. */
export function readSource(path: string): { type: SourceType; discovered: Discovered } {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new FlowportError('CONNECTOR_NOT_FOUND', `\`${path}\` does not exist; check the path.`, { cause });
  }
  if (stat.isDirectory()) return { type: 'folder', discovered: classify(readFolder(path), path) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new FlowportError('CONNECTOR_UNREADABLE', `Cannot read \`${path}\`.`, { cause });
  }
  if (extname(path).toLowerCase() === '.zip' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return { type: 'zip', discovered: classify(readZip(path, bytes), path) };
  }
  // A single file is the swagger, whatever its name.
  const name = basename(path);
  return {
    type: 'file',
    discovered: { files: { swagger: toFile('swagger', name, path, bytes) }, otherFiles: [] },
  };
}
