/**
 * Help with `x-ms-*` extensions while writing a swagger: the names that go where the cursor is (with
 * a value to fill in), the values of those that take a few, and what one does on hover.
 */
import { findNodeAtOffset, getLocation, getNodePath, type JSONPath } from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type Hover,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionItem, markdown } from './completion-item.ts';
import { documentTree, keysAt, nodeRange, typedRange } from './document-tree.ts';
import { EXTENSIONS, extensionHover, extensionNamed, type Place } from './extension-catalogue.ts';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
const SCHEMA_KEYS = new Set(['schema', 'items', 'additionalProperties', 'x-ms-notification-content']);

/** What the object at `path` is in a swagger, for the places extensions go; undefined elsewhere. */
export function placeOf(path: JSONPath): Place | undefined {
  const n = path.length;
  const [first, , third, fourth, fifth] = path;
  if (n === 0) return 'root';
  if (n === 1) return first === 'info' ? 'info' : undefined;
  if (first === 'paths') {
    if (n === 2) return 'pathItem';
    if (n === 3) return METHODS.has(String(third).toLowerCase()) ? 'operation' : undefined;
    if (n === 4 && third === 'parameters' && typeof fourth === 'number') return 'parameter';
    if (n === 5 && fourth === 'parameters' && typeof fifth === 'number') return 'parameter';
    if (n === 5 && fourth === 'responses') return 'response';
    if (n === 7 && fourth === 'responses' && path[5] === 'headers') return 'header';
  }
  if (n === 2 && first === 'parameters') return 'parameter';
  if (n === 2 && first === 'responses') return 'response';
  if (n === 4 && first === 'responses' && third === 'headers') return 'header';
  if (n === 2 && first === 'definitions') return 'schema';
  const last = path[n - 1];
  const before = path[n - 2];
  if (typeof last === 'string' && SCHEMA_KEYS.has(last)) return 'schema';
  if (before === 'properties' || (before === 'allOf' && typeof last === 'number')) return 'schema';
  return undefined;
}

/** Keys the object at `path` already has. */
/** Extension names where a key is being typed, or values where an extension's value is. */
export function extensionCompletions(document: TextDocument, offset: number): CompletionItem[] {
  const text = document.getText();
  const location = getLocation(text, offset);
  const range = typedRange(document, offset, location.previousNode);
  if (location.isAtPropertyKey) {
    const at = location.path.slice(0, -1);
    const place = placeOf(at);
    if (!place) return [];
    const present = keysAt(document, at);
    return EXTENSIONS.filter((e) => e.places.includes(place) && !present.has(e.name)).map((e) =>
      completionItem(range, e.name, CompletionItemKind.Property, `"${e.name}": ${e.snippet}`, {
        detail: 'x-ms extension',
        documentation: markdown(extensionHover(e, place)),
        insertTextFormat: InsertTextFormat.Snippet,
      }),
    );
  }
  const key = location.path.at(-1);
  const values = typeof key === 'string' ? extensionNamed(key)?.values : undefined;
  if (!values) return [];
  return values.map((v) =>
    completionItem(range, v.value, CompletionItemKind.EnumMember, JSON.stringify(v.value), {
      documentation: v.doc,
    }),
  );
}

/** What the extension under the cursor does (its name), or what its value means. */
export function extensionHoverAt(document: TextDocument, offset: number): Hover | undefined {
  const root = documentTree(document);
  const node = root && findNodeAtOffset(root, offset);
  const property = node?.parent;
  if (node?.type !== 'string' || property?.type !== 'property') return undefined;
  const [key, value] = property.children ?? [];
  const extension = typeof key?.value === 'string' ? extensionNamed(key.value) : undefined;
  if (!extension) return undefined;
  if (node === key) {
    const object = property.parent;
    const place = object ? placeOf(getNodePath(object)) : undefined;
    return {
      contents: { kind: MarkupKind.Markdown, value: extensionHover(extension, place) },
      range: nodeRange(document, node),
    };
  }
  const meaning = node === value ? extension.values?.find((v) => v.value === node.value) : undefined;
  if (!meaning) return undefined;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: `\`${meaning.value}\` (${extension.name}): ${meaning.doc}`,
    },
    range: nodeRange(document, node),
  };
}
