/**
 * What `flowport lsp` answers besides findings: the outline of a swagger, going to what a `$ref` or
 * an `operationId` names, the uses and renaming of a definition, and completion and hover for
 * extensions, policy templates and `flowport.config.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type Connection,
  ErrorCodes,
  MarkupKind,
  ResponseError,
  type TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { connectorFileKindOf } from '../connector/files.ts';
import { apiPropertiesCompletions } from './api-properties-help.ts';
import { CONFIG_FILE, configCompletions, configHoverAt } from './config-help.ts';
import { extensionCompletions, extensionHoverAt } from './extension-help.ts';
import {
  documentSymbols,
  operationIdsOf,
  operationRefAt,
  operationSummary,
  operationTarget,
  refTarget,
  refUses,
  renameEdits,
  renameRange,
} from './navigation.ts';
import { policyCompletions, policyHoverAt } from './policy-help.ts';
import { policyInstanceCompletions } from './policy-instance-help.ts';

/** How the server turns URIs into paths and back (open documents keep the editor's spelling). */
export interface Paths {
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
}

/** Registers the help handlers on `connection`, over the open `documents`. */
export function serveHelp(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  { pathOf, uriOf }: Paths,
): void {
  const isConfig = (uri: string) => basename(pathOf(uri) ?? '') === CONFIG_FILE;
  /** The open swagger at `uri`: outline and `$ref` navigation are for swaggers only. */
  const swaggerOf = (uri: string) => {
    const path = pathOf(uri);
    return path && connectorFileKindOf(basename(path)) === 'swagger' ? documents.get(uri) : undefined;
  };
  connection.onDocumentSymbol(({ textDocument }) => {
    const document = swaggerOf(textDocument.uri);
    return document ? documentSymbols(document) : [];
  });
  /** The swagger of the connector `path` belongs to: its open text, or the file on disk. */
  const swaggerBeside = (path: string): TextDocument | undefined => {
    const folder = dirname(path);
    for (const d of documents.all()) {
      const p = pathOf(d.uri);
      if (p && dirname(p) === folder && connectorFileKindOf(basename(p)) === 'swagger') return d;
    }
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      return undefined;
    }
    const name =
      names.find((n) => n.toLowerCase() === 'apidefinition.swagger.json') ??
      names.find((n) => connectorFileKindOf(n) === 'swagger');
    if (!name) return undefined;
    try {
      const text = readFileSync(join(folder, name), 'utf8');
      return TextDocument.create(uriOf(join(folder, name)), 'json', 0, text.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  };
  /** The operation a reference under the cursor names, and the swagger it is declared in. */
  const operationAt = (uri: string, offset: number) => {
    const path = pathOf(uri);
    const kind = path ? connectorFileKindOf(basename(path)) : undefined;
    const document = documents.get(uri);
    if (!path || !document || (kind !== 'swagger' && kind !== 'apiProperties')) return undefined;
    const ref = operationRefAt(document, offset, kind);
    const swagger = ref && (kind === 'swagger' ? document : swaggerBeside(path));
    return ref && swagger ? { ref, swagger } : undefined;
  };
  connection.onDefinition(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(position);
    const swagger = swaggerOf(textDocument.uri);
    const local = swagger && refTarget(swagger, offset);
    if (local) return local;
    const operation = operationAt(textDocument.uri, offset);
    return (operation && operationTarget(operation.swagger, operation.ref.id)) ?? null;
  });
  connection.onReferences(({ textDocument, position, context }) => {
    const document = swaggerOf(textDocument.uri);
    return document ? refUses(document, document.offsetAt(position), context.includeDeclaration) : [];
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const document = swaggerOf(textDocument.uri);
    return (document && renameRange(document, document.offsetAt(position))) ?? null;
  });
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const document = swaggerOf(textDocument.uri);
    if (!document) return null;
    const renamed = renameEdits(document, document.offsetAt(position), newName);
    if ('refused' in renamed) throw new ResponseError(ErrorCodes.InvalidRequest, renamed.refused);
    return { changes: { [textDocument.uri]: renamed.edits } };
  });

  /** An open `apiProperties.json` at `uri`: policy template help is for it. */
  const apiPropertiesOf = (uri: string) => {
    const path = pathOf(uri);
    return path && connectorFileKindOf(basename(path)) === 'apiProperties' ? documents.get(uri) : undefined;
  };
  connection.onCompletion(({ textDocument, position }) => {
    const swagger = swaggerOf(textDocument.uri);
    if (swagger) return extensionCompletions(swagger, swagger.offsetAt(position));
    const properties = apiPropertiesOf(textDocument.uri);
    if (properties) {
      const offset = properties.offsetAt(position);
      const templates = policyCompletions(properties, offset);
      if (templates.length > 0) return templates;
      const path = pathOf(textDocument.uri);
      const operationIds = () => {
        const swagger = path ? swaggerBeside(path) : undefined;
        return swagger ? operationIdsOf(swagger) : [];
      };
      const instance = policyInstanceCompletions(properties, offset, operationIds);
      return instance.length > 0 ? instance : apiPropertiesCompletions(properties, offset);
    }
    const config = isConfig(textDocument.uri) ? documents.get(textDocument.uri) : undefined;
    return config ? configCompletions(config, config.offsetAt(position)) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const offset = document.offsetAt(position);
    const swagger = swaggerOf(textDocument.uri);
    const properties = apiPropertiesOf(textDocument.uri);
    const help =
      (swagger && extensionHoverAt(swagger, offset)) ??
      (properties && policyHoverAt(properties, offset)) ??
      (isConfig(textDocument.uri) ? configHoverAt(document, offset) : undefined);
    if (help) return help;
    const operation = operationAt(textDocument.uri, offset);
    const summary = operation && operationSummary(operation.swagger, operation.ref.id);
    return operation && summary
      ? { contents: { kind: MarkupKind.Markdown, value: summary }, range: operation.ref.range }
      : null;
  });
}
