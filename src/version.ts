import { readFileSync } from 'node:fs';

/**
 * flowport's version, from package.json: one folder up from the sources (`src/`) and the bundle
 * (`dist/`), two from the library (`dist/lib/`).
 */
export const VERSION: string = readVersion();

function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string })
        .version;
    } catch {
      // not at this level
    }
  }
  return '0.0.0';
}
