/**
 * An LSP client for tests: talks to `listen` in this process over in-memory streams (or to a
 * spawned `flowport lsp`), and gathers what the server publishes.
 */
import { PassThrough } from 'node:stream';
import {
  type CodeAction,
  CodeActionRequest,
  createConnection,
  createMessageConnection,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { listen, type ServerOptions } from './server.ts';

export interface TestClient {
  readonly connection: MessageConnection;
  /** Every diagnostics notification so far, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Every message shown to the user so far. */
  readonly messages: { type: number; message: string }[];
  initialize(params?: { rootPath?: string; initializationOptions?: unknown }): Promise<InitializeResult>;
  open(path: string, text: string, version?: number): void;
  change(path: string, text: string, version: number): void;
  close(path: string): void;
  /** The first diagnostics published for `path` after `since` (an index into `published`) that `accept`s. */
  diagnostics(
    path: string,
    options?: { since?: number; accept?: (p: PublishDiagnosticsParams) => boolean },
  ): Promise<Diagnostic[]>;
  codeActions(path: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
  dispose(): void;
}

export const uri = (path: string) => `file://${path}`;

/** A client over the given streams (a spawned server's stdout and stdin). */
export function clientOver(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): TestClient {
  const connection = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  const published: PublishDiagnosticsParams[] = [];
  const messages: { type: number; message: string }[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters) w();
  });
  connection.onNotification(ShowMessageNotification.type, (m) => {
    messages.push(m);
    for (const w of waiters) w();
  });
  // The server registers file watchers and settings when the client says it can take them.
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const notify = (method: string, params: unknown) => connection.sendNotification(method, params);
  return {
    connection,
    published,
    messages,
    initialize: ({ rootPath, initializationOptions } = {}) =>
      connection
        .sendRequest<InitializeResult>('initialize', {
          processId: null,
          rootUri: rootPath ? uri(rootPath) : null,
          capabilities: {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { versionSupport: true } },
          },
          initializationOptions,
        })
        .then(async (result) => {
          await notify('initialized', {});
          return result;
        }),
    open: (path, text, version = 1) =>
      void notify('textDocument/didOpen', {
        textDocument: { uri: uri(path), languageId: 'json', version, text },
      }),
    change: (path, text, version) =>
      void notify('textDocument/didChange', {
        textDocument: { uri: uri(path), version },
        contentChanges: [{ text }],
      }),
    close: (path) => void notify('textDocument/didClose', { textDocument: { uri: uri(path) } }),
    diagnostics: (path, { since = 0, accept = () => true } = {}) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = published.slice(since).find((p) => p.uri === uri(path) && accept(p));
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.diagnostics);
          return true;
        };
        const check = () => void look();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for ${path} within 10 s`));
        }, 10_000);
        if (!look()) waiters.add(check);
      }),
    codeActions: (path, diagnostics, only) =>
      connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: uri(path) },
        range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics, ...(only && { only }) },
      }) as Promise<CodeAction[]>,
    dispose: () => connection.dispose(),
  };
}

/** A server (`listen`) in this process and a client talking to it. */
export function inProcessClient(options: ServerOptions = { delayMs: 10 }): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers and writers, not streams: given streams, the library ends the process when they close.
  listen(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), options);
  return clientOver(toClient, toServer);
}
