import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { CREDENTIALS_MARK, credentialPolicies, extraCredential } from './credentials.ts';

function paths(marks: Record<string, string[] | undefined>): JsonObject {
  const item: JsonObject = {};
  for (const [id, mark] of Object.entries(marks))
    item[id.toLowerCase()] = { operationId: id, responses: {}, ...(mark && { [CREDENTIALS_MARK]: mark }) };
  return { '/a': item };
}

describe('extraCredential', () => {
  it('sends a query API key with setqueryparameter and names its parameter after the key', () => {
    const c = extraCredential(
      'second',
      { type: 'apiKey', in: 'query', name: 'app-id' },
      new Set(['api_key']),
    );
    expect(c?.parameter).toBe('app_id');
    expect(c?.policy).toMatchObject({
      templateId: 'setqueryparameter',
      parameters: { 'x-ms-apimTemplateParameter.name': 'app-id' },
    });
    expect(c?.header).toBeUndefined();
  });

  it('appends a cookie API key to the Cookie header and avoids a parameter name in use', () => {
    const c = extraCredential(
      'cookie',
      { type: 'apiKey', in: 'cookie', name: 'api_key' },
      new Set(['api_key']),
    );
    expect(c?.parameter).toBe('api_key_2');
    expect(c?.policy).toMatchObject({
      parameters: {
        'x-ms-apimTemplateParameter.name': 'Cookie',
        'x-ms-apimTemplateParameter.value': "api_key=@connectionParameters('api_key_2')",
        'x-ms-apimTemplateParameter.existsAction': 'append',
      },
    });
  });

  it('has no policy for basic authentication', () => {
    expect(extraCredential('basic', { type: 'http', scheme: 'basic' }, new Set())).toBeUndefined();
  });
});

describe('credentialPolicies', () => {
  const credential = () =>
    extraCredential('key', { type: 'apiKey', in: 'header', name: 'X-Key' }, new Set()) ??
    expect.unreachable('an API key is always sendable');

  it('applies to every operation, and keeps the parameter required, when every operation sends it', () => {
    const c = credential();
    const p = paths({ GetA: ['x_key'], PutA: ['x_key'] });
    const [policy] = credentialPolicies(p, [c]);
    expect(policy?.parameters).not.toHaveProperty('x-ms-apimTemplate-operationName');
    expect(c.connectionParameter).toMatchObject({ uiDefinition: { constraints: { required: 'true' } } });
    expect(JSON.stringify(p)).not.toContain(CREDENTIALS_MARK);
  });

  it('lists the operations that send it and makes the parameter optional otherwise', () => {
    const c = credential();
    const [policy] = credentialPolicies(paths({ GetA: ['x_key'], PutA: undefined }), [c]);
    expect(policy?.parameters).toMatchObject({ 'x-ms-apimTemplate-operationName': ['GetA'] });
    expect(c.connectionParameter).toMatchObject({
      uiDefinition: {
        constraints: { required: 'false' },
        description: expect.stringMatching(/one operation\.$/),
      },
    });
  });

  it('makes no policy for a credential no operation sends', () => {
    expect(credentialPolicies(paths({ GetA: undefined }), [credential()])).toEqual([]);
  });
});
