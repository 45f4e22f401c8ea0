/**
 * The fixes an editor offers for flowport's findings: the change `flowport validate --fix` would make
 * for one finding (a quick fix, preferred), a finding's suggestion and display names made from names
 * (quick fixes the author picks, never preferred), and all of a file's `--fix` changes at once
 * (`source.fixAll`).
 */
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../validate/diagnostic.ts';
import { findingTextEdits, fixText, type TextEdit } from '../validate/fix.ts';
import { suggestionTextEdits } from '../validate/suggestion.ts';
import { labelActions } from './label-actions.ts';
import type { FindingRef } from './lsp-diagnostic.ts';

/** The kind of the "fix all" action, under which editors run it on save (`source.fixAll.flowport`). */
export const FIX_ALL = `${CodeActionKind.SourceFixAll}.flowport`;

const MAX_TITLE = 90;

/**
 * Code actions for the diagnostics `asked` of `document`, whose findings (validated from this very
 * text) are `findings`; `only` is the kinds the editor asked for, if any.
 */
export function codeActions(
  document: TextDocument,
  findings: readonly Diagnostic[],
  asked: readonly LspDiagnostic[],
  only?: readonly string[],
): CodeAction[] {
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const text = document.getText();
  const fixable = findings.filter((d) => d.edit);
  const actions: CodeAction[] = [];
  const change = (edits: readonly TextEdit[]) => ({
    changes: {
      [document.uri]: edits.map((e) => ({
        range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
        newText: e.content,
      })),
    },
  });
  if (wants(CodeActionKind.QuickFix)) {
    const edits =
      fixable.length > 0 ? findingTextEdits(text, fixable) : new Map<Diagnostic, readonly TextEdit[]>();
    for (const diagnostic of asked) {
      const finding = findings[(diagnostic.data as Partial<FindingRef> | undefined)?.flowport ?? -1];
      if (!finding || diagnostic.source !== 'flowport') continue;
      const made = edits.get(finding);
      if (made && made.length > 0)
        actions.push({
          title: titled(finding),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: change(made),
        });
      // A likely change, not a certain one: offered, never preferred, never part of "fix all".
      const suggested = finding.suggestion && suggestionTextEdits(text, finding);
      if (finding.suggestion && suggested)
        actions.push({
          title: finding.suggestion.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: change(suggested),
        });
    }
  }
  if (wants(CodeActionKind.QuickFix)) actions.push(...labelActions(document, findings, asked));
  if (wants(FIX_ALL) && fixable.length > 0) {
    const { after, fixed } = fixText(text, fixable);
    const edit = fixed > 0 ? changed(document, text, after) : undefined;
    if (edit)
      actions.push({
        title: `Fix all ${fixed} fixable flowport finding${fixed === 1 ? '' : 's'} in this file`,
        kind: FIX_ALL,
        edit: { changes: { [document.uri]: [edit] } },
      });
  }
  return actions;
}

function titled(finding: Diagnostic): string {
  const title = `Fix ${finding.ruleId}${finding.fix ? `: ${finding.fix}` : ''}`;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

/** One edit replacing only the part of `before` that `after` changes, so the rest keeps its place. */
function changed(document: TextDocument, before: string, after: string): LspTextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
