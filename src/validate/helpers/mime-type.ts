/** MIME types in `consumes` / `produces`, as Microsoft's validator judges them. */
import { type JsonObject, type JsonValue, own } from '../../connector/json.ts';
import type { Operation } from '../../connector/model.ts';

/** The four MIME types Microsoft's validator lists as supported (parameters such as `charset` aside). */
export const SUPPORTED_MIME_TYPES: readonly string[] = [
  'application/json',
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
];
const SUPPORTED: ReadonlySet<string> = new Set(SUPPORTED_MIME_TYPES);

// RFC 9110 media-type: token "/" token *( OWS ";" OWS parameter ), parameter = token "=" ( token / quoted-string ).
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(
  `^${TOKEN}/${TOKEN}(?:[ \\t]*;[ \\t]*${TOKEN}=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*"))*[ \\t]*;?$`,
);

export type MimeVerdict = 'supported' | 'unsupported' | 'invalid';

// Connectors repeat the same few values thousands of times; remember verdicts (bounded for odd input).
const verdicts = new Map<string, MimeVerdict>();
const MAX_CACHED = 512;

/** True when the text is a syntactically valid media type (`type/subtype; name=value`). */
export function isValidMimeType(value: string): boolean {
  return MEDIA_TYPE.test(value.trim());
}

/** `type/subtype` lower-cased, without parameters. */
export function essence(value: string): string {
  const semi = value.indexOf(';');
  return (semi >= 0 ? value.slice(0, semi) : value).trim().toLowerCase();
}

/**
 * `essence(value) === type` for a lower-case ASCII `type`, without copying values too short to match
 * (most: `application/json` beside `multipart/form-data`).
 */
export function hasEssence(value: string, type: string): boolean {
  if (value === type) return true;
  // Trimming only shortens; lower-casing keeps the length of all but `İ`, whose lower case holds
  // U+0307 and so matches no ASCII type.
  const semi = value.indexOf(';');
  if ((semi >= 0 ? semi : value.length) < type.length) return false;
  return essence(value) === type;
}

/** True when the MIME type (parameters ignored, any case) is one the platform supports. */
export function isSupportedMimeType(value: string): boolean {
  return SUPPORTED.has(essence(value));
}

/** Whether a `consumes` / `produces` entry is supported, valid but unsupported, or malformed. */
export function mimeVerdict(value: string): MimeVerdict {
  let verdict = verdicts.get(value);
  if (verdict) return verdict;
  verdict = !isValidMimeType(value) ? 'invalid' : isSupportedMimeType(value) ? 'supported' : 'unsupported';
  if (verdicts.size < MAX_CACHED) verdicts.set(value, verdict);
  return verdict;
}

/** The `consumes` or `produces` list that applies to an operation, and whether it is the operation's own. */
export interface EffectiveMimeList {
  /** The list as written; entries may be of any JSON type. */
  readonly list: readonly JsonValue[];
  /** True when the operation has its own list (even an empty one), false when it inherits the document's. */
  readonly local: boolean;
}

/**
 * The `consumes` or `produces` entries that apply to an operation: the operation's own list when it has
 * one (even an empty one), else the document's.
 */
export function effectiveMimeList(
  root: JsonObject | undefined,
  operation: Operation,
  key: 'consumes' | 'produces',
): EffectiveMimeList {
  const local = own(operation.raw, key);
  const list = local !== undefined ? local : own(root, key);
  return { list: Array.isArray(list) ? list : [], local: local !== undefined };
}
