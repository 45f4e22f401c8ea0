import type {
  MainMessage,
  ScriptFailureKind,
  ScriptHttpRequest,
  ScriptHttpResponse,
  ScriptLogLevel,
  WorkerInput,
  WorkerMessage,
} from './protocol.ts';

/**
 * The body of a script's worker thread; `importModule` is a plain `import()`. It is passed to `new Worker(…, { eval: true })` as source
 * text, so it must not use imports or anything outside its own body: that keeps it working from the
 * TypeScript sources and from the one-file bundle alike (which has no separate worker file to point at).
 */
export function scriptWorkerMain(importModule: (url: string) => Promise<Record<string, unknown>>): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const { registerHooks, stripTypeScriptTypes } = process.getBuiltinModule('node:module');
  const { format } = process.getBuiltinModule('node:util');
  const input = workerData as WorkerInput;
  const port = parentPort;
  if (!port) return;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const IMPORT_REFUSED = 'FLOWPORT_SCRIPT_IMPORT_REFUSED';

  const fail = (kind: ScriptFailureKind, message: string, line?: number, stack?: string) =>
    post({ type: 'failed', kind, message, line, stack });

  const lineOf = (stack: string | undefined): number | undefined => {
    if (!stack) return undefined;
    const escaped = input.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`${escaped}:(\\d+)`).exec(stack);
    return match ? Number(match[1]) : undefined;
  };

  const describe = (error: unknown): { message: string; stack: string | undefined } => {
    if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
    return { message: format('%o', error), stack: undefined };
  };

  // Logs: capped in count and length so a chatty loop cannot flood the runtime.
  let logged = 0;
  let capped = false;
  const log = (level: ScriptLogLevel, values: unknown[]) => {
    if (logged >= input.logLimit) {
      if (!capped) post({ type: 'log-capped' });
      capped = true;
      return;
    }
    logged++;
    const text = format(...values);
    const message = text.length > input.logMessageLimit ? `${text.slice(0, input.logMessageLimit)}…` : text;
    post({ type: 'log', entry: { level, message } });
  };
  const logger = Object.freeze({
    debug: (...values: unknown[]) => log('debug', values),
    info: (...values: unknown[]) => log('info', values),
    warn: (...values: unknown[]) => log('warn', values),
    error: (...values: unknown[]) => log('error', values),
  });
  console.log = logger.info;
  console.info = logger.info;
  console.debug = logger.debug;
  console.warn = logger.warn;
  console.error = logger.error;

  // Scripts reach the network through `sendAsync`, as the platform asks of C# code (its own
  // `HttpClient` "will be blocked"); removing `fetch` makes a direct call fail loudly instead.
  for (const name of ['fetch', 'WebSocket', 'EventSource']) Reflect.deleteProperty(globalThis, name);
  registerHooks({
    resolve(specifier, context, next) {
      if (context.parentURL?.startsWith('data:')) {
        throw Object.assign(new Error(specifier), { code: IMPORT_REFUSED });
      }
      return next(specifier, context);
    },
  });

  const NULL_BODY = new Set([101, 103, 204, 205, 304]);
  const toRequest = (plain: ScriptHttpRequest): Request => {
    const method = plain.method.toUpperCase();
    const hasBody = plain.body !== undefined && method !== 'GET' && method !== 'HEAD';
    return new Request(plain.url, {
      method,
      headers: plain.headers.map(([name, value]): [string, string] => [name, value]),
      ...(hasBody && { body: plain.body }),
    });
  };
  const bytesOf = async (message: Request | Response): Promise<Uint8Array | undefined> => {
    if (message.body === null) return undefined;
    const bytes = new Uint8Array(await message.arrayBuffer());
    return bytes.byteLength > 0 ? bytes : undefined;
  };
  const toResponse = (plain: ScriptHttpResponse): Response =>
    new Response(NULL_BODY.has(plain.status) ? null : (plain.body ?? null), {
      status: plain.status,
      headers: plain.headers.map(([name, value]): [string, string] => [name, value]),
    });

  let nextId = 0;
  const pending = new Map<number, { resolve(r: Response): void; reject(e: Error): void }>();
  port.on('message', (message: MainMessage) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.type === 'send-failed') {
      waiting.reject(Object.assign(new Error(message.message), { code: message.code }));
      return;
    }
    try {
      waiting.resolve(toResponse(message.response));
    } catch (error) {
      waiting.reject(
        new Error(
          `The backend answered with status ${message.response.status}, which a \`Response\` cannot hold.`,
          {
            cause: error,
          },
        ),
      );
    }
  });
  const sendAsync = async (resource: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(resource, init);
    const plain: ScriptHttpRequest = {
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      body: await bytesOf(request),
    };
    const id = nextId++;
    return new Promise<Response>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ type: 'send', id, request: plain });
    });
  };

  const base = input.runtimeBaseUrl.replace(/\/+$/, '');
  const context = Object.freeze({
    request: toRequest(input.request),
    operationId: input.operationId,
    correlationId: input.correlationId,
    connectionParameters: Object.freeze({ ...input.connectionParameters }),
    logger,
    originalRequestUrl: input.originalRequestUrl,
    createNotificationUrl: (pathAndQuery: string) => `${base}/${String(pathAndQuery).replace(/^\/+/, '')}`,
    sendAsync,
  });

  const run = async () => {
    let code: string;
    // `stripTypeScriptTypes` warns that it is experimental on every process that calls it; the
    // warning would land on the user's terminal once per script run.
    const emitWarning = process.emitWarning;
    process.emitWarning = () => {};
    try {
      code = stripTypeScriptTypes(input.source, { mode: 'strip', sourceUrl: input.fileName });
    } catch (error) {
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      const line = /^[^\n]*:(\d+)$/m.exec(stack.split('\n')[0] ?? '');
      fail(
        'syntax',
        error instanceof Error ? error.message : String(error),
        line ? Number(line[1]) : undefined,
      );
      return;
    } finally {
      process.emitWarning = emitWarning;
    }

    let exported: Record<string, unknown>;
    try {
      exported = await importModule(`data:text/javascript,${encodeURIComponent(code)}`);
    } catch (error) {
      const { code: errorCode } = (error ?? {}) as { code?: unknown };
      if (errorCode === IMPORT_REFUSED && error instanceof Error) {
        fail('load', `imports \`${error.message}\``);
      } else if (error instanceof SyntaxError) {
        fail('syntax', error.message, lineOf(error.stack));
      } else {
        const { message, stack } = describe(error);
        fail('load', message, lineOf(stack), stack);
      }
      return;
    }

    const Script = typeof exported.default === 'function' ? exported.default : exported.Script;
    if (typeof Script !== 'function') {
      fail('shape', 'exports no `Script` class');
      return;
    }
    const prototype: unknown = Script.prototype;
    const executeAsync =
      typeof prototype === 'object' && prototype !== null
        ? (prototype as Record<string, unknown>).executeAsync
        : undefined;
    if (typeof executeAsync !== 'function') {
      fail('shape', 'has a `Script` class without an `executeAsync` method');
      return;
    }

    let result: unknown;
    try {
      const instance: unknown = Reflect.construct(Script, []);
      result = await Reflect.apply(executeAsync, instance, [context]);
    } catch (error) {
      const { message, stack } = describe(error);
      fail('unhandled', message, lineOf(stack), stack);
      return;
    }
    if (!(result instanceof Response) || result.type === 'error') {
      fail('result', format('%o', result).slice(0, 200));
      return;
    }
    let body: Uint8Array | undefined;
    try {
      body = await bytesOf(result);
    } catch (error) {
      const { message, stack } = describe(error);
      fail('unhandled', message, lineOf(stack), stack);
      return;
    }
    post({ type: 'done', response: { status: result.status, headers: [...result.headers], body } });
  };
  void run();
}

/**
 * The worker's source text for `new Worker(WORKER_SOURCE, { eval: true })`. `import()` stays in this
 * string: test runners rewrite it inside function bodies (Vitest turns it into a helper the worker lacks).
 */
export const WORKER_SOURCE = `(${scriptWorkerMain.toString()})((url) => import(url));`;
