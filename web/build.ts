/**
 * `npm run build:web`: builds the console into `web/dist` unless it is already built from the same
 * sources (a hash of `web/src`, `index.html`, the Vite config and `package-lock.json`, kept in
 * `web/dist/.source-hash`); `--force` builds anyway. It builds into `web/dist.next` and then swaps
 * the folders, under a lock, so that a server or a test reading `web/dist` meanwhile never sees it
 * half written (several engineers' test runs share one checkout).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

const web = import.meta.dirname;
const root = join(web, '..');
const dist = join(web, 'dist');
const STAMP = '.source-hash';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The hash of everything the build reads. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(web, 'src')),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const file of inputs) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(web, '.build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed build is taken over after two minutes.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const force = process.argv.includes('--force');
await withLock(async () => {
  const hash = sourceHash();
  const stamp = join(dist, STAMP);
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log('web/dist is up to date.');
    return;
  }
  // React's production build: Vite follows NODE_ENV (Vitest sets it to `test`).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const next = join(web, 'dist.next');
  const old = join(web, 'dist.old');
  rmSync(next, { recursive: true, force: true });
  await build({ configFile: join(web, 'vite.config.ts'), build: { outDir: next, emptyOutDir: true } });
  writeFileSync(join(next, STAMP), hash);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
  console.log('web/dist built.');
});
