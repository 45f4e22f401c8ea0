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
  // What was deployed, served back as the service does: the connector, its swagger and blobs.
  const blobs = new Map<string, Buffer>();
  let deployed: Record<string, unknown> | undefined;
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
      if (req.method === 'PUT' && path.startsWith('/blob/')) {
        blobs.set(path, Buffer.concat(chunks));
        return json(201, {});
      }
      if (req.method === 'GET' && blobs.has(path)) {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(blobs.get(path));
      }
      if (
        (req.method === 'POST' && path === '/providers/Microsoft.PowerApps/apis') ||
        req.method === 'PATCH'
      ) {
        const { openApiDefinition, ...properties } = (
          JSON.parse(Buffer.concat(chunks).toString()) as { properties: Record<string, unknown> }
        ).properties;
        // The service keeps the swagger as a blob, with a byte order mark.
        blobs.set(
          '/blob/definitions/original.json',
          Buffer.from(`\uFEFF${JSON.stringify(openApiDefinition)}`),
        );
        deployed = {
          ...properties,
          apiDefinitions: { originalSwaggerUrl: `${base}/blob/definitions/original.json?sig=SASSECRET` },
          isCustomApi: true,
        };
        return json(req.method === 'POST' ? 201 : 200, {
          name: 'shared_tasklane-5f0a1b2c3d4e5f6a7b',
          properties: {},
        });
      }
      if (req.method === 'GET' && path === '/providers/Microsoft.PowerApps/environments')
        return json(200, {
          value: [
            {
              name: 'Default-11111111-2222-3333-4444-555555555555',
              properties: { displayName: 'Contoso (default)', isDefault: true },
            },
            {
              name: '6c0b0f3e-7d2a-4b8e-9f10-2a3b4c5d6e7f',
              properties: { displayName: 'Contoso Test', isDefault: false },
            },
          ],
        });
      if (req.method === 'GET' && path === '/providers/Microsoft.PowerApps/apis')
        return json(200, {
          value: [
            {
              name: 'shared_office365',
              properties: { displayName: 'Office 365 Outlook', isCustomApi: false },
            },
            ...(deployed
              ? [
                  {
                    name: 'shared_tasklane-5f0a1b2c3d4e5f6a7b',
                    properties: {
                      displayName: deployed.displayName ?? 'Tasklane',
                      isCustomApi: true,
                      createdBy: { displayName: 'Ada Lovelace' },
                    },
                  },
                ]
              : []),
          ],
        });
      if (req.method === 'GET' && path.startsWith('/providers/Microsoft.PowerApps/apis/'))
        return deployed
          ? json(200, { name: path.split('/').at(-1), properties: deployed })
          : json(404, { error: { code: 'ApiNotFound', message: 'The API could not be found.' } });
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

/**
 * A stand-in for Microsoft Entra ID's device code flow on loopback (`/<tenant>/oauth2/v2.0/…`):
 * the device code request, then `pending` answers of `authorization_pending` (and `slow_down` when
 * asked) before the token; refresh tokens are exchanged for new tokens. `deny` refuses the sign-in.
 */
export async function fakeDeviceCodeProvider(options: {
  pending?: number;
  slowDown?: boolean;
  deny?: boolean;
  token: string;
  /** Seconds between polls the provider asks for (at least 1); default 5. */
  interval?: number;
}): Promise<{
  url: string;
  requests: { path: string; form: URLSearchParams }[];
  close(): Promise<void>;
}> {
  const requests: { path: string; form: URLSearchParams }[] = [];
  let polls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      requests.push({ path, form });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (path.endsWith('/oauth2/v2.0/devicecode'))
        return json(200, {
          device_code: 'device-code-1',
          user_code: 'FLOW-PORT',
          verification_uri: 'https://microsoft.com/devicelogin',
          expires_in: 900,
          interval: options.interval ?? 5,
          message:
            'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FLOW-PORT to authenticate.',
        });
      if (path.endsWith('/oauth2/v2.0/token')) {
        const grant = form.get('grant_type');
        if (grant === 'refresh_token')
          return json(200, {
            token_type: 'Bearer',
            access_token: `${options.token}-refreshed`,
            expires_in: 3600,
            refresh_token: 'refresh-2',
          });
        polls++;
        if (options.deny)
          return json(400, {
            error: 'access_denied',
            error_description: 'AADSTS70000: The user declined.\r\nTrace ID: x',
          });
        if (polls <= (options.pending ?? 0))
          return json(400, {
            error: options.slowDown && polls === 1 ? 'slow_down' : 'authorization_pending',
          });
        return json(200, {
          token_type: 'Bearer',
          access_token: options.token,
          expires_in: 3600,
          refresh_token: 'refresh-1',
        });
      }
      json(404, { error: 'not_found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
