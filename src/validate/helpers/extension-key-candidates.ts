import type { Connector } from '../../connector/model.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Four in five such literals of real connectors: recognised in place, without a slice to hash. */
const FREQUENT = ['x-ms-summary', 'x-ms-visibility'];
const FREQUENT_QUOTED = FREQUENT.map((name) => `${name}"`);

const cache = new WeakMap<Connector, ReadonlySet<string> | undefined>();

/**
 * `extensionKeyCandidates` of the swagger text, when the definition is its strict JSON value (the
 * candidates then cover every key of the definition); undefined otherwise. Once per connector.
 */
export function swaggerKeyCandidates(connector: Connector): ReadonlySet<string> | undefined {
  if (cache.has(connector)) return cache.get(connector);
  const doc = connector.documents.swagger;
  const root = connector.definition.raw;
  const found = root && doc?.strict && doc.value === root ? extensionKeyCandidates(doc.text) : undefined;
  cache.set(connector, found);
  return found;
}

/**
 * Every distinct string literal of a strict JSON text whose value starts with `x` or `X`: a superset
 * of the `x-…` keys of the parsed value, found with a scan of the text instead of a walk over every
 * key of the value. Literals with escapes (`"\u0078-ms-…"`) are decoded. Undefined when one of them
 * cannot be read as JSON, so that the caller walks the value instead.
 * @example extensionKeyCandidates('{"x-ms-summary": "Id", "a": "xyz"}') // Set { 'x-ms-summary', 'xyz' }
 */
export function extensionKeyCandidates(text: string): Set<string> | undefined {
  const out = new Set<string>();
  // `"` is the most frequent character of JSON and `x` a rare one: look for the letter, then check
  // the quote before it. Only a `\u0078` or `\u0058` escape can spell an x otherwise.
  for (const opening of ['x', 'X', '\\u']) {
    // The next backslash, found once for all the literals it follows.
    let backslash = -1;
    for (let at = text.indexOf(opening, 1); at >= 0; at = text.indexOf(opening, at + 1)) {
      if (text.charCodeAt(at - 1) !== QUOTE) continue;
      const frequent = frequentAt(text, at);
      if (frequent !== undefined) {
        out.add(frequent);
        continue;
      }
      const close = text.indexOf('"', at);
      if (close < 0) return undefined;
      if (backslash < at) {
        backslash = text.indexOf('\\', at);
        if (backslash < 0) backslash = text.length;
      }
      let value: string | undefined;
      if (backslash > close) value = text.slice(at, close);
      else {
        value = escapedLiteralAt(text, at - 1);
        if (value === undefined) return undefined;
      }
      if ((value.charCodeAt(0) | 0x20) === 0x78 /* x or X */) out.add(value);
    }
  }
  return out;
}

function frequentAt(text: string, at: number): string | undefined {
  for (let i = 0; i < FREQUENT.length; i++) if (text.startsWith(FREQUENT_QUOTED[i]!, at)) return FREQUENT[i];
  return undefined;
}

/** The value of the string literal with escapes whose opening quote is at `at`, if it is valid JSON. */
function escapedLiteralAt(text: string, at: number): string | undefined {
  for (let k = at + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === QUOTE) {
      try {
        return JSON.parse(text.slice(at, k + 1)) as string;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
