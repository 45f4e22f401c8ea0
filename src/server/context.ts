import type { ConnectorValidator } from '../validate/background.ts';
import type { ConnectionThrottle } from './connection-throttle.ts';
import type { ConnectionResolver, ServerDeps } from './deps.ts';

/** Body size limits in bytes. */
export interface BodyLimits {
  /** Every route but imports. Default 1 MiB. */
  readonly default: number;
  /** Connector imports (JSON with base64 files, or a zip). Default 10 MiB. */
  readonly import: number;
  /** Sum of the uncompressed sizes of an imported zip's files. Default 50 MiB. */
  readonly unzipped: number;
}

/** What the REST routes share: the server dependencies plus the connection resolver and limits. */
export interface AppContext extends ServerDeps {
  readonly resolveConnection: ConnectionResolver;
  readonly limits: BodyLimits;
  /** Calls a minute per connection (runtime spec §12.3), counted in this process. */
  readonly throttle: ConnectionThrottle;
  /** Validates, fixes and compares connector files on a worker thread, not the event loop. */
  readonly validator: ConnectorValidator;
  /**
   * How the server fetches what a user names by URL (an API description to import): public
   * addresses only unless private sinks are allowed, as for trigger deliveries (sink-guard.ts).
   */
  readonly userFetch: typeof fetch;
}
