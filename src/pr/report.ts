/**
 * `flowport pr`: what a pull request to microsoft/PowerPlatformConnectors needs for a connector —
 * its folder in the repository (the files the repository keeps, nothing else), the title, the
 * checklist decided from the certification rules' findings, and the breaking changes from the
 * version already there (certification spec §4.4, §2.7).
 */
import type { BreakingResult } from '../breaking/change.ts';
import { compareConnectors } from '../breaking/compare.ts';
import { connectorFromFiles } from '../connector/load.ts';
import type { Connector, ConnectorFileKind } from '../connector/model.ts';
import type { FlowportConfig } from '../validate/config.ts';
import type { ValidationResult } from '../validate/engine.ts';
import { presetFor } from '../validate/presets.ts';
import { validateConnector } from '../validate/validate.ts';
import { type CheckedItem, checkItems, type SubmissionKind } from './checklist.ts';
import type { SmokeEvidence } from './smoke-evidence.ts';

/** The repository's folder for each kind of submission. */
export const KIND_FOLDERS: Readonly<Record<SubmissionKind, string>> = {
  certified: 'certified-connectors',
  'independent-publisher': 'independent-publisher-connectors',
};

/** Files a connector's folder in the repository holds: no icon (it goes in the package), no intro.md. */
const REPOSITORY_FILES: readonly ConnectorFileKind[] = ['swagger', 'apiProperties', 'readme', 'script'];

/** The names the repository's folders use. */
export const FILE_NAMES: Readonly<Partial<Record<ConnectorFileKind, string>>> = {
  swagger: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  readme: 'readme.md',
  script: 'script.csx',
};

export interface PrOptions {
  readonly kind: SubmissionKind;
  /** The folder name in the repository (default: the connector's title). */
  readonly name?: string;
  /** The version already published, to compare with, and how to name it in the body. */
  readonly base?: { readonly connector: Connector; readonly label: string };
  readonly config?: FlowportConfig;
  /** The rows of the submitter's `flowport smoke --format json` run, as evidence of testing. */
  readonly smoke?: readonly SmokeEvidence[];
}

export interface PrFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PrReport {
  readonly kind: SubmissionKind;
  readonly title: string;
  /** `independent-publisher-connectors/<Name>`: where the files go in the repository. */
  readonly folder: string;
  readonly files: readonly PrFile[];
  /** Files of the connector the repository does not take (the icon of an independent publisher…). */
  readonly leftOut: readonly string[];
  readonly validation: ValidationResult;
  readonly checklist: readonly CheckedItem[];
  readonly breaking: { readonly result: BreakingResult; readonly against: string } | undefined;
  readonly description: string | undefined;
  readonly smoke: readonly SmokeEvidence[] | undefined;
}

/** The files of a connector the repository keeps, under the names it uses. */
export function repositoryFiles(connector: Connector): PrFile[] {
  const files: PrFile[] = [];
  for (const kind of REPOSITORY_FILES) {
    const file = connector.files[kind];
    const fileName = FILE_NAMES[kind];
    if (file && fileName) files.push({ name: fileName, bytes: file.bytes });
  }
  return files;
}

/** Characters folder names cannot hold on one of the platforms contributors use. */
const UNSAFE = /[\\/:*?"<>|]/g;

export function folderName(connector: Connector): string {
  const title = connector.definition.info.title?.trim() || 'connector';
  return title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Everything a pull request needs for `connector`.
 *
 * @example
 * const report = prReport(await loadConnector('./tasklane'), { kind: 'independent-publisher' });
 * report.checklist.filter((c) => c.state === 'failed'); // what the pipeline would refuse
 */
export function prReport(connector: Connector, options: PrOptions): PrReport {
  const name = options.name ?? folderName(connector);
  const files = repositoryFiles(connector);
  const written = connectorFromFiles(files, { source: connector.source, kind: options.kind });
  // An independent publisher's folder is all the pipeline sees (no icon, no package): validated as
  // written. A certified connector's icon goes in the package, whose rules still apply to it.
  const checked = options.kind === 'independent-publisher' ? written : connector;
  const validation = validateConnector(checked, {
    preset: presetFor(options.kind),
    ...(options.config && { config: options.config }),
  });
  const leftOut = (['icon', 'intro', 'settings', 'scriptTs'] as const)
    .map((kind) => connector.files[kind]?.name)
    .filter((n): n is string => n !== undefined);
  return {
    kind: options.kind,
    title: options.kind === 'independent-publisher' ? `${name} (Independent Publisher)` : name,
    folder: `${KIND_FOLDERS[options.kind]}/${name}`,
    files,
    leftOut,
    validation,
    checklist: checkItems(checked, options.kind, validation.diagnostics, options.smoke),
    smoke: options.smoke,
    // Like with like: what the repository holds of each version.
    breaking: options.base && {
      result: compareConnectors(
        connectorFromFiles(repositoryFiles(options.base.connector), {
          source: options.base.connector.source,
        }),
        written,
      ),
      against: options.base.label,
    },
    description: connector.definition.info.description?.trim() || undefined,
  };
}
