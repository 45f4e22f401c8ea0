import type { Connector, ConnectorFileKind } from '../connector/model.ts';
import { compareDiagnostics, type Diagnostic, type Summary, summarize } from './diagnostic.ts';
import type { PresetName, Report, Rule, RuleContext, SchemaNode, Severity, Visitors } from './rule.ts';
import { walkDefinition } from './walk.ts';

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

export interface ValidationResult {
  readonly source: string;
  readonly preset: PresetName;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
}

type VisitorName = keyof Visitors;
type Bound<K extends VisitorName> = { active: ActiveRule; fn: NonNullable<Visitors[K]>; ctx: RuleContext };

const JSON_FILES: ReadonlySet<ConnectorFileKind> = new Set(['swagger', 'apiProperties', 'settings']);

/**
 * Runs the given rules over a connector in one walk and returns the findings, positioned and sorted.
 * Never throws: a rule that fails on some input is reported as an `internal-error` finding.
 */
export function runRules(
  connector: Connector,
  rules: readonly ActiveRule[],
  preset: PresetName,
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const pending: { active: ActiveRule; report: Report }[] = [];
  const contexts = new Map<ActiveRule, RuleContext>();
  const contextOf = (active: ActiveRule): RuleContext => {
    let ctx = contexts.get(active);
    if (!ctx) {
      ctx = { connector, report: (report) => pending.push({ active, report }) };
      contexts.set(active, ctx);
    }
    return ctx;
  };
  // Bound visitors with their contexts; which rules have which visitor is computed once per rule list.
  const plan = planOf(rules);
  const bind = <K extends VisitorName>(name: K): Bound<K>[] =>
    (plan.get(name) ?? []).map((active) => ({
      active,
      fn: active.rule.visit[name] as NonNullable<Visitors[K]>,
      ctx: contextOf(active),
    }));
  const failed = (active: ActiveRule, error: unknown) => {
    pending.push({
      active: { rule: INTERNAL, severity: 'error' },
      report: {
        message: `Rule \`${active.rule.id}\` failed on this connector (${describeError(error)}); please report it.`,
      },
    });
  };
  // Plain loops with direct calls: this runs for every node of every connector.
  const run1 = <K extends VisitorName, N>(bound: Bound<K>[], node: N) => {
    for (let i = 0; i < bound.length; i++) {
      const b = bound[i] as Bound<K>;
      try {
        (b.fn as (n: N, ctx: RuleContext) => void)(node, b.ctx);
      } catch (error) {
        failed(b.active, error);
      }
    }
  };

  run1(bind('connector'), connector);
  const pathItem = bind('pathItem');
  const operation = bind('operation');
  for (const item of connector.definition.paths) {
    run1(pathItem, item);
    for (const op of item.operations) run1(operation, op);
  }
  const parameter = bind('parameter');
  const response = bind('response');
  const schema = bind('schema');
  if (parameter.length + response.length + schema.length > 0) {
    // Schema rules are dispatched declaratively: by the keys a node has (`schemaKeys`), to root
    // nodes only (`schemaRoots`), or to every node.
    const always: Bound<'schema'>[] = [];
    const roots: Bound<'schema'>[] = [];
    const byKey = new Map<string, Bound<'schema'>[]>();
    for (const b of schema) {
      const { schemaKeys, schemaRoots } = b.active.rule.visit;
      if (schemaKeys) for (const key of schemaKeys) byKey.set(key, [...(byKey.get(key) ?? []), b]);
      else if (schemaRoots) roots.push(b);
      else always.push(b);
    }
    const stamps = new Map<Bound<'schema'>, number>();
    let stamp = 0;
    const visitSchema = (node: SchemaNode) => {
      if (always.length) run1(always, node);
      if (roots.length && node.parent === undefined) run1(roots, node);
      stamp++;
      for (const key in node.raw) {
        const bound = byKey.get(key);
        if (!bound) continue;
        for (let i = 0; i < bound.length; i++) {
          const b = bound[i] as Bound<'schema'>;
          if (stamps.get(b) === stamp) continue;
          stamps.set(b, stamp);
          try {
            b.fn(node, b.ctx);
          } catch (error) {
            failed(b.active, error);
          }
        }
      }
    };
    walkDefinition(connector, {
      parameter: (p) => run1(parameter, p),
      response: (r, op) => {
        for (const b of response) {
          try {
            b.fn(r, op, b.ctx);
          } catch (error) {
            failed(b.active, error);
          }
        }
      },
      schema: visitSchema,
    });
  }
  const securityDefinition = bind('securityDefinition');
  for (const d of connector.definition.securityDefinitions) run1(securityDefinition, d);
  const props = connector.properties;
  const connectionParameter = bind('connectionParameter');
  for (const p of props.connectionParameters) run1(connectionParameter, p);
  for (const set of props.parameterSets) for (const p of set.parameters) run1(connectionParameter, p);
  const policy = bind('policy');
  for (const p of props.policies) run1(policy, p);

  prepareLocations(connector, pending);
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

const VISITORS: readonly VisitorName[] = [
  'connector',
  'pathItem',
  'operation',
  'parameter',
  'response',
  'schema',
  'securityDefinition',
  'connectionParameter',
  'policy',
];
const plans = new WeakMap<readonly ActiveRule[], Map<VisitorName, ActiveRule[]>>();

function planOf(rules: readonly ActiveRule[]): Map<VisitorName, ActiveRule[]> {
  let plan = plans.get(rules);
  if (!plan) {
    plan = new Map(
      VISITORS.map((name) => [name, rules.filter((a) => typeof a.rule.visit[name] === 'function')]),
    );
    plans.set(rules, plan);
  }
  return plan;
}

/** Locates all findings' pointers of each JSON file in one pass over its text. */
function prepareLocations(connector: Connector, pending: readonly { report: Report }[]): void {
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
