import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../validate/registry.ts';
import { configCompletions, configDiagnostics, configHoverAt } from './config-help.ts';

const doc = (text: string) => TextDocument.create('file:///w/flowport.config.json', 'json', 1, text);
function at(text: string) {
  const offset = text.indexOf('|');
  return { d: doc(text.replace('|', '')), offset };
}
const covered = (d: TextDocument, r: { start: unknown; end: unknown }) =>
  d.getText(r as Parameters<TextDocument['getText']>[0]);

describe('flowport.config.json in the editor', () => {
  it('has nothing to say about a good config', () => {
    expect(
      configDiagnostics(
        doc(
          '{ "preset": "certification", "rules": { "consumes-missing": "off", "ConsumesMissing": "error" } }',
        ),
      ),
    ).toEqual([]);
  });

  it("names each mistake at its place, with validate's message", () => {
    const d = doc(
      '{ "presets": 1, "preset": "cert", "rules": { "no-such-rule": "off", "consumes-missing": "loud" } }',
    );
    const found = configDiagnostics(d).map((x) => [covered(d, x.range), x.message]);
    expect(found).toEqual([
      ['"presets"', 'unknown key `presets`; use `preset`, `rules` or `customRules`.'],
      ['"cert"', expect.stringMatching(/^`preset` must be one of `recommended`/)],
      ['"no-such-rule"', expect.stringMatching(/^`rules.no-such-rule` names no rule/)],
      ['"loud"', expect.stringMatching(/^`rules.consumes-missing` must be "error", "warning"/)],
    ]);
  });

  it('says where the JSON breaks', () => {
    const d = doc('{ "preset": "certification" "rules": {} }');
    const [first] = configDiagnostics(d);
    expect(first?.message).toMatch(/not valid JSON/);
    expect(first?.range.start.character).toBe(28);
  });

  it('completes keys, presets, rule ids and severities', () => {
    const labels = (text: string) => {
      const { d, offset } = at(text);
      return configCompletions(d, offset).map((c) => c.label);
    };
    expect(labels('{ "|" }')).toEqual(['preset', 'rules', 'customRules']);
    expect(labels('{ "preset": "|" }')).toEqual(['recommended', 'certification', 'independent-publisher']);
    expect(labels('{ "rules": { "|" } }')).toHaveLength(RULES.length);
    expect(labels('{ "rules": { "consumes-missing": "|" } }')).toEqual([
      'error',
      'warning',
      'info',
      'off',
      'on',
    ]);
  });

  it('completes the parts of a custom rule, its functions and their options', () => {
    const labels = (text: string) => {
      const { d, offset } = at(text);
      return configCompletions(d, offset).map((c) => c.label);
    };
    expect(labels('{ "customRules": { "contoso-a": { "|" } } }')).toEqual([
      'description',
      'given',
      'then',
      'severity',
      'file',
      'message',
      'fix',
    ]);
    expect(labels('{ "customRules": { "contoso-a": { "then": { "function": "|" } } } }')).toContain('casing');
    expect(
      labels(
        '{ "customRules": { "contoso-a": { "then": [ { "function": "casing", "functionOptions": { "type": "|" } } ] } } }',
      ),
    ).toContain('pascal');
    expect(labels('{ "customRules": { "contoso-a": { "file": "|" } } }')).toEqual([
      'swagger',
      'apiProperties',
    ]);
  });

  it('describes a rule named in rules', () => {
    const { d, offset } = at('{ "rules": { "consumes-mi|ssing": "off" } }');
    const hover = configHoverAt(d, offset);
    const value = (hover?.contents as { value: string } | undefined)?.value;
    expect(value).toMatch(/^\*\*consumes-missing\*\* · Microsoft: `ConsumesMissing`/);
    expect(value).toMatch(/\[The rule's page\]\(file:.*consumes-missing\.md\)$/);
  });
});
