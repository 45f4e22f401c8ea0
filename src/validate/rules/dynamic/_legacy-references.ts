import type { Connector, Operation } from '../../../connector/model.ts';
import { type DynamicArgument, dynamicArguments } from '../../helpers/dynamic-arguments.ts';
import { COMPANION, type DynamicExtension, superseded } from '../../helpers/dynamic-calls.ts';
import { operationInputs, resolveInput } from '../../helpers/operation-inputs.ts';
import type { RuleContext } from '../../rule.ts';

/** A `{ "parameter": name }` reference that only the newer, path-based companion extension can express. */
export interface LegacyReferenceProblem {
  readonly argument: DynamicArgument;
  readonly name: string;
  readonly source: Operation;
  /** `ambiguous`: a parameter and a body property share the name; `non-parameter`: no parameter has it. */
  readonly problem: 'ambiguous' | 'non-parameter';
}

const cache = new WeakMap<Connector, readonly LegacyReferenceProblem[]>();

/**
 * References of `x-ms-dynamic-values` / `x-ms-dynamic-schema` that need `x-ms-dynamic-list` /
 * `x-ms-dynamic-properties` beside them, resolved against each operation that uses the extension.
 * Sites that already have the companion are fine: the platform reads the companion. Computed once
 * per connector for the four rules that report them.
 */
export function legacyReferenceProblems(connector: Connector): readonly LegacyReferenceProblem[] {
  let found = cache.get(connector);
  if (found) return found;
  found = collect(connector);
  cache.set(connector, found);
  return found;
}

function collect(connector: Connector): LegacyReferenceProblem[] {
  const found: LegacyReferenceProblem[] = [];
  for (const argument of dynamicArguments(connector)) {
    const { call, value } = argument;
    if (COMPANION[call.extension] === undefined || value.kind !== 'reference') continue;
    if (superseded(call)) continue;
    for (const { operation } of call.site.uses) {
      const matches = resolveInput(operationInputs(connector, operation), value.name, 'name');
      const isParameter = matches.some((m) => m.kind === 'parameter');
      const problem = !isParameter ? 'non-parameter' : matches.length > 1 ? 'ambiguous' : undefined;
      if (problem) found.push({ argument, name: value.name, source: operation, problem });
    }
  }
  return found;
}

/**
 * Reports each argument of `extension` with the given problem once, at the argument; shared by the
 * four rules that ask for the path-based companion extension.
 */
export function reportLegacyReferences(
  ctx: RuleContext,
  extension: DynamicExtension,
  problem: LegacyReferenceProblem['problem'],
  message: (name: string, source: Operation) => string,
): void {
  const reported = new Set<string>();
  for (const found of legacyReferenceProblems(ctx.connector)) {
    if (found.argument.call.extension !== extension || found.problem !== problem) continue;
    if (reported.has(found.argument.pointer)) continue;
    reported.add(found.argument.pointer);
    ctx.report({ message: message(found.name, found.source), at: found.argument.pointer });
  }
}
