const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Every distinct string literal of a strict JSON text whose value starts with `x` or `X`: a superset
 * of the `x-…` keys of the parsed value, found with a scan of the text instead of a walk over every
 * key of the value. Literals that open with an escape (`"\u0078-ms-…"`) are decoded. Undefined when
 * some literal cannot be read as JSON, so that the caller walks the value instead.
 * @example extensionKeyCandidates('{"x-ms-summary": "Id", "a": "xyz"}') // Set { 'x-ms-summary', 'xyz' }
 */
export function extensionKeyCandidates(text: string): Set<string> | undefined {
  const out = new Set<string>();
  // `"` is the most frequent character of JSON and `x` a rare one: look for the letter, then check
  // the quote before it. Only a `\u0078` or `\u0058` escape can spell an x otherwise.
  for (const opening of ['x', 'X', '\\u']) {
    for (let at = text.indexOf(opening, 1); at >= 0; at = text.indexOf(opening, at + 1)) {
      if (text.charCodeAt(at - 1) !== QUOTE) continue;
      const value = literalAt(text, at - 1);
      if (value === undefined) return undefined;
      if ((value.charCodeAt(0) | 0x20) === 0x78 /* x or X */) out.add(value);
    }
  }
  return out;
}

/** The value of the string literal whose opening quote is at `at`, or undefined when it is not valid. */
function literalAt(text: string, at: number): string | undefined {
  let escaped = false;
  for (let k = at + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === QUOTE) {
      if (!escaped) return text.slice(at + 1, k);
      try {
        return JSON.parse(text.slice(at, k + 1)) as string;
      } catch {
        return undefined;
      }
    }
    if (c === BACKSLASH) {
      escaped = true;
      k++;
    } else if (c < 0x20) return undefined;
  }
  return undefined;
}
