import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../runtime/policies/registry.ts';
import { memoryConnector } from '../runtime/testing.ts';
import { eventsConnector } from './_test-connector.ts';
import { outputSchema, splitBody, splitPlan } from './split.ts';

const connector = eventsConnector();
const { policies } = compilePolicies(connector);
const op = (id: string) => {
  const found = connector.operation(id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

function batchConnector(schema: unknown) {
  return memoryConnector({
    swagger: '2.0',
    info: { title: 'B', version: '1' },
    host: 'b.test',
    paths: {
      '/x': {
        get: {
          operationId: 'OnX',
          'x-ms-trigger': 'batch',
          responses: { '200': { description: 'ok', schema } },
        },
      },
    },
  });
}
const planOf = (schema: unknown) => {
  const c = batchConnector(schema);
  const o = c.operation('OnX');
  if (!o) throw new Error('no OnX');
  return splitPlan(c, o);
};

describe('splitPlan', () => {
  it('keeps a single trigger whole', () => {
    expect(splitPlan(connector, op('OnItem'))).toEqual({
      path: undefined,
      source: 'single',
      expression: undefined,
    });
  });

  it('recurses into the one property left when internal ones are ignored (webhook: notification content)', () => {
    const plan = splitPlan(connector, op('OnItems'));
    expect(plan).toMatchObject({ source: 'schema', expression: "@triggerBody()?['items']" });
  });

  it('splits a top-level array schema at the body itself', () => {
    expect(planOf({ type: 'array', items: { type: 'object' } })).toMatchObject({
      source: 'schema',
      path: [],
    });
  });

  it('recurses through nested single properties and allOf', () => {
    const plan = planOf({
      allOf: [
        { type: 'object', properties: { data: { type: 'object', properties: { rows: { type: 'array' } } } } },
      ],
    });
    expect(plan.expression).toBe("@triggerBody()?['data']?['rows']");
  });

  it('falls back to the pollingtrigger triggerDataPath when several properties remain', () => {
    expect(splitPlan(connector, op('OnNewItems'), policies)).toMatchObject({
      source: 'trigger-data-path',
      expression: "@triggerBody()?['value']",
    });
  });

  it('falls back to the only array-typed top-level property without a policy', () => {
    expect(splitPlan(connector, op('OnChanges'), policies)).toMatchObject({
      source: 'only-array',
      expression: "@triggerBody()?['value']",
    });
  });

  it('does not split when several arrays compete, and looks at the value when there is no schema', () => {
    expect(
      planOf({ type: 'object', properties: { a: { type: 'array' }, b: { type: 'array' } } }).source,
    ).toBe('none');
    expect(planOf(undefined).source).toBe('value');
  });

  it('picks the response schema as the designer does', () => {
    expect(outputSchema(op('OnChanges'))).toEqual({ $ref: '#/definitions/Envelope' });
    expect(outputSchema(op('OnItem'))).toEqual({ $ref: '#/definitions/Item' });
  });
});

describe('splitBody', () => {
  const plan = splitPlan(connector, op('OnChanges'), policies);

  it('gives one item per element, none for an empty array', () => {
    expect(splitBody(plan, { value: [{ id: 1 }, { id: 2 }], '@odata.count': 2 }).items).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(splitBody(plan, { value: [] }).items).toEqual([]);
  });

  it('keeps a body without the array whole, with a warning', () => {
    const result = splitBody(plan, { other: 1 });
    expect(result.items).toEqual([{ other: 1 }]);
    expect(result.warning).toMatch(/no array at `@triggerBody\(\)\?\['value'\]`/);
  });

  it('keeps a single body whole, and splits schemaless bodies that are arrays or hold one array', () => {
    expect(splitBody(splitPlan(connector, op('OnItem')), { id: 'a' }).items).toEqual([{ id: 'a' }]);
    const value = planOf(undefined);
    expect(splitBody(value, [1, 2]).items).toEqual([1, 2]);
    expect(splitBody(value, { rows: [1, 2, 3], n: 3 }).items).toEqual([1, 2, 3]);
    expect(splitBody(value, { a: [1], b: [2] }).items).toEqual([{ a: [1], b: [2] }]);
  });
});
