import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { answerReshaped } from './routes.ts';

const swagger = {
  swagger: '2.0',
  info: { title: 'Zones', version: '1' },
  host: 'api.zones.test',
  paths: {
    '/zones': { get: { operationId: 'GetZones', responses: { '200': { description: 'OK' } } } },
    '/zones/{id}': {
      get: {
        operationId: 'GetZone',
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
};

const policy = (section: string | undefined, operations?: string[]) => ({
  templateId: 'convertobjecttoarray',
  title: 'Zones as a list',
  parameters: {
    'x-ms-apimTemplateParameter.propertyParentPath': '@body()',
    'x-ms-apimTemplateParameter.newPropertyPath': '@body().Zones',
    ...(section && { 'x-ms-apimTemplate-policySection': section }),
    ...(operations && { 'x-ms-apimTemplate-operationName': operations }),
  },
});

describe('answerReshaped', () => {
  it('names the operations whose answer a Response-section body policy reshapes', () => {
    const connector = memoryConnector(swagger, {
      policyTemplateInstances: [policy('Response', ['GetZones'])],
    });
    const reshaped = answerReshaped(connector);
    expect(connector.operations.filter(reshaped).map((o) => o.id)).toEqual(['GetZones']);
  });

  it('leaves answers alone where the policy reshapes requests (its default section)', () => {
    for (const section of [undefined, 'Request']) {
      const connector = memoryConnector(swagger, { policyTemplateInstances: [policy(section)] });
      expect(connector.operations.filter(answerReshaped(connector))).toEqual([]);
    }
  });
});
