/**
 * A read cache in front of the store for the hot path of every API call (token check, connection,
 * its secrets, the connector's latest version), so an invoke costs no database round trip in the
 * steady state. Writes through this process drop what they change at once; writes by another
 * process sharing a Postgres store are seen after at most `ttlMs` (docs/server.md, "Caching").
 */
import type { Store } from '../store/types.ts';

interface Entry<V> {
  readonly value: Promise<V>;
  expires: number;
  /** The value, once the load has resolved. */
  settled?: { readonly value: V };
}

/** A small TTL map with in-flight sharing and a size bound (oldest entries dropped first). */
class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #until: ((value: V) => number | undefined) | undefined;

  /** `until`: a time (epoch ms) a value must not be reused at or after, sooner than the TTL. */
  constructor(ttlMs: number, max: number, now: () => number, until?: (value: V) => number | undefined) {
    this.#ttlMs = ttlMs;
    this.#max = max;
    this.#now = now;
    this.#until = until;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.#now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    const entry: Entry<V> = { value, expires: now + this.#ttlMs };
    this.#entries.set(key, entry);
    value.then(
      (settled) => {
        entry.settled = { value: settled };
        const until = this.#until?.(settled);
        if (until !== undefined && until < entry.expires) entry.expires = until;
      },
      // A failed load is not remembered.
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    if (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }

  /** What `get(key)` would resolve to without loading: the settled value of a fresh entry. */
  peek(key: string): { readonly value: V } | undefined {
    const hit = this.#entries.get(key);
    return hit && hit.expires > this.#now() ? hit.settled : undefined;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

export interface CacheOptions {
  /** How long a read is reused; default 2,000 ms. 0 turns the cache off. */
  readonly ttlMs?: number;
  /** Entries per kind; default 10,000. */
  readonly max?: number;
  readonly now?: () => number;
}

type Verified = Awaited<ReturnType<Store['verifyToken']>>;

const tokenCaches = new WeakMap<Store, TtlCache<Verified>>();

/**
 * What `store.verifyToken(token)` resolves to, when `store` is a cached store holding a fresh, settled
 * answer for `token`; undefined when it has to be awaited. Lets the auth hook finish without a promise.
 */
export function peekToken(store: Store, token: string): { readonly value: Verified } | undefined {
  return tokenCaches.get(store)?.peek(token);
}

/** Wraps `store` with the read cache; every other method passes through. */
export function cachedStore(store: Store, options: CacheOptions = {}): Store {
  const ttl = options.ttlMs ?? 2_000;
  if (ttl <= 0) return store;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  // A token that expires within the TTL is not reused past its expiry.
  const tokens = new TtlCache<Verified>(ttl, max, now, (verified) =>
    verified?.info.expiresAt === undefined ? undefined : Date.parse(verified.info.expiresAt),
  );
  const connections = new TtlCache<Awaited<ReturnType<Store['getConnection']>>>(ttl, max, now);
  const secrets = new TtlCache<Awaited<ReturnType<Store['connectionSecrets']>>>(ttl, max, now);
  const connectors = new TtlCache<Awaited<ReturnType<Store['getConnector']>>>(ttl, max, now);
  const forgetConnection = (id: string) => {
    // Keys are `id` and `id|owner`: drop every variant of this connection.
    connections.clear();
    secrets.delete(id);
  };

  const cached: Store = {
    ...bindAll(store),
    engine: store.engine,
    verifyToken: (token) => tokens.get(token, () => store.verifyToken(token)),
    async revokeToken(tokenId, userId) {
      const done = await store.revokeToken(tokenId, userId);
      tokens.clear();
      return done;
    },
    async updateUser(id, patch) {
      try {
        return await store.updateUser(id, patch);
      } finally {
        // A token's check carries its user's role and whether they are disabled.
        tokens.clear();
      }
    },
    getConnection: (id, ownerId) =>
      connections.get(`${id}|${ownerId ?? ''}`, () => store.getConnection(id, ownerId)),
    connectionSecrets: (id) => secrets.get(id, () => store.connectionSecrets(id)),
    async updateConnection(id, ownerId, patch) {
      try {
        return await store.updateConnection(id, ownerId, patch);
      } finally {
        forgetConnection(id);
      }
    },
    async deleteConnection(id, ownerId) {
      try {
        return await store.deleteConnection(id, ownerId);
      } finally {
        forgetConnection(id);
      }
    },
    async setTokens(connectionId, value) {
      try {
        return await store.setTokens(connectionId, value);
      } finally {
        forgetConnection(connectionId);
      }
    },
    getConnector: (id) => connectors.get(id, () => store.getConnector(id)),
    async putConnector(input) {
      try {
        return await store.putConnector(input);
      } finally {
        connectors.delete(input.id);
      }
    },
    async deleteConnector(id) {
      try {
        return await store.deleteConnector(id);
      } finally {
        connectors.delete(id);
      }
    },
    async rotateKey(key) {
      try {
        return await store.rotateKey(key);
      } finally {
        secrets.clear();
      }
    },
  };
  tokenCaches.set(cached, tokens);
  return cached;
}

/** The store's methods bound to it, as own properties of a plain object. */
function bindAll(store: Store): Store {
  const out: Record<string, unknown> = {};
  let proto: object | null = store;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = (store as unknown as Record<string, unknown>)[key];
      if (key !== 'constructor' && typeof value === 'function' && !(key in out)) out[key] = value.bind(store);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return out as unknown as Store;
}
