import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { testConnector } from './_test-connector.ts';
import { extensionMentions } from './extension-mentions.ts';

const withParameter = (parameter: object) =>
  testConnector({
    swagger: '2.0',
    paths: { '/a': { get: { operationId: 'A', parameters: [parameter], responses: {} } } },
  });

describe('extensionMentions', () => {
  it('finds neither in a plain document', () => {
    expect(extensionMentions(withParameter({ name: 'id', in: 'query', type: 'string' }))).toEqual({
      dynamic: false,
      notificationUrl: false,
    });
  });
  it('finds a dynamic extension and a notification URL, together or alone', () => {
    const dynamic = { name: 'id', in: 'query', type: 'string', 'x-ms-dynamic-values': { operationId: 'A' } };
    expect(extensionMentions(withParameter(dynamic))).toEqual({ dynamic: true, notificationUrl: false });
    const url = { name: 'url', in: 'query', type: 'string', 'x-ms-notification-url': true };
    expect(extensionMentions(withParameter(url))).toEqual({ dynamic: false, notificationUrl: true });
    expect(extensionMentions(withParameter({ ...dynamic, ...url }))).toEqual({
      dynamic: true,
      notificationUrl: true,
    });
  });
  it('searches text that is not strict JSON (a trailing comma) as well', () => {
    const text = `{"swagger": "2.0", "paths": {"/a": {"get": {"operationId": "A", "parameters": [
      {"name": "id", "in": "query", "type": "string", "x-ms-dynamic-values": {"operationId": "A"}},
    ], "responses": {}}}}}`;
    const bytes = new TextEncoder().encode(text);
    const connector = connectorFromFiles([{ name: 'apiDefinition.swagger.json', bytes }], {
      source: 'test',
      kind: 'unknown',
    });
    expect(connector.documents.swagger?.strict).toBe(false);
    expect(extensionMentions(connector)).toEqual({ dynamic: true, notificationUrl: false });
  });
});
