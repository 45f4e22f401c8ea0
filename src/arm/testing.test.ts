import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../connector/load.ts';
import type { ArmTemplate } from './model.ts';
import { armTemplate } from './template.ts';
import { templateProblems } from './testing.ts';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const connector = connectorFromFiles([
  {
    name: 'apiDefinition.swagger.json',
    bytes: enc({
      swagger: '2.0',
      info: { title: 'A', version: '1' },
      host: 'a.example',
      paths: {},
      tags: ['[x]'],
    }),
  },
  {
    name: 'apiProperties.json',
    bytes: enc({
      properties: {
        connectionParameters: {
          key: { type: 'securestring' },
          token: {
            type: 'oauthSetting',
            oAuthSettings: { identityProvider: 'oauth2', redirectMode: 'Global' },
          },
        },
      },
    }),
  },
]);

describe('templateProblems', () => {
  it('finds none in the templates flowport writes, with or without a connection', () => {
    expect(templateProblems(armTemplate(connector).template)).toEqual([]);
    expect(templateProblems(armTemplate(connector, { connection: true }).template)).toEqual([]);
  });

  it('finds a live expression in the swagger, parameters read but not declared or declared but not read, a secret default, an unknown key', () => {
    const { template } = armTemplate(connector);
    const api = template.resources[0] as { properties: { swagger: { tags: string[] }; oops?: string } };
    api.properties.swagger.tags = ["[parameters('nope')]"];
    api.properties.oops = 'x';
    const broken: ArmTemplate = {
      ...template,
      parameters: {
        ...template.parameters,
        unused: { type: 'string', metadata: { description: '' } },
        tokenClientSecret: { type: 'securestring', defaultValue: 's3cret', metadata: { description: '' } },
      },
    };
    const problems = templateProblems(broken);
    expect(problems).toContainEqual(
      expect.stringContaining(
        '/resources/0/properties/swagger/tags/0 is an ARM expression inside the swagger',
      ),
    );
    expect(problems).toContainEqual(expect.stringContaining('reads parameter `nope`, which is not declared'));
    expect(problems).toContainEqual('parameter `unused` is declared but never read');
    expect(problems).toContainEqual(
      expect.stringContaining('/parameters/tokenClientSecret must NOT be valid'),
    );
    expect(problems).toContainEqual('/resources/0/properties must NOT have additional properties');
  });
});
