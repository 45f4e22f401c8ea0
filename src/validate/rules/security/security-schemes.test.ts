import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import multiple from './security-definitions-multiple.ts';
import propertyNotValid from './security-scheme-property-not-valid.ts';
import propertyRequired from './security-scheme-property-required.ts';
import valueNotValid from './security-scheme-value-not-valid.ts';

const oauth = {
  type: 'oauth2',
  flow: 'accessCode',
  authorizationUrl: 'https://login.contoso.example.com/authorize',
  tokenUrl: 'https://login.contoso.example.com/token',
  scopes: {},
};
const defs = (securityDefinitions: Record<string, unknown>) => ({
  swagger: swagger({ securityDefinitions }),
});

describe('security-scheme-property-required', () => {
  it('reports an apiKey without name and in', () => {
    expect(messages(propertyRequired, defs({ key: { type: 'apiKey' } }))).toEqual([
      'The security definition property `name` of `key` is required for definitions of type `apiKey`.',
      'The security definition property `in` of `key` is required for definitions of type `apiKey`.',
    ]);
  });
  it('reports the URL an accessCode flow lacks', () => {
    const { tokenUrl: _, ...noToken } = oauth;
    expect(messages(propertyRequired, defs({ oauth: noToken }))).toEqual([
      'The security definition property `tokenUrl` of `oauth` is required for definitions of type `oauth2` with flow `accessCode`.',
    ]);
  });
  it('reports missing scopes and a missing type', () => {
    const { scopes: _, ...noScopes } = oauth;
    expect(messages(propertyRequired, defs({ oauth: noScopes, other: { description: 'x' } }))).toEqual([
      'The security definition property `scopes` of `oauth` is required for definitions of type `oauth2`.',
      'The security definition `other` has no `type`; the `type` property is required.',
    ]);
  });
  it('accepts complete definitions', () => {
    const files = defs({
      oauth,
      key: { type: 'apiKey', name: 'X-Key', in: 'header' },
      basic: { type: 'basic' },
    });
    expect(messages(propertyRequired, files)).toEqual([]);
  });
});

describe('security-scheme-property-not-valid', () => {
  it('reports properties of another type', () => {
    const files = defs({ basic: { type: 'basic', name: 'Authorization', in: 'header' } });
    expect(pointers(propertyNotValid, files)).toEqual([
      '/securityDefinitions/basic/name',
      '/securityDefinitions/basic/in',
    ]);
  });
  it('reports a token URL on an implicit flow', () => {
    const files = defs({ oauth: { ...oauth, flow: 'implicit' } });
    expect(messages(propertyNotValid, files)).toEqual([
      'The security definition property `tokenUrl` of `oauth` is not valid for definitions of type `oauth2` with flow `implicit`.',
    ]);
  });
  it('accepts extensions and the properties of the type', () => {
    const files = defs({
      oauth: { ...oauth, 'x-ms-note': 1 },
      key: { type: 'apiKey', name: 'k', in: 'query', description: 'Key' },
    });
    expect(messages(propertyNotValid, files)).toEqual([]);
  });
});

describe('security-scheme-value-not-valid', () => {
  it.each([
    [{ type: 'bearer' }, '/securityDefinitions/d/type'],
    [{ type: 'apiKey', name: 'k', in: 'cookie' }, '/securityDefinitions/d/in'],
    [{ ...oauth, flow: 'authorizationCode' }, '/securityDefinitions/d/flow'],
  ])('reports %j', (def, pointer) => {
    expect(pointers(valueNotValid, defs({ d: def }))).toEqual([pointer]);
  });
  it('names the allowed values', () => {
    expect(messages(valueNotValid, defs({ d: { type: 'bearer' } }))).toEqual([
      'The `type` of security definition `d` is `bearer`; the property value must be one of the following: `basic`, `apiKey`, `oauth2`.',
    ]);
  });
  it('accepts Swagger values', () => {
    expect(
      messages(valueNotValid, defs({ oauth, key: { type: 'apiKey', name: 'k', in: 'header' } })),
    ).toEqual([]);
  });
});

describe('security-definitions-multiple', () => {
  it('reports more than one definition', () => {
    expect(messages(multiple, defs({ oauth, key: { type: 'apiKey', name: 'k', in: 'header' } }))).toEqual([
      'The swagger has 2 security definitions (`oauth`, `key`); a connection uses one authentication type.',
    ]);
  });
  it('accepts one', () => {
    expect(messages(multiple, defs({ oauth }))).toEqual([]);
  });
});
