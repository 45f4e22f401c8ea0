/**
 * A binary file through the JSON invoke API (the platform's `$content` shape) reaches the backend
 * byte for byte: Brightdesk's AddAttachment against the demo backend.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { type DemoBackend, startDemoBackend } from '../../examples/demo-backend/server.ts';
import { createTestServer, type TestServer, uploadOf } from '../../src/server/testing.ts';

const BRIGHTDESK = new URL('../../examples/brightdesk/', import.meta.url).pathname;
let t: TestServer | undefined;
let backend: DemoBackend | undefined;
afterEach(async () => {
  await t?.close();
  await backend?.close();
  t = backend = undefined;
});

it('uploads a binary attachment given as { $content-type, $content, $filename }', async () => {
  backend = await startDemoBackend({ port: 0 });
  t = await createTestServer({ backendOverrides: { brightdesk: backend.apiUrl }, triggers: { run: false } });
  expect(
    (await t.call(t.admin, 'POST', '/api/v1/connectors', { files: uploadOf(BRIGHTDESK) })).statusCode,
  ).toBe(201);
  const connection = (
    await t.call(t.maker, 'POST', '/api/v1/connections', {
      connectorId: 'brightdesk',
      parameterSet: 'api-key',
      values: { api_key: backend.apiKey },
    })
  ).json();
  const bytes = randomBytes(50_000);
  const r = await t.call(t.maker, 'POST', `/api/v1/connections/${connection.id}/operations/AddAttachment`, {
    parameters: {
      ticketId: 'T-1001',
      file: { '$content-type': 'image/png', $content: bytes.toString('base64'), $filename: 'screen.png' },
    },
  });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toMatchObject({
    status: 201,
    body: {
      fileName: 'screen.png',
      contentType: 'image/png',
      size: 50_000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  });
  const bad = await t.call(t.maker, 'POST', `/api/v1/connections/${connection.id}/operations/AddAttachment`, {
    parameters: { ticketId: 'T-1001', file: { $content: '%%%' } },
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json()).toMatchObject({ code: 'PARAMETER_INVALID' });
});
