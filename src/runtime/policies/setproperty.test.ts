import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import type { FlowportError } from '../../errors.ts';
import setproperty from './setproperty.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

async function set(params: Record<string, string>, body: JsonValue) {
  const req = request({ json: body });
  const ctx = fakeContext({ request: req });
  await compiled(setproperty, instance('setproperty', params)).request?.(req, ctx);
  return { body: req.body.kind === 'json' ? req.body.value : undefined, warnings: ctx.warnings };
}

const params = (parent: string, sub: string, value: string) => ({
  newPropertyParentPathTemplate: parent,
  newPropertySubPathTemplate: sub,
  propertyValuePathTemplate: value,
});

describe('setproperty', () => {
  it('adds a property to an object (documentation example 1)', async () => {
    const { body } = await set(params('@body().peopleObject', 'location', 'USA'), {
      peopleObject: { name: 'A' },
    });
    expect(body).toEqual({ peopleObject: { name: 'A', location: 'USA' } });
  });

  it('sets the property on every element of an array, as text (documentation example 2)', async () => {
    const { body } = await set(params('@body().people', 'age', '30'), { people: [{ n: 1 }, { n: 2 }] });
    expect(body).toEqual({
      people: [
        { n: 1, age: '30' },
        { n: 2, age: '30' },
      ],
    });
  });

  it('joins body references with text (documentation example 3)', async () => {
    const { body } = await set(params('@body()', 'name', '{@body().firstName} {@body().lastName}'), {
      firstName: 'John',
      lastName: 'Smith',
    });
    expect(body).toMatchObject({ name: 'John Smith' });
  });

  it('keeps the JSON type of a value that is one reference', async () => {
    const { body } = await set(params('@body()', 'copy', '{@body().n}'), { n: { a: [1] } });
    expect(body).toEqual({ n: { a: [1] }, copy: { a: [1] } });
  });

  it('reads the element being processed with @item()', async () => {
    const { body } = await set(params('@body().people', 'label', 'P{@item().n}'), {
      people: [{ n: 1 }, { n: 2 }],
    });
    expect(body).toEqual({
      people: [
        { n: 1, label: 'P1' },
        { n: 2, label: 'P2' },
      ],
    });
  });

  it('sets bracketed names on each Planner assignment', async () => {
    const planner = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['CreateTask_V3', 'CreateTask_V4', 'AssignUsers'],
          'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body().assignments',
          'x-ms-apimTemplateParameter.newPropertySubPathTemplate': "['orderHint']",
          'x-ms-apimTemplateParameter.propertyValuePathTemplate': ' !',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'SetProperty',
        title: 'Set orderHint',
      },
      {
        parameters: {
          'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body().assignments',
          'x-ms-apimTemplateParameter.newPropertySubPathTemplate': "['@odata.type']",
          'x-ms-apimTemplateParameter.propertyValuePathTemplate': 'microsoft.graph.plannerAssignment',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'SetProperty',
        title: 'Set odata type for assignment',
      },
    ]);
    const req = request({ json: { assignments: [{ userId: 'u1' }] } });
    for (const inst of planner)
      await compiled(setproperty, inst).request?.(req, fakeContext({ request: req }));
    expect(req.body).toEqual({
      kind: 'json',
      value: {
        assignments: [{ userId: 'u1', orderHint: ' !', '@odata.type': 'microsoft.graph.plannerAssignment' }],
      },
    });
  });

  it('parses a JSON array constant (LawVu topics)', async () => {
    const { body } = await set(
      params('@body()', 'topics', '["matter.file.created", "matter.file.updated"]'),
      {},
    );
    expect(body).toEqual({ topics: ['matter.file.created', 'matter.file.updated'] });
  });

  it('wraps a body value in an array (Blackbaud payments)', async () => {
    const { body } = await set(params('body()', 'payments', '[{@body().payments}]'), {
      payments: { amount: 5 },
    });
    expect(body).toEqual({ payments: [{ amount: 5 }] });
  });

  it('leaves the property alone when a reference in a JSON value is missing', async () => {
    const { body, warnings } = await set(params('@body()', 'payments', '[{@body().payments}]'), { other: 1 });
    expect(body).toEqual({ other: 1 });
    expect(warnings[0]).toContain('missing value');
  });

  it('writes a filter text with quoted references (SAS Decisioning)', async () => {
    const { body } = await set(
      params(
        '@body().condition',
        'callbackContentFilter',
        "and(eq(state, '{@body().state}'), startsWith(resourcePath, '{@body().resourcePath}'))",
      ),
      { state: 'done', resourcePath: '/a', condition: {} },
    );
    expect(body).toMatchObject({
      condition: { callbackContentFilter: "and(eq(state, 'done'), startsWith(resourcePath, '/a'))" },
    });
  });

  it('warns and changes nothing when the parent is missing', async () => {
    const { body, warnings } = await set(params('@body().absent', 'x', '1'), { a: 1 });
    expect(body).toEqual({ a: 1 });
    expect(warnings[0]).toContain('`@body().absent`');
  });

  it('warns when the body is not JSON', async () => {
    const req = request({ body: { kind: 'text', text: 'hi' } });
    const ctx = fakeContext({ request: req });
    await compiled(setproperty, instance('setproperty', params('@body()', 'x', '1'))).request?.(req, ctx);
    expect(req.body).toEqual({ kind: 'text', text: 'hi' });
    expect(ctx.warnings).toHaveLength(1);
  });

  it('fails when a value navigates through null', async () => {
    const error = await set(params('@body()', 'x', '{@body().summary.amount}'), { summary: null }).catch(
      (e: unknown) => e,
    );
    expect((error as FlowportError).code).toBe('POLICY_FAILED');
  });

  it('changes the response body in the Response section', async () => {
    const policy = compiled(
      setproperty,
      instance('setproperty', {
        ...params('@body()', 'seen', 'yes'),
        'x-ms-apimTemplate-policySection': 'Response',
      }),
    );
    const res = response(200, { a: 1 });
    await policy.response?.(res, fakeContext());
    expect(res.body).toEqual({ kind: 'json', value: { a: 1, seen: 'yes' } });
  });

  it('never writes to prototypes', async () => {
    const { body } = await set(params('@body()', "['__proto__']", '{"polluted": true}'), JSON.parse('{}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(body)).toBe('{"__proto__":{"polluted":true}}');
  });

  for (const [name, p] of [
    ['a missing parent', { newPropertySubPathTemplate: 'a', propertyValuePathTemplate: 'b' }],
    ['a missing sub-path', { newPropertyParentPathTemplate: '@body()', propertyValuePathTemplate: 'b' }],
    ['an empty sub-path', params('@body()', 'null', 'b')],
    ['a missing value', { newPropertyParentPathTemplate: '@body()', newPropertySubPathTemplate: 'a' }],
    ['a bad parent path', params("@body()['a", 'a', 'b')],
    ['a bad value expression', params('@body()', 'a', '{@body(1)}')],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(setproperty, instance('setproperty', p)).length).toBeGreaterThan(0);
    });
  }
});
