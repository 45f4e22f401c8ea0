import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import { fillBody } from './fill-body.ts';

const definitions: JsonObject = {
  Hook: {
    type: 'object',
    required: ['url', 'events', 'config'],
    properties: {
      url: { type: 'string', 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' },
      events: { type: 'array', items: { $ref: '#/definitions/Event' } },
      config: { $ref: '#/definitions/Config' },
      id: { type: 'string', readOnly: true },
    },
  },
  Event: {
    type: 'object',
    required: ['name', 'version'],
    properties: { name: { type: 'string' }, version: { type: 'integer', default: 2 } },
  },
  Config: {
    allOf: [
      {
        type: 'object',
        required: ['format'],
        properties: { format: { type: 'string', default: 'json', 'x-ms-visibility': 'internal' } },
      },
      { required: ['secret'], properties: { secret: { type: 'string' } } },
    ],
  },
  Tree: {
    type: 'object',
    required: ['child'],
    properties: { child: { $ref: '#/definitions/Tree' }, kind: { type: 'string' } },
  },
};
const connector = connectorFromFiles([
  {
    name: 'apiDefinition.swagger.json',
    bytes: new TextEncoder().encode(
      JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {}, definitions }),
    ),
  },
]);
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

describe('fillBody', () => {
  const cases: Array<{
    name: string;
    schema: JsonValue;
    value: JsonValue;
    out: JsonValue;
    missing: string[];
    warnings?: number;
  }> = [
    {
      name: 'fills defaults through `$ref`, arrays and `allOf`, and skips the notification URL',
      schema: ref('Hook'),
      value: { events: [{ name: 'a' }], config: { secret: 's' } },
      out: { events: [{ name: 'a', version: 2 }], config: { secret: 's', format: 'json' } },
      missing: [],
    },
    {
      name: 'reports required properties without value or default, with their paths',
      schema: ref('Hook'),
      value: { events: [{}], config: {} },
      out: { events: [{ version: 2 }], config: { format: 'json' } },
      missing: ['body.events[0].name', 'body.config.secret'],
    },
    {
      name: 'replaces a caller value of an internal required property, with a warning',
      schema: ref('Config'),
      value: { format: 'xml', secret: 's' },
      out: { format: 'json', secret: 's' },
      missing: [],
      warnings: 1,
    },
    {
      name: 'builds a left-out required object from its defaults when that is enough',
      schema: {
        type: 'object',
        required: ['c'],
        properties: {
          c: { type: 'object', required: ['f'], properties: { f: { type: 'string', default: 'd' } } },
        },
      },
      value: {},
      out: { c: { f: 'd' } },
      missing: [],
    },
    {
      name: 'converts a default written as text to the boolean or number its property declares',
      schema: {
        type: 'object',
        required: ['flag', 'n', 'text', 'odd'],
        properties: {
          flag: { type: 'boolean', default: 'true', 'x-ms-visibility': 'internal' },
          n: { type: 'integer', default: '5' },
          text: { type: 'string', default: 'true' },
          odd: { type: 'boolean', default: 'yes' },
        },
      },
      value: {},
      out: { flag: true, n: 5, text: 'true', odd: 'yes' },
      missing: [],
    },
    {
      name: 'reports a left-out required object it cannot build',
      schema: ref('Hook'),
      value: { events: [] },
      out: { events: [] },
      missing: ['body.config'],
    },
    {
      name: 'stops at a self-referencing required property',
      schema: ref('Tree'),
      value: {},
      out: {},
      missing: ['body.child'],
    },
    {
      name: 'keeps extra properties and `__proto__` keys',
      schema: ref('Event'),
      value: JSON.parse('{"name":"n","__proto__":1}'),
      out: JSON.parse('{"name":"n","__proto__":1,"version":2}'),
      missing: [],
    },
    {
      name: 'leaves a non-object value alone',
      schema: ref('Event'),
      value: 'text',
      out: 'text',
      missing: [],
    },
  ];
  it.each(cases)('$name', ({ schema, value, out, missing, warnings }) => {
    const filled = fillBody(connector, schema, value, 'body');
    expect(filled.value).toEqual(out);
    expect(filled.missing.map((m) => m.path)).toEqual(missing);
    expect(filled.warnings.length).toBe(warnings ?? 0);
  });

  it('does not prototype-pollute', () => {
    fillBody(connector, ref('Event'), JSON.parse('{"__proto__":{"polluted":true},"name":"n"}'), 'body');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
