import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { type ActiveRule, runRules } from './engine.ts';
import { defineRule, type Rule } from './rule.ts';

const connector = connectorFromFiles([
  {
    name: 'apiDefinition.swagger.json',
    bytes: new TextEncoder().encode('{\n  "swagger": "2.0",\n  "paths": {}\n}'),
  },
]);

const raise = (message: string): never => {
  throw new Error(message);
};

const throwing = (value: unknown): Rule =>
  defineRule({
    id: 'throws',
    description: 'Throws.',
    category: 'document',
    source: 'flowport',
    severity: 'error',
    presets: [],
    visit: {
      connector() {
        throw value;
      },
    },
  });

describe('runRules', () => {
  it.each([
    ['an Error', new Error('boom'), 'boom'],
    ['a string', 'boom', 'boom'],
    ['null', null, 'null'],
    ['a symbol', Symbol('boom'), 'Symbol(boom)'],
    ['an object that cannot be printed', { toString: 1, valueOf: 1 }, 'an error that cannot be printed'],
    [
      'a stack overflow',
      new RangeError('Maximum call stack size exceeded'),
      'Maximum call stack size exceeded',
    ],
  ])('reports a rule that throws %s as an internal error', (_, value, shown) => {
    const { diagnostics } = runRules(
      connector,
      [{ rule: throwing(value), severity: 'warning' }],
      'recommended',
    );
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['internal-error', 'error', `Rule \`throws\` failed on this connector (${shown}); please report it.`],
    ]);
  });

  it('reports parameter, response and schema visitors that throw as internal errors, and goes on', () => {
    const withSchemas = connectorFromFiles([
      {
        name: 'apiDefinition.swagger.json',
        bytes: new TextEncoder().encode(
          JSON.stringify({
            swagger: '2.0',
            paths: {
              '/a': {
                get: {
                  parameters: [{ name: 'q', in: 'query', type: 'string' }],
                  responses: { '200': { description: 'OK', schema: { type: 'object', enum: [{}] } } },
                },
              },
            },
          }),
        ),
      },
    ]);
    const fails = (id: string, visit: Rule['visit']): ActiveRule => ({
      rule: defineRule({ ...throwing(null), id, visit }),
      severity: 'warning',
    });
    const calls: string[] = [];
    const { diagnostics } = runRules(
      withSchemas,
      [
        fails('parameter-throws', { parameter: () => raise('p') }),
        fails('response-throws', { response: () => raise('r') }),
        fails('schema-throws', { schemaKeys: ['type', 'enum'], schema: () => raise('s') }),
        fails('schema-counts', {
          schemaKeys: ['type', 'enum'],
          schema: (node) => void calls.push(node.pointer),
        }),
      ],
      'recommended',
    );
    expect(diagnostics.map((d) => d.message).sort()).toEqual([
      'Rule `parameter-throws` failed on this connector (p); please report it.',
      'Rule `response-throws` failed on this connector (r); please report it.',
      'Rule `schema-throws` failed on this connector (s); please report it.',
      'Rule `schema-throws` failed on this connector (s); please report it.',
    ]);
    // Once per node, though both nodes have several of the rule's keys.
    expect(calls).toEqual(['/paths/~1a/get/parameters/0', '/paths/~1a/get/responses/200/schema']);
  });

  it('positions a finding at the nearest existing node of its pointer', () => {
    const rule = defineRule({
      ...throwing(null),
      visit: { connector: (_c, ctx) => ctx.report({ message: 'M.', at: '/paths/~1missing/get' }) },
    });
    const [d] = runRules(connector, [{ rule, severity: 'warning' }], 'recommended').diagnostics;
    expect([d?.pointer, d?.line, d?.column]).toEqual(['/paths/~1missing/get', 3, 3]);
  });
});
