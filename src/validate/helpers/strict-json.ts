import type { ParseIssue } from '../../connector/json-document.ts';
import type { Edit } from '../rule.ts';

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const SHORT: Readonly<Record<number, string>> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/**
 * The text edit that makes one tolerated slip strict JSON, or undefined when it is not certain:
 * - a byte order mark is removed;
 * - a trailing comma (reported at the bracket after it) is removed when only spaces lie between;
 * - a comment is removed, its whole line when nothing else is on it;
 * - raw control characters in a string are written as escapes (`\t`, `\u0001`).
 */
export function strictEdit(issue: ParseIssue, text: string): Edit | undefined {
  const { kind, offset, length } = issue;
  if (kind === 'bom')
    return text.charCodeAt(0) === 0xfeff ? { offset: 0, length: 1, content: '' } : undefined;
  if (kind === 'trailing-comma') {
    let i = offset - 1;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
    return text.charCodeAt(i) === 0x2c ? { offset: i, length: 1, content: '' } : undefined;
  }
  if (kind === 'comment') {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const end = offset + length;
    const before = text.slice(lineStart, offset);
    const newline = text.indexOf('\n', end);
    const lineEnd = newline < 0 ? text.length : newline;
    if (/^[ \t]*$/.test(before) && /^[ \t\r]*$/.test(text.slice(end, lineEnd)))
      return { offset: lineStart, length: Math.min(text.length, lineEnd + 1) - lineStart, content: '' };
    // Spaces before a comment at the end of a line go with it.
    const from = offset - (before.length - before.trimEnd().length);
    return { offset: from, length: end - from, content: '' };
  }
  if (kind === 'control-character') {
    const original = text.slice(offset, offset + length);
    let content = '';
    for (const ch of original) {
      const c = ch.charCodeAt(0);
      content += c < 0x20 ? (SHORT[c] ?? `\\u${c.toString(16).padStart(4, '0')}`) : ch;
    }
    return content === original ? undefined : { offset, length, content };
  }
  return undefined;
}
