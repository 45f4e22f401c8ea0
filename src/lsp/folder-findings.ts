/**
 * The findings of the connector in one folder as an editor sees it: the files on disk, with the text
 * of those open in the editor instead (saved or not), validated as `flowport validate <folder>` would
 * (the `flowport.config.json` found from the folder up, the workspace's bulk suppressions).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { connectorFileKindOf, type RawFile, readFolder, utf8 } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { Connector } from '../connector/model.ts';
import { type FlowportConfig, loadConfig, namesRule } from '../validate/config.ts';
import type { Diagnostic } from '../validate/diagnostic.ts';
import type { ValidationResult } from '../validate/engine.ts';
import type { PresetName } from '../validate/rule.ts';
import { applySuppressions, readSuppressions } from '../validate/suppressions.ts';
import { validateConnector } from '../validate/validate.ts';

/** One connector file with the findings in it. */
export interface FileFindings {
  /** The text as the editor holds it (without a byte order mark). */
  readonly document: TextDocument;
  /** Whether flowport read the file with a byte order mark the document lacks (line 1's columns move). */
  readonly bom: boolean;
  /** The editor's version of the text validated, or undefined for a file read from disk. */
  readonly version: number | undefined;
  readonly findings: readonly Diagnostic[];
}

export interface FolderFindings {
  /** The connector as validated (the editor's texts in it). */
  readonly connector: Connector;
  /** Every connector file of the folder, by path, those without findings too (to clear them). */
  readonly files: ReadonlyMap<string, FileFindings>;
  /** Problems with the settings (a malformed config or suppressions file); validation went on without them. */
  readonly problems: readonly string[];
}

/** An editor's open text of a file. */
export interface OpenText {
  readonly text: string;
  readonly version: number;
}

const encoder = new TextEncoder();

/**
 * Validates the connector in `folder` (files on disk, overlaid by `open`, paths to texts); undefined
 * when the folder holds neither a swagger nor an `apiProperties.json`, on disk or open, and so is no
 * connector (a readme alone is any project's).
 */
export function folderFindings(
  folder: string,
  open: ReadonlyMap<string, OpenText>,
  options: { readonly preset?: PresetName; readonly suppressionsFile?: string } = {},
): FolderFindings | undefined {
  let files: RawFile[];
  try {
    // Other files are listed too, by name: rules look for a misnamed script or a readme's images.
    files = readFolder(folder);
  } catch {
    // A folder that vanished (or an unsaved file's folder): only the open texts are left.
    files = [];
  }
  for (const [path, { text }] of open) {
    const name = basename(path);
    if (dirname(path) !== folder || !connectorFileKindOf(name)) continue;
    files = files.filter((f) => f.name !== name);
    files.push({ name, bytes: encoder.encode(text) });
  }
  const kinds = new Set(files.map((f) => connectorFileKindOf(f.name)));
  if (!kinds.has('swagger') && !kinds.has('apiProperties')) return undefined;

  const problems: string[] = [];
  let config: FlowportConfig | undefined;
  try {
    config = loadConfig({ dir: folder });
  } catch (error) {
    problems.push((error as Error).message);
  }
  const connector = connectorFromFiles(files, { source: folder });
  let result: ValidationResult = validateConnector(connector, {
    ...(options.preset && { preset: options.preset }),
    ...(config && { config }),
  });
  if (options.suppressionsFile && existsSync(options.suppressionsFile)) {
    try {
      result =
        applySuppressions(
          [result],
          readSuppressions(options.suppressionsFile, (id) => namesRule(config, id)),
        ).results[0] ?? result;
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  // Findings of a missing file (no readme, no icon, no swagger) are the connector's: shown on the
  // file that makes the folder a connector.
  const home = (connector.files.swagger ?? connector.files.apiProperties)?.path ?? folder;
  const byPath = new Map<string, Diagnostic[]>(
    files
      .filter((f) => connectorFileKindOf(f.name))
      .map((f) => [join(folder, f.name), [] as Diagnostic[]] as const),
  );
  for (const d of result.diagnostics) {
    const path = d.fileKind && d.file && byPath.has(d.file) ? d.file : home;
    byPath.get(path)?.push(d);
  }
  const out = new Map<string, FileFindings>();
  for (const f of files) {
    if (!connectorFileKindOf(f.name)) continue;
    const path = join(folder, f.name);
    const opened = open.get(path);
    const read = opened?.text ?? (connectorFileKindOf(f.name) === 'icon' ? '' : utf8(f.bytes));
    const bom = !opened && read.charCodeAt(0) === 0xfeff;
    out.set(path, {
      document: TextDocument.create(path, 'json', opened?.version ?? 0, bom ? read.slice(1) : read),
      bom,
      version: opened?.version,
      findings: byPath.get(path) ?? [],
    });
  }
  return { connector, files: out, problems };
}
