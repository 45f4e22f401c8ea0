import { describe, expect, it } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { createSealer, keyIdOf, sealedKeyId } from './seal.ts';

const key = new Uint8Array(32).fill(1);
const other = new Uint8Array(32).fill(2);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isFlowportError(error) ? error.code : 'not a FlowportError';
  }
}

describe('createSealer', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const sealer = createSealer(key);
    const first = sealer.seal('pässwörd', 'connections.secrets:con_1');
    const second = sealer.seal('pässwörd', 'connections.secrets:con_1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('pässwörd');
    expect(sealer.open(first, 'connections.secrets:con_1')).toBe('pässwörd');
    expect(sealer.open(sealer.seal('', 'c'), 'c')).toBe('');
  });

  it('writes a versioned envelope that names the key', () => {
    const sealed = createSealer(key).seal('x', 'c');
    expect(sealed).toMatch(/^fp1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(sealedKeyId(sealed)).toBe(keyIdOf(key));
    expect(keyIdOf(key)).not.toBe(keyIdOf(other));
  });

  it('refuses a value moved to another row or column', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('s', 'connections.secrets:con_1');
    expect(codeOf(() => sealer.open(sealed, 'connections.secrets:con_2'))).toBe('SECRET_KEY_INVALID');
    expect(codeOf(() => sealer.open(sealed, 'connections.tokens:con_1'))).toBe('SECRET_KEY_INVALID');
  });

  it('refuses a value changed in any byte', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('secret value', 'c');
    const [version, id, payload] = sealed.split('.') as [string, string, string];
    const bytes = Buffer.from(payload, 'base64url');
    for (let index = 0; index < bytes.length; index++) {
      const changed = Buffer.from(bytes);
      changed[index] = (changed[index] ?? 0) ^ 1;
      expect(codeOf(() => sealer.open(`${version}.${id}.${changed.toString('base64url')}`, 'c'))).toBe(
        'SECRET_KEY_INVALID',
      );
    }
    expect(codeOf(() => sealer.open(`${version}.${id}.${payload.slice(0, 20)}`, 'c'))).toBe(
      'SECRET_KEY_INVALID',
    );
    expect(codeOf(() => sealer.open('plain text', 'c'))).toBe('SECRET_KEY_INVALID');
  });

  it('refuses a value sealed with another key, naming both keys', () => {
    const sealed = createSealer(other).seal('s', 'c');
    const sealer = createSealer(key);
    expect(() => sealer.open(sealed, 'c')).toThrow(keyIdOf(other));
    // A forged key id does not help: the id is authenticated with the value.
    const forged = sealed.replace(keyIdOf(other), keyIdOf(key));
    expect(codeOf(() => sealer.open(forged, 'c'))).toBe('SECRET_KEY_INVALID');
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(codeOf(() => createSealer(new Uint8Array(16)))).toBe('SECRET_KEY_INVALID');
  });
});
