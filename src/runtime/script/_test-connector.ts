import { connectorFromFiles } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';

const encoder = new TextEncoder();

/**
 * An in-memory connector with operations `GetParcel` and `ListEvents`, the given `apiProperties`
 * `properties`, and extra files by name (`script.csx`, `script.ts`).
 */
export function scriptedConnector(
  files: Record<string, string>,
  properties: Record<string, unknown> = {},
): Connector {
  const swagger = {
    swagger: '2.0',
    info: { title: 'Parcels', version: '1.0' },
    host: 'api.parcel.example',
    paths: {
      '/parcels/{id}': {
        get: {
          operationId: 'GetParcel',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
          responses: { '200': { description: 'OK' } },
        },
      },
      '/events': { get: { operationId: 'ListEvents', responses: { '200': { description: 'OK' } } } },
    },
  };
  return connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: encoder.encode(JSON.stringify(swagger)) },
      { name: 'apiProperties.json', bytes: encoder.encode(JSON.stringify({ properties })) },
      ...Object.entries(files).map(([name, text]) => ({ name, bytes: encoder.encode(text) })),
    ],
    { source: 'test', kind: 'unknown' },
  );
}
