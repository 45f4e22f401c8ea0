import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import convertobjecttoarray from './convertobjecttoarray.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

async function convert(params: Record<string, string>, body: JsonValue) {
  const req = request({ json: body });
  await compiled(convertobjecttoarray, instance('convertobjecttoarray', params)).request?.(
    req,
    fakeContext({ request: req }),
  );
  return req.body.kind === 'json' ? req.body.value : undefined;
}

const people = { XYZ: { Age: '30' }, ABC: { Age: '23' } };

describe('convertobjecttoarray', () => {
  it('turns an object into key and value items (documentation example 1)', async () => {
    const out = await convert(
      {
        propertyParentPath: '@body()',
        propertySubPath: 'people',
        newPropertyPath: '@body().people',
        keyName: 'Name',
        valueName: 'Details',
      },
      { people },
    );
    expect(out).toEqual({
      people: [
        { Name: 'XYZ', Details: { Age: '30' } },
        { Name: 'ABC', Details: { Age: '23' } },
      ],
    });
  });

  it('converts inside every element of an array with @item() (documentation example 2)', async () => {
    const out = await convert(
      { propertyParentPath: '@body().sets', propertySubPath: 'people', newPropertyPath: '@item().people' },
      { sets: [{ people: { A: 1 } }, { people: { B: 2 } }] },
    );
    expect(out).toEqual({
      sets: [{ people: [{ key: 'A', value: 1 }] }, { people: [{ key: 'B', value: 2 }] }],
    });
  });

  it('converts the Planner task list in the Response section', async () => {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['ListTasks_V3', 'ListMyTasks_V2'],
          'x-ms-apimTemplateParameter.propertyParentPath': '@body().value',
          'x-ms-apimTemplateParameter.propertySubPath': 'assignments',
          'x-ms-apimTemplateParameter.newPropertyPath': '@item()._assignments',
          'x-ms-apimTemplateParameter.keyName': 'userId',
          'x-ms-apimTemplateParameter.valueName': 'value',
          'x-ms-apimTemplate-policySection': 'Response',
        },
        templateId: 'ConvertObjectToArray',
        title: 'Convert object of assignees to array for an array of tasks',
      },
    ]);
    const policy = compiled(convertobjecttoarray, planner!);
    expect(policy.section).toBe('response');
    const res = response(200, {
      value: [
        { id: 't', assignments: { u1: { orderHint: 'x' } } },
        { id: 'u', assignments: {} },
      ],
    });
    await policy.response?.(res, fakeContext({ operationId: 'ListTasks_V3' }));
    expect(res.body).toEqual({
      kind: 'json',
      value: {
        value: [
          {
            id: 't',
            assignments: { u1: { orderHint: 'x' } },
            _assignments: [{ userId: 'u1', value: { orderHint: 'x' } }],
          },
          { id: 'u', assignments: {}, _assignments: [] },
        ],
      },
    });
  });

  it('converts the Almabase field entries on the request side', async () => {
    const out = await convert(
      {
        propertyParentPath: '@body()',
        propertySubPath: 'field_entries',
        newPropertyPath: '@body().field_entries',
        keyName: 'field_id',
        valueName: 'value',
      },
      { field_entries: { '12': 'a' } },
    );
    expect(out).toEqual({ field_entries: [{ field_id: '12', value: 'a' }] });
  });

  it('leaves a source that is not an object alone', async () => {
    const p = { propertyParentPath: '@body()', propertySubPath: 'people', newPropertyPath: '@body().people' };
    expect(await convert(p, { people: [1] })).toEqual({ people: [1] });
  });

  for (const [name, p] of [
    ['a missing destination', { propertyParentPath: '@body()', propertySubPath: 'a' }],
    ['a missing parent', { propertySubPath: 'a', newPropertyPath: '@body().a' }],
    [
      'equal key and value names',
      { propertyParentPath: '@body()', newPropertyPath: 'a', keyName: 'x', valueName: 'x' },
    ],
    ['a key name that is not text', { propertyParentPath: '@body()', newPropertyPath: 'a', keyName: 1 }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(convertobjecttoarray, instance('convertobjecttoarray', p)).length).toBeGreaterThan(
        0,
      );
    });
  }
});
