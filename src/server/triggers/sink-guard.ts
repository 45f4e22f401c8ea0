/**
 * Where deliveries may go. On a server that other people reach, a sink URL is a request flowport
 * makes on a user's behalf: without a guard, any user could make it POST into the server's own
 * network (metadata services, admin ports). Unless private sinks are allowed, sink hosts that are
 * — or resolve to — loopback, private, link-local or otherwise internal addresses are refused,
 * both when the subscription is made and at connect time (so DNS answers that change later do not
 * get around it).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is not a public internet address (IPv4-mapped IPv6 checked as IPv4). */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return internal.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return internal.check(bare, 'ipv4');
  if (family === 6) return internal.check(bare, 'ipv6');
  return false;
}

/** Why `url` may not be a sink, or undefined when it may (literal addresses and `localhost` only). */
export function refusedSinkHost(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || isInternalAddress(host))
    return `\`${url.hostname}\` is an internal address; this server reaches public addresses only (start it with \`--private-sinks\` to allow internal ones).`;
  return undefined;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** An undici dispatcher whose connections refuse internal addresses, whatever DNS says. */
export function publicOnlyDispatcher(): Agent {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isInternalAddress(a.address));
      if (bad) {
        const refusal = Object.assign(
          new Error(
            `${hostname} resolves to the internal address ${bad.address}; this server reaches public addresses only.`,
          ),
          { code: 'ESINKINTERNAL' },
        );
        return callback(refusal, []);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(new Error(`${hostname} has no address.`), []);
    });
  };
  return new Agent({ connect: { lookup: lookup as never } });
}

/**
 * A `fetch` for requests made on a user's behalf (deliveries, descriptions named by URL): public
 * addresses only. A GET or HEAD follows redirects itself, each hop checked like the first: a public
 * page cannot send the server to an internal address (an IP literal, which connects without the
 * guarded lookup) by redirecting to it.
 */
export function publicOnlyFetch(): typeof fetch {
  const dispatcher = publicOnlyDispatcher();
  const guarded = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const refused = refusedSinkHost(url);
    if (refused) throw new Error(refused);
    const { fetch: undiciFetch } = await import('undici');
    return undiciFetch(url, { ...(init as object), dispatcher } as never);
  }) as unknown as typeof fetch;
  const following = checkedRedirects(guarded, refusedSinkHost);
  return ((input: string | URL | Request, init?: RequestInit) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    return method === 'GET' || method === 'HEAD' ? following(input, init) : guarded(input, init);
  }) as typeof fetch;
}

/** Redirects a GET or HEAD follows at most, as browsers and fetch do (20 there; 5 is plenty here). */
const MAX_REDIRECTS = 5;

/**
 * `fetchImpl` for GET and HEAD requests, following redirects itself and asking `refused` about each
 * hop's URL before it is requested (a reason throws, as for the first).
 */
export function checkedRedirects(
  fetchImpl: typeof fetch,
  refused: (url: URL) => string | undefined,
): typeof fetch {
  return (async (input: string | URL | Request, given?: RequestInit) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    // A Request's method and headers go with every hop, as its URL does not.
    const init: RequestInit | undefined =
      input instanceof Request ? { method: input.method, headers: input.headers, ...given } : given;
    for (let hop = 0; ; hop++) {
      const why = refused(url);
      if (why) throw new Error(why);
      const response = await fetchImpl(url, { ...init, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location || init?.redirect === 'manual')
        return response;
      if (hop >= MAX_REDIRECTS) throw new Error(`${url.host} redirects more than ${MAX_REDIRECTS} times.`);
      await response.body?.cancel();
      url = new URL(location, url);
    }
  }) as typeof fetch;
}

/** Whether the server's own public URL is on this machine or a private network (a developer setup). */
export function isLocalServer(publicUrl: string): boolean {
  try {
    return refusedSinkHost(new URL(publicUrl)) !== undefined;
  } catch {
    return false;
  }
}
