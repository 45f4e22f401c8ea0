import type { Node as JsoncNode } from 'jsonc-parser';
import type { ParseIssue } from '../../connector/json-document.ts';
import { lazy } from '../../lazy.ts';
import type { Suggestion } from '../rule.ts';

// Loaded only for files with duplicate keys.
const jsonc = lazy<typeof import('jsonc-parser')>('jsonc-parser');

const isBlank = (c: number) => c === 0x20 || c === 0x09;

// The files of one connector are asked about one after another: the last tree is kept.
let last: { text: string; tree: JsoncNode | undefined } | undefined;

function treeOf(text: string): JsoncNode | undefined {
  if (last?.text !== text) {
    // A byte order mark becomes a space: same offsets, and jsonc-parser reads on.
    const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    last = { text, tree: jsonc().parseTree(body, [], { allowTrailingComma: true, disallowComments: false }) };
  }
  return last.tree;
}

/**
 * The suggestion to remove the member a duplicate key overrides: the earlier one of the same name
 * in the same object (reported at the later one), with its comma, and its whole lines when it has
 * them to itself. The file means the same afterwards (every JSON reader keeps the last member), but
 * the earlier one may be what the author meant: a suggestion to pick, never made by `--fix` (as
 * ESLint's `no-dupe-keys` offers no fix). Undefined when the text is not as expected.
 */
export function duplicateKeySuggestion(issue: ParseIssue, text: string): Suggestion | undefined {
  if (issue.kind !== 'duplicate-key') return undefined;
  const tree = treeOf(text);
  const key = tree && jsonc().findNodeAtOffset(tree, issue.offset + 1);
  const property = key?.parent;
  const object = property?.parent;
  if (key?.type !== 'string' || property?.type !== 'property' || object?.type !== 'object') return undefined;
  const members = object.children ?? [];
  const at = members.indexOf(property);
  let previous: JsoncNode | undefined;
  for (let i = at - 1; i >= 0 && !previous; i--)
    if (members[i]?.children?.[0]?.value === key.value) previous = members[i];
  if (!previous) return undefined;
  // From the member's key through the comma after its value.
  let end = previous.offset + previous.length;
  while (end < text.length && /\s/.test(text[end] as string)) end++;
  if (text.charCodeAt(end) !== 0x2c) return undefined;
  end++;
  let start = previous.offset;
  let lineStart = start;
  while (lineStart > 0 && isBlank(text.charCodeAt(lineStart - 1))) lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && isBlank(text.charCodeAt(lineEnd))) lineEnd++;
  if (text.charCodeAt(lineEnd) === 0x0d) lineEnd++;
  const ownLines =
    (lineStart === 0 || text.charCodeAt(lineStart - 1) === 0x0a) && text.charCodeAt(lineEnd) === 0x0a;
  if (ownLines) {
    start = lineStart;
    end = lineEnd + 1;
  } else {
    // `{"a": 1, "b": 2, "a": 3}`: the member and the spaces after its comma.
    while (end < text.length && isBlank(text.charCodeAt(end))) end++;
  }
  return {
    title: `Remove the earlier \`${String(key.value)}\` (the one no JSON reader keeps)`,
    renames: [],
    edits: [{ offset: start, length: end - start, content: '' }],
  };
}
