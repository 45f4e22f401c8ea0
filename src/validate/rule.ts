import type { JsonObject, JsonValue } from '../connector/json.ts';
import type {
  ConnectionParameter,
  Connector,
  ConnectorFileKind,
  Operation,
  Parameter,
  PathItem,
  PolicyInstance,
  Response,
  SecurityDefinition,
} from '../connector/model.ts';
import type { CertificationPackage } from '../package/model.ts';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Rule sets a connector is checked against; derived from each rule's `presets`. */
export type PresetName = 'recommended' | 'certification' | 'independent-publisher';
export const PRESETS: readonly PresetName[] = ['recommended', 'certification', 'independent-publisher'];

/** Every preset: rules the maker portal itself enforces. */
export const ALL: readonly PresetName[] = PRESETS;
/** Both certification presets: rules of the certification review. */
export const CERTIFICATION: readonly PresetName[] = ['certification', 'independent-publisher'];

export type RuleCategory =
  | 'document'
  | 'info'
  | 'metadata'
  | 'host'
  | 'operation'
  | 'path'
  | 'parameter'
  | 'schema'
  | 'response'
  | 'security'
  | 'webhook'
  | 'dynamic'
  | 'api-properties'
  | 'icon'
  | 'readme'
  | 'script'
  /** The certification package submitted to Partner Center (a zip of zips). */
  | 'package'
  /** A team's own rule, from `customRules` in its config. */
  | 'custom';

/** Where a rule comes from: the validator Microsoft runs, the certification docs, reviewers, or us. */
export type RuleSource =
  | 'microsoft-validator'
  | 'certification'
  | 'reviewer-practice'
  | 'flowport'
  | 'config';

/** A place in a connector file: a JSON pointer (JSON files) or a line and column (text files). */
export type At =
  | string
  | { readonly file: ConnectorFileKind; readonly pointer: string }
  | {
      readonly file: ConnectorFileKind;
      readonly line: number;
      readonly column?: number;
      readonly length?: number;
    };

/**
 * A change that fixes a finding on its own, which `flowport validate --fix` makes: the value at a
 * JSON pointer of the finding's JSON file set (added when missing), or removed. Offered only when it
 * is certain: what needs a person's judgement (a summary to write, an operation to rename) has none.
 */
export type Edit =
  | {
      /** In the JSON file the finding is in. */
      readonly pointer: string;
      readonly value: JsonValue;
    }
  | {
      readonly pointer: string;
      /** The member (or item) at `pointer` is removed. */
      readonly remove: true;
    }
  | {
      /**
       * A change of the text itself, for what is not a value (a byte order mark, a comment, a
       * trailing comma): `length` characters at `offset` (of the text as read) become `content`.
       */
      readonly offset: number;
      readonly length: number;
      readonly content: string;
    };

/** A member key at `pointer` (in the finding's JSON file) renamed to `to`. */
export interface KeyRename {
  readonly pointer: string;
  readonly to: string;
}

/**
 * A change that likely fixes a finding but is the author's to choose (an editor's quick fix), which
 * `--fix` never makes: a misspelt extension is probably the known one, not certainly.
 */
export interface Suggestion {
  /** What the change does, as a menu shows it: "Rename to `x-ms-summary`". */
  readonly title: string;
  readonly renames: readonly KeyRename[];
  /**
   * Changes of the text of the finding's file (offsets of the text as read), for what is not a key
   * to rename: a duplicated member removed.
   */
  readonly edits?: readonly { readonly offset: number; readonly length: number; readonly content: string }[];
}

export interface Report {
  /** One sentence ending with a period; property names in backticks. */
  readonly message: string;
  /** Defaults to the swagger document's root. */
  readonly at?: At;
  /** How to fix this instance, when it differs from the rule's general `fix`. */
  readonly fix?: string;
  /** The change that fixes it, when one can be made without asking (`--fix`). */
  readonly edit?: Edit;
  /** A change for the author to choose, when there is a likely one but no certain one. */
  readonly suggestion?: Suggestion;
}

/** A schema-like node: a schema, a non-body parameter, an `items` object or a response header. */
export interface SchemaNode {
  readonly raw: JsonObject;
  readonly pointer: string;
  /** Where it is used: in requests, in responses, or under `definitions` (either). */
  readonly role: 'input' | 'output' | 'definition';
  /** What kind of object holds the keywords. */
  readonly holder: 'schema' | 'parameter' | 'items' | 'header';
  readonly depth: number;
  readonly parent: SchemaNode | undefined;
  /** Name of the property this schema describes, when it is one. */
  readonly propertyName: string | undefined;
  /** How it hangs off its parent. */
  readonly via: 'root' | 'property' | 'items' | 'additionalProperties' | 'allOf';
}

export interface RuleContext {
  readonly connector: Connector;
  report(report: Report): void;
}

/** A finding in a certification package: the zip and the paths inside it are named in the message. */
export interface PackageReport {
  readonly message: string;
  /** How to fix this instance, when it differs from the rule's general `fix`. */
  readonly fix?: string;
}

export interface PackageContext {
  report(report: PackageReport): void;
  /** The connector folder the package was built from, when known (`flowport package --connector`). */
  readonly source?: Connector;
}

/** Callbacks the engine calls while walking a connector once; a rule defines the ones it needs. */
export interface Visitors {
  connector?(connector: Connector, ctx: RuleContext): void;
  pathItem?(pathItem: PathItem, ctx: RuleContext): void;
  operation?(operation: Operation, ctx: RuleContext): void;
  /** Each parameter object once (shared `#/parameters` entries once, not per use). */
  parameter?(parameter: Parameter, ctx: RuleContext): void;
  /** Each response object once; `operation` is undefined for shared `#/responses` entries. */
  response?(response: Response, operation: Operation | undefined, ctx: RuleContext): void;
  schema?(node: SchemaNode, ctx: RuleContext): void;
  /**
   * Keywords the `schema` visitor looks at: when set, it is called only for nodes that have at least
   * one of them. The walk visits every schema node of a connector, and most rules check a keyword
   * that few nodes carry (`pattern`, `enum`, `$ref`…), so this keeps validation fast.
   */
  readonly schemaKeys?: readonly string[];
  /** When true, `schema` is called only for root schema nodes (a body, a response, a definition). */
  readonly schemaRoots?: boolean;
  securityDefinition?(definition: SecurityDefinition, ctx: RuleContext): void;
  connectionParameter?(parameter: ConnectionParameter, ctx: RuleContext): void;
  policy?(policy: PolicyInstance, ctx: RuleContext): void;
  /**
   * A certification package (`flowport validate submission.zip`), checked instead of a connector;
   * connectors never reach it.
   */
  certificationPackage?(pkg: CertificationPackage, ctx: PackageContext): void;
}

export interface RuleMeta {
  /** kebab-case id; also the doc page name `docs/rules/<id>.md`. */
  readonly id: string;
  /** The rule id Microsoft's Swagger Validator prints, when this rule mirrors one. */
  readonly microsoftId?: string;
  /** One line: what the rule checks. */
  readonly description: string;
  readonly category: RuleCategory;
  readonly source: RuleSource;
  /** Default severity. */
  readonly severity: Severity;
  /** Severity in particular presets, when it differs from `severity`. */
  readonly presetSeverity?: Partial<Record<PresetName, Severity>>;
  readonly presets: readonly PresetName[];
  /** General fix hint shown with every finding. */
  readonly fix?: string;
  /** Offers the change that fixes (some of) its findings (`Report.edit`), which `--fix` makes. */
  readonly fixable?: true;
}

export interface Rule extends RuleMeta {
  readonly visit: Visitors;
}

/** Declares a rule; identity function that keeps literal types and checks the shape. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
