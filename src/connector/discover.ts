import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = /^(apidefinition\.swagger\.json|apiproperties\.json|.+\.swagger\.json)$/i;

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const isDir = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;

function find(dir: string, depth: number): string[] {
  const names = list(dir);
  if (names.some((n) => MARKER.test(n))) return [dir];
  if (depth === 0) return [];
  return names
    .filter((n) => !n.startsWith('.') && n !== 'node_modules' && isDir(join(dir, n)))
    .flatMap((n) => find(join(dir, n), depth - 1));
}

/**
 * Expands a path into connector sources: a connector folder, zip or file is itself; a folder of
 * connector folders (like `examples/` or the certified-connectors tree) gives each connector inside,
 * up to three levels down, in name order. A folder with none is returned as is, so that loading it
 * reports what is missing.
 */
export function discoverConnectors(path: string, depth = 3): string[] {
  if (!isDir(path)) return [path];
  const found = find(path, depth);
  return found.length > 0 ? found : [path];
}
