import { describe, expect, it } from 'vitest';
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
