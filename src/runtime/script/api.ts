/**
 * What a `script.ts` sees: the TypeScript counterpart of `ScriptBase`/`IScriptContext` in C# custom
 * code (docs/runtime/custom-code.md). Scripts import these with `import type` only.
 *
 * @example
 * import type { ScriptContext } from 'flowport';
 * export default class Script {
 *   async executeAsync(context: ScriptContext): Promise<Response> {
 *     const response = await context.sendAsync(context.request);
 *     return Response.json({ ...(await response.json()), checkedAt: new Date().toISOString() });
 *   }
 * }
 */

/** Captured per invocation and returned with the result; `console.*` goes here too. */
export interface ScriptLogger {
  debug(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
}

export interface ScriptContext {
  /**
   * The backend request as the runtime built it: host and path resolved, connection auth and
   * request-section policies applied, body serialised. Derive another with `new Request(url, request)`.
   */
  readonly request: Request;
  /** The swagger `operationId` being executed. */
  readonly operationId: string;
  /** Identifies this invocation in logs; a UUID unless the runtime passes its own. */
  readonly correlationId: string;
  /** Values of the connection's non-secret parameters (`string`, `int`, `bool`); secrets are left out. */
  readonly connectionParameters: Readonly<Record<string, string>>;
  readonly logger: ScriptLogger;
  /** The URL the call reached flowport at; the backend URL when no server hosts the connector. */
  readonly originalRequestUrl: string;
  /** An absolute URL that routes back to this connector at `pathAndQuery` (webhook relays). */
  createNotificationUrl(pathAndQuery: string): string;
  /**
   * Sends a request as-is through the runtime's transport (no auth or policies are added) and
   * resolves to the response; same arguments as `fetch`.
   */
  sendAsync(input: Request | string | URL, init?: RequestInit): Promise<Response>;
}

/** The class a `script.ts` exports, as `export default class Script` or `export class Script`. */
export interface ScriptInstance {
  executeAsync(context: ScriptContext): Promise<Response>;
}
