import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import encodepropertyvalue from './encodepropertyvalue.ts';
import { compiled, diagnosticsOf, fakeContext, instance, instancesFrom, request } from './testing.ts';

describe('encodepropertyvalue', () => {
  async function encode(body: JsonValue) {
    const [planner] = instancesFrom([
      {
        parameters: {
          'x-ms-apimTemplateParameter.propertyParentPath': '@body().assignments',
          'x-ms-apimTemplateParameter.propertySubPath': 'userId',
          'x-ms-apimTemplateParameter.newPropertyPath': '@item().userId',
          'x-ms-apimTemplate-policySection': 'Request',
        },
        templateId: 'EncodePropertyValue',
        title: 'Encode assignees',
      },
    ]);
    const req = request({ json: body });
    await compiled(encodepropertyvalue, planner!).request?.(req, fakeContext({ request: req }));
    return req.body.kind === 'json' ? req.body.value : undefined;
  }

  it('percent-encodes each Planner assignee as a URI component, keeping dots', async () => {
    expect(await encode({ assignments: [{ userId: 'a b@c.d/e' }, { userId: 7 }] })).toEqual({
      assignments: [{ userId: 'a%20b%40c.d%2Fe' }, { userId: 7 }],
    });
  });

  it('reports a missing destination', () => {
    expect(
      diagnosticsOf(encodepropertyvalue, instance('encodepropertyvalue', { propertyParentPath: '@body()' })),
    ).toHaveLength(1);
  });
});
