/**
 * Starts the Brightdesk demo backend from the command line.
 *
 *   node examples/demo-backend/main.ts [--port 4100] [--host 127.0.0.1] [--api-key KEY]
 *     [--token-lifetime 600] [--retry-after 15] [--webhook-attempts 5] [--redirect-uri URL]... [--quiet]
 */
import { parseArgs } from 'node:util';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './oauth.ts';
import { DEFAULT_PORT, DEMO_API_KEY, startDemoBackend } from './server.ts';

const USAGE = `Usage: node examples/demo-backend/main.ts [options]

  --port <n>             port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1)
  --api-key <key>        API key to accept (default ${DEMO_API_KEY}, or $BRIGHTDESK_API_KEY)
  --token-lifetime <s>   OAuth access token lifetime in seconds (default 600)
  --retry-after <s>      Retry-After of the polling endpoint (default 15)
  --webhook-attempts <n> attempts per webhook delivery, retried with doubling delays (default 5)
  --redirect-uri <url>   an OAuth redirect URI to allow besides loopback ones; repeatable
  --quiet                no request log
  -h, --help             this help`;

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer.`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let backend: Awaited<ReturnType<typeof startDemoBackend>>;
  try {
    backend = await startDemoBackend({
      port: number('port', values.port, DEFAULT_PORT),
      host: values.host ?? '127.0.0.1',
      apiKey: values['api-key'] ?? process.env.BRIGHTDESK_API_KEY ?? DEMO_API_KEY,
      tokenLifetime: number('token-lifetime', values['token-lifetime'], 600),
      retryAfter: number('retry-after', values['retry-after'], 15),
      webhookAttempts: Math.max(1, number('webhook-attempts', values['webhook-attempts'], 5)),
      redirectUris: values['redirect-uri'] ?? [],
      ...(!values.quiet && { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
    });
  } catch (error) {
    console.error(`brightdesk: ${(error as Error).message}`);
    return 2;
  }
  console.log(`Brightdesk demo backend on ${backend.url}
  API            ${backend.apiUrl}  (X-Api-Key: ${backend.apiKey === DEMO_API_KEY ? DEMO_API_KEY : '(given key)'})
  OAuth 2        ${backend.url}/oauth/authorize, ${backend.url}/oauth/token
                 client_id ${DEMO_CLIENT_ID}, PKCE S256 (optional client_secret ${DEMO_CLIENT_SECRET})
  Try it         flowport smoke examples/brightdesk --base-url ${backend.apiUrl} --conn-set api-key --conn api_key=${DEMO_API_KEY}
Ctrl-C stops it; data lives in memory and resets on restart.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await backend.close();
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'token-lifetime': { type: 'string' },
      'retry-after': { type: 'string' },
      'webhook-attempts': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
}

process.exitCode = await main(process.argv.slice(2));
