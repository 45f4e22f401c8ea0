import { basename, dirname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type AcceptedFile, readAccepted } from '../breaking/accepted.ts';
import { connectorFileKindOf } from '../connector/files.ts';
import { PRESETS, type PresetName } from '../validate/rule.ts';
import { SUPPRESSIONS_FILE } from '../validate/suppressions.ts';
import { VERSION } from '../version.ts';
import { breakingDiagnostic, breakingWatch } from './breaking-diagnostics.ts';
import { codeActions, FIX_ALL } from './code-actions.ts';
import { CONFIG_FILE, configDiagnostics } from './config-help.ts';
import { type FileFindings, folderFindings, type OpenText } from './folder-findings.ts';
import { serveHelp } from './help-handlers.ts';
import { lspDiagnostic } from './lsp-diagnostic.ts';

/** Files whose change may change every connector's findings. */
const SETTINGS_FILES = new Set(['flowport.config.json', SUPPRESSIONS_FILE, 'package.json']);

export interface ServerOptions {
  /** Quiet time after a change before its connector is validated again; 200 ms by default. */
  readonly delayMs?: number;
}

/** `initializationOptions` (or the `flowport` section of the editor's settings) the server reads. */
interface Settings {
  readonly preset?: PresetName;
  /** The git revision breaking changes are found against; `false` for none. `HEAD` by default. */
  readonly breakingBase?: string | false;
  /** The file of changes made on purpose (`flowport breaking --accept`), from the workspace root. */
  readonly breakingAccept?: string;
}

/**
 * Serves flowport's findings over `connection` until the editor shuts it down.
 *
 * @example
 * import { createConnection } from 'vscode-languageserver/node';
 * listen(createConnection(process.stdin, process.stdout));
 */
export function listen(connection: Connection, options: ServerOptions = {}): void {
  const delayMs = options.delayMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];
  let settings: Settings = {};
  /** Per connector folder: its pending validation, and the files it published findings for. */
  const folders = new Map<string, { timer?: NodeJS.Timeout; published: Set<string> }>();
  /** The last findings published per path, for code actions. */
  const findingsOf = new Map<string, FileFindings>();
  const shownProblems = new Set<string>();
  // A notification, not `showErrorMessage`'s request: nothing to wait for, no client left hanging.
  const showError = (message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });

  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  const uriOf = (path: string) => {
    for (const d of documents.all()) if (pathOf(d.uri) === path) return d.uri;
    return pathToFileURL(path).href;
  };

  const settingsFrom = (value: unknown, where: string): Settings => {
    const given = (value ?? {}) as { preset?: unknown; breakingBase?: unknown; breakingAccept?: unknown };
    const out: { preset?: PresetName; breakingBase?: string | false; breakingAccept?: string } = {};
    const { preset, breakingBase, breakingAccept } = given;
    if (typeof breakingAccept === 'string' && breakingAccept !== '') out.breakingAccept = breakingAccept;
    else if (breakingAccept !== undefined && breakingAccept !== null)
      showError(`flowport: ${where} \`breakingAccept\` must be the path of a file of accepted changes.`);
    if (typeof preset === 'string' && PRESETS.includes(preset as PresetName))
      out.preset = preset as PresetName;
    else if (preset !== undefined && preset !== null && preset !== '')
      showError(
        `flowport: ${where} \`preset\` is ${JSON.stringify(preset)}; use one of ${PRESETS.join(', ')}. The connector's own preset is used meanwhile.`,
      );
    if (
      breakingBase === false ||
      (typeof breakingBase === 'string' && breakingBase !== '' && !breakingBase.startsWith('-'))
    )
      out.breakingBase = breakingBase;
    else if (breakingBase !== undefined && breakingBase !== null)
      showError(
        `flowport: ${where} \`breakingBase\` is ${JSON.stringify(breakingBase)}; give a git revision (\`HEAD\`, \`origin/dev\`) or false. \`HEAD\` is used meanwhile.`,
      );
    return out;
  };
  const watch = breakingWatch();

  const validate = (folder: string) => {
    const state = folders.get(folder);
    if (!state) return;
    state.timer = undefined;
    const open = new Map<string, OpenText>();
    for (const d of documents.all()) {
      const path = pathOf(d.uri);
      if (path && dirname(path) === folder) open.set(path, { text: d.getText(), version: d.version });
    }
    // The innermost workspace folder holding the connector (folders may nest).
    const root = roots
      .filter((r) => folder === r || folder.startsWith(r.endsWith(sep) ? r : r + sep))
      .sort((a, b) => b.length - a.length)[0];
    let found: ReturnType<typeof folderFindings>;
    try {
      found = folderFindings(folder, open, {
        ...(settings.preset && { preset: settings.preset }),
        ...(root && { suppressionsFile: `${root}${sep}${SUPPRESSIONS_FILE}` }),
      });
    } catch (error) {
      // A bug, not the author's mistake: said in the editor, with the detail in the server's log.
      connection.console.error(`flowport could not validate ${folder}: ${(error as Error).stack ?? error}`);
      showError(
        `flowport could not validate ${folder}: ${(error as Error).message}. Please report it with the server's log.`,
      );
      return;
    }
    for (const problem of found?.problems ?? []) {
      if (shownProblems.has(problem)) continue;
      shownProblems.add(problem);
      showError(`flowport: ${problem} Validating without it until it is fixed.`);
    }
    // Breaking changes against the revision: said when the author chose one git cannot give, not
    // when the folder is simply not in a repository (the default, `HEAD`).
    const base = settings.breakingBase ?? 'HEAD';
    let accepted: AcceptedFile | undefined;
    if (settings.breakingAccept && base !== false) {
      try {
        accepted = readAccepted(resolve(root ?? folder, settings.breakingAccept));
      } catch (error) {
        const problem = (error as Error).message;
        if (!shownProblems.has(problem)) showError(`flowport: ${problem} Changes are shown as not accepted.`);
        shownProblems.add(problem);
      }
    }
    const breaking =
      found && base !== false ? watch.changes(folder, found.connector, base, accepted) : undefined;
    if (breaking?.problem && settings.breakingBase && !shownProblems.has(breaking.problem)) {
      shownProblems.add(breaking.problem);
      showError(`flowport: no breaking changes against ${base}: ${breaking.problem}`);
    }
    const now = new Set<string>();
    for (const [path, file] of found?.files ?? []) {
      now.add(path);
      findingsOf.set(path, file);
      const uri = uriOf(path);
      const diagnostics = file.findings.map((finding, index) =>
        lspDiagnostic(finding, file.document, { bom: file.bom, index }),
      );
      for (const placed of breaking?.placed ?? [])
        if (placed.file === path && base !== false)
          diagnostics.push(breakingDiagnostic(placed, file.document, file.bom, base));
      connection.sendDiagnostics({
        uri,
        ...(file.version !== undefined && { version: file.version }),
        diagnostics,
      });
    }
    // Files gone from the connector (deleted, or the folder no longer one) lose their findings.
    for (const path of state.published) {
      if (now.has(path)) continue;
      findingsOf.delete(path);
      connection.sendDiagnostics({ uri: uriOf(path), diagnostics: [] });
    }
    state.published = now;
  };

  const schedule = (folder: string, delay = delayMs) => {
    const state = folders.get(folder) ?? { published: new Set<string>() };
    folders.set(folder, state);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => validate(folder), delay);
  };

  // Settings are read from disk: they count when saved (open connector files count as typed).
  const isSettings = (uri: string) => SETTINGS_FILES.has(basename(pathOf(uri) ?? ''));
  const isConfig = (uri: string) => basename(pathOf(uri) ?? '') === CONFIG_FILE;

  /** Schedules what a changed file calls for: every known connector for a settings file, its own for a connector file. */
  const changedFile = (uri: string, delay?: number) => {
    const path = pathOf(uri);
    if (!path) return;
    const name = basename(path);
    if (SETTINGS_FILES.has(name)) {
      shownProblems.clear();
      for (const folder of folders.keys()) schedule(folder, delay);
    } else if (connectorFileKindOf(name)) schedule(dirname(path), delay);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []))
      .map(pathOf)
      .filter((p): p is string => p !== undefined);
    settings = settingsFrom(params.initializationOptions, 'initializationOptions');
    const watches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const configures = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    connection.onInitialized(() => {
      // The server filters by name (any case: `README.md`), so a broad pattern; a client that
      // refuses a registration only loses the updates.
      const refused = () => undefined;
      if (watches)
        connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: '**/*.{json,md,csx,png}' }],
          })
          .then(undefined, refused);
      if (configures)
        connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'flowport' })
          .then(undefined, refused);
    });
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['"'] },
        hoverProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'flowport', version: VERSION },
    };
  });

  connection.onDidChangeConfiguration(({ settings: changed }) => {
    const section = (changed as { flowport?: unknown } | null | undefined)?.flowport;
    if (section === undefined) return;
    settings = settingsFrom(section, 'the `flowport` settings:');
    for (const folder of folders.keys()) schedule(folder, 0);
  });
  // The config's own mistakes, as typed (validation reads the saved file).
  const checkConfig = (document: TextDocument) =>
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: configDiagnostics(document),
    });
  // The library follows each open with a content change: one validation, at once for an open.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => void opening.add(document.uri));
  documents.onDidChangeContent(({ document }) => {
    const opened = opening.delete(document.uri);
    if (isConfig(document.uri)) checkConfig(document);
    if (!isSettings(document.uri)) changedFile(document.uri, opened ? 0 : undefined);
  });
  // Closed unsaved: the file on disk counts again.
  documents.onDidClose(({ document }) => {
    if (isConfig(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!isSettings(document.uri)) changedFile(document.uri, 0);
  });
  documents.onDidSave(({ document }) => {
    if (isSettings(document.uri)) changedFile(document.uri, 0);
  });
  // Only connectors already validated (a file of theirs was opened): a branch switch in a repository
  // of hundreds of connectors validates none of the others.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const { uri } of changes) {
      const path = pathOf(uri);
      if (isSettings(uri) || (path && folders.has(dirname(path)) && !documents.get(uri))) changedFile(uri);
    }
  });

  connection.onCodeAction(({ textDocument, context }: CodeActionParams) => {
    const document = documents.get(textDocument.uri);
    const path = pathOf(textDocument.uri);
    const file = path ? findingsOf.get(path) : undefined;
    // Findings of an older text would put the changes in the wrong places: none until it is validated.
    if (!document || !file || file.version !== document.version) return [];
    return codeActions(document, file.findings, context.diagnostics, context.only);
  });

  serveHelp(connection, documents, { pathOf, uriOf });

  connection.onShutdown(() => {
    for (const state of folders.values()) if (state.timer) clearTimeout(state.timer);
  });

  documents.listen(connection);
  connection.listen();
}
