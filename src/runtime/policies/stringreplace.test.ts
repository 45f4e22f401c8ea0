import { describe, expect, it } from 'vitest';
import stringreplace from './stringreplace.ts';
import {
  compiled,
  diagnosticsOf,
  fakeContext,
  instance,
  instancesFrom,
  request,
  response,
} from './testing.ts';

const replace = (sourceString: string, replacementString: string, section = 'Request') => ({
  templateId: 'StringReplace',
  title: `Replace ${sourceString}`,
  parameters: {
    'x-ms-apimTemplateParameter.propertyParentPath': '@body().references',
    'x-ms-apimTemplateParameter.propertySubPath': 'resourceLink',
    'x-ms-apimTemplateParameter.sourceString': sourceString,
    'x-ms-apimTemplateParameter.replacementString': replacementString,
    'x-ms-apimTemplateParameter.newPropertyPath': '@item().resourceLink',
    'x-ms-apimTemplate-policySection': section,
  },
});

describe('stringreplace', () => {
  it('encodes and decodes the Planner resource links one character at a time, in declared order', async () => {
    const encode = instancesFrom([
      replace('%', '%25'),
      replace('.', '%2E'),
      replace(':', '%3A'),
      replace('@', '%40'),
      replace('#', '%23'),
    ]);
    const req = request({
      json: { references: [{ resourceLink: 'https://a.b/c%20d@e#f' }, { alias: 'none' }] },
    });
    for (const inst of encode)
      await compiled(stringreplace, inst).request?.(req, fakeContext({ request: req }));
    expect(req.body).toEqual({
      kind: 'json',
      value: { references: [{ resourceLink: 'https%3A//a%2Eb/c%2520d%40e%23f' }, { alias: 'none' }] },
    });

    const decode = instancesFrom([
      replace('%2E', '.', 'Response'),
      replace('%3A', ':', 'Response'),
      replace('%25', '%', 'Response'),
      replace('%40', '@', 'Response'),
      replace('%23', '#', 'Response'),
    ]);
    const res = response(200, req.body.kind === 'json' ? req.body.value : null);
    for (const inst of decode) await compiled(stringreplace, inst).response?.(res, fakeContext());
    expect(res.body).toEqual({
      kind: 'json',
      value: { references: [{ resourceLink: 'https://a.b/c%20d@e#f' }, { alias: 'none' }] },
    });
  });

  it('strips a URL prefix (FreeAgent)', async () => {
    const policy = compiled(
      stringreplace,
      instance('stringreplace', {
        propertyParentPath: '@body()',
        propertySubPath: 'url',
        sourceString: 'https://api.freeagent.com/v2/contacts/',
        replacementString: '',
        newPropertyPath: '@body().id',
      }),
    );
    const req = request({ json: { url: 'https://api.freeagent.com/v2/contacts/42' } });
    await policy.request?.(req, fakeContext({ request: req }));
    expect(req.body).toMatchObject({ value: { id: '42' } });
  });

  for (const [name, p] of [
    [
      'an empty source string',
      { propertyParentPath: '@body()', sourceString: '', replacementString: 'x', newPropertyPath: 'a' },
    ],
    ['a missing replacement', { propertyParentPath: '@body()', sourceString: 'a', newPropertyPath: 'a' }],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(stringreplace, instance('stringreplace', p)).length).toBeGreaterThan(0);
    });
  }
});
