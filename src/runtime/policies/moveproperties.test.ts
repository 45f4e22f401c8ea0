import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import moveproperties from './moveproperties.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, request } from './testing.ts';

async function move(params: Record<string, string>, body: JsonValue) {
  const req = request({ json: body });
  const ctx = fakeContext({ request: req });
  await compiled(moveproperties, instance('moveproperties', params)).request?.(req, ctx);
  return { body: req.body.kind === 'json' ? req.body.value : undefined, warnings: ctx.warnings };
}

describe('moveproperties', () => {
  it('flattens the AzureAD custom properties into the body', async () => {
    const [azureAd] = instancesFrom([
      {
        templateId: 'moveproperties',
        title: 'Move custom properties',
        parameters: {
          'x-ms-apimTemplate-operationName': ['UpdateUser'],
          'x-ms-apimTemplateParameter.srcParentPath': '@body()',
          'x-ms-apimTemplateParameter.srcSubPath': 'customProperties',
          'x-ms-apimTemplateParameter.dstParentPath': '@body()',
          'x-ms-apimTemplateParameter.dstSubPath': 'null',
          'x-ms-apimTemplateParameter.copyOnlySubProperties': 'true',
          'x-ms-apimTemplate-policySection': 'Request',
        },
      },
    ]);
    const req = request({
      json: { jobTitle: 'x', customProperties: { extension_abc_team: 'blue', jobTitle: 'y' } },
    });
    await compiled(moveproperties, azureAd!).request?.(
      req,
      fakeContext({ request: req, operationId: 'UpdateUser' }),
    );
    expect(req.body).toEqual({ kind: 'json', value: { jobTitle: 'y', extension_abc_team: 'blue' } });
  });

  it('moves the property itself when copyOnlySubProperties is false, creating the destination', async () => {
    const { body } = await move(
      {
        srcParentPath: '@body()',
        srcSubPath: 'a',
        dstParentPath: '@body()',
        dstSubPath: 'nested',
        copyOnlySubProperties: 'false',
      },
      { a: 1, b: 2 },
    );
    expect(body).toEqual({ b: 2, nested: { a: 1 } });
  });

  it('does nothing when the source is absent', async () => {
    const { body } = await move(
      { srcParentPath: '@body()', srcSubPath: 'missing', dstParentPath: '@body()' },
      { a: 1 },
    );
    expect(body).toEqual({ a: 1 });
  });

  it('warns when the source is not an object', async () => {
    const { body, warnings } = await move(
      { srcParentPath: '@body()', srcSubPath: 'a', dstParentPath: '@body()' },
      { a: 'text' },
    );
    expect(body).toEqual({ a: 'text' });
    expect(warnings).toHaveLength(1);
  });

  for (const [name, p] of [
    ['a missing source parent', { srcSubPath: 'a', dstParentPath: '@body()' }],
    ['a missing destination parent', { srcParentPath: '@body()', srcSubPath: 'a' }],
    ['a move of the whole body', { srcParentPath: '@body()', dstParentPath: '@body().x' }],
    [
      'a copyOnlySubProperties that is not a boolean',
      { srcParentPath: '@body()', srcSubPath: 'a', dstParentPath: '@body()', copyOnlySubProperties: 'yes' },
    ],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(moveproperties, instance('moveproperties', p))).toHaveLength(1);
    });
  }
});
