import type { Connector, ConnectorFileKind, Operation, Parameter, Response } from '../connector/model.ts';
import { compareDiagnostics, type Diagnostic, type Summary, summarize } from './diagnostic.ts';
import type { PresetName, Report, Rule, RuleContext, SchemaNode, Severity, Visitors } from './rule.ts';
import { type WalkCallbacks, walkDefinition } from './walk.ts';

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

export interface ValidationResult {
  readonly source: string;
  /** Set for a certification package (`validatePackage`); a connector's result has none. */
  readonly subject?: 'package';
  readonly preset: PresetName;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
}

type VisitorName = keyof Visitors;

const JSON_FILES: ReadonlySet<ConnectorFileKind> = new Set(['swagger', 'apiProperties', 'settings']);

interface Pending {
  readonly active: ActiveRule;
  readonly report: Report;
}

/**
 * A rule's context: a class rather than a closure per rule and connector, and kept with the rule
 * list to serve connector after connector (`bind` points it at the next one).
 */
class Context implements RuleContext {
  connector: Connector;
  private readonly active: ActiveRule;
  private pending: Pending[];

  constructor(connector: Connector, active: ActiveRule, pending: Pending[]) {
    this.connector = connector;
    this.active = active;
    this.pending = pending;
  }

  bind(connector: Connector, pending: Pending[]): void {
    this.connector = connector;
    this.pending = pending;
  }

  report(report: Report): void {
    this.pending.push({ active: this.active, report });
  }
}

/**
 * A rule list's run over one connector: its contexts, its plan and the findings so far. Kept with
 * the rule list to serve connector after connector (`bind` points it at the next one). Methods rather
 * than closures made per connector: V8 optimises them once, not once per closure.
 */
class RuleRun implements WalkCallbacks {
  readonly plan: Plan;
  pending: Pending[] = [];
  private readonly rules: readonly ActiveRule[];
  private readonly contexts: Context[];
  /** A rule listening for several keys a node has runs once for it: its stamp says it has. */
  private readonly stamps: Int32Array;
  private stamp = 0;

  constructor(rules: readonly ActiveRule[], connector: Connector) {
    this.rules = rules;
    this.plan = planOf(rules);
    this.contexts = rules.map((active) => new Context(connector, active, this.pending));
    this.stamps = new Int32Array(this.plan.schema.length);
  }

  bind(connector: Connector): void {
    const pending: Pending[] = [];
    this.pending = pending;
    for (let i = 0; i < this.contexts.length; i++) (this.contexts[i] as Context).bind(connector, pending);
    if (this.stamp > 0x3fffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
  }

  /** Calls each step's visitor on a node; plain loops with direct calls, as this runs for every node. */
  steps<N>(list: readonly Step[], node: N): void {
    for (let i = 0; i < list.length; i++) {
      const step = list[i] as Step;
      try {
        (step.fn as (n: N, ctx: RuleContext) => void)(node, this.contexts[step.index] as Context);
      } catch (error) {
        this.failed(step.index, error);
      }
    }
  }

  parameter(parameter: Parameter): void {
    this.steps(this.plan.parameter, parameter);
  }

  response(response: Response, operation: Operation | undefined): void {
    const list = this.plan.response;
    for (let i = 0; i < list.length; i++) {
      const step = list[i] as Step;
      try {
        (step.fn as NonNullable<Visitors['response']>)(
          response,
          operation,
          this.contexts[step.index] as Context,
        );
      } catch (error) {
        this.failed(step.index, error);
      }
    }
  }

  schema(node: SchemaNode): void {
    const { schemaAlways, schemaRoots, schemaByKey, schema } = this.plan;
    if (schemaAlways.length) this.steps(schemaAlways, node);
    if (schemaRoots.length && node.parent === undefined) this.steps(schemaRoots, node);
    const stamps = this.stamps;
    const stamp = ++this.stamp;
    for (const key in node.raw) {
      const steps = schemaByKey.get(key);
      if (!steps) continue;
      for (let i = 0; i < steps.length; i++) {
        const at = steps[i] as number;
        if (stamps[at] === stamp) continue;
        stamps[at] = stamp;
        const step = schema[at] as Step;
        try {
          (step.fn as NonNullable<Visitors['schema']>)(node, this.contexts[step.index] as Context);
        } catch (error) {
          this.failed(step.index, error);
        }
      }
    }
  }

  private failed(index: number, error: unknown): void {
    this.pending.push({
      active: { rule: INTERNAL, severity: 'error' },
      report: {
        message: `Rule \`${this.rules[index]?.rule.id}\` failed on this connector (${describeError(error)}); please report it.`,
      },
    });
  }
}

/** Runs of a rule list not in use (a rule validating inside its visit would get a new one). */
const idleRuns = new WeakMap<readonly ActiveRule[], RuleRun>();

/**
 * Runs the given rules over a connector in one walk and returns the findings, positioned and sorted.
 * Never throws: a rule that fails on some input is reported as an `internal-error` finding.
 */
export function runRules(
  connector: Connector,
  rules: readonly ActiveRule[],
  preset: PresetName,
): ValidationResult {
  const run = idleRuns.get(rules) ?? new RuleRun(rules, connector);
  idleRuns.delete(rules);
  run.bind(connector);
  const { plan, pending } = run;

  run.steps(plan.connector, connector);
  for (const item of connector.definition.paths) {
    run.steps(plan.pathItem, item);
    for (const op of item.operations) run.steps(plan.operation, op);
  }
  if (plan.parameter.length + plan.response.length + plan.schema.length > 0) walkDefinition(connector, run);
  for (const d of connector.definition.securityDefinitions) run.steps(plan.securityDefinition, d);
  const props = connector.properties;
  for (const p of props.connectionParameters) run.steps(plan.connectionParameter, p);
  for (const set of props.parameterSets)
    for (const p of set.parameters) run.steps(plan.connectionParameter, p);
  for (const p of props.policies) run.steps(plan.policy, p);

  idleRuns.set(rules, run);
  prepareLocations(connector, pending);
  // A literal, not `pending.map`: an empty map result has another elements kind, and connectors
  // without findings would deoptimise this function and `summarize` again and again.
  const diagnostics: Diagnostic[] = [];
  for (const { active, report } of pending) diagnostics.push(position(connector, active, report));
  diagnostics.sort(compareDiagnostics);
  return { source: connector.source, preset, diagnostics, summary: summarize(diagnostics) };
}

/** A thrown value as text; whatever a rule throws (`null`, a symbol, an object without `toString`). */
function describeError(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null | undefined)?.message;
    return typeof message === 'string' ? message : String(error);
  } catch {
    return 'an error that cannot be printed';
  }
}

/** A rule's visitor of one kind, and the rule's index in the rule list. */
interface Step {
  readonly index: number;
  readonly fn: (...args: never[]) => void;
}

type Plan = {
  readonly [K in Exclude<
    VisitorName,
    'schemaKeys' | 'schemaRoots' | 'certificationPackage'
  >]: readonly Step[];
} & {
  /** Schema visitors called for every node, for root nodes only, and by the keys a node has. */
  readonly schemaAlways: readonly Step[];
  readonly schemaRoots: readonly Step[];
  /** Key → indexes into `schema`. */
  readonly schemaByKey: ReadonlyMap<string, readonly number[]>;
};

const VISITORS = [
  'connector',
  'pathItem',
  'operation',
  'parameter',
  'response',
  'schema',
  'securityDefinition',
  'connectionParameter',
  'policy',
] as const;
const plans = new WeakMap<readonly ActiveRule[], Plan>();

/** Which rules visit what: computed once per rule list (the same for every connector of a run). */
function planOf(rules: readonly ActiveRule[]): Plan {
  let plan = plans.get(rules);
  if (!plan) {
    const steps = (name: (typeof VISITORS)[number]): Step[] =>
      rules.flatMap((active, index) => {
        const fn = active.rule.visit[name];
        return typeof fn === 'function' ? [{ index, fn: fn as Step['fn'] }] : [];
      });
    const schema = steps('schema');
    const schemaByKey = new Map<string, number[]>();
    const schemaAlways: Step[] = [];
    const schemaRoots: Step[] = [];
    schema.forEach((step, at) => {
      const { schemaKeys, schemaRoots: roots } = (rules[step.index] as ActiveRule).rule.visit;
      if (schemaKeys)
        for (const key of schemaKeys) schemaByKey.set(key, [...(schemaByKey.get(key) ?? []), at]);
      else if (roots) schemaRoots.push(step);
      else schemaAlways.push(step);
    });
    plan = {
      ...(Object.fromEntries(VISITORS.map((name) => [name, steps(name)])) as Record<
        (typeof VISITORS)[number],
        Step[]
      >),
      schema,
      schemaAlways,
      schemaRoots,
      schemaByKey,
    };
    plans.set(rules, plan);
  }
  return plan;
}

/** Locates all findings' pointers of each JSON file in one pass over its text. */
function prepareLocations(connector: Connector, pending: readonly Pending[]): void {
  const byFile = new Map<ConnectorFileKind, Set<string>>();
  for (const { report } of pending) {
    const at = report.at ?? '';
    const file: ConnectorFileKind = typeof at === 'string' ? 'swagger' : at.file;
    const pointer = typeof at === 'string' ? at : 'pointer' in at ? at.pointer : undefined;
    if (pointer === undefined || !JSON_FILES.has(file)) continue;
    const set = byFile.get(file) ?? new Set<string>();
    byFile.set(file, set);
    set.add(pointer);
  }
  for (const [file, pointers] of byFile) connector.documents[file as 'swagger']?.prepare(pointers);
}

function position(connector: Connector, active: ActiveRule, report: Report): Diagnostic {
  const at = report.at ?? '';
  const fileKind: ConnectorFileKind = typeof at === 'string' ? 'swagger' : at.file;
  const file = connector.files[fileKind];
  let pointer: string | undefined;
  let line: number | undefined;
  let column: number | undefined;
  let length: number | undefined;
  if (typeof at === 'string' || 'pointer' in at) {
    pointer = typeof at === 'string' ? at : at.pointer;
    const doc = JSON_FILES.has(fileKind) ? connector.documents[fileKind as 'swagger'] : undefined;
    const found = doc?.locateNearest(pointer);
    if (doc && found) {
      const pos = doc.position(found.range.offset);
      line = pos.line;
      column = pos.column;
      length = found.range.length;
    }
  } else {
    line = at.line;
    column = at.column ?? 1;
    length = at.length;
  }
  return {
    ruleId: active.rule.id,
    microsoftId: active.rule.microsoftId,
    category: active.rule.category,
    severity: active.severity,
    message: report.message,
    fix: report.fix ?? active.rule.fix,
    fileKind: file ? fileKind : undefined,
    file: file?.path ?? connector.source,
    pointer,
    line,
    column,
    length,
    edit: report.edit,
    ...(report.suggestion && { suggestion: report.suggestion }),
  };
}

/** Stand-in rule for findings about a rule that failed. */
export const INTERNAL: Rule = {
  id: 'internal-error',
  description: 'A flowport rule failed on this connector; the connector may still be fine.',
  category: 'document',
  source: 'flowport',
  severity: 'error',
  presets: [],
  visit: {},
};
