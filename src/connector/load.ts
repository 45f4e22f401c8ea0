import { sep } from 'node:path';
import { readApiProperties } from './api-properties.ts';
import { readDefinition } from './definition.ts';
import { classify, type Discovered, type RawFile, readSource, type SourceType } from './files.ts';
import { JsonDocument } from './json-document.ts';
import type { Connector, ConnectorKind } from './model.ts';
import { resolveRef } from './refs.ts';

function kindOf(source: string): ConnectorKind {
  const parts = source.split(/[\\/]/).map((p) => p.toLowerCase());
  if (parts.includes('certified-connectors')) return 'certified';
  if (parts.includes('independent-publisher-connectors')) return 'independent-publisher';
  if (parts.includes('custom-connectors')) return 'custom';
  return 'unknown';
}

function build(
  source: string,
  sourceType: SourceType,
  discovered: Discovered,
  kind?: ConnectorKind,
): Connector {
  const { files, otherFiles } = discovered;
  const documents: Connector['documents'] = {
    ...(files.swagger?.text !== undefined && {
      swagger: new JsonDocument(files.swagger.path, files.swagger.text),
    }),
    ...(files.apiProperties?.text !== undefined && {
      apiProperties: new JsonDocument(files.apiProperties.path, files.apiProperties.text),
    }),
    ...(files.settings?.text !== undefined && {
      settings: new JsonDocument(files.settings.path, files.settings.text),
    }),
  };
  const properties = readApiProperties(documents.apiProperties?.value);
  const definition = readDefinition(documents.swagger?.value, {
    // With both files, flowport runs the TypeScript port (docs/runtime/custom-code.md).
    language: files.scriptTs ? 'typescript' : files.script ? 'csharp' : undefined,
    operations: properties.scriptOperations?.length ? properties.scriptOperations : undefined,
  });
  const operations = definition.paths.flatMap((p) => p.operations);
  const byId = new Map<string, (typeof operations)[number]>();
  for (const op of operations) if (op.id !== undefined && !byId.has(op.id)) byId.set(op.id, op);
  const swaggerValue = documents.swagger?.value;
  return Object.freeze({
    source,
    sourceType,
    kind: kind ?? kindOf(source),
    files,
    otherFiles,
    documents,
    definition,
    properties,
    operations,
    operation: (id: string) => byId.get(id),
    resolve: (ref: string) => resolveRef(swaggerValue, ref),
  });
}

/**
 * Reads a connector from a folder, a zip or a single swagger file. Malformed content never throws:
 * it becomes findings when the connector is validated. Throws `FlowportError` only when the path
 * cannot be read at all.
 *
 * @example
 * const connector = loadConnectorSync('examples/contoso-tasks');
 * connector.operations.map((op) => op.id);
 */
export function loadConnectorSync(path: string, options: { kind?: ConnectorKind } = {}): Connector {
  const source = sourcePath(path);
  const { type, discovered } = readSource(source);
  return build(source, type, discovered, options.kind);
}

/** A source path as the loader names it: without a trailing separator. */
export function sourcePath(path: string): string {
  return path.endsWith(sep) && path.length > 1 ? path.slice(0, -1) : path;
}

/** A connector from files already read with `readSource(sourcePath(path))` (the cache reads them first). */
export function connectorFromRead(source: string, read: ReturnType<typeof readSource>): Connector {
  return build(source, read.type, read.discovered);
}

/** Async form of {@link loadConnectorSync}, for the library API. */
export async function loadConnector(
  path: string,
  options: { kind?: ConnectorKind } = {},
): Promise<Connector> {
  return loadConnectorSync(path, options);
}

/**
 * The connector with some JSON documents replaced (`swagger`, `apiProperties`): the same source, kind
 * and other files, read again from the new texts. A document the connector lacks is added under its
 * standard name.
 */
export function withDocuments(
  connector: Connector,
  texts: Partial<Record<'swagger' | 'apiProperties', string>>,
): Connector {
  const files = { ...connector.files };
  for (const kind of ['swagger', 'apiProperties'] as const) {
    const text = texts[kind];
    if (text === undefined) continue;
    const before = files[kind];
    const name = before?.name ?? (kind === 'swagger' ? 'apiDefinition.swagger.json' : 'apiProperties.json');
    files[kind] = {
      kind,
      name,
      path: before?.path ?? name,
      bytes: new TextEncoder().encode(text),
      text,
    };
  }
  return build(
    connector.source,
    connector.sourceType,
    { files, otherFiles: [...connector.otherFiles] },
    connector.kind,
  );
}

/** Builds a connector from in-memory files (tests, uploads); names are matched as in a folder. */
export function connectorFromFiles(
  files: readonly RawFile[],
  options: { source?: string; kind?: ConnectorKind } = {},
): Connector {
  const source = options.source ?? '<memory>';
  return build(source, 'folder', classify(files, options.source ?? ''), options.kind);
}
