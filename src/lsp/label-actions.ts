/**
 * Quick fixes for missing display names, made from what the swagger already says: an operation's
 * `summary` from its `operationId` (`ListTasks` → "List tasks"), a parameter's or response
 * property's `x-ms-summary` from its name (`dueDate` → "Due Date"), as `flowport init` names them.
 * A start the author reviews, so offered only, never preferred and never part of "fix all"; the
 * descriptions these findings also ask for are the author's to write.
 */
import type { Node } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from '../connector/pointer.ts';
import { summaryFromId, titleCase } from '../convert/text.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { findingTextEdits } from '../validate/fix.ts';
import type { Edit } from '../validate/rule.ts';
import { documentTree, member, nodeAt, stringOf } from './document-tree.ts';

/**
 * `x-ms-summary` for each property of a `properties` object (at `pointer`) that has none, and of
 * the inline objects below it (their `properties`, their items'); `$ref`s are not followed.
 */
function propertyLabels(properties: Node | undefined, pointer: string, out: Edit[], depth = 0): void {
  if (properties?.type !== 'object' || depth > 32) return;
  for (const property of properties.children ?? []) {
    const [key, schema] = property.children ?? [];
    const name = stringOf(key);
    if (name === undefined || schema?.type !== 'object' || member(schema, '$ref')) continue;
    const at = join(pointer, name);
    const label = name.startsWith('@') ? '' : titleCase(name);
    if (member(schema, 'x-ms-summary') === undefined && label !== '')
      out.push({ pointer: join(at, 'x-ms-summary'), value: label });
    propertyLabels(member(schema, 'properties'), join(at, 'properties'), out, depth + 1);
    const items = member(schema, 'items');
    if (items && !member(items, '$ref'))
      propertyLabels(member(items, 'properties'), join(at, 'items', 'properties'), out, depth + 1);
  }
}

/** The display names a finding lacks, with what to call the change; undefined for other findings. */
function labelsFor(
  root: Node | undefined,
  finding: Diagnostic,
): { title: string; edits: Edit[] } | undefined {
  const pointer = finding.pointer;
  if (pointer === undefined || finding.fileKind !== 'swagger') return undefined;
  if (finding.ruleId === 'operation-summary-required') {
    const operation = nodeAt(
      root,
      pointer.endsWith('/summary') ? pointer.slice(0, -'/summary'.length) : pointer,
    );
    const summary = summaryFromId(stringOf(member(operation, 'operationId')) ?? '');
    if (!operation || summary === '') return undefined;
    const at = pointer.endsWith('/summary') ? pointer : join(pointer, 'summary');
    return {
      title: `Add the summary "${summary}" (from the operationId)`,
      edits: [{ pointer: at, value: summary }],
    };
  }
  if (finding.ruleId === 'parameter-summary-required') {
    const label = titleCase(stringOf(member(nodeAt(root, pointer), 'name')) ?? '');
    if (label === '') return undefined;
    return {
      title: `Add the x-ms-summary "${label}" (from the name)`,
      edits: [{ pointer: join(pointer, 'x-ms-summary'), value: label }],
    };
  }
  if (finding.ruleId === 'response-property-summary-required') {
    // The finding points at the first unlabelled property: label its siblings and what is below them.
    const cut = pointer.lastIndexOf('/properties/');
    if (cut < 0) return undefined;
    const edits: Edit[] = [];
    propertyLabels(
      nodeAt(root, pointer.slice(0, cut + '/properties'.length)),
      pointer.slice(0, cut + '/properties'.length),
      edits,
    );
    if (edits.length === 0) return undefined;
    const n = edits.length;
    return {
      title: `Add x-ms-summary to ${n} ${n === 1 ? 'property' : 'properties'} here (from their names)`,
      edits,
    };
  }
  return undefined;
}

/** Quick fixes adding the display names that the asked diagnostics' findings lack. */
export function labelActions(
  document: TextDocument,
  findings: readonly Diagnostic[],
  asked: readonly LspDiagnostic[],
): CodeAction[] {
  const root = documentTree(document);
  const actions: CodeAction[] = [];
  for (const diagnostic of asked) {
    const finding = findings[(diagnostic.data as { flowport?: number } | undefined)?.flowport ?? -1];
    const labels = finding && diagnostic.source === 'flowport' ? labelsFor(root, finding) : undefined;
    if (!finding || !labels) continue;
    // As findings of their own, so that `--fix`'s machinery places each member as the file is laid out.
    const made = findingTextEdits(
      document.getText(),
      labels.edits.map((edit) => ({ ...finding, edit })),
    );
    const edits = [...made.values()].flat();
    if (edits.length === 0) continue;
    actions.push({
      title: labels.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        changes: {
          [document.uri]: edits.map((e) => ({
            range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
            newText: e.content,
          })),
        },
      },
    });
  }
  return actions;
}
