/**
 * `--fix` on a connector's files held in memory: the changes its findings offer, made in the files'
 * bytes in passes. `validate --fix` and `--diff` read a connector's files and write (or show) what
 * this gives; the server fixes a stored version with it.
 */
import { utf8 } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { ConnectorFileKind } from '../connector/model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { fixText, MAX_FIX_PASSES } from './fix.ts';
import { type ValidateOptions, validateConnector } from './validate.ts';

export interface NamedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface FilesFix {
  /** All the files, the changed ones with their new bytes. */
  readonly files: readonly NamedFile[];
  /** Findings the changes fixed, in all passes. */
  readonly fixed: number;
  /** Names of the files changed. */
  readonly changed: readonly string[];
  /**
   * Findings of the files given back, when the last pass validated them and had nothing left to
   * change (undefined after `MAX_FIX_PASSES` passes that all changed something).
   */
  readonly findings: readonly Diagnostic[] | undefined;
}

const JSON_KINDS: ReadonlySet<ConnectorFileKind> = new Set(['swagger', 'apiProperties', 'settings']);
const encoder = new TextEncoder();

/**
 * The connector's files with the edits its findings offer made, validating again after each pass
 * until no finding offers one (at most `MAX_FIX_PASSES`). Files other than the JSON ones, and files
 * no change touches, keep their bytes. `source` names the connector (its folder, whose name decides
 * the default preset); `preset` and `config` are the validation's.
 *
 * @example
 * const { files, fixed, changed } = fixFiles(version.files, { preset: 'certification' });
 */
export function fixFiles(
  files: readonly NamedFile[],
  options: ValidateOptions & {
    readonly source?: string;
    /** Findings of `files` as given, when the caller has them (the first pass validates no more). */
    readonly findings?: readonly Diagnostic[];
  } = {},
): FilesFix {
  const { source = '<memory>', findings: known, ...validation } = options;
  let current = [...files];
  let fixed = 0;
  const changed = new Set<string>();
  let settled: readonly Diagnostic[] | undefined;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    // Named by the source, the connector's kind (and so its default preset) is the one on disk.
    const connector = connectorFromFiles(current, { source });
    const diagnostics = pass === 0 && known ? known : validateConnector(connector, validation).diagnostics;
    const byKind = new Map<ConnectorFileKind, Diagnostic[]>();
    for (const d of diagnostics) {
      if (!d.edit || !d.fileKind || !JSON_KINDS.has(d.fileKind)) continue;
      const list = byKind.get(d.fileKind) ?? [];
      list.push(d);
      byKind.set(d.fileKind, list);
    }
    let madeThisPass = 0;
    for (const [kind, findings] of byKind) {
      const name = connector.files[kind]?.name;
      const at = current.findIndex((f) => f.name === name);
      const file = current[at];
      if (!file) continue;
      const before = utf8(file.bytes);
      const { after, fixed: n } = fixText(before, findings);
      if (after === before) continue;
      current = [...current];
      current[at] = { name: file.name, bytes: encoder.encode(after) };
      changed.add(file.name);
      fixed += n;
      madeThisPass += n;
    }
    if (madeThisPass === 0) {
      settled = diagnostics;
      break;
    }
  }
  return { files: current, fixed, changed: [...changed], findings: settled };
}
