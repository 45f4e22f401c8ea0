/**
 * The jsonc-parser tree of an open document, parsed once per version (outline, navigation,
 * completion and hover all read it, and a large swagger takes tens of milliseconds to parse), and
 * the few ways the editor helpers read it.
 */
import { type JSONPath, type Node, parseTree } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from '../connector/pointer.ts';
import { locate } from '../validate/fix.ts';

// A document object is updated in place, its version counting the changes.
const trees = new WeakMap<TextDocument, { readonly version: number; readonly root: Node | undefined }>();

/** The document's tree (tolerant: half-typed text gives what can be read of it). */
export function documentTree(document: TextDocument): Node | undefined {
  const known = trees.get(document);
  if (known?.version === document.version) return known.root;
  const root = parseTree(document.getText(), [], { allowTrailingComma: true });
  trees.set(document, { version: document.version, root });
  return root;
}

/** The text a node spans. */
export function nodeRange(document: TextDocument, node: Node): Range {
  return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
}

/** Each member of an object node: its key node and its value node. */
export function members(node: Node | undefined): [key: Node, value: Node][] {
  if (node?.type !== 'object') return [];
  const out: [Node, Node][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value) out.push([key, value]);
  }
  return out;
}

/** The value of member `key` of an object node (of a key written twice, the last, as `JSON.parse`). */
export function member(node: Node | undefined, key: string): Node | undefined {
  return members(node).findLast(([k]) => k.value === key)?.[1];
}

/** The node at a JSON pointer, as `--fix` finds it. */
export function nodeAt(root: Node | undefined, pointer: string): Node | undefined {
  return locate(root, pointer)?.node;
}

/** The keys the object at a jsonc-parser path already has (none when it is not an object). */
export function keysAt(document: TextDocument, path: JSONPath): Set<string> {
  return new Set(
    members(nodeAt(documentTree(document), join('', ...path))).map(([key]) => String(key.value)),
  );
}

/** A string node's value. */
export const stringOf = (node: Node | undefined) =>
  typeof node?.value === 'string' ? node.value : undefined;

/**
 * The range a completion replaces: the string typed so far, quotes included (jsonc-parser's
 * `getLocation` gives a key as a `property` node, a value as a `string` one), or the cursor.
 */
export function typedRange(document: TextDocument, offset: number, typed: Node | undefined): Range {
  const isText = typed?.type === 'string' || typed?.type === 'property';
  if (typed && isText && typed.offset <= offset && offset <= typed.offset + typed.length)
    return nodeRange(document, typed);
  const here = document.positionAt(offset);
  return { start: here, end: here };
}
