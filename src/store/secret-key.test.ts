import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { formatSecretKey, loadSecretKey, parseSecretKey } from './secret-key.ts';

const key = Uint8Array.from({ length: 32 }, (_, index) => index * 7);

async function home(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flowport-key-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'home');
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isFlowportError(error) ? error.code : 'other';
  }
}

describe('parseSecretKey', () => {
  it('reads 32 bytes given in hex, base64 or base64url, with surrounding space', () => {
    const bytes = Buffer.from(key);
    for (const text of [
      bytes.toString('hex'),
      bytes.toString('base64'),
      bytes.toString('base64url'),
      ` ${bytes.toString('base64')}\n`,
    ]) {
      expect(parseSecretKey(text, 'x')).toEqual(key);
    }
  });

  it('refuses other lengths and alphabets, saying how to make a key', () => {
    for (const text of [
      '',
      'short',
      Buffer.alloc(16).toString('base64'),
      Buffer.alloc(33).toString('hex'),
      `${'z'.repeat(64)}`,
    ]) {
      expect(codeOf(() => parseSecretKey(text, '`FLOWPORT_SECRET_KEY`'))).toBe('SECRET_KEY_INVALID');
    }
    expect(() => parseSecretKey('nope', '`FLOWPORT_SECRET_KEY`')).toThrow('openssl rand -base64 32');
  });
});

describe('loadSecretKey', () => {
  it('prefers FLOWPORT_SECRET_KEY and writes no file', async () => {
    const dir = await home();
    const loaded = await loadSecretKey({ home: dir, env: { FLOWPORT_SECRET_KEY: formatSecretKey(key) } });
    expect(loaded).toEqual({ key, source: 'env', path: undefined });
    await expect(stat(join(dir, 'secret.key'))).rejects.toThrow();
  });

  it('generates secret.key with mode 0600 on first start and reads it afterwards', async () => {
    const dir = await home();
    const first = await loadSecretKey({ home: dir, env: {} });
    expect(first.source).toBe('generated');
    expect((await stat(first.path!)).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(await readFile(first.path!, 'utf8'), 'file')).toEqual(first.key);
    const second = await loadSecretKey({ home: dir, env: {} });
    expect(second).toEqual({ key: first.key, source: 'file', path: first.path });
  });

  it('gives every process of a concurrent first start the same key', async () => {
    const dir = await home();
    const loaded = await Promise.all(Array.from({ length: 8 }, () => loadSecretKey({ home: dir, env: {} })));
    expect(loaded.filter((result) => result.source === 'generated')).toHaveLength(1);
    expect(new Set(loaded.map((result) => formatSecretKey(result.key))).size).toBe(1);
  });

  it('refuses a key file that other users can read', async () => {
    const dir = await home();
    const { path } = await loadSecretKey({ home: dir, env: {} });
    await chmod(path!, 0o644);
    const error = await loadSecretKey({ home: dir, env: {} }).catch((caught: unknown) => caught);
    expect(isFlowportError(error) && error.code).toBe('SECRET_KEY_INVALID');
    expect(String(error)).toContain(`chmod 600 ${path}`);
  });

  it('refuses a malformed key file, naming it', async () => {
    const dir = await home();
    const { path } = await loadSecretKey({ home: dir, env: {} });
    await writeFile(path!, 'not a key', { mode: 0o600 });
    await expect(loadSecretKey({ home: dir, env: {} })).rejects.toThrow(path!);
  });
});
