import type { Connector, ConnectorFileKind } from '../connector/model.ts';
import { compareDiagnostics, type Diagnostic, type Summary, summarize } from './diagnostic.ts';
import type { PresetName, Report, Rule, RuleContext, Severity, Visitors } from './rule.ts';
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
type Bound<K extends VisitorName> = { active: ActiveRule; fn: NonNullable<Visitors[K]> };

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
  const contextFor = (active: ActiveRule): RuleContext => {
    let ctx = contexts.get(active);
    if (!ctx) {
      ctx = { connector, report: (report) => pending.push({ active, report }) };
      contexts.set(active, ctx);
    }
    return ctx;
  };
  const bind = <K extends VisitorName>(name: K): Bound<K>[] =>
    rules.flatMap((active) => {
      const fn = active.rule.visit[name];
      return fn ? [{ active, fn: fn as NonNullable<Visitors[K]> }] : [];
    });
  const guard = (active: ActiveRule, call: () => void) => {
    try {
      call();
    } catch (error) {
      pending.push({
        active: { rule: INTERNAL, severity: 'error' },
        report: {
          message: `Rule \`${active.rule.id}\` failed on this connector (${describeError(error)}); please report it.`,
        },
      });
    }
  };

  for (const b of bind('connector')) guard(b.active, () => b.fn(connector, contextFor(b.active)));
  const pathItem = bind('pathItem');
  const operation = bind('operation');
  for (const item of connector.definition.paths) {
    for (const b of pathItem) guard(b.active, () => b.fn(item, contextFor(b.active)));
    for (const op of item.operations)
      for (const b of operation) guard(b.active, () => b.fn(op, contextFor(b.active)));
  }
  const parameter = bind('parameter');
  const response = bind('response');
  const schema = bind('schema');
  if (parameter.length + response.length + schema.length > 0) {
    walkDefinition(connector, {
      parameter: (p) => {
        for (const b of parameter) guard(b.active, () => b.fn(p, contextFor(b.active)));
      },
      response: (r, op) => {
        for (const b of response) guard(b.active, () => b.fn(r, op, contextFor(b.active)));
      },
      schema: (node) => {
        for (const b of schema) guard(b.active, () => b.fn(node, contextFor(b.active)));
      },
    });
  }
  for (const b of bind('securityDefinition')) {
    for (const d of connector.definition.securityDefinitions)
      guard(b.active, () => b.fn(d, contextFor(b.active)));
  }
  const props = connector.properties;
  const allParams = [...props.connectionParameters, ...props.parameterSets.flatMap((s) => s.parameters)];
  for (const b of bind('connectionParameter')) {
    for (const p of allParams) guard(b.active, () => b.fn(p, contextFor(b.active)));
  }
  for (const b of bind('policy')) {
    for (const p of props.policies) guard(b.active, () => b.fn(p, contextFor(b.active)));
  }

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
