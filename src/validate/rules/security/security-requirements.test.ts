import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import scopeName from './oauth-security-requirement-value-must-be-scope-name.ts';
import mustBeDefined from './security-requirement-must-be-defined.ts';
import mustHaveEmptyValue from './security-requirement-must-have-empty-value.ts';
import mustHaveValue from './security-requirement-must-have-value.ts';

const definitions = {
  api_key: { type: 'apiKey', in: 'header', name: 'X-Key' },
  oauth: {
    type: 'oauth2',
    flow: 'accessCode',
    authorizationUrl: 'https://login.contoso.example.com/authorize',
    tokenUrl: 'https://login.contoso.example.com/token',
    scopes: { 'tasks.read': 'Read tasks' },
  },
};
const doc = (security: unknown) => ({ swagger: swagger({ securityDefinitions: definitions, security }) });

describe('security-requirement-must-be-defined', () => {
  it('reports a requirement naming no definition', () => {
    const files = doc([{ apiKey: [] }]);
    expect(messages(mustBeDefined, files)).toEqual([
      'The security requirement `apiKey` is not defined in the `securityDefinitions` object.',
    ]);
    expect(pointers(mustBeDefined, files)).toEqual(['/security/0/apiKey']);
  });
  it('checks operation-level requirements', () => {
    const files = {
      swagger: withOperation({ security: [{ basic: [] }] }, '/tasks', 'get', {
        securityDefinitions: definitions,
      }),
    };
    expect(pointers(mustBeDefined, files)).toEqual(['/paths/~1tasks/get/security/0/basic']);
  });
  it('accepts defined requirements and an empty opt-out list', () => {
    expect(messages(mustBeDefined, doc([{ api_key: [] }, { oauth: [] }]))).toEqual([]);
    expect(messages(mustBeDefined, { swagger: withOperation({ security: [] }) })).toEqual([]);
  });
});

describe('security-requirement-must-have-value', () => {
  it.each([[null], ['tasks.read'], [{}]])('reports the value %j', (value) => {
    expect(messages(mustHaveValue, doc([{ oauth: value }]))).toEqual([
      expect.stringMatching(
        /^The security requirement `oauth` must have an array value, not .*; provide an empty array/,
      ),
    ]);
  });
  it('accepts arrays', () => {
    expect(messages(mustHaveValue, doc([{ api_key: [] }, { oauth: ['tasks.read'] }]))).toEqual([]);
  });
});

describe('security-requirement-must-have-empty-value', () => {
  it('reports scopes on an apiKey requirement', () => {
    expect(messages(mustHaveEmptyValue, doc([{ api_key: ['tasks.read'] }]))).toEqual([
      'The security requirement `api_key` (type `apiKey`) cannot specify any scopes; an empty array should be provided.',
    ]);
  });
  it('accepts scopes on oauth2 and an empty apiKey list', () => {
    expect(messages(mustHaveEmptyValue, doc([{ api_key: [] }, { oauth: ['tasks.read'] }]))).toEqual([]);
  });
});

describe('oauth-security-requirement-value-must-be-scope-name', () => {
  it('reports an undeclared scope at the list item', () => {
    const files = doc([{ oauth: ['tasks.read', 'tasks.write'] }]);
    expect(messages(scopeName, files)).toEqual([
      'The OAuth security requirement `oauth` refers to scope name `tasks.write`, but this is not defined in the `securityDefinitions` object.',
    ]);
    expect(pointers(scopeName, files)).toEqual(['/security/0/oauth/1']);
  });
  it('accepts declared scopes', () => {
    expect(messages(scopeName, doc([{ oauth: ['tasks.read'] }]))).toEqual([]);
  });
});
