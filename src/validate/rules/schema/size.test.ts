import { describe, expect, it } from 'vitest';
import { MAX_BODY_SCHEMAS, MAX_SCHEMA_DEPTH } from '../../helpers/schema-size.ts';
import { messages, swagger, withOperation } from '../../testing.ts';
import { withBody, withDefinition, withResponse } from './_fixtures.ts';
import bodySchemaCount from './body-schema-count-exceeds-max-allowed.ts';
import operationSchemaCount from './operation-schema-count-exceeds-max-allowed.ts';
import schemaTooDeep from './schema-too-deep.ts';
import totalSchemaCount from './total-schema-count-exceeds-max-allowed.ts';

/** An object schema nested `levels` deep. */
function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 1; i < levels; i++) schema = { type: 'object', properties: { child: schema } };
  return schema;
}

/** An object with `n` string properties (n + 1 schemas). */
function wide(n: number): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { type: 'string' }])),
  };
}

describe('schema-too-deep', () => {
  it('reports a response schema deeper than the limit', () => {
    expect(messages(schemaTooDeep, { swagger: withResponse(nested(MAX_SCHEMA_DEPTH + 1)) })).toEqual([
      `The \`200\` response schema of \`ListTasks\` nests ${MAX_SCHEMA_DEPTH + 1} levels deep; the schema exceeds the maximum allowed depth of ${MAX_SCHEMA_DEPTH}, including referenced (\`$ref\`) schemas.`,
    ]);
  });
  it('counts levels inside referenced definitions', () => {
    const doc = withBody(
      { type: 'object', properties: { deep: { $ref: '#/definitions/Deep' } } },
      { definitions: { Deep: nested(MAX_SCHEMA_DEPTH) } },
    );
    expect(messages(schemaTooDeep, { swagger: doc })).toHaveLength(1);
  });
  it('accepts a schema at the limit and recursive definitions', () => {
    expect(messages(schemaTooDeep, { swagger: withResponse(nested(MAX_SCHEMA_DEPTH)) })).toEqual([]);
    const tree = {
      Node: { properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } } } },
    };
    expect(
      messages(schemaTooDeep, {
        swagger: withResponse({ $ref: '#/definitions/Node' }, { definitions: tree }),
      }),
    ).toEqual([]);
  });
});

describe('body-schema-count-exceeds-max-allowed', () => {
  it('reports a definition that expands past the limit through its references', () => {
    const doc = withDefinition(
      { properties: { a: { $ref: '#/definitions/Wide' }, b: { $ref: '#/definitions/Wide' } } },
      { Wide: wide(300) },
    );
    expect(messages(bodySchemaCount, { swagger: doc })).toEqual([
      `Definition \`Thing\` expands to 603 schemas; the total number of schemas in the object exceeds the max schema count allowed value of '${MAX_BODY_SCHEMAS}'.`,
    ]);
  });
  it('reports an inline body but not a body that only references a definition', () => {
    expect(messages(bodySchemaCount, { swagger: withBody(wide(600)) })).toHaveLength(1);
    const doc = withBody({ $ref: '#/definitions/Wide' }, { definitions: { Wide: wide(600) } });
    expect(messages(bodySchemaCount, { swagger: doc })).toEqual([
      `Definition \`Wide\` expands to 601 schemas; the total number of schemas in the object exceeds the max schema count allowed value of '${MAX_BODY_SCHEMAS}'.`,
    ]);
  });
  it('accepts a schema at the limit and counts a recursive definition once', () => {
    expect(messages(bodySchemaCount, { swagger: withResponse(wide(MAX_BODY_SCHEMAS - 1)) })).toEqual([]);
    const doc = withDefinition({
      properties: {
        self: { $ref: '#/definitions/Thing' },
        list: { type: 'array', items: { $ref: '#/definitions/Thing' } },
      },
    });
    expect(messages(bodySchemaCount, { swagger: doc })).toEqual([]);
  });
});

describe('operation-schema-count-exceeds-max-allowed', () => {
  it('reports an operation whose responses together pass the limit', () => {
    const responses = Object.fromEntries(
      ['200', '201', '202', '203'].map((s) => [
        s,
        { description: 'OK', schema: { $ref: '#/definitions/Big' } },
      ]),
    );
    const big = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`p${i}`, { $ref: '#/definitions/Wide' }]),
      ),
    };
    const doc = withOperation({ responses }, '/tasks', 'get', { definitions: { Big: big, Wide: wide(499) } });
    expect(messages(operationSchemaCount, { swagger: doc })).toEqual([
      "Operation `ListTasks` expands to 20004 schemas; the total number of schemas in the operation has exceeded the maximum allowed value of '16384'.",
    ]);
  });
  it('accepts an ordinary operation', () => {
    expect(messages(operationSchemaCount, { swagger: withResponse(wide(100)) })).toEqual([]);
  });
});

describe('total-schema-count-exceeds-max-allowed', () => {
  it('reports a swagger whose operations together pass 256 × 16,384 schemas', () => {
    // Ten levels of ten references each: 10^6 schemas per response, five operations.
    const definitions: Record<string, unknown> = { L0: { type: 'string' } };
    for (let i = 1; i <= 6; i++) {
      definitions[`L${i}`] = {
        type: 'object',
        properties: Object.fromEntries(
          Array.from({ length: 10 }, (_, j) => [`p${j}`, { $ref: `#/definitions/L${i - 1}` }]),
        ),
      };
    }
    const paths = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [
        `/t${i}`,
        {
          get: {
            operationId: `Op${i}`,
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/L6' } } },
          },
        },
      ]),
    );
    const found = messages(totalSchemaCount, { swagger: swagger({ paths, definitions }) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^The operations expand to 5555555 schemas;/);
  });
  it('accepts an ordinary swagger', () => {
    expect(messages(totalSchemaCount, { swagger: withResponse(wide(10)) })).toEqual([]);
  });
});
