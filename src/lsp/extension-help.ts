/**
 * Help while writing a swagger: the `x-ms-*` extensions and Swagger's own keywords that go where the
 * cursor is (with a value to fill in), the values of those that take a few, and what one does on
 * hover.
 */
import {
  findNodeAtOffset,
  getLocation,
  getNodePath,
  type JSONPath,
  type Node as JsoncNode,
} from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type Hover,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from '../connector/pointer.ts';
import { FORMATS } from '../validate/rules/schema/unrecognized-type-format.ts';
import { completionItem, markdown, valueItems } from './completion-item.ts';
import { documentTree, keysAt, nodeAt, nodeRange, typedRange } from './document-tree.ts';
import { EXTENSIONS, extensionHover, extensionNamed, type Place } from './extension-catalogue.ts';
import { KEYWORD_VALUES, KEYWORDS, typesFor } from './swagger-keywords.ts';

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

/** The values a Swagger keyword at `path` takes, when it takes a few; undefined otherwise. */
function keywordValues(document: TextDocument, path: JSONPath): readonly string[] | undefined {
  const key = path.at(-1);
  if (path.length === 2 && path[0] === 'schemes' && typeof key === 'number') return ['https', 'http'];
  if (typeof key !== 'string') return undefined;
  const place = placeOf(path.slice(0, -1));
  if (!place) return undefined;
  if (key === 'type' && (place === 'parameter' || place === 'header' || place === 'schema'))
    return typesFor(place);
  if (key === 'format' && (place === 'parameter' || place === 'header' || place === 'schema')) {
    const type = nodeAt(documentTree(document), join('', ...path.slice(0, -1), 'type'))?.value;
    return typeof type === 'string' ? [...(FORMATS[type] ?? [])] : undefined;
  }
  const known: readonly string[] | undefined = Object.hasOwn(KEYWORD_VALUES, key)
    ? KEYWORD_VALUES[key as keyof typeof KEYWORD_VALUES]
    : undefined;
  return known && (place === 'parameter' || place === 'header') ? known : undefined;
}

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
    const keywords = KEYWORDS.filter((k) => k.places.includes(place) && !present.has(k.name)).map((k) =>
      completionItem(range, k.name, CompletionItemKind.Property, `"${k.name}": ${k.snippet}`, {
        detail: 'Swagger 2.0',
        documentation: markdown(k.doc),
        insertTextFormat: InsertTextFormat.Snippet,
      }),
    );
    const extensions = EXTENSIONS.filter((e) => e.places.includes(place) && !present.has(e.name)).map((e) =>
      completionItem(range, e.name, CompletionItemKind.Property, `"${e.name}": ${e.snippet}`, {
        detail: 'x-ms extension',
        documentation: markdown(extensionHover(e, place)),
        insertTextFormat: InsertTextFormat.Snippet,
      }),
    );
    return [...keywords, ...extensions];
  }
  const keyword = keywordValues(document, location.path);
  if (keyword) return valueItems(range, keyword);
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
  if (!extension) return node === key ? keywordHover(document, node, property) : undefined;
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

/** What a Swagger keyword does, where it is one (a `type` key of a schema, not a property named `type`). */
function keywordHover(document: TextDocument, key: JsoncNode, property: JsoncNode): Hover | undefined {
  const object = property.parent;
  const place = object ? placeOf(getNodePath(object)) : undefined;
  const keyword = place && KEYWORDS.find((k) => k.name === key.value && k.places.includes(place));
  if (!keyword) return undefined;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${keyword.name}** (Swagger 2.0) — ${keyword.doc}` },
    range: nodeRange(document, key),
  };
}
