import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import convertarraytoobject from './convertarraytoobject.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

const people = [
  { Name: 'XYZ', Age: '30' },
  { Name: 'ABC', Age: '23' },
];

async function convert(params: Record<string, string>, body: JsonValue) {
  const req = request({ json: body });
  await compiled(convertarraytoobject, instance('convertarraytoobject', params)).request?.(
    req,
    fakeContext({ request: req }),
  );
  return req.body.kind === 'json' ? req.body.value : undefined;
}

const base = {
  propertyParentPath: '@body()',
  propertySubPath: 'people',
  keyWithinCollectionPath: 'Name',
  newPropertyPath: '@body().people',
};

describe('convertarraytoobject', () => {
  it('drops the key from each value with retainKey false (documentation example)', async () => {
    expect(await convert({ ...base, retainKey: 'false' }, { people })).toEqual({
      people: { XYZ: { Age: '30' }, ABC: { Age: '23' } },
    });
  });

  it('keeps the key inside each value with retainKey true, the default', async () => {
    const expected = { people: { XYZ: people[0], ABC: people[1] } };
    expect(await convert({ ...base, retainKey: 'true' }, { people })).toEqual(expected);
    expect(await convert(base, { people })).toEqual(expected);
  });

  it('takes the parent as the array when the sub-path is "null", and writes at a bare path', async () => {
    const out = await convert(
      {
        propertyParentPath: '@body().people',
        propertySubPath: 'null',
        keyWithinCollectionPath: 'Name',
        newPropertyPath: 'byName',
      },
      { people },
    );
    expect(out).toEqual({ people, byName: { XYZ: people[0], ABC: people[1] } });
  });

  it('skips items without a key and keeps the last of repeated keys', async () => {
    const out = await convert(base, { people: [{ Name: 'A', n: 1 }, { n: 2 }, 'text', { Name: 'A', n: 3 }] });
    expect(out).toEqual({ people: { A: { Name: 'A', n: 3 } } });
  });

  it('leaves a source that is not an array alone', async () => {
    expect(await convert(base, { people: { already: 'object' } })).toEqual({ people: { already: 'object' } });
  });

  it('keys a `__proto__` item as an own property', async () => {
    const out = await convert(base, { people: [{ Name: '__proto__', x: 1 }] });
    expect(Object.keys(out as object)).toEqual(['people']);
    expect(Object.hasOwn((out as { people: object }).people, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('turns the Planner assignments into an object keyed by user id', async () => {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': [
            'CreateTask_V3',
            'CreateTask_V4',
            'UnassignUsers',
            'AssignUsers',
          ],
          'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
          'x-ms-apimTemplateParameter.propertySubPath': 'assignments',
          'x-ms-apimTemplateParameter.keyWithinCollectionPath': 'userId',
          'x-ms-apimTemplateParameter.newPropertyPath': '@body().assignments',
          'x-ms-apimTemplateParameter.retainKey': 'false',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'ConvertArrayToObject',
        title: 'Convert array of assignees to object',
      },
    ]);
    const req = request({ json: { title: 't', assignments: [{ userId: 'u1', orderHint: ' !' }] } });
    await compiled(convertarraytoobject, planner!).request?.(req, fakeContext({ request: req }));
    expect(req.body).toEqual({
      kind: 'json',
      value: { title: 't', assignments: { u1: { orderHint: ' !' } } },
    });
  });

  it('converts the response body in the Response section', async () => {
    const policy = compiled(
      convertarraytoobject,
      instance('convertarraytoobject', { ...base, 'x-ms-apimTemplate-policySection': 'Response' }),
    );
    const res = response(200, { people });
    await policy.response?.(res, fakeContext());
    expect(res.body).toMatchObject({ value: { people: { XYZ: people[0] } } });
  });

  for (const [name, p] of [
    ['a missing key path', { ...base, keyWithinCollectionPath: undefined }],
    ['an empty key path', { ...base, keyWithinCollectionPath: '' }],
    ['a missing destination', { ...base, newPropertyPath: undefined }],
    ['a missing parent', { ...base, propertyParentPath: undefined }],
    ['a retainKey that is not a boolean', { ...base, retainKey: 'maybe' }],
    ['a bad path', { ...base, newPropertyPath: '@body().a[' }],
  ] as const) {
    it(`reports ${name}`, () => {
      const params = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      expect(
        diagnosticsOf(convertarraytoobject, instance('convertarraytoobject', params)).length,
      ).toBeGreaterThan(0);
    });
  }
});
