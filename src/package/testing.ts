import { zipSync } from 'fflate';
import { drawIcon } from '../convert/icon.ts';
import type { SolutionKind } from './model.ts';

/** Files and folders of a zip for tests: text, bytes, or a folder of more. */
export interface Tree {
  readonly [name: string]: string | Uint8Array | Tree;
}

const encoder = new TextEncoder();

/** The bytes of a zip holding `tree`. */
export function zipOf(tree: Tree): Uint8Array {
  const toZippable = (t: Tree): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(t).map(([name, value]) => [
        name,
        typeof value === 'string'
          ? encoder.encode(value)
          : value instanceof Uint8Array
            ? value
            : toZippable(value),
      ]),
    );
  return zipSync(toZippable(tree) as Parameters<typeof zipSync>[0]);
}

const NAME = 'cr3f1_5Fcontoso-20tasks';

/** A solution's `customizations.xml` as a Dataverse export writes it, with the parts asked for. */
export function customizationsXml(parts: {
  connector?: boolean;
  workflows?: boolean;
  plugin?: boolean;
}): string {
  const connector = parts.connector
    ? `  <Connectors>
    <Connector>
      <name>${NAME}</name>
      <displayname>Contoso Tasks</displayname>
      <openapidefinition>/Connector/${NAME}_openapidefinition.json</openapidefinition>
      <connectionparameters>/Connector/${NAME}_connectionparameters.json</connectionparameters>
      <iconblob>/Connector/${NAME}_iconblob.Png</iconblob>
      <iconbrandcolor>#1f344a</iconbrandcolor>
    </Connector>
  </Connectors>`
    : '  <Connectors />';
  const workflows = parts.workflows
    ? `  <Workflows>
    <Workflow WorkflowId="{5b0bd3a0-3c43-4d61-9b4e-6a1c7b6a2f10}" Name="Create a task">
      <JsonFileName>/Workflows/Createatask-5B0BD3A0-3C43-4D61-9B4E-6A1C7B6A2F10.json</JsonFileName>
    </Workflow>
  </Workflows>`
    : '  <Workflows />';
  const plugin = parts.plugin
    ? '  <aicopilot_aiplugins>\n    <aicopilot_aiplugin aicopilot_name="ContosoTasks">\n      <aicopilot_humanname>Contoso Tasks</aicopilot_humanname>\n    </aicopilot_aiplugin>\n  </aicopilot_aiplugins>'
    : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" OrganizationVersion="9.2.24074.196">
  <Entities />
  <Roles />
${workflows}
${connector}
${plugin}
  <Languages>
    <Language>1033</Language>
  </Languages>
</ImportExportXml>
`;
}

/** The files of a solution export of one kind: its three top files and folders. */
export function solutionTree(kind: SolutionKind): Tree {
  const tree: Record<string, string | Tree> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="utf-8"?><Types />',
    'customizations.xml': customizationsXml({
      connector: true,
      workflows: kind === 'flow',
      plugin: kind === 'plugin',
    }),
    'solution.xml': '<?xml version="1.0" encoding="utf-8"?><ImportExportXml />',
    Connector: {
      [`${NAME}_openapidefinition.json`]: '{"swagger":"2.0"}',
      [`${NAME}_connectionparameters.json`]: '{"api_key":{"type":"securestring"}}',
      [`${NAME}_iconblob.Png`]: drawIcon('#1f344a', 'Contoso'),
    },
  };
  if (kind === 'flow') tree.Workflows = { 'Createatask-5B0BD3A0-3C43-4D61-9B4E-6A1C7B6A2F10.json': '{}' };
  if (kind === 'plugin') {
    tree.aiplugins = { 'ContosoTasks.json': '{}' };
    tree.aipluginoperations = { 'GetTasks.json': '{}' };
  }
  return tree;
}

export const INTRO = `Contoso Tasks keeps the to-do lists of small teams.

## Prerequisites
A Contoso Tasks account.

## How to get credentials
Open Settings > API and copy the API key.

## Known issues and limitations
Attachments larger than 10 MB are not supported.
`;

/**
 * The tree of a submission Partner Center takes: `intro.md` and `ContosoTasks.pdpkg.zip`, whose
 * `PkgAssets/` holds the connector and the flow solution (and the plugin solution, when asked).
 * `assets` replaces or adds files of `PkgAssets/`; `root` those of the submission.
 */
export function submissionTree(options: { plugin?: boolean; assets?: Tree; root?: Tree } = {}): Tree {
  const assets: Tree = {
    'ContosoTasksConnector_1_0_0_0.zip': zipOf(solutionTree('connector')),
    'ContosoTasksFlows_1_0_0_0.zip': zipOf(solutionTree('flow')),
    ...(options.plugin && { 'ContosoTasksPlugin_1_0_0_0.zip': zipOf(solutionTree('plugin')) }),
    'ImportConfig.xml': '<configdatastorage />',
    ...options.assets,
  };
  return {
    'intro.md': INTRO,
    'ContosoTasks.pdpkg.zip': zipOf({ 'ContosoTasks.dll': new Uint8Array([0x4d, 0x5a]), PkgAssets: assets }),
    ...options.root,
  };
}
