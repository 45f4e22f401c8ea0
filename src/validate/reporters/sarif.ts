import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.ts';
import type { ValidationResult } from '../engine.ts';
import { findingTextEdits, type TextEdit } from '../fix.ts';
import { findRule } from '../registry.ts';
import type { Severity } from '../rule.ts';
import { ruleDocPage } from '../rule-docs.ts';
import { suggestionTextEdits } from '../suggestion.ts';
import { SourceLines } from './source-lines.ts';
import type { SourceTexts } from './text.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
const DOCS = 'https://github.com/flowport/flowport/blob/main/docs/rules/';

function uri(path: string, root: string): string {
  const rel = relative(root, path) || path;
  return rel.split(sep).map(encodeURIComponent).join('/');
}

/**
 * A rule's help: the fix as text, and its doc page as Markdown, which GitHub code scanning shows on
 * the alert (what the rule checks, why, examples), so that no link needs to be followed.
 */
function helpOf(id: string, fix: string): { text: string; markdown?: string } {
  const page = ruleDocPage(id);
  return page === undefined ? { text: fix } : { text: fix, markdown: page };
}

/**
 * SARIF `fixes` of one result's findings: the change `flowport validate --fix` would make for each
 * finding that offers one, as replacements in its file's text (when the text is at hand).
 */
function fixesOf(result: ValidationResult, texts: SourceTexts | undefined, root: string) {
  const fixes = new Map<Diagnostic, unknown[]>();
  if (!texts) return fixes;
  for (const [kind, text] of Object.entries(texts) as [keyof SourceTexts, string | undefined][]) {
    if (text === undefined) continue;
    const edits = findingTextEdits(
      text,
      result.diagnostics.filter((d) => d.fileKind === kind && d.edit),
    );
    // Suggestions are fixes a viewer offers too (each is applied only when picked).
    const suggested = new Map<Diagnostic, readonly TextEdit[]>();
    for (const d of result.diagnostics) {
      const made = d.fileKind === kind && d.suggestion ? suggestionTextEdits(text, d) : undefined;
      if (made) suggested.set(d, made);
    }
    if (edits.size === 0 && suggested.size === 0) continue;
    // Lines and columns in UTF-16 code units, SARIF's default.
    const lines = new SourceLines(text);
    const at = (offset: number) => lines.position(offset);
    const region = (e: TextEdit) => {
      const start = at(e.offset);
      const end = at(e.offset + e.length);
      return {
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
        charOffset: e.offset,
        charLength: e.length,
      };
    };
    const described = [
      ...[...edits].map(
        ([d, made]) => [d, made, d.fix ?? 'The change `flowport validate --fix` makes.'] as const,
      ),
      ...[...suggested].map(([d, made]) => [d, made, d.suggestion?.title ?? ''] as const),
    ];
    for (const [d, made, description] of described) {
      fixes.set(d, [
        ...(fixes.get(d) ?? []),
        {
          description: { text: description },
          artifactChanges: [
            {
              artifactLocation: { uri: uri(d.file ?? result.source, root), uriBaseId: '%SRCROOT%' },
              replacements: made.map((e) => ({
                deletedRegion: region(e),
                insertedContent: { text: e.content },
              })),
            },
          ],
        },
      ]);
    }
  }
  return fixes;
}

/**
 * SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules that fired in
 * `tool.driver.rules`, a physical location (file, line, column) and the JSON pointer as a logical
 * location for every result; with the texts of a result's files, the findings `--fix` can fix carry
 * the change as `fixes` (which editors' SARIF viewers offer to apply).
 */
export function formatSarif(
  results: readonly ValidationResult[],
  version: string,
  root = process.cwd(),
  texts?: ReadonlyMap<ValidationResult, SourceTexts | undefined>,
  /** The config's own rules, described from their specs (they have no page in docs/rules). */
  customRules?: Readonly<Record<string, { readonly description: string; readonly severity: Severity }>>,
): string {
  const ruleIds: string[] = [];
  const index = new Map<string, number>();
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (!index.has(d.ruleId)) {
        index.set(d.ruleId, ruleIds.length);
        ruleIds.push(d.ruleId);
      }
    }
  }
  const rules = ruleIds.map((id) => {
    const custom = customRules && Object.hasOwn(customRules, id) ? customRules[id] : undefined;
    if (custom)
      return {
        id,
        shortDescription: { text: custom.description },
        defaultConfiguration: { level: LEVEL[custom.severity] },
        properties: { tags: ['custom', 'config'] },
      };
    const rule = findRule(id);
    return {
      id,
      ...(rule?.microsoftId && { name: rule.microsoftId }),
      shortDescription: { text: rule?.description ?? id },
      helpUri: `${DOCS}${id}.md`,
      ...(rule?.fix && { help: helpOf(id, rule.fix) }),
      defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
      properties: { tags: [rule?.category ?? 'flowport', rule?.source ?? 'flowport'] },
    };
  });
  const sarifResults = results.flatMap((r) => {
    const fixes = fixesOf(r, texts?.get(r), root);
    return r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId),
      level: LEVEL[d.severity],
      message: { text: d.fix ? `${d.message} ${d.fix}` : d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(d.file ?? r.source, root), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.line ?? 1,
              startColumn: d.column ?? 1,
              ...(d.line && d.length && { endColumn: (d.column ?? 1) + d.length }),
            },
          },
          ...(d.pointer !== undefined && {
            logicalLocations: [{ fullyQualifiedName: d.pointer || '/', kind: 'member' }],
          }),
        },
      ],
      partialFingerprints: { 'flowport/v1': `${d.ruleId}:${d.pointer ?? ''}:${d.message}` },
      ...(fixes.has(d) && { fixes: fixes.get(d) }),
    }));
  });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'flowport',
              version,
              informationUri: 'https://github.com/flowport/flowport',
              rules,
            },
          },
          originalUriBaseIds: {
            '%SRCROOT%': { uri: `file://${root.split(sep).map(encodeURIComponent).join('/')}/` },
          },
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  );
}
