import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger, withOperation } from '../../testing.ts';
import rule from './committed-secret.ts';

const apiProperties = { properties: { iconBrandColor: '#123456' } };
const github = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const randomKey = 'f3Kq9ZrT2vLx8WnB4mYc7Hd1';
const withParameter = (parameter: Record<string, unknown>) =>
  withOperation({ parameters: [{ in: 'header', type: 'string', ...parameter }] });

describe('committed-secret', () => {
  it('reports a random key as the test value of a key parameter', () => {
    const files = {
      swagger: withParameter({ name: 'x-api-key', 'x-ms-test-value': randomKey }),
      apiProperties,
    };
    expect(messages(rule, files)).toEqual([
      '`x-ms-test-value` for `x-api-key` looks like a real key or token; committed credentials are public once the pull request is opened.',
    ]);
    expect(pointers(rule, files)).toEqual(['/paths/~1tasks/get/parameters/0/x-ms-test-value']);
  });
  it('reports a well-known token format in an example, whatever the name', () => {
    const definitions = {
      Hook: { type: 'object', properties: { header: { type: 'string', example: `token ${github}` } } },
    };
    expect(messages(rule, { swagger: swagger({ definitions }), apiProperties })).toEqual([
      '`example` contains a GitHub token; committed credentials are public once the pull request is opened.',
    ]);
  });
  it('reports a private key in a response example', () => {
    const op = {
      responses: {
        '200': {
          description: 'OK',
          examples: { 'application/json': { key: '-----BEGIN RSA PRIVATE KEY-----\nMIIE' } },
        },
      },
    };
    expect(pointers(rule, { swagger: withOperation(op), apiProperties })).toEqual([
      '/paths/~1tasks/get/responses/200/examples/application~1json/key',
    ]);
  });
  it('reports a default value of a secure connection parameter and a literal key in a policy', () => {
    const props = {
      properties: {
        iconBrandColor: '#123456',
        connectionParameters: { api_key: { type: 'securestring', defaultValue: randomKey } },
        policyTemplateInstances: [
          {
            templateId: 'setheader',
            title: 'Set key',
            parameters: {
              'x-ms-apimTemplateParameter.name': 'Authorization',
              'x-ms-apimTemplateParameter.value': `Bearer ${randomKey}`,
            },
          },
        ],
      },
    };
    expect(pointers(rule, { swagger: swagger(), apiProperties: props })).toEqual([
      '/properties/connectionParameters/api_key/defaultValue',
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value',
    ]);
  });
  it.each([
    ['a placeholder', { name: 'api_key', default: '[[DUMMY]]' }],
    ['a GUID', { name: 'token', default: '68036c7f-db6c-4dd0-bc1d-cb7337b2259f' }],
    ['a random example (documentation only)', { name: 'token', example: randomKey }],
    ['a random value under a harmless name', { name: 'orderId', default: randomKey }],
    ['the AWS documentation key', { name: 'key', default: 'AKIAIOSFODNN7EXAMPLE' }],
    ['an expression', { name: 'Authorization', default: '@connectionParameters("api_key")' }],
  ])('does not report %s', (_name, parameter) => {
    expect(runRule(rule, { swagger: withParameter(parameter), apiProperties })).toEqual([]);
  });
});
