import { describe, expect, it } from 'vitest';
import { suggestionTextEdits } from '../../suggestion.ts';
import { runRule, swagger, withOperation } from '../../testing.ts';
import rule from './extension-name-misspelled.ts';

describe('extension-name-misspelled', () => {
  it('reports a near miss once, at its first occurrence, with the count', () => {
    const doc = withOperation({
      parameters: [
        { name: 'a', in: 'query', type: 'string', 'x-ms-visibilty': 'advanced' },
        { name: 'b', in: 'query', type: 'string', 'x-ms-visibilty': 'advanced' },
      ],
    });
    const found = runRule(rule, { swagger: doc });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      [
        '/paths/~1tasks/get/parameters/0/x-ms-visibilty',
        '`x-ms-visibilty` looks like a misspelling of the extension `x-ms-visibility` (2 occurrences); the platform ignores it.',
      ],
    ]);
  });
  it('suggests renaming every occurrence, which the editor offers and --fix does not make', () => {
    const doc = withOperation({
      parameters: [
        { name: 'a', in: 'query', type: 'string', 'x-ms-visibilty': 'advanced' },
        { name: 'b', in: 'query', type: 'string', 'x-ms-visibilty': 'advanced' },
      ],
    });
    const [d] = runRule(rule, { swagger: doc });
    expect(d?.edit).toBeUndefined();
    expect(d?.suggestion?.title).toBe('Rename all 2 `x-ms-visibilty` to `x-ms-visibility`');
    const text = `\uFEFF${JSON.stringify(doc, null, 2)}`;
    const edits = d ? (suggestionTextEdits(text, d) ?? []) : [];
    let renamed = text;
    for (const e of [...edits].sort((a, b) => b.offset - a.offset))
      renamed = renamed.slice(0, e.offset) + e.content + renamed.slice(e.offset + e.length);
    expect(renamed).toBe(text.replaceAll('"x-ms-visibilty"', '"x-ms-visibility"'));
  });
  it('suggests nothing where the rename would write a key the object already has', () => {
    const doc = withOperation({
      parameters: [
        {
          name: 'a',
          in: 'query',
          type: 'string',
          'x-ms-visibilty': 'advanced',
          'x-ms-visibility': 'important',
        },
      ],
    });
    const [d] = runRule(rule, { swagger: doc });
    expect(d?.suggestion).toBeDefined();
    expect(d && suggestionTextEdits(JSON.stringify(doc), d)).toBeUndefined();
  });
  it.each([
    ['x-ms-summmary', 'x-ms-summary'],
    ['x-ms  -summary', 'x-ms-summary'],
    ['x-ms-summary title', 'x-ms-summary'],
    ['X-MS-Summary', 'x-ms-summary'],
    ['x-ms-enum-value', 'x-ms-enum-values'],
  ])('recognises `%s` as `%s` inside a schema', (key, meant) => {
    const doc = swagger({
      definitions: { Task: { type: 'object', properties: { id: { type: 'string', [key]: 'Id' } } } },
    });
    const [d] = runRule(rule, { swagger: doc });
    expect(d?.message).toContain(`\`${meant}\``);
    expect(d?.pointer).toBe(`/definitions/Task/properties/id/${key.replace(/~/g, '~0')}`);
  });
  it('ignores property names, header names and example data that merely look like extensions', () => {
    const doc = swagger({
      definitions: {
        Task: {
          type: 'object',
          properties: { 'x-ms-visibilty': { type: 'string' } },
          example: { 'x-ms-summmary': 1 },
        },
      },
      responses: { ok: { description: 'OK', headers: { 'x-ms-summmary': { type: 'string' } } } },
    });
    expect(runRule(rule, { swagger: doc })).toEqual([]);
  });
  it('accepts known extensions and unrelated `x-` names', () => {
    const doc = withOperation({
      'x-ms-visibility': 'important',
      'x-ms-no-generic-test': true,
      'x-custom': 1,
    });
    expect(runRule(rule, { swagger: doc })).toEqual([]);
  });
  it('survives very deep nesting', () => {
    let deep: Record<string, unknown> = { 'x-ms-visibilty': 'internal' };
    for (let i = 0; i < 2000; i++) deep = { items: deep };
    expect(() => runRule(rule, { swagger: swagger({ definitions: { Deep: deep } }) })).not.toThrow();
  });
});
