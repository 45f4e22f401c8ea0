import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import { runRules } from './engine.ts';
import { defineRule, type Rule } from './rule.ts';

const connector = connectorFromFiles([
  {
    name: 'apiDefinition.swagger.json',
    bytes: new TextEncoder().encode('{\n  "swagger": "2.0",\n  "paths": {}\n}'),
  },
]);

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

  it('positions a finding at the nearest existing node of its pointer', () => {
    const rule = defineRule({
      ...throwing(null),
      visit: { connector: (_c, ctx) => ctx.report({ message: 'M.', at: '/paths/~1missing/get' }) },
    });
    const [d] = runRules(connector, [{ rule, severity: 'warning' }], 'recommended').diagnostics;
    expect([d?.pointer, d?.line, d?.column]).toEqual(['/paths/~1missing/get', 3, 3]);
  });
});
