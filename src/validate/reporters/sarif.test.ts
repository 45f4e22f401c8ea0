import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import type { ConnectorFileKind } from '../../connector/model.ts';
import { fixText } from '../fix.ts';
import { findRule } from '../registry.ts';
import { positionedTexts } from '../run-one.ts';
import { fixableSwagger } from '../testing.ts';
import { validateConnector } from '../validate.ts';
import { formatSarif } from './sarif.ts';

const encoder = new TextEncoder();

/** A connector with findings `--fix` can fix in both JSON files (a BOM before the properties). */
function fixable() {
  const swagger = fixableSwagger('Get a task.', 'Task ID?');
  const properties = '\uFEFF{\r\n  "properties": { "iconBrandColor": "#0AF" }\r\n}\r\n';
  const connector = connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encoder.encode(swagger) },
      { name: 'apiProperties.json', bytes: encoder.encode(properties) },
    ],
    { source: '/work/tasks' },
  );
  const result = validateConnector(connector, { preset: 'certification' });
  const texts = positionedTexts(result, (kind) => connector.files[kind]?.text);
  return { result, texts };
}

interface Replacement {
  deletedRegion: {
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
    charOffset: number;
    charLength: number;
  };
  insertedContent: { text: string };
}

describe('formatSarif fixes', () => {
  it('carries the change --fix makes for each finding that offers one, in the file it is in', () => {
    const { result, texts } = fixable();
    const sarif = JSON.parse(formatSarif([result], '1.0.0', '/work', new Map([[result, texts]])));
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: Replacement[] }[] }[];
    }[];
    const offering = result.diagnostics.filter((d) => d.edit);
    expect(offering.map((d) => d.ruleId).sort()).toEqual([
      'brand-color-short-hex',
      'json-strict',
      'operation-summary-end',
      'parameter-summary-characters',
      'path-parameter-missing-encoding',
    ]);
    expect(results.filter((r) => r.fixes).length).toBe(offering.length);
    for (const d of offering) {
      const r = results.find((x) => x.ruleId === d.ruleId);
      const change = r?.fixes?.[0]?.artifactChanges[0];
      expect(change?.artifactLocation.uri, d.ruleId).toBe(
        r?.locations[0]?.physicalLocation.artifactLocation.uri,
      );
      // Applying the replacements to the text gives what --fix writes for this finding alone.
      const text = texts[d.fileKind as ConnectorFileKind] as string;
      let after = text;
      const replacements = [...(change?.replacements ?? [])].sort(
        (a, b) => b.deletedRegion.charOffset - a.deletedRegion.charOffset,
      );
      for (const { deletedRegion: at, insertedContent } of replacements) {
        after =
          after.slice(0, at.charOffset) + insertedContent.text + after.slice(at.charOffset + at.charLength);
      }
      expect(after, d.ruleId).toBe(fixText(text, [d]).after);
      // Lines and columns say the same as the offsets (1-based, UTF-16 code units).
      for (const { deletedRegion: at } of replacements) {
        const lines = text.slice(0, at.charOffset).split('\n');
        expect([at.startLine, at.startColumn], d.ruleId).toEqual([
          lines.length,
          (lines.at(-1) as string).length + 1,
        ]);
      }
    }
    const hex = results.find((r) => r.ruleId === 'brand-color-short-hex');
    expect(hex?.fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([
      {
        deletedRegion: {
          startLine: 2,
          startColumn: 37,
          endLine: 2,
          endColumn: 43,
          charOffset: 40,
          charLength: 6,
        },
        insertedContent: { text: '"#00aaff"' },
      },
    ]);
  });

  it("carries a suggestion (a misspelt extension's rename) as a fix a viewer may apply", () => {
    const swagger = fixableSwagger('Get a task.', 'Task ID').replace('"x-ms-summary"', '"x-ms-summmary"');
    const connector = connectorFromFiles(
      [{ name: 'apiDefinition.swagger.json', bytes: encoder.encode(swagger) }],
      {
        source: '/work/tasks',
      },
    );
    const result = validateConnector(connector, { preset: 'recommended' });
    const texts = positionedTexts(result, (kind) => connector.files[kind]?.text);
    const sarif = JSON.parse(formatSarif([result], '1.0.0', '/work', new Map([[result, texts]])));
    const misspelt = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'extension-name-misspelled',
    );
    const fix = misspelt?.fixes?.[0];
    expect(fix?.description.text).toBe('Rename `x-ms-summmary` to `x-ms-summary`');
    expect(fix?.artifactChanges[0].replacements.map((r: Replacement) => r.insertedContent.text)).toEqual([
      '"x-ms-summary"',
    ]);
  });

  it('has no fixes without the texts, and none for findings without a change', () => {
    const { result } = fixable();
    const sarif = JSON.parse(formatSarif([result], '1.0.0', '/work'));
    expect(sarif.runs[0].results.some((r: { fixes?: unknown }) => r.fixes)).toBe(false);
    const { result: again, texts } = fixable();
    const withTexts = JSON.parse(formatSarif([again], '1.0.0', '/work', new Map([[again, texts]])));
    const without = withTexts.runs[0].results.filter(
      (r: { ruleId: string }) => r.ruleId === 'response-schema-required' || r.ruleId === 'icon-missing',
    );
    expect(without.length).toBeGreaterThan(0);
    for (const r of without) expect(r.fixes).toBeUndefined();
  });

  it("gives each rule that fired its doc page as Markdown help, for code scanning's alert page", () => {
    const { result } = fixable();
    const sarif = JSON.parse(formatSarif([result], '1.0.0', '/work'));
    const rules = sarif.runs[0].tool.driver.rules as {
      id: string;
      help?: { text: string; markdown?: string };
    }[];
    const encoding = rules.find((r) => r.id === 'path-parameter-missing-encoding');
    expect(encoding?.help?.text).toBe(findRule('path-parameter-missing-encoding')?.fix);
    expect(encoding?.help?.markdown).toMatch(/^# path-parameter-missing-encoding\n[\s\S]*## How to fix/);
    for (const r of rules) expect(r.help?.markdown, r.id).toContain(`# ${r.id}`);
  });
});
