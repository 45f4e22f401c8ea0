import { describe, expect, it } from 'vitest';
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
