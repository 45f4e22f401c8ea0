/**
 * A connector's operations as `flowport operations --format json` shows them: grouped the way a user
 * of the Power Platform sees them (`important` first), internal and deprecated ones only on request.
 */
import type { Connector, Operation, Parameter, Visibility } from '../connector/model.ts';
import { describeConnectionParameters } from './connection/parameters.ts';

const VISIBILITY_ORDER: Record<Visibility, number> = { important: 0, none: 1, advanced: 2, internal: 3 };

function parameterJson(p: Parameter) {
  return {
    name: p.name,
    in: p.in,
    label: p.summary ?? p.name,
    type: p.type ?? (p.in === 'body' ? 'object' : undefined),
    required: p.required,
    visibility: p.visibility,
    ...(p.default !== undefined && { default: p.default }),
    ...(p.description && { description: p.description }),
    ...(p.dynamic.length > 0 && { dynamic: p.dynamic.map((d) => d.extension) }),
  };
}

export function visibleOperations(connector: Connector, all: boolean): Operation[] {
  return connector.operations
    .filter((o) => all || (o.visibility !== 'internal' && !o.deprecated))
    .sort((a, b) => VISIBILITY_ORDER[a.visibility] - VISIBILITY_ORDER[b.visibility]);
}

/** The JSON of `flowport operations --format json [--all]`. */
export function operationsView(connector: Connector, all: boolean) {
  return {
    title: connector.definition.info.title ?? null,
    connectionParameters: describeConnectionParameters(connector),
    operations: visibleOperations(connector, all).map((o) => ({
      operationId: o.id ?? null,
      method: o.method.toUpperCase(),
      path: o.path,
      kind: o.kind,
      visibility: o.visibility,
      deprecated: o.deprecated,
      customCode: o.customCode,
      summary: o.summary ?? null,
      description: o.description ?? null,
      parameters: o.parameters.filter((p) => all || p.visibility !== 'internal').map(parameterJson),
    })),
  };
}
