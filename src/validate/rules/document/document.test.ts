import { describe, expect, it } from 'vitest';
import { applySuggestions } from '../../suggestion.ts';
import { runRule, swagger } from '../../testing.ts';
import connectorFileMissing from './connector-file-missing.ts';
import jsonDuplicateKey from './json-duplicate-key.ts';
import jsonStrict from './json-strict.ts';
import jsonSyntax from './json-syntax.ts';

const props = { properties: { iconBrandColor: '#123456' } };

describe('json-syntax', () => {
  it('reports a missing comma with its line and column', () => {
    const text = '{\n  "swagger": "2.0"\n  "info": {}\n}';
    const [d, ...rest] = runRule(jsonSyntax, { swagger: text, apiProperties: props });
    expect(rest).toEqual([]);
    expect(d?.message).toMatch(/comma is missing/);
    expect([d?.line, d?.column]).toEqual([3, 3]);
  });
  it('reports a stray closing bracket after the document', () => {
    const found = runRule(jsonSyntax, { swagger: '{"swagger":"2.0"}}', apiProperties: props });
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/extra content/)]);
  });
  it('reports an empty file', () => {
    expect(runRule(jsonSyntax, { swagger: '  ', apiProperties: props })).toHaveLength(1);
  });
  it('accepts well-formed JSON', () => {
    expect(runRule(jsonSyntax, { swagger: swagger(), apiProperties: props })).toEqual([]);
  });
});

describe('json-strict', () => {
  it('reports a byte order mark, a comment and a trailing comma', () => {
    const text = '\uFEFF{\n  // note\n  "swagger": "2.0",\n}';
    const found = runRule(jsonStrict, { swagger: text, apiProperties: props });
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/byte order mark/),
      expect.stringMatching(/comments/),
      expect.stringMatching(/trailing comma/),
    ]);
    expect(found[2]?.line).toBe(4);
  });
  it('reports a raw control character inside a string', () => {
    const found = runRule(jsonStrict, { swagger: '{"a": "x\ty"}', apiProperties: props });
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/control character/)]);
  });
  it('accepts strict JSON', () => {
    expect(runRule(jsonStrict, { swagger: swagger(), apiProperties: props })).toEqual([]);
  });
});

describe('json-duplicate-key', () => {
  it('reports the second occurrence with its pointer in strict JSON', () => {
    const text = '{"paths": {"/a": {"get": {"operationId": "A", "operationId": "B"}}}}';
    const [d] = runRule(jsonDuplicateKey, { swagger: text, apiProperties: props });
    expect(d?.message).toMatch(/`operationId` appears twice/);
    expect(d?.column).toBe(47);
  });
  it('finds duplicates in files JSON.parse rejects', () => {
    const text = '{"a": 1, "a": 2,}';
    expect(runRule(jsonDuplicateKey, { swagger: text, apiProperties: props })).toHaveLength(1);
  });
  it('does not confuse equal keys in different objects', () => {
    const text = '{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}';
    expect(runRule(jsonDuplicateKey, { swagger: text, apiProperties: props })).toEqual([]);
  });

  /** The swagger after the suggestions of this rule are taken, again and again, as an author would. */
  const fixed = (text: string) => {
    let current = text;
    for (let pass = 0; pass < 5; pass++) {
      const found = runRule(jsonDuplicateKey, { swagger: current, apiProperties: props });
      if (found.length === 0) break;
      current = applySuggestions(current, found);
    }
    return current;
  };

  it.each([
    [
      'inline',
      '{"get": {"operationId": "A", "summary": "S", "operationId": "B"}}',
      '{"get": {"summary": "S", "operationId": "B"}}',
    ],
    [
      'whole lines, a value over several lines too',
      '{\n  "a": {\n    "x": 1\n  },\n  "b": 2,\n  "a": 3\n}\n',
      '{\n  "b": 2,\n  "a": 3\n}\n',
    ],
    ['CRLF lines', '{\r\n  "a": 1,\r\n  "a": 2\r\n}', '{\r\n  "a": 2\r\n}'],
    ['after a byte order mark', '\ufeff{"a": 1, "a": 2}', '\ufeff{"a": 2}'],
    ['three times', '{"a": 1, "a": 2, "b": [], "a": 3}', '{"b": [], "a": 3}'],
    [
      'a comment kept on its own line',
      '{\n  "a": 1,\n  // b is next\n  "b": 2,\n  "a": 3\n}',
      '{\n  // b is next\n  "b": 2,\n  "a": 3\n}',
    ],
  ])('suggests removing the earlier member, which changes nothing a reader sees: %s', (_, text, expected) => {
    expect(fixed(text)).toBe(expected);
  });

  it('offers its change as a suggestion, never to --fix, and keeps the value JSON.parse reads', () => {
    const text = '{"info": {"title": "T", "version": "1", "title": "U"}, "paths": {}}';
    const [d] = runRule(jsonDuplicateKey, { swagger: text, apiProperties: props });
    expect(jsonDuplicateKey.fixable).toBeUndefined();
    expect(d?.edit).toBeUndefined();
    expect(d?.suggestion).toEqual({
      title: 'Remove the earlier `title` (the one no JSON reader keeps)',
      renames: [],
      edits: [{ offset: 10, length: 14, content: '' }], // `"title": "T", `
    });
    expect(JSON.parse(fixed(text))).toEqual(JSON.parse(text));
  });
});

describe('connector-file-missing', () => {
  it('reports a folder without swagger or apiProperties', () => {
    expect(runRule(connectorFileMissing, { readme: '# X' }).map((d) => d.message)).toEqual([
      'The connector has no `apiDefinition.swagger.json`.',
      'The connector has no `apiProperties.json`.',
    ]);
  });
  it('accepts a folder with both', () => {
    expect(runRule(connectorFileMissing, { swagger: swagger(), apiProperties: props })).toEqual([]);
  });
});

describe('connector-file-name', () => {
  it('warns about a swagger file with a non-standard name', async () => {
    const { connectorFromFiles } = await import('../../../connector/load.ts');
    const { runRules } = await import('../../engine.ts');
    const rule = (await import('./connector-file-name.ts')).default;
    const bytes = new TextEncoder().encode(JSON.stringify(swagger()));
    const c = connectorFromFiles([{ name: 'CQC-Connector.swagger.json', bytes }], { source: 'x' });
    const found = runRules(c, [{ rule, severity: 'warning' }], 'recommended').diagnostics;
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(/named `CQC-Connector.swagger.json`/),
    ]);
  });
  it('accepts the standard name', async () => {
    const rule = (await import('./connector-file-name.ts')).default;
    expect(runRule(rule, { swagger: swagger(), apiProperties: props })).toEqual([]);
  });
});
