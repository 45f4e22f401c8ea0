/**
 * The completions the editor helpers offer: each replaces the text typed so far (the string, quotes
 * included, or nothing) and is matched by its quoted label, as the user types `"x-ms…`.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Range,
} from 'vscode-languageserver';

/** Markdown documentation. */
export const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** A completion inserting `newText` over `range`; `more` adds detail, documentation, snippet format. */
export function completionItem(
  range: Range,
  label: string,
  kind: CompletionItemKind,
  newText: string,
  more: Partial<CompletionItem> = {},
): CompletionItem {
  return { label, kind, filterText: `"${label}"`, textEdit: { range, newText }, ...more };
}

/** Keys offered with a snippet of their value (`[key, snippet, markdown]`), those in `present` left out. */
export function keyItems(
  range: Range,
  keys: readonly (readonly [key: string, snippet: string, doc: string])[],
  present: ReadonlySet<string> = new Set(),
): CompletionItem[] {
  return keys
    .filter(([key]) => !present.has(key))
    .map(([key, snippet, doc]) =>
      completionItem(range, key, CompletionItemKind.Property, snippet, {
        documentation: markdown(doc),
        insertTextFormat: InsertTextFormat.Snippet,
      }),
    );
}

/** String values, each inserted quoted. */
export function valueItems(range: Range, values: readonly string[]): CompletionItem[] {
  return values.map((v) => completionItem(range, v, CompletionItemKind.EnumMember, JSON.stringify(v)));
}
