import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowportError } from '../errors.ts';
import { keyIdOf } from './seal.ts';
import type { Store } from './types.ts';

/** The key file's name under `$FLOWPORT_HOME`. */
export const SECRET_KEY_FILE = 'secret.key';

/** Where the key came from. */
export type SecretKeySource = 'env' | 'file' | 'generated';

const KEY_HELP = 'give 32 bytes in base64 or hex, for example the output of `openssl rand -base64 32`';

/** A new random 32-byte key. */
export function generateSecretKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** The key in the form the key file and `FLOWPORT_SECRET_KEY` use: standard base64. */
export function formatSecretKey(key: Uint8Array): string {
  return Buffer.from(key).toString('base64');
}

/**
 * Parses a key given as 64 hex digits or as base64 / base64url of 32 bytes; `source` names where it
 * came from in the error (`FLOWPORT_SECRET_KEY`, a file path).
 */
export function parseSecretKey(text: string, source: string): Uint8Array {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return new Uint8Array(Buffer.from(value, 'hex'));
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    if (bytes.length === 32) return new Uint8Array(bytes);
  }
  throw new FlowportError('SECRET_KEY_INVALID', `${source} is not a 256-bit key; ${KEY_HELP}.`);
}

/**
 * The store's key: `FLOWPORT_SECRET_KEY` when set in `env`, else `<home>/secret.key`, created with
 * mode 0600 on first start. A key file that other users can read is refused (as ssh does).
 */
export async function loadSecretKey(options: {
  home: string;
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<{ key: Uint8Array; source: SecretKeySource; path: string | undefined }> {
  const fromEnv = options.env?.FLOWPORT_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv !== '') {
    return { key: parseSecretKey(fromEnv, '`FLOWPORT_SECRET_KEY`'), source: 'env', path: undefined };
  }
  const path = join(options.home, SECRET_KEY_FILE);
  const existing = await readKeyFile(path);
  if (existing) return { key: existing, source: 'file', path };
  const key = generateSecretKey();
  await mkdir(options.home, { recursive: true, mode: 0o700 });
  if (await writeKeyFileExclusive(path, key)) return { key, source: 'generated', path };
  // Another process created it first: use theirs.
  const raced = await readKeyFile(path);
  if (!raced) throw new FlowportError('SECRET_KEY_INVALID', `\`${path}\` vanished while it was being read.`);
  return { key: raced, source: 'file', path };
}

/** Reads and checks a key file; undefined when it does not exist. */
export async function readKeyFile(path: string): Promise<Uint8Array | undefined> {
  let text: string;
  try {
    const info = await stat(path);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new FlowportError(
        'SECRET_KEY_INVALID',
        `\`${path}\` can be read by other users (mode ${(info.mode & 0o777).toString(8)}); run \`chmod 600 ${path}\`.`,
      );
    }
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  return parseSecretKey(text, `\`${path}\``);
}

/**
 * Rotates the store's key (`flowport keys rotate`): a new key is written to `secret.key.new`, every
 * sealed value is re-sealed in one transaction, then `secret.key.new` replaces `secret.key`. The old
 * key stays in `secret.key.old` until the new one is in place, then is deleted. If the re-sealing
 * fails nothing changes; if the process dies between the commit and the rename, the store's start
 * names `secret.key.new` as the key that opens the database.
 */
export async function rotateSecretKey(
  store: Store,
  home: string,
  options: { key?: Uint8Array } = {},
): Promise<{ count: number; keyId: string; path: string }> {
  const key = options.key ?? generateSecretKey();
  const path = join(home, SECRET_KEY_FILE);
  const next = `${path}.new`;
  const old = `${path}.old`;
  await mkdir(home, { recursive: true, mode: 0o700 });
  await rm(next, { force: true });
  await writeKeyFileExclusive(next, key);
  let hadOld = false;
  try {
    await rm(old, { force: true });
    await link(path, old);
    hadOld = true;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  let count: number;
  try {
    count = await store.rotateKey(key);
  } catch (error) {
    await rm(next, { force: true });
    if (hadOld) await rm(old, { force: true });
    throw error;
  }
  await rename(next, path);
  if (hadOld) await rm(old, { force: true });
  return { count, keyId: keyIdOf(key), path };
}

/** Writes a key file with mode 0600 through a temporary file and `link`, so readers never see it half written. Returns false when `path` exists. */
async function writeKeyFileExclusive(path: string, key: Uint8Array): Promise<boolean> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${formatSecretKey(key)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
