import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../../connector/load.ts';
import { certificationPackageOf } from '../../../package/read.ts';
import {
  customizationsXml,
  INTRO,
  solutionTree,
  submissionTree,
  type Tree,
  zipOf,
} from '../../../package/testing.ts';
import type { Rule } from '../../rule.ts';
import rules from './index.ts';
import archiveUnreadable from './package-archive-unreadable.ts';
import assetsFolder from './package-assets-folder.ts';
import assetsName from './package-assets-name.ts';
import assetsSubfolder from './package-assets-subfolder.ts';
import connectorFiles from './package-connector-files.ts';
import connectorIcon from './package-connector-icon.ts';
import connectorSource from './package-connector-source.ts';
import introName from './package-intro-name.ts';
import introSections from './package-intro-sections.ts';
import rootFiles from './package-root-files.ts';
import rootFolder from './package-root-folder.ts';
import solutionCount from './package-solution-count.ts';
import solutionFiles from './package-solution-files.ts';
import solutionFolders from './package-solution-folders.ts';
import solutionKinds from './package-solution-kinds.ts';
import workflowFiles from './package-workflow-files.ts';

/** Messages of one rule over the submission zip of `tree`. */
function messages(rule: Rule, tree: Tree): string[] {
  const pkg = certificationPackageOf('submission.zip', zipOf(tree));
  if (!pkg) throw new Error('not read as a certification package');
  const out: string[] = [];
  rule.visit.certificationPackage?.(pkg, { report: (r) => out.push(r.message) });
  return out;
}

/** A deployer zip around `assets` (the package zip's contents, not only `PkgAssets/`). */
const withDeployer = (deployer: Tree): Tree => ({
  'intro.md': INTRO,
  'ContosoTasks.pdpkg.zip': zipOf(deployer),
});

describe('every package rule', () => {
  it('says nothing about a package Partner Center takes, with or without an AI plugin', () => {
    for (const rule of rules) {
      expect(messages(rule, submissionTree()), rule.id).toEqual([]);
      expect(messages(rule, submissionTree({ plugin: true })), rule.id).toEqual([]);
    }
  });
});

describe('package-root-folder', () => {
  it('reports a folder at the top of the submission zip', () => {
    expect(messages(rootFolder, { Submission: submissionTree() })).toEqual([
      'The submission zip holds the folder `Submission/`; it must hold no folder, only `intro.md` and the package zip (ConnectorPackageValidator: "should not contain any folder inside").',
    ]);
  });
  it('names every folder', () => {
    expect(
      messages(rootFolder, submissionTree({ root: { docs: { 'a.png': 'x' }, extra: { 'b.txt': 'y' } } }))[0],
    ).toContain('`docs/` and `extra/`');
  });
});

describe('package-root-files', () => {
  it('reports a missing intro.md', () => {
    const { 'intro.md': _, ...tree } = submissionTree();
    expect(messages(rootFiles, tree)).toEqual([
      'The submission zip has no `intro.md`; it must hold one beside the package zip (ConnectorPackageValidator: "should contain both intro.md and package zip file").',
    ]);
  });
  it('reports two Markdown files and two zips', () => {
    const tree = submissionTree({ root: { 'README.md': '# Contoso', 'Other.zip': zipOf({ 'a.txt': 'a' }) } });
    expect(messages(rootFiles, tree)).toEqual([
      'The submission zip holds 2 Markdown files, `README.md` and `intro.md`; it must hold exactly one, `intro.md`.',
      'The submission zip holds 2 zips, `ContosoTasks.pdpkg.zip` and `Other.zip`; it must hold exactly one, the package zip (flowport checked `ContosoTasks.pdpkg.zip`).',
    ]);
  });
  it('reports a missing package zip (a zip inside a folder makes it a package still)', () => {
    expect(messages(rootFiles, { 'intro.md': INTRO, nested: { 'x.zip': zipOf({ 'a.txt': 'a' }) } })).toEqual([
      'The submission zip has no package zip; it must hold the Package Deployer zip (`<name>.pdpkg.zip`) beside `intro.md` (ConnectorPackageValidator: "should contain both intro.md and package zip file").',
    ]);
  });
  it('matches extensions in any case, as PowerShell does', () => {
    const { 'intro.md': intro, 'ContosoTasks.pdpkg.zip': deployer } = submissionTree();
    expect(
      messages(rootFiles, { 'INTRO.MD': intro as string, 'ContosoTasks.PDPKG.ZIP': deployer as Uint8Array }),
    ).toEqual([]);
  });
});

describe('package-intro-name', () => {
  it('asks for intro.md by name', () => {
    const { 'intro.md': intro, ...rest } = submissionTree();
    expect(messages(introName, { ...rest, 'Contoso.md': intro as string })).toEqual([
      "The submission's Markdown file is `Contoso.md`; name it `intro.md` (the package validator takes any `.md` name, the certification docs ask for `intro.md`).",
    ]);
  });
});

describe('package-intro-sections', () => {
  it('reports the missing sections, credentials too when the connector has connection parameters', () => {
    expect(messages(introSections, submissionTree({ root: { 'intro.md': 'Contoso.\n\n## FAQ\n' } }))).toEqual(
      [
        '`intro.md` has no `## Prerequisites` section.',
        '`intro.md` has no `## How to get credentials` section.',
        '`intro.md` has no `## Known issues and limitations` section.',
      ],
    );
  });
  it('does not ask for credentials when no solution names connection parameters', () => {
    const xml = customizationsXml({ connector: true }).replace(
      /\s*<connectionparameters>.*<\/connectionparameters>/,
      '',
    );
    const connector = { ...solutionTree('connector'), 'customizations.xml': xml };
    const flow = {
      ...solutionTree('flow'),
      'customizations.xml': customizationsXml({ connector: true, workflows: true }).replace(
        /\s*<connectionparameters>.*<\/connectionparameters>/,
        '',
      ),
    };
    const tree = submissionTree({
      root: { 'intro.md': 'Contoso.\n\n## Prerequisites\n\n## Known limitations\n' },
      assets: {
        'ContosoTasksConnector_1_0_0_0.zip': zipOf(connector),
        'ContosoTasksFlows_1_0_0_0.zip': zipOf(flow),
      },
    });
    expect(messages(introSections, tree)).toEqual([]);
  });
});

describe('package-archive-unreadable', () => {
  it('reports a package zip and a solution zip that cannot be opened, and malformed XML', () => {
    expect(messages(archiveUnreadable, { 'intro.md': INTRO, 'ContosoTasks.pdpkg.zip': 'not a zip' })).toEqual(
      ['`ContosoTasks.pdpkg.zip` cannot be read: it is not a readable zip.'],
    );
    const broken = {
      ...solutionTree('flow'),
      'customizations.xml': '<ImportExportXml><Workflows></ImportExportXml>',
    };
    const tree = submissionTree({
      assets: {
        'ContosoTasksConnector_1_0_0_0.zip': 'PK junk',
        'ContosoTasksFlows_1_0_0_0.zip': zipOf(broken),
      },
    });
    const found = messages(archiveUnreadable, tree);
    expect(found[0]).toBe(
      '`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` cannot be read: it is not a readable zip.',
    );
    expect(found[1]).toMatch(
      /^`ContosoTasks\.pdpkg\.zip\/PkgAssets\/ContosoTasksFlows_1_0_0_0\.zip` cannot be read: its `customizations\.xml` is not well-formed XML: .+ \(line 1, column \d+\)\.$/,
    );
  });
});

describe('package-assets-folder', () => {
  it('reports a package zip without a folder, and one with two', () => {
    expect(messages(assetsFolder, withDeployer({ 'a.zip': zipOf(solutionTree('connector')) }))).toEqual([
      '`ContosoTasks.pdpkg.zip` has no folder; it must hold the solution zips in one folder, `PkgAssets/` (ConnectorPackageValidator: "should contain a folder ideally named \'PkgAssets\'").',
    ]);
    expect(
      messages(assetsFolder, withDeployer({ PkgAssets: { 'a.txt': 'a' }, bin: { 'b.dll': 'b' } })),
    ).toEqual([
      '`ContosoTasks.pdpkg.zip` holds 2 folders, `PkgAssets/` and `bin/`; it must hold exactly one, `PkgAssets/`.',
    ]);
  });
});

describe('package-assets-name', () => {
  it('warns when the one folder has another name', () => {
    expect(messages(assetsName, withDeployer({ Assets: { 'a.txt': 'a' } }))).toEqual([
      'The folder of `ContosoTasks.pdpkg.zip` is `Assets/`; name it `PkgAssets/` (ConnectorPackageValidator: "should contain a folder ideally named \'PkgAssets\'").',
    ]);
  });
});

describe('package-assets-subfolder', () => {
  it('reports folders inside PkgAssets', () => {
    expect(messages(assetsSubfolder, submissionTree({ assets: { solutions: { 'x.zip': 'x' } } }))).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/` holds the folder `solutions/`; it must hold no folder (ConnectorPackageValidator: "should not contain any folder inside").',
    ]);
  });
});

describe('package-solution-count', () => {
  it('reports no solution, one solution, and a plugin connector with two', () => {
    expect(messages(solutionCount, withDeployer({ PkgAssets: { 'ImportConfig.xml': '<x/>' } }))).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/` holds no solution zip; it needs the connector solution and the flow solution (ConnectorPackageValidator: "does not contain solution zip files").',
    ]);
    expect(
      messages(
        solutionCount,
        withDeployer({ PkgAssets: { 'Connector.zip': zipOf(solutionTree('connector')) } }),
      ),
    ).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/` holds 1 solution zip, `Connector.zip`; it needs exactly two, the connector solution and the flow solution (ConnectorPackageValidator: "should contain only connector and flow solution zip files").',
    ]);
    const plugin = withDeployer({
      PkgAssets: {
        'Connector.zip': zipOf(solutionTree('connector')),
        'Plugin.zip': zipOf(solutionTree('plugin')),
      },
    });
    expect(messages(solutionCount, plugin)).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/` holds 2 solution zips, `Connector.zip` and `Plugin.zip`; an AI plugin connector needs three: the connector, the flow and the plugin solution (ConnectorPackageValidator: "Please have all the three solution zip files as this is a plugin connector.").',
    ]);
  });
});

describe('package-solution-files', () => {
  it('reports missing top files, and says where they are when the export was zipped with its folder', () => {
    const { 'solution.xml': _, ...partial } = solutionTree('connector');
    const tree = submissionTree({
      assets: {
        'ContosoTasksConnector_1_0_0_0.zip': zipOf(partial),
        'ContosoTasksFlows_1_0_0_0.zip': zipOf({ ContosoTasksFlows: solutionTree('flow') }),
      },
    });
    expect(messages(solutionFiles, tree)).toEqual([
      "`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` has no `solution.xml` at its top; a solution zip holds all three (ConnectorPackageValidator: \"should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'\").",
      "`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` has no `[Content_Types].xml`, `customizations.xml` and `solution.xml` at its top (they may be inside its folder `ContosoTasksFlows/`); a solution zip holds all three (ConnectorPackageValidator: \"should contain three files namely '[Content_Types].xml', 'customizations.xml', 'solution.xml'\").",
    ]);
  });
});

describe('package-solution-folders', () => {
  it('reports a flow solution without Workflows/ and a plugin solution without its folders', () => {
    const { Workflows: _, ...flow } = solutionTree('flow');
    const { aiplugins: _a, aipluginoperations: _b, ...plugin } = solutionTree('plugin');
    const tree = submissionTree({
      plugin: true,
      assets: {
        'ContosoTasksFlows_1_0_0_0.zip': zipOf(flow),
        'ContosoTasksPlugin_1_0_0_0.zip': zipOf(plugin),
      },
    });
    expect(messages(solutionFolders, tree)).toEqual([
      'Flow solution `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` has no `Workflows/` folder though its `customizations.xml` declares a connector and flows (ConnectorPackageValidator: "The folders should match the customization.xml file.").',
      'Plugin solution `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksPlugin_1_0_0_0.zip` has no `aiplugins/` and `aipluginoperations/` folders though its `customizations.xml` declares a connector and an AI plugin (ConnectorPackageValidator: "The folders should match the customization.xml file.").',
    ]);
  });
});

describe('package-solution-kinds', () => {
  it('reports a missing flow solution and a solution without the connector', () => {
    const data = { ...solutionTree('connector'), 'customizations.xml': customizationsXml({}) };
    const tree = submissionTree({
      assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(data) },
    });
    expect(messages(solutionKinds, tree)).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` is no connector, flow or plugin solution: its `customizations.xml` declares no `Connector` (every solution of the package carries the connector).',
      'The package has no flow solution, one with the connector and at least one flow using it (ConnectorPackageValidator: "Flow solution … is invalid.").',
    ]);
  });
  it('reports a solution with both flows and an AI plugin, which is of no kind', () => {
    const both = {
      ...solutionTree('flow'),
      'customizations.xml': customizationsXml({ connector: true, workflows: true, plugin: true }),
    };
    const tree = submissionTree({ assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(both) } });
    expect(messages(solutionKinds, tree)).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` is no connector, flow or plugin solution: its `customizations.xml` declares both flows and an AI plugin (a flow solution has no plugin, a plugin solution no flows).',
      'The package has no flow solution, one with the connector and at least one flow using it (ConnectorPackageValidator: "Flow solution … is invalid.").',
      'The package has no plugin solution, one with the connector and its AI plugin (ConnectorPackageValidator: "Plugin solution … is invalid.").',
    ]);
  });
  it('reports two connector solutions', () => {
    const tree = submissionTree({
      assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(solutionTree('connector')) },
    });
    expect(messages(solutionKinds, tree)).toEqual([
      'The package has 2 connector solutions, `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` and `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip`; it needs one.',
      'The package has no flow solution, one with the connector and at least one flow using it (ConnectorPackageValidator: "Flow solution … is invalid.").',
    ]);
  });
});

describe('package-connector-files', () => {
  it('reports connector files customizations.xml names but the zip lacks', () => {
    const connector = solutionTree('connector');
    const { 'cr3f1_5Fcontoso-20tasks_iconblob.Png': _, ...files } = connector.Connector as Tree;
    const tree = submissionTree({
      assets: { 'ContosoTasksConnector_1_0_0_0.zip': zipOf({ ...connector, Connector: files }) },
    });
    expect(messages(connectorFiles, tree)).toEqual([
      '`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` lacks `Connector/cr3f1_5Fcontoso-20tasks_iconblob.Png`, which its `customizations.xml` names for the connector; importing the solution would fail.',
    ]);
  });
});

describe('package-workflow-files', () => {
  it('reports flow definitions customizations.xml names but the zip lacks, and those it does not name', () => {
    const flow = {
      ...solutionTree('flow'),
      Workflows: { 'Other.json': '{}', 'Other.json.data.xml': '<x/>' },
    };
    const tree = submissionTree({ assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf(flow) } });
    expect(messages(workflowFiles, tree)).toEqual([
      "`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` lacks `Workflows/Createatask-5B0BD3A0-3C43-4D61-9B4E-6A1C7B6A2F10.json`, which its `customizations.xml` names as a flow's definition; importing the solution would fail.",
      '`ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksFlows_1_0_0_0.zip` holds `Workflows/Other.json`, which its `customizations.xml` names for no `Workflow`; certification rejects a flow solution whose files and `customizations.xml` disagree (policy 5000.1.1.15).',
    ]);
  });
  it('matches names in any case', () => {
    const flow = solutionTree('flow');
    const files = flow.Workflows as Tree;
    const upper = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.toUpperCase(), v]));
    const tree = submissionTree({
      assets: { 'ContosoTasksFlows_1_0_0_0.zip': zipOf({ ...flow, Workflows: upper }) },
    });
    expect(messages(workflowFiles, tree)).toEqual([]);
  });
});

describe('package-connector-icon', () => {
  it('reports a connector solution whose connector has no icon or brand colour', () => {
    const xml = customizationsXml({ connector: true })
      .replace(/\s*<iconblob>.*<\/iconblob>/, '')
      .replace(/\s*<iconbrandcolor>.*<\/iconbrandcolor>/, '');
    const tree = submissionTree({
      assets: {
        'ContosoTasksConnector_1_0_0_0.zip': zipOf({
          ...solutionTree('connector'),
          'customizations.xml': xml,
        }),
      },
    });
    expect(messages(connectorIcon, tree)).toEqual([
      "The connector of `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` has no icon (`<iconblob>`) and no brand colour (`<iconbrandcolor>`) in its `customizations.xml`; a certified connector's icon and brand colour come from the package.",
    ]);
  });
});

describe('package-connector-source', () => {
  const swagger = { swagger: '2.0', info: { title: 'Contoso Tasks', version: '1.0' }, paths: {} };
  const props = {
    properties: {
      iconBrandColor: '#1f344a',
      connectionParameters: { api_key: { type: 'securestring' } },
      policyTemplateInstances: [{ templateId: 'setheader', parameters: {} }],
    },
  };
  const source = (s: unknown, p: unknown) =>
    connectorFromFiles([
      { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(s)) },
      { name: 'apiProperties.json', bytes: new TextEncoder().encode(JSON.stringify(p)) },
    ]);
  /** The standard package with the connector solution's files replaced. */
  const packageWith = (files: Record<string, string>) => {
    const connector = solutionTree('connector') as Record<string, Tree | string>;
    const name = 'cr3f1_5Fcontoso-20tasks';
    const xml = (connector['customizations.xml'] as string).replace(
      '</connectionparameters>',
      `</connectionparameters>\n      <policytemplateinstances>/Connector/${name}_policytemplateinstances.json</policytemplateinstances>`,
    );
    const folder: Record<string, string | Uint8Array> = {
      ...(connector.Connector as Record<string, string>),
    };
    folder[`${name}_openapidefinition.json`] = JSON.stringify({
      paths: {},
      info: { version: '1.0', title: 'Contoso Tasks' },
      swagger: '2.0',
    });
    folder[`${name}_policytemplateinstances.json`] = '[{"templateId":"SetHeader"}]';
    for (const [k, v] of Object.entries(files)) folder[`${name}_${k}`] = v;
    return submissionTree({
      assets: {
        'ContosoTasksConnector_1_0_0_0.zip': zipOf({
          ...connector,
          'customizations.xml': xml,
          Connector: folder,
        }),
      },
    });
  };
  const check = (tree: Tree, s = swagger, p: unknown = props) => {
    const pkg = certificationPackageOf('submission.zip', zipOf(tree));
    if (!pkg) throw new Error('not read as a certification package');
    const out: string[] = [];
    connectorSource.visit.certificationPackage?.(pkg, {
      report: (r) => out.push(r.message),
      source: source(s, p),
    });
    return out;
  };

  it("finds nothing when the packaged connector is the folder's (key order, formatting and id case aside), or without a folder", () => {
    expect(check(packageWith({}))).toEqual([]);
    const pkg = certificationPackageOf(
      'submission.zip',
      zipOf(packageWith({ 'openapidefinition.json': '{}' })),
    );
    const out: string[] = [];
    if (pkg) connectorSource.visit.certificationPackage?.(pkg, { report: (r) => out.push(r.message) });
    expect(out).toEqual([]);
  });

  it('names the first difference of the definitions by its pointer', () => {
    const changed = { ...swagger, paths: { '/tasks/{id}/complete': { post: { responses: {} } } } };
    expect(check(packageWith({}), changed)).toEqual([
      expect.stringMatching(
        /^The connector's OpenAPI definition `ContosoTasks\.pdpkg\.zip\/PkgAssets\/ContosoTasksConnector_1_0_0_0\.zip\/Connector\/cr3f1_5Fcontoso-20tasks_openapidefinition\.json` differs from `apiDefinition\.swagger\.json`: at `\/paths\/~1tasks~1\{id\}~1complete` the package has nothing, the folder `\{"post":\{"responses":\{\}\}\}`\.$/,
      ),
    ]);
    expect(check(packageWith({ 'openapidefinition.json': '{ nope' }))).toEqual([
      expect.stringContaining('is not JSON.'),
    ]);
  });

  it('lists connection parameters missing, extra or typed otherwise, policy templates and brand colour that differ', () => {
    const p = {
      properties: {
        iconBrandColor: '#FF0000',
        connectionParameters: { api_key: { type: 'string' }, region: { type: 'string' } },
        policyTemplateInstances: [],
      },
    };
    const tree = packageWith({
      'connectionparameters.json': '{"api_key":{"type":"securestring"},"token":{"type":"oauthSetting"}}',
    });
    expect(check(tree, swagger, p)).toEqual([
      expect.stringContaining(
        'the package lacks `region`; has `token`, which the folder does not; types `api_key` otherwise.',
      ),
      expect.stringContaining('the package has `setheader`, the folder none.'),
      expect.stringContaining(
        'brand colour in `ContosoTasks.pdpkg.zip/PkgAssets/ContosoTasksConnector_1_0_0_0.zip` is `#1f344a`; `apiProperties.json` has `#FF0000`.',
      ),
    ]);
  });
});
