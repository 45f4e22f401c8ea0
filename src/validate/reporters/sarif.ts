import { relative, sep } from 'node:path';
import type { ValidationResult } from '../engine.ts';
import { findRule } from '../registry.ts';
import type { Severity } from '../rule.ts';

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
 * SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules that fired in
 * `tool.driver.rules`, a physical location (file, line, column) and the JSON pointer as a logical
 * location for every result.
 */
export function formatSarif(
  results: readonly ValidationResult[],
  version: string,
  root = process.cwd(),
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
    const rule = findRule(id);
    return {
      id,
      ...(rule?.microsoftId && { name: rule.microsoftId }),
      shortDescription: { text: rule?.description ?? id },
      helpUri: `${DOCS}${id}.md`,
      ...(rule?.fix && { help: { text: rule.fix } }),
      defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
      properties: { tags: [rule?.category ?? 'flowport', rule?.source ?? 'flowport'] },
    };
  });
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
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
    })),
  );
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
