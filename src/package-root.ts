import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout or installed package flowport runs from: the nearest folder up from this module with
 * a `package.json` (sources, the bundle in `dist/` or the library in `dist/lib/`); the working folder
 * when there is none. The rule docs (`docs/rules`) and the console (`web/dist`) are found from it.
 */
export function packageRoot(): string {
  root ??= find();
  return root;
}

let root: string | undefined;

function find(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (let up = 0; up < 6; up++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
