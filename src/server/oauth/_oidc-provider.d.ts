/**
 * The few parts of `oidc-provider` (a dev dependency without bundled types) the OAuth tests use.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContextLike {
    readonly method: string;
    readonly path: string;
    readonly oidc?: { readonly params?: Readonly<Record<string, unknown>> };
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Readonly<Record<string, unknown>>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: KoaContextLike, next: () => Promise<void>) => Promise<void>): void;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
