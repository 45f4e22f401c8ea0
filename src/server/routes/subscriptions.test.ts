import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, uploadOf } from '../testing.ts';

const BRIGHTDESK = new URL('../../../examples/brightdesk/', import.meta.url).pathname;

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function withConnection(publicUrl: string, privateSinks?: boolean) {
  t = await createTestServer({
    publicUrl,
    backendOverrides: { brightdesk: 'http://127.0.0.1:9/api/v1' },
    triggers: { run: false, ...(privateSinks !== undefined && { privateSinks }) },
  });
  expect(
    (await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(BRIGHTDESK) })).statusCode,
  ).toBe(201);
  const made = await t.call(t.maker, 'POST', '/api/v1/connections', {
    connectorId: 'brightdesk',
    parameterSet: 'api-key',
    values: { api_key: 'k' },
  });
  return { server: t, connectionId: made.json().id as string };
}

describe('subscriptions API', () => {
  it('refuses internal sink URLs on a public server, naming the option', async () => {
    const { server, connectionId } = await withConnection('https://flowport.example.com');
    for (const url of [
      'http://127.0.0.1:8080/events',
      'http://localhost/x',
      'http://169.254.169.254/latest',
      'http://[::1]/',
    ]) {
      const r = await server.call(server.maker, 'POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketChanged',
        sink: { url },
      });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().detail).toMatch(/--private-sinks/);
    }
  });

  it('allows them when the server itself is local, or when told to', async () => {
    for (const [publicUrl, privateSinks] of [
      ['http://127.0.0.1:4321', undefined],
      ['https://flowport.example.com', true],
    ] as const) {
      const { server, connectionId } = await withConnection(publicUrl, privateSinks);
      const r = await server.call(server.maker, 'POST', '/api/v1/subscriptions', {
        connectionId,
        operationId: 'OnTicketChanged',
        sink: { url: 'http://127.0.0.1:8080/events' },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().signingSecret).toMatch(/^whsec_/);
      await t?.close();
      t = undefined;
    }
  });

  it('refuses actions, callback actions, unknown operations and bad sink URLs with clear problems', async () => {
    const { server, connectionId } = await withConnection('http://127.0.0.1:4321');
    const post = (body: unknown) => server.call(server.maker, 'POST', '/api/v1/subscriptions', body);
    const action = await post({ connectionId, operationId: 'ListTickets' });
    expect(action.statusCode).toBe(400);
    expect(action.json()).toMatchObject({ code: 'TRIGGER_NOT_A_TRIGGER' });
    expect((await post({ connectionId, operationId: 'ExportTickets' })).json().detail).toMatch(
      /callback action: invoke it/,
    );
    expect((await post({ connectionId, operationId: 'Nope' })).json()).toMatchObject({
      code: 'OPERATION_NOT_FOUND',
    });
    const ftp = await post({
      connectionId,
      operationId: 'OnTicketChanged',
      sink: { url: 'ftp://x.example/' },
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().detail).toMatch(/http or https/);
    const missing = await post({
      connectionId,
      operationId: 'OnTicketChanged',
      parameters: { teamId: 'nope', triggerState: 'x' },
    });
    expect([201, 400]).toContain(missing.statusCode);
    const other = await server.call(server.other, 'POST', '/api/v1/subscriptions', {
      connectionId,
      operationId: 'OnTicketChanged',
    });
    expect(other.statusCode).toBe(404);
  });
});
