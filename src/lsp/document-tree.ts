/**
 * The jsonc-parser tree of an open document, parsed once per version: outline, navigation,
 * completion and hover all read it, and a large swagger takes tens of milliseconds to parse.
 */
import { type Node, parseTree } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';

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
