/**
 * Breaking changes as the author types: the connector in the editor compared with itself at a git
 * revision (`HEAD` unless the editor says otherwise: the changes not committed yet; `origin/dev` for
 * a pull request), as `flowport breaking --base <revision>` compares them. Each change is shown in
 * the file as it is now: where the change is, or for what was removed, the nearest place that is
 * still there.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type AcceptedFile, applyAccepted } from '../breaking/accepted.ts';
import type { BreakingChange } from '../breaking/change.ts';
import { compareConnectors } from '../breaking/compare.ts';
import { connectorAtRevision } from '../breaking/git-version.ts';
import type { Connector } from '../connector/model.ts';
import { isFlowportError } from '../errors.ts';
import { packageRoot } from '../package-root.ts';
import type { Severity } from '../validate/rule.ts';
import { offsetOf } from './lsp-diagnostic.ts';

/** How long the connector at the revision is kept before git is asked again (a commit moves `HEAD`). */
const KEEP_MS = 10_000;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A change placed in a file of the connector as it is now: its path, and its 1-based line and column. */
export interface PlacedChange {
  readonly change: BreakingChange;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface BreakingWatch {
  /**
   * The changes from the connector at `base` to `now` (read from `folder`), placed in `now`'s files;
   * a problem instead when git cannot give the revision the author asked for.
   */
  changes(
    folder: string,
    now: Connector,
    base: string,
    accepted?: AcceptedFile,
  ): { placed: PlacedChange[]; problem?: string };
}

/** A watch that keeps each folder's connector at its revision for a few seconds. */
export function breakingWatch(clock: () => number = Date.now): BreakingWatch {
  const kept = new Map<string, { at: number; old: Connector | undefined; problem?: string }>();
  const before = (folder: string, base: string) => {
    const key = `${folder}\0${base}`;
    const known = kept.get(key);
    if (known && clock() - known.at < KEEP_MS) return known;
    let entry: { at: number; old: Connector | undefined; problem?: string };
    try {
      entry = { at: clock(), old: connectorAtRevision(folder, base) };
    } catch (error) {
      if (!isFlowportError(error)) throw error;
      entry = { at: clock(), old: undefined, problem: error.message };
    }
    kept.set(key, entry);
    return entry;
  };
  return {
    changes(folder, now, base, accepted) {
      const { old, problem } = before(folder, base);
      if (!old) return { placed: [], ...(problem && { problem }) };
      const placed: PlacedChange[] = [];
      const [judged] = applyAccepted([compareConnectors(old, now)], accepted).results;
      for (const change of judged?.changes ?? []) {
        if (change.version === 'new' && change.file && change.line !== undefined) {
          placed.push({ change, file: change.file, line: change.line, column: change.column ?? 1 });
          continue;
        }
        // Removed: shown at the nearest place the new version still has (the path of a deleted operation).
        const document =
          now.documents[change.file?.endsWith('apiProperties.json') ? 'apiProperties' : 'swagger'];
        const near = change.pointer === undefined ? undefined : document?.locateNearest(change.pointer);
        const position = near ? document?.position(near.range.offset) : undefined;
        if (document && position) placed.push({ change, file: document.file, ...position });
      }
      return { placed };
    },
  };
}

/** A placed change as an LSP diagnostic in `document` (the editor's text of its file). */
export function breakingDiagnostic(
  placed: PlacedChange,
  document: TextDocument,
  bom: boolean,
  base: string,
): LspDiagnostic {
  const { change } = placed;
  const start = document.positionAt(offsetOf(document, placed.line, placed.column, bom));
  return {
    range: { start, end: start },
    // Accepted on purpose (the file of accepted changes): still shown, as information.
    severity: change.accepted ? DiagnosticSeverity.Information : SEVERITY[change.severity],
    source: 'flowport breaking',
    code: change.kind,
    codeDescription: {
      href: `${pathToFileURL(join(packageRoot(), 'docs', 'breaking-changes.md')).href}#${change.kind}`,
    },
    message: `${change.accepted ? `Accepted: ${change.accepted}. ` : ''}${change.message} ${change.detail} (against ${base})\nFix: ${change.fix}`,
  };
}
