/**
 * The text changes of a finding's suggestion (`Report.suggestion`): what an editor's quick fix
 * makes when the author picks it. `--fix` never makes them.
 */
import { parseTree } from 'jsonc-parser';
import type { Diagnostic } from './diagnostic.ts';
import { locate, type TextEdit } from './fix.ts';

/**
 * The changes of `finding`'s suggestion in `text` (its JSON file as read, a byte order mark
 * included); undefined when it has none, or when one of its places is not in the text or a rename
 * would write a key its object already has (two members of one name: the author must choose).
 */
export function suggestionTextEdits(text: string, finding: Diagnostic): TextEdit[] | undefined {
  const suggestion = finding.suggestion;
  if (!suggestion || (suggestion.renames.length === 0 && !suggestion.edits?.length)) return undefined;
  if (suggestion.renames.length === 0) return [...(suggestion.edits ?? [])];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseTree(bom ? text.slice(1) : text, [], { allowTrailingComma: true });
  const edits: TextEdit[] = [];
  for (const { pointer, to } of suggestion.renames) {
    const place = locate(tree, pointer);
    const property = place?.node?.parent;
    const key = property?.type === 'property' ? property.children?.[0] : undefined;
    if (!place || !key) return undefined;
    if (place.parent?.children?.some((member) => member.children?.[0]?.value === to)) return undefined;
    edits.push({ offset: key.offset + bom, length: key.length, content: JSON.stringify(to) });
  }
  return [...edits, ...(suggestion.edits ?? [])];
}

/**
 * `text` with the suggestions of `findings` taken, those that do not overlap an earlier one (as an
 * author taking them one after another would; a finding's JSON file as read).
 */
export function applySuggestions(text: string, findings: readonly Diagnostic[]): string {
  const edits = findings
    .flatMap((f) => suggestionTextEdits(text, f) ?? [])
    .sort((a, b) => a.offset - b.offset);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.offset < at) continue;
    out += text.slice(at, e.offset) + e.content;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}
