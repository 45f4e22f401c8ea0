const NON_ASCII = /[^\0-\x7f]/;

/** True when every character of `text` is ASCII. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** What each Unicode property a pattern may use holds in ASCII. */
const ASCII_RANGES: ReadonlyMap<string, string> = new Map([
  ['L', 'A-Za-z'],
  ['Lu', 'A-Z'],
  ['Ll', 'a-z'],
  ['N', '0-9'],
  ['M', ''],
  ['Script=Latin', 'A-Za-z'],
]);

/**
 * A pattern with Unicode property classes (`\p{L}`, `\p{N}`…) that ASCII text gets with ASCII ranges
 * in their place, which there match the same characters: compiling a property class costs ICU some
 * 2 M instructions (a few percent of a fresh `flowport validate`), and most connector text is ASCII.
 * The pattern itself is compiled on first need, for text with other characters.
 * @example
 * const edge = asciiFirst(String.raw`[^\p{L}\p{N}]+$`, 'u');
 * word.replace(edge(word), '');
 */
export function asciiFirst(source: string, flags: string): (text: string) => RegExp {
  const ascii = new RegExp(asciiSource(source), flags);
  let unicode: RegExp | undefined;
  return (text) => {
    if (isAscii(text)) return ascii;
    unicode ??= new RegExp(source, flags);
    return unicode;
  };
}

/** `source` with each `\p{…}` replaced by its ASCII ranges (bracketed outside a class). */
export function asciiSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\' && (source[i + 1] === 'p' || source[i + 1] === 'P') && source[i + 2] === '{') {
      const end = source.indexOf('}', i);
      const property = source.slice(i + 3, end);
      const ranges = source[i + 1] === 'p' ? ASCII_RANGES.get(property) : undefined;
      if (ranges === undefined)
        throw new Error(`asciiFirst: no ASCII ranges for ${source.slice(i, end + 1)}.`);
      out += inClass ? ranges : `[${ranges}]`;
      i = end;
    } else if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return out;
}
