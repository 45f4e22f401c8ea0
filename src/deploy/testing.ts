import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/** An unsigned JWT with the claims given: what the resource provider's stand-in reads. */
export function fakeToken(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.signature`;
}

/**
 * A stand-in for the PowerApps resource provider and its blob storage on loopback, answering the
 * calls paconn makes (certification spec §5.2) and recording each; `fail` makes a path answer 400
 * with the resource provider's error shape.
 */
export async function fakeResourceProvider(options: { fail?: RegExp } = {}): Promise<{
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      requests.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks) });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = url.split('?')[0] ?? '';
      if (options.fail?.test(path))
        return json(400, {
          error: { code: 'SwaggerCertificationFailedWithErrors', message: 'Operation has no summary.' },
        });
      if (path.endsWith('/validateApiSwagger')) return json(200, 'Swagger validation succeeded');
      if (path.endsWith('/generateResourceStorage'))
        return json(200, { sharedAccessSignature: `${base}/blob/flowport-upload?sv=2020&sig=SASSECRET` });
      if (req.method === 'PUT' && path.startsWith('/blob/')) return json(201, {});
      if (req.method === 'POST' && path === '/providers/Microsoft.PowerApps/apis')
        return json(201, { name: 'shared_tasklane-5f0a1b2c3d4e5f6a7b', properties: {} });
      if (req.method === 'PATCH' && path.startsWith('/providers/Microsoft.PowerApps/apis/'))
        return json(200, { properties: {} });
      json(404, { error: { code: 'NotFound', message: `No ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
