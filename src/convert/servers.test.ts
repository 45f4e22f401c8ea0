import { describe, expect, it } from 'vitest';
import { createLosses } from './loss.ts';
import { convertServers } from './servers.ts';

describe('convertServers', () => {
  it('splits the first server into host, base path and scheme', () => {
    const losses = createLosses();
    const t = convertServers(
      { servers: [{ url: 'https://api.example.org/v2/' }, { url: 'https://sandbox.example.org/v2' }] },
      losses,
    );
    expect([t.host, t.basePath, t.schemes]).toEqual(['api.example.org', '/v2', ['https']]);
    expect(losses.items).toMatchObject([{ pointer: '/servers/1', construct: 'server' }]);
  });

  it('turns a varying variable into a connection parameter and a dynamichosturl policy', () => {
    const losses = createLosses();
    const t = convertServers(
      {
        servers: [
          {
            url: 'https://{region}.api.example.org/{version}',
            variables: {
              region: { default: 'eu', enum: ['eu', 'us'] },
              version: { default: 'v1', enum: ['v1'] },
            },
          },
        ],
      },
      losses,
    );
    expect(t.host).toBe('eu.api.example.org');
    expect(t.basePath).toBe('/v1');
    expect(t.connectionParameters.region).toMatchObject({
      type: 'string',
      defaultValue: 'eu',
      uiDefinition: { constraints: { allowedValues: [{ value: 'eu' }, { value: 'us' }] } },
    });
    expect(t.policies).toEqual([
      {
        templateId: 'dynamichosturl',
        title: 'Set the host from the connection',
        parameters: {
          'x-ms-apimTemplateParameter.urlTemplate':
            "https://@connectionParameters('region').api.example.org/v1",
        },
      },
    ]);
  });

  it('leaves the host out for a relative server and says so', () => {
    const losses = createLosses();
    const t = convertServers({ servers: [{ url: '/api/v3' }] }, losses);
    expect(t.host).toBeUndefined();
    expect(t.basePath).toBe('/api/v3');
    expect(losses.items[0]?.construct).toBe('server');
  });
});
