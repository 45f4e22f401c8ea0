import { TextDecoder } from 'node:util';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import type { ResponseBody } from '../types.ts';

/** How a body is presented: by the media type of its `Content-Type`. */
export type BodyKind = 'json' | 'text' | 'binary';

export interface MediaType {
  /** Lower-case `type/subtype`, parameters removed; `''` when there is no `Content-Type`. */
  readonly essence: string;
  /** Lower-case `charset` parameter, unquoted. */
  readonly charset: string | undefined;
}

export function parseMediaType(contentType: string | null): MediaType {
  if (contentType === null) return { essence: '', charset: undefined };
  const semi = contentType.indexOf(';');
  const essence = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (semi < 0) return { essence, charset: undefined };
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType.slice(semi));
  const charset = match?.[1] ?? match?.[2];
  return { essence, charset: charset ? charset.toLowerCase() : undefined };
}

/**
 * JSON for `application/json`, `text/json` and any `+json` suffix; text for `text/*`, XML and
 * form-encoded bodies; everything else, including a missing `Content-Type`, as bytes.
 */
export function bodyKind(essence: string): BodyKind {
  if (essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json')) return 'json';
  if (
    essence.startsWith('text/') ||
    essence === 'application/xml' ||
    essence.endsWith('+xml') ||
    essence === 'application/x-www-form-urlencoded'
  )
    return 'text';
  return 'binary';
}

/** What a decode error names; never the query or headers. */
export interface DecodeSubject {
  /** `GET api.example.com/v1/items`. */
  readonly target: string;
  readonly status: number;
}

/**
 * Decodes a complete body. An empty body is `none` whatever its type. Invalid JSON in a 2xx/3xx
 * response throws `UPSTREAM_INVALID_RESPONSE`; in an error response (4xx/5xx) it becomes text, so the
 * status and the backend's own words still reach the caller.
 */
export function decodeBody(
  bytes: Uint8Array,
  contentType: string | null,
  subject: DecodeSubject,
): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'none' };
  const media = parseMediaType(contentType);
  const kind = bodyKind(media.essence);
  if (kind === 'binary') return { kind: 'binary', bytes };
  const decoder = textDecoder(media.charset ?? 'utf-8');
  if (kind === 'text') {
    // An unknown charset cannot be decoded faithfully; the bytes are kept rather than guessed at.
    return decoder === undefined ? { kind: 'binary', bytes } : { kind: 'text', text: decoder.decode(bytes) };
  }
  // RFC 8259 §8.1: JSON is UTF-8; a charset flowport does not know is taken to mean that.
  const text = (decoder ?? utf8).decode(bytes);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (cause) {
    if (subject.status >= 400) return { kind: 'text', text };
    throw new FlowportError(
      'UPSTREAM_INVALID_RESPONSE',
      `\`${subject.target}\` answered ${subject.status} with \`${media.essence}\` that is not valid JSON (${describeParseError(cause)}), starting \`${preview(text)}\`; fix the backend or its \`Content-Type\`.`,
      { cause },
    );
  }
  return { kind: 'json', value };
}

// Decoding without `stream` keeps no state, so one decoder per charset serves every response.
const utf8 = new TextDecoder('utf-8');
const decoders = new Map<string, TextDecoder | undefined>([
  ['utf-8', utf8],
  ['utf8', utf8],
]);

function textDecoder(charset: string): TextDecoder | undefined {
  if (decoders.has(charset)) return decoders.get(charset);
  let decoder: TextDecoder | undefined;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = undefined;
  }
  // Charset names come from backends; cap the cache so a hostile one cannot grow it.
  if (decoders.size < 64) decoders.set(charset, decoder);
  return decoder;
}

/** At most `max` characters, control characters and backticks replaced, whitespace runs collapsed. */
export function preview(text: string, max = 60): string {
  const head = text
    .slice(0, 200)
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}`]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return head.length > max || text.length > 200 ? `${head.slice(0, max)}…` : head;
}

function describeParseError(cause: unknown): string {
  let message = cause instanceof Error ? cause.message : String(cause);
  // V8 appends the offending text (`…, "<html>"... is not valid JSON`); the preview shows it already.
  const quoted = message.indexOf(', "');
  if (quoted >= 0 && message.endsWith('is not valid JSON')) message = message.slice(0, quoted);
  return preview(message.replace(/\.$/, ''), 120);
}
