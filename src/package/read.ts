import { readFileSync } from 'node:fs';
import { lazy } from '../lazy.ts';
import { readCustomizations } from './customizations.ts';
import type { CertificationPackage, IntroFile, Solution, ZipLevel } from './model.ts';

const fflate = lazy<typeof import('fflate')>('fflate');

type Entries = Readonly<Record<string, Uint8Array>>;

/** Names compare as PowerShell compares them, which ConnectorPackageValidator is written in. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isZip = (name: string) => name.toLowerCase().endsWith('.zip');
const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md');

const CONNECTOR_FILE = /(?:^|\/)(?:[^/]*\.swagger\.json|apiproperties\.json)$/i;

/**
 * The certification package at `path`, or undefined when `path` is no `.zip` file or a zip of
 * something else (a connector); unreadable files are left to the connector loader to report.
 */
export function readCertificationPackage(path: string): CertificationPackage | undefined {
  if (!path.toLowerCase().endsWith('.zip')) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  return certificationPackageOf(path, bytes);
}

/**
 * Reads a zip as a certification package, or returns undefined when it is not one (a connector zip:
 * connector files at its top, or no zip inside). `bytes` must be a readable zip.
 *
 * @example
 * const pkg = certificationPackageOf('submission.zip', readFileSync('submission.zip'));
 * pkg?.solutions.map((s) => s.path);
 */
export function certificationPackageOf(source: string, bytes: Uint8Array): CertificationPackage | undefined {
  const entries = unzip(bytes);
  if (!entries || !looksLikePackage(Object.keys(entries))) return undefined;
  const root = levelOf(entries, '', '');
  const introName = root.files.find(isMarkdown);
  const intro: IntroFile | undefined =
    introName === undefined
      ? undefined
      : { path: introName, text: Buffer.from(entries[introName] as Uint8Array).toString('utf8') };
  const zips = root.files.filter(isZip);
  const deployerName = zips.find((z) => z.toLowerCase().endsWith('.pdpkg.zip')) ?? zips[0];
  if (deployerName === undefined)
    return { source, root, intro, deployer: undefined, assets: undefined, solutions: [], plugin: false };
  const inner = unzip(entries[deployerName] as Uint8Array);
  if (!inner) {
    const deployer = { path: deployerName, level: undefined, unreadable: 'it is not a readable zip' };
    return { source, root, intro, deployer, assets: undefined, solutions: [], plugin: false };
  }
  const level = levelOf(inner, '', `${deployerName}/`);
  const folder =
    level.folders.length === 1 ? level.folders[0] : level.folders.find((f) => same(f, 'PkgAssets'));
  const assets =
    folder === undefined ? undefined : levelOf(inner, `${folder}/`, `${deployerName}/${folder}/`);
  const solutions = (assets?.files ?? [])
    .filter(isZip)
    .map((name) => solutionOf(`${assets?.path}${name}`, inner[`${folder}/${name}`] as Uint8Array));
  return {
    source,
    root,
    intro,
    deployer: { path: deployerName, level },
    assets,
    solutions,
    plugin: solutions.some((s) => s.content?.plugin === true),
  };
}

/**
 * No connector file at the top (or in the one folder a zip tool may have wrapped it in), and a zip
 * there: Partner Center's layout, not a connector's.
 */
function looksLikePackage(names: readonly string[]): boolean {
  const shallow = names.filter((n) => n.split('/').filter(Boolean).length <= 2);
  return !shallow.some((n) => CONNECTOR_FILE.test(n)) && shallow.some((n) => isZip(n) && !n.endsWith('/'));
}

function solutionOf(path: string, bytes: Uint8Array): Solution {
  const entries = unzip(bytes);
  if (!entries) {
    const none = { path, level: undefined, entries: new Map<string, string>(), file: () => undefined };
    return { ...none, content: undefined, unreadable: 'it is not a readable zip' };
  }
  const level = levelOf(entries, '', `${path}/`);
  const byLower = new Map(
    Object.keys(entries)
      .filter((n) => !n.endsWith('/'))
      .map((n) => [n.toLowerCase(), n]),
  );
  const base = {
    path,
    level,
    entries: byLower,
    file: (name: string) => {
      const key = byLower.get(name.toLowerCase());
      return key === undefined ? undefined : entries[key];
    },
  };
  const file = level.files.find((f) => same(f, 'customizations.xml'));
  if (file === undefined) return { ...base, content: undefined };
  const read = readCustomizations(Buffer.from(entries[file] as Uint8Array).toString('utf8'));
  if ('invalid' in read)
    return {
      ...base,
      content: undefined,
      unreadable: `its \`customizations.xml\` is not well-formed XML: ${read.invalid}`,
    };
  return { ...base, content: read };
}

/** Entries by path (`/` separated, as some Windows tools write `\`), or undefined for a broken zip. */
function unzip(bytes: Uint8Array): Entries | undefined {
  let raw: Record<string, Uint8Array>;
  try {
    raw = fflate().unzipSync(bytes);
  } catch {
    return undefined;
  }
  const out: Record<string, Uint8Array> = Object.create(null);
  for (const [name, data] of Object.entries(raw)) out[name.replaceAll('\\', '/')] = data;
  return out;
}

/** The files and folders directly under `prefix` (`''` or ending with `/`). */
function levelOf(entries: Entries, prefix: string, path: string): ZipLevel {
  const files: string[] = [];
  const folders = new Set<string>();
  for (const name of Object.keys(entries)) {
    if (!name.startsWith(prefix) || name === prefix) continue;
    const rest = name.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) files.push(rest);
    else folders.add(rest.slice(0, slash));
  }
  return { path, files: files.sort(), folders: [...folders].sort() };
}
