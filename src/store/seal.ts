import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { FlowportError } from '../errors.ts';

/** Envelope version; the first field of every sealed value. */
const VERSION = 'fp1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** Seals and opens secret values with one AES-256-GCM key. */
export interface Sealer {
  /** Short fingerprint of the key (8 hex digits), written in every envelope. */
  readonly keyId: string;
  /**
   * Seals `plain`; `context` (`table.column:rowId`) is authenticated with it, so the value cannot be
   * moved to another row or column.
   */
  seal(plain: string, context: string): string;
  /** Opens a value sealed for the same `context`; throws `SECRET_KEY_INVALID` when it does not open. */
  open(sealed: string, context: string): string;
}

/** The key id of a 32-byte key: the first 4 bytes of a SHA-256 over a label and the key, in hex. */
export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update('flowport secret key id\0').update(key).digest('hex').slice(0, 8);
}

/** The key id written in an envelope, or undefined when `sealed` is not an envelope. */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 3 && parts[0] === VERSION ? parts[1] : undefined;
}

/**
 * A sealer over `key` (32 bytes). Envelope: `fp1.<keyId>.<base64url(iv ‖ tag ‖ ciphertext)>`, with a
 * random 12-byte IV per value and `fp1.<keyId>|<context>` as associated data.
 * @example
 * const sealer = createSealer(key);
 * const sealed = sealer.seal('s3cret', 'connections.secrets:con_1');
 */
export function createSealer(key: Uint8Array): Sealer {
  if (key.byteLength !== KEY_BYTES) {
    throw new FlowportError(
      'SECRET_KEY_INVALID',
      `The secret key has ${key.byteLength} bytes; it must have 32.`,
    );
  }
  const keyBytes = Buffer.from(key);
  const keyId = keyIdOf(keyBytes);
  const aad = (context: string) => Buffer.from(`${VERSION}.${keyId}|${context}`, 'utf8');
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const payload = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
      return `${VERSION}.${keyId}.${payload}`;
    },
    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) {
        throw new FlowportError(
          'SECRET_KEY_INVALID',
          `The sealed value of \`${context}\` is not a flowport envelope.`,
        );
      }
      if (parts[1] !== keyId) {
        throw new FlowportError(
          'SECRET_KEY_INVALID',
          `The value of \`${context}\` was sealed with key \`${parts[1]}\`, not with the current key \`${keyId}\`; set the key the database was sealed with.`,
        );
      }
      const payload = Buffer.from(parts[2] ?? '', 'base64url');
      if (payload.length < IV_BYTES + TAG_BYTES) {
        throw new FlowportError('SECRET_KEY_INVALID', `The sealed value of \`${context}\` is truncated.`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, payload.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(aad(context));
        decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const body = payload.subarray(IV_BYTES + TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new FlowportError(
          'SECRET_KEY_INVALID',
          `The sealed value of \`${context}\` does not open: it was changed or copied from another row.`,
          { cause },
        );
      }
    },
  };
}
