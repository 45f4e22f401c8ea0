/**
 * A connector's actions as MCP tools (what `flowport mcp` lists): one tool per action a Power
 * Platform user sees, its arguments a JSON Schema object built from the operation's parameters.
 * Triggers are not tools: an agent calls, it does not subscribe.
 */
import type { JsonObject } from '../connector/json.ts';
import type { Connector, Operation, Parameter } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { closest } from '../runtime/closest.ts';
import { visibleOperations } from '../runtime/operations-view.ts';
import { argumentKey } from '../runtime/request/arguments.ts';
import { descriptionForModel, nameForModel, requiresConfirmation } from './ai-extensions.ts';
import { joinText, newBudget, toJsonSchema } from './json-schema.ts';

export interface ToolAnnotations {
  readonly title?: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

export interface ConnectorTool {
  /** The tool's name: the operationId, with characters MCP names do not allow replaced. */
  readonly name: string;
  readonly operationId: string;
  readonly title: string | undefined;
  readonly description: string;
  readonly inputSchema: JsonObject & { readonly type: 'object' };
  readonly annotations: ToolAnnotations;
  /** Parameters whose value is a file: their argument is base64 text. */
  readonly fileArguments: readonly string[];
}

/** An action left out of the tool list, and why (shown by `flowport mcp --list`). */
export interface SkippedOperation {
  readonly operation: string;
  readonly reason: string;
}

export interface ToolSet {
  readonly tools: readonly ConnectorTool[];
  readonly skipped: readonly SkippedOperation[];
  /** Tools whose argument schema was cut short (a recursive or very large body schema). */
  readonly cut: readonly string[];
}

export interface ToolOptions {
  /** Also internal and deprecated actions (as `flowport operations --all`). */
  readonly all?: boolean;
  /**
   * Also actions that wait for the backend's callback (`x-ms-notification-url` in an action's body):
   * only a host that receives callbacks (`flowport serve`) can run them.
   */
  readonly callbackActions?: boolean;
  /**
   * Only these operations (and the lists their dynamic values come from), whatever their visibility:
   * a client that takes a few dozen tools at most, or an agent meant for one task.
   */
  readonly only?: readonly string[];
}

/** MCP tool names: 1 to 128 of `A-Z a-z 0-9 _ - .` (MCP specification 2025-11-25, "Tool names"). */
const NAME_LENGTH = 128;

export function toolName(operationId: string): string {
  const name = operationId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, NAME_LENGTH);
  return name === '' ? 'operation' : name;
}

/**
 * The tools of a connector, in the order a Power Platform user sees its actions (`important` first).
 *
 * @example
 * const { tools } = connectorTools(await loadConnector('./tasklane'));
 * tools.map((t) => t.name); // ['ListTasks', 'CreateTask', …]
 */
export function connectorTools(connector: Connector, options: ToolOptions = {}): ToolSet {
  const tools: ConnectorTool[] = [];
  const skipped: SkippedOperation[] = [];
  const cut: string[] = [];
  const taken = new Set<string>();
  const names = new Map<Operation, string>();
  for (const operation of included(connector, options)) {
    if (operation.id === undefined) {
      skipped.push({ operation: operation.label, reason: 'it has no operationId to call it by' });
      continue;
    }
    if (operation.customCodeLanguage === 'csharp') {
      skipped.push({
        operation: operation.id,
        reason: 'C# custom code (script.csx) covers it, which cannot run outside the Power Platform',
      });
      continue;
    }
    if (operation.kind === 'callback-action' && options.callbackActions !== true) {
      skipped.push({
        operation: operation.id,
        reason:
          "it waits for the backend's callback to a URL the host provides; the MCP endpoint of `flowport serve` runs it",
      });
      continue;
    }
    const base = toolName(nameForModel(operation.raw) ?? operation.id);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, NAME_LENGTH - 4)}_${n}`;
    taken.add(name.toLowerCase());
    names.set(operation, name);
  }
  const toolOfId = (id: string): string | undefined => {
    const target = connector.operation(id);
    return target ? names.get(target) : undefined;
  };
  for (const [operation, name] of names) {
    const built = toolOf(connector, operation, operation.id as string, name, toolOfId);
    if (built.cut) cut.push(name);
    tools.push(built.tool);
  }
  return { tools, skipped, cut };
}

/**
 * The actions a user sees, then the internal actions their dynamic values and schemas come from
 * (usually hidden lists such as `ListTeams`), so an agent can look up valid values itself.
 */
function included(connector: Connector, options: ToolOptions): Operation[] {
  const isAction = (o: Operation) => o.kind !== 'polling-trigger' && o.kind !== 'webhook-trigger';
  const list = (
    options.only
      ? chosenOperations(connector, options.only)
      : visibleOperations(connector, options.all === true)
  ).filter(isAction);
  const chosen = new Set(list);
  for (let i = 0; i < list.length; i++) {
    for (const parameter of (list[i] as Operation).parameters) {
      for (const dynamic of parameter.dynamic) {
        const source = dynamic.operationId ? connector.operation(dynamic.operationId) : undefined;
        if (source && isAction(source) && !chosen.has(source)) {
          chosen.add(source);
          list.push(source);
        }
      }
    }
  }
  return list;
}

/** The operations `only` names; a name the connector lacks is a usage error with the nearest one. */
function chosenOperations(connector: Connector, only: readonly string[]): Operation[] {
  const ids = connector.operations.map((o) => o.id).filter((id): id is string => id !== undefined);
  return [...new Set(only)].map((id) => {
    const operation = connector.operation(id);
    if (operation?.kind === 'polling-trigger' || operation?.kind === 'webhook-trigger')
      throw new FlowportError(
        'USAGE',
        `\`${id}\` is a trigger, which is not a tool (an agent calls, it does not subscribe); \`flowport trigger\` runs it.`,
      );
    if (operation) return operation;
    const near = closest(id, ids);
    throw new FlowportError(
      'USAGE',
      `The connector has no operation \`${id}\`${near ? `; did you mean \`${near}\`` : ''}? \`flowport operations --all\` lists them.`,
    );
  });
}

function toolOf(
  connector: Connector,
  operation: Operation,
  operationId: string,
  name: string,
  toolOfId: (operationId: string) => string | undefined,
): { tool: ConnectorTool; cut: boolean } {
  const budget = newBudget();
  const properties: JsonObject = {};
  const required: string[] = [];
  const fileArguments: string[] = [];
  for (const parameter of operation.parameters) {
    if (!shown(parameter)) continue;
    const key = argumentKey(parameter, operation.parameters);
    properties[key] = parameterSchema(connector, parameter, budget, toolOfId);
    if (parameter.type === 'file' || (parameter.in === 'formData' && parameter.format === 'binary'))
      fileArguments.push(key);
    if (parameter.required) required.push(key);
  }
  const method = operation.method;
  const title = operation.summary?.trim() || undefined;
  const confirm = requiresConfirmation(operation);
  const tool: ConnectorTool = {
    name,
    operationId,
    title,
    description: confirm
      ? joinText(describe(operation), "The connector asks for the user's confirmation before this runs.")
      : describe(operation),
    inputSchema: {
      type: 'object',
      properties,
      ...(required.length > 0 && { required }),
      additionalProperties: false,
    },
    annotations: {
      ...(title && { title }),
      // The connector's request for a confirmation is the hint that makes MCP clients ask the user.
      readOnlyHint: !confirm && (method === 'get' || method === 'head' || method === 'options'),
      destructiveHint: confirm || method === 'delete',
      idempotentHint: method !== 'post' && method !== 'patch',
      openWorldHint: true,
    },
    fileArguments,
  };
  return { tool, cut: budget.cut };
}

/**
 * Whether the caller supplies this parameter. An internal one is filled by the runtime (its default)
 * unless it is required and has none, as the platform does (runtime spec §3.2).
 */
function shown(parameter: Parameter): boolean {
  if (parameter.visibility !== 'internal') return true;
  return parameter.required && parameter.default === undefined;
}

function parameterSchema(
  connector: Connector,
  parameter: Parameter,
  budget: ReturnType<typeof newBudget>,
  toolOfId: (operationId: string) => string | undefined,
): JsonObject {
  // A body parameter's value is its `schema`; the others describe their value themselves.
  const schema = toJsonSchema(connector, parameter.in === 'body' ? parameter.schema : parameter.raw, budget);
  const title = parameter.summary?.trim();
  if (title) schema.title = title;
  const notes = new Set<string>();
  const forModel = descriptionForModel(parameter.raw);
  if (forModel) schema.description = forModel;
  else if (parameter.description && schema.description === undefined)
    schema.description = parameter.description;
  for (const dynamic of parameter.dynamic) {
    const source = dynamic.operationId ? toolOfId(dynamic.operationId) : undefined;
    if (!source) continue;
    notes.add(
      dynamic.extension === 'x-ms-dynamic-values' || dynamic.extension === 'x-ms-dynamic-list'
        ? `Valid values come from the \`${source}\` tool.`
        : `The shape of this value comes from the \`${source}\` tool.`,
    );
  }
  if (parameter.in === 'body' && parameter.schema === undefined) schema.type = 'object';
  if (notes.size > 0) schema.description = joinText(schema.description, [...notes].join(' '));
  return schema;
}

function describe(operation: Operation): string {
  const forModel = descriptionForModel(operation.raw);
  if (forModel) return operation.deprecated ? joinText(forModel, 'Deprecated.') : forModel;
  const summary = operation.summary?.trim();
  const description = operation.description?.trim();
  const text =
    description && summary && description !== summary
      ? `${summary}. ${description}`
      : (description ?? summary ?? `${operation.method.toUpperCase()} ${operation.path}`);
  return operation.deprecated ? joinText(text, 'Deprecated.') : text;
}
