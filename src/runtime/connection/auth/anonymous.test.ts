import { describe, expect, it } from 'vitest';
import { connectorWithParameters, testRequest } from '../_test-connector.ts';
import { resolveAuth } from '../auth.ts';

describe('no authentication', () => {
  it('leaves the request untouched when the connector declares no security', async () => {
    const connector = connectorWithParameters({ host: { type: 'string' } });
    const auth = resolveAuth(connector, { values: { host: 'h' } });
    expect(auth.kind).toBe('none');
    const request = testRequest();
    await auth.apply(request, connector.operations[0]!);
    expect([...request.headers]).toEqual([]);
    expect(request.query.toString()).toBe('');
  });
});
