/**
 * A finding as an editor shows it: an LSP diagnostic over the text the editor holds. Findings carry
 * 1-based lines and columns of the text flowport read (a byte order mark included, lines split at
 * `\n`); editors hold the text without the mark, so line 1 moves one column left there.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { packageRoot } from '../package-root.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import type { Severity } from '../validate/rule.ts';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a published diagnostic carries back in a code action request: which finding it is. */
export interface FindingRef {
  readonly flowport: number;
}

/** The offset in `document` (the editor's text) of flowport's 1-based line and column. */
export function offsetOf(document: TextDocument, line: number, column: number, bom: boolean): number {
  const l = line - 1;
  return document.offsetAt({ line: l, character: Math.max(0, column - 1 - (bom && l === 0 ? 1 : 0)) });
}

/** The range a finding covers in `document` (the editor's text); the start of the file when it has no place. */
export function findingRange(finding: Diagnostic, document: TextDocument, bom: boolean): Range {
  if (finding.line === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const start = offsetOf(document, finding.line, finding.column ?? 1, bom);
  return { start: document.positionAt(start), end: document.positionAt(start + (finding.length ?? 0)) };
}

/**
 * The LSP diagnostic of a finding: its rule id as the code, linked to the rule's page; the fix on a
 * second line; `index` is the finding's place in the file's list, for code actions.
 */
export function lspDiagnostic(
  finding: Diagnostic,
  document: TextDocument,
  options: { readonly bom: boolean; readonly index: number; readonly elsewhere?: string },
): LspDiagnostic {
  const lines = [options.elsewhere ? `${options.elsewhere}: ${finding.message}` : finding.message];
  if (finding.fix) lines.push(`Fix: ${finding.fix}`);
  if (finding.microsoftId) lines.push(`Microsoft's rule: ${finding.microsoftId}`);
  return {
    range: findingRange(finding, document, options.bom),
    severity: SEVERITY[finding.severity],
    source: 'flowport',
    code: finding.ruleId,
    // A team's own rule has no page of flowport's.
    ...(finding.category !== 'custom' && { codeDescription: { href: ruleDocUrl(finding.ruleId) } }),
    message: lines.join('\n'),
    data: { flowport: options.index } satisfies FindingRef,
  };
}

/** The rule's documentation page in the installed package (`docs/rules/<id>.md`). */
export function ruleDocUrl(ruleId: string): string {
  return pathToFileURL(join(packageRoot(), 'docs', 'rules', `${ruleId}.md`)).href;
}
