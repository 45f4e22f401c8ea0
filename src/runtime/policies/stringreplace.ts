import { defineTemplate } from './define.ts';
import { propertyHooks } from './json-body.ts';
import { type PropertyPaths, readPropertyPaths } from './property-paths.ts';

interface Config {
  readonly paths: PropertyPaths;
  readonly source: string;
  readonly replacement: string;
  readonly label: string;
}

/**
 * `stringreplace` (undocumented) — replaces every occurrence of `sourceString` in a string property
 * with `replacementString` (§14 item 10: Planner encodes a URL one character at a time, which needs
 * replace-all). Both are literal text, not expressions (Planner replaces `@`).
 *
 * @example
 * // resourceLink "https://a.b/c" with "." → "%2E" → "https://a%2Eb/c"
 */
export default defineTemplate<Config>({
  id: 'stringreplace',
  title: 'String replace',
  documented: false,
  sections: ['request', 'response'],
  read(p) {
    const paths = readPropertyPaths(p);
    const source = p.string('sourceString', 'add the text to replace', { required: true });
    const replacement = p.string('replacementString', 'add the replacement text', {
      required: true,
      allowEmpty: true,
    });
    if (!paths || !source || replacement === undefined) return undefined;
    return { paths, source, replacement, label: p.label };
  },
  ...propertyHooks<Config>(
    (c, value) => (typeof value === 'string' ? value.replaceAll(c.source, c.replacement) : undefined),
    // Text removed (an empty replacement) cannot be put back.
    (c, value) =>
      typeof value === 'string' && c.replacement !== ''
        ? value.replaceAll(c.replacement, c.source)
        : undefined,
  ),
});
