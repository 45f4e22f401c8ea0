import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import stringtoarray, { splitToObjects } from './stringtoarray.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, request } from './testing.ts';

async function convert(params: Record<string, string>, body: JsonValue) {
  const req = request({ json: body });
  await compiled(stringtoarray, instance('stringtoarray', params)).request?.(
    req,
    fakeContext({ request: req }),
  );
  return req.body.kind === 'json' ? req.body.value : undefined;
}

const base = {
  propertyParentPath: '@body()',
  propertySubPath: 'ages',
  delimiterList: ';',
  childPropertyName: 'AgeW',
  newPropertyPath: '@body().ages',
};

describe('stringtoarray', () => {
  it('turns "3;0" into objects (documentation example)', async () => {
    expect(await convert(base, { ages: '3;0' })).toEqual({ ages: [{ AgeW: '3' }, { AgeW: '0' }] });
  });

  it('splits on every delimiter character, drops empty tokens and does not trim', () => {
    expect(splitToObjects('a; b,,c;', ';,', 'v')).toEqual([{ v: 'a' }, { v: ' b' }, { v: 'c' }]);
  });

  it('leaves a value that is not text alone', async () => {
    expect(await convert(base, { ages: [1] })).toEqual({ ages: [1] });
  });

  it('turns the Planner user ids into assignments', async () => {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplate-operationName': ['CreateTask_V3'],
          'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
          'x-ms-apimTemplateParameter.propertySubPath': 'assignments',
          'x-ms-apimTemplateParameter.delimiterList': ';',
          'x-ms-apimTemplateParameter.childPropertyName': 'userId',
          'x-ms-apimTemplateParameter.newPropertyPath': '@body().assignments',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'StringToArray',
        title: 'Convert semi-colon separated user ids to array',
      },
    ]);
    const req = request({ json: { assignments: 'u1;u2' } });
    await compiled(stringtoarray, planner!).request?.(
      req,
      fakeContext({ request: req, operationId: 'CreateTask_V3' }),
    );
    expect(req.body).toEqual({ kind: 'json', value: { assignments: [{ userId: 'u1' }, { userId: 'u2' }] } });
  });

  for (const [name, p] of [
    ['a missing delimiter list', { ...base, delimiterList: '' }],
    ['a missing child property name', { ...base, childPropertyName: '' }],
    ['a missing destination', { ...base, newPropertyPath: '' }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(stringtoarray, instance('stringtoarray', p)).length).toBeGreaterThan(0);
    });
  }
});
