/**
 * Plain values that cross between the runtime and a script's worker thread. Everything here survives
 * `structuredClone`: no `Headers`, no `Request`, no functions.
 */

/** An HTTP request as plain data; the script sees it as a WHATWG `Request`. */
export interface ScriptHttpRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: Uint8Array | string | undefined;
}

/** An HTTP response as plain data; the script sees it as a WHATWG `Response`. */
export interface ScriptHttpResponse {
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: Uint8Array | string | undefined;
}

export type ScriptLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One line the script logged through `context.logger` or `console`. */
export interface ScriptLogEntry {
  readonly level: ScriptLogLevel;
  readonly message: string;
}

/** What the worker starts with (`workerData`). */
export interface WorkerInput {
  readonly source: string;
  readonly fileName: string;
  readonly operationId: string;
  readonly correlationId: string;
  readonly request: ScriptHttpRequest;
  readonly connectionParameters: Readonly<Record<string, string>>;
  readonly originalRequestUrl: string;
  readonly runtimeBaseUrl: string;
  readonly logLimit: number;
  readonly logMessageLimit: number;
}

/** Why a script could not produce a response. */
export type ScriptFailureKind =
  /** TypeScript or JavaScript that does not parse, or syntax that cannot be stripped (`enum`). */
  | 'syntax'
  /** The module threw while loading, or imported something. */
  | 'load'
  /** No `Script` class, or no `executeAsync` method. */
  | 'shape'
  /** `executeAsync` threw or rejected. */
  | 'unhandled'
  /** `executeAsync` resolved to something other than a `Response`. */
  | 'result';

export type WorkerMessage =
  | { readonly type: 'log'; readonly entry: ScriptLogEntry }
  | { readonly type: 'log-capped' }
  | { readonly type: 'send'; readonly id: number; readonly request: ScriptHttpRequest }
  | { readonly type: 'done'; readonly response: ScriptHttpResponse }
  | {
      readonly type: 'failed';
      readonly kind: ScriptFailureKind;
      readonly message: string;
      /** 1-based line in the script, when known. */
      readonly line?: number | undefined;
      readonly stack?: string | undefined;
    };

export type MainMessage =
  | { readonly type: 'sent'; readonly id: number; readonly response: ScriptHttpResponse }
  | {
      readonly type: 'send-failed';
      readonly id: number;
      readonly message: string;
      readonly code: string | undefined;
    };
