/**
 * A certification package as Partner Center takes it (docs/packages.md, docs/validation.md): a zip holding `intro.md` and
 * the Package Deployer zip (`*.pdpkg.zip`), whose `PkgAssets/` folder holds the solution zips.
 * Names are paths from the submission's root, nested zips as segments: `Contoso.pdpkg.zip/PkgAssets/`.
 */

/** The top level of a zip (or of a folder inside one): its files and its folders, by name. */
export interface ZipLevel {
  /** Display path of this level, `''` for the submission itself, else ending with `/`. */
  readonly path: string;
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/** What `customizations.xml` of a solution declares (ConnectorPackageValidator's three questions). */
export interface SolutionContent {
  /** A `Connector` element with children or attributes. */
  readonly connector: boolean;
  /** A `Workflows` element with children. */
  readonly workflows: boolean;
  /** An `aicopilot_aiplugin` element with children (an AI plugin solution). */
  readonly plugin: boolean;
  /** Files under `/Connector/` that the connector elements name (its definition, icon, parameters…). */
  readonly connectorFiles: readonly string[];
  /** The flows' definition files, as each `Workflow` names it in `JsonFileName` (`Workflows/….json`). */
  readonly workflowFiles: readonly string[];
  /** The connector's own parts, from its first `Connector` element: what certification sees. */
  readonly connectorParts: {
    /** `<iconbrandcolor>`. */
    readonly iconBrandColor?: string;
    /** `<iconblob>`: the icon's file (`Connector/<name>_iconblob.Png`). */
    readonly iconFile?: string;
    /** `<openapidefinition>`: the swagger's file. */
    readonly definitionFile?: string;
    /** `<connectionparameters>`: the connection parameters' file (apiProperties' `connectionParameters`). */
    readonly connectionParametersFile?: string;
    /** `<policytemplateinstances>`: the policy templates' file. */
    readonly policyTemplatesFile?: string;
  };
}

export type SolutionKind = 'connector' | 'flow' | 'plugin';

/** A solution zip of `PkgAssets/`. */
export interface Solution {
  /** Display path: `Contoso.pdpkg.zip/PkgAssets/ContosoConnector.zip`. */
  readonly path: string;
  /** Its top level; undefined when the zip cannot be read. */
  readonly level: ZipLevel | undefined;
  /** Every file path in it, lower-cased, and as written (for the files `customizations.xml` names). */
  readonly entries: ReadonlyMap<string, string>;
  /** The bytes of a file of it, by path in any case. */
  file(path: string): Uint8Array | undefined;
  /** Undefined without a readable `customizations.xml`. */
  readonly content: SolutionContent | undefined;
  /** Why the zip or its `customizations.xml` could not be read. */
  readonly unreadable?: string;
}

export interface IntroFile {
  readonly path: string;
  readonly text: string;
}

export interface CertificationPackage {
  /** The submission zip's path as given. */
  readonly source: string;
  /** Level 1: the submission zip. */
  readonly root: ZipLevel;
  /** The Markdown file of level 1 (the first, when there are several). */
  readonly intro: IntroFile | undefined;
  /** Level 2: the package zip (the first zip of level 1), when there is one and it can be read. */
  readonly deployer:
    | { readonly path: string; readonly level: ZipLevel | undefined; readonly unreadable?: string }
    | undefined;
  /** Level 3: the one folder of the package zip (`PkgAssets/`), when there is exactly one. */
  readonly assets: ZipLevel | undefined;
  /** Level 4: the zips of `PkgAssets/`. */
  readonly solutions: readonly Solution[];
  /** An AI plugin connector: one of its solutions is an AI plugin solution (three solutions needed). */
  readonly plugin: boolean;
}

/** Which of the three kinds a solution is, by ConnectorPackageValidator's definitions; undefined: none. */
export function solutionKind(content: SolutionContent | undefined): SolutionKind | undefined {
  if (!content?.connector) return undefined;
  if (content.workflows && !content.plugin) return 'flow';
  if (content.plugin && !content.workflows) return 'plugin';
  if (!content.workflows && !content.plugin) return 'connector';
  return undefined;
}

/** The package's connector solution (the first, when there are several): what certification installs. */
export function connectorSolution(pkg: CertificationPackage): Solution | undefined {
  return pkg.solutions.find((s) => solutionKind(s.content) === 'connector');
}
