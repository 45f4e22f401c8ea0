import type { MultipartPart } from '../types.ts';

const encoder = new TextEncoder();

/** A boundary of 24 random hex digits after `flowport-`, as browsers do (RFC 2046 allows 70 characters). */
export function randomBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `flowport-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Encodes `multipart/form-data` (RFC 7578). Names and file names are escaped as the HTML standard does
 * (`"` → `%22`, CR → `%0D`, LF → `%0A`); files carry their content type. Throws a `RangeError` when the
 * boundary occurs in a value (callers pick another).
 *
 * @example
 * encodeMultipart([{ name: 'note', value: 'hi' }], 'b'); // --b\r\nContent-Disposition: form-data; name="note"…
 */
export function encodeMultipart(parts: readonly MultipartPart[], boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const delimiter = encoder.encode(`--${boundary}`);
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(part.name)}"`;
    let bytes: Uint8Array;
    if (typeof part.value === 'string') {
      head += '\r\n\r\n';
      bytes = encoder.encode(part.value);
    } else {
      const type = part.value.contentType.replace(/[\r\n\0]/g, '') || 'application/octet-stream';
      head += `; filename="${escapeName(part.value.name)}"\r\nContent-Type: ${type}\r\n\r\n`;
      bytes = part.value.bytes;
    }
    if (contains(bytes, delimiter)) throw new RangeError('The multipart boundary occurs in a part.');
    chunks.push(encoder.encode(head), bytes, encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return concat(chunks);
}

function escapeName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first ?? 0);
    i !== -1 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
