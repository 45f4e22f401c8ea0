import {
  entries,
  isObject,
  type JsonObject,
  type JsonValue,
  own,
  ownArray,
  ownBoolean,
  ownObject,
  ownString,
} from './json.ts';
import type {
  ApiDefinition,
  ConnectorMetadataItem,
  CustomCodeLanguage,
  DynamicReference,
  HttpMethod,
  Info,
  NotificationContent,
  Operation,
  OperationKind,
  Parameter,
  PathItem,
  Response,
  SecurityDefinition,
  Visibility,
} from './model.ts';
import { HTTP_METHODS } from './model.ts';
import { join } from './pointer.ts';
import { deref, resolveRef } from './refs.ts';

const DYNAMIC_EXTENSIONS = [
  'x-ms-dynamic-values',
  'x-ms-dynamic-list',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-properties',
] as const;

export function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function visibilityOf(node: unknown): Visibility {
  const v = ownString(node, 'x-ms-visibility')?.toLowerCase();
  return v === 'important' || v === 'advanced' || v === 'internal' ? v : 'none';
}

export function dynamicReferences(node: unknown, pointer: string): DynamicReference[] {
  const out: DynamicReference[] = [];
  for (const extension of DYNAMIC_EXTENSIONS) {
    const raw = ownObject(node, extension);
    if (!raw) continue;
    out.push({
      extension,
      operationId: ownString(raw, 'operationId'),
      builtInOperation: ownString(raw, 'builtInOperation'),
      capability: ownString(raw, 'capability'),
      parameters: ownObject(raw, 'parameters') ?? {},
      raw,
      pointer: join(pointer, extension),
    });
  }
  return out;
}

function readInfo(raw: JsonObject | undefined): Info {
  const info = ownObject(raw, 'info');
  const contact = ownObject(info, 'contact');
  return {
    title: ownString(info, 'title'),
    description: ownString(info, 'description'),
    version: ownString(info, 'version'),
    contact: contact
      ? {
          name: ownString(contact, 'name'),
          url: ownString(contact, 'url'),
          email: ownString(contact, 'email'),
        }
      : undefined,
    status: ownString(ownObject(info, 'x-ms-api-annotation'), 'status'),
    raw: info,
  };
}

export function readParameter(
  root: JsonObject,
  node: JsonValue,
  usedAt: string,
  level: Parameter['level'],
): Parameter | undefined {
  const { value, pointer, ref } = deref(root, node, usedAt);
  if (!isObject(value)) return undefined;
  return {
    name: ownString(value, 'name') ?? '',
    in: ownString(value, 'in') ?? '',
    required: ownBoolean(value, 'required') ?? false,
    type: ownString(value, 'type'),
    format: ownString(value, 'format'),
    schema: ownObject(value, 'schema'),
    default: own(value, 'default'),
    summary: ownString(value, 'x-ms-summary'),
    description: ownString(value, 'description'),
    visibility: visibilityOf(value),
    urlEncoding: ownString(value, 'x-ms-url-encoding'),
    collectionFormat: ownString(value, 'collectionFormat'),
    dynamic: dynamicReferences(value, pointer),
    raw: value,
    pointer,
    usedAt,
    ref,
    level: ref ? 'shared' : level,
  };
}

function readParameters(
  root: JsonObject,
  owner: JsonObject,
  pointer: string,
  level: Parameter['level'],
): Parameter[] {
  const list = ownArray(owner, 'parameters');
  if (!list) return [];
  const out: Parameter[] = [];
  const base = `${pointer}/parameters/`;
  for (let i = 0; i < list.length; i++) {
    const param = readParameter(root, list[i] as JsonValue, base + i, level);
    if (param) out.push(param);
  }
  return out;
}

function readResponses(root: JsonObject, op: JsonObject, pointer: string): Response[] {
  const out: Response[] = [];
  const responses = ownObject(op, 'responses');
  if (!responses) return out;
  // `for…in` rather than `entries`: no pair array per response (parsed JSON inherits no keys).
  for (const status in responses) {
    const at = join(pointer, 'responses', status);
    const { value, pointer: where, ref } = deref(root, responses[status], at);
    if (!isObject(value)) continue;
    out.push({
      status,
      description: ownString(value, 'description'),
      schema: ownObject(value, 'schema'),
      raw: value,
      pointer: where,
      ref,
    });
  }
  return out;
}

function readNotificationContent(pathItem: JsonObject, pointer: string): NotificationContent | undefined {
  const raw = ownObject(pathItem, 'x-ms-notification-content');
  if (!raw) return undefined;
  return {
    description: ownString(raw, 'description'),
    schema: ownObject(raw, 'schema'),
    raw,
    pointer: join(pointer, 'x-ms-notification-content'),
  };
}

/**
 * Path (property names) of the first property marked `x-ms-notification-url: true` inside a body
 * schema, following `$ref`s; cycle-safe, and at most 32 schemas deep (`allOf` and `$ref` chains count).
 */
export function findNotificationUrl(root: JsonObject, schema: JsonValue | undefined): string[] | undefined {
  const seen = new Set<JsonValue>();
  // One path, grown and shrunk along the walk and copied when found: this walks every body schema.
  const path: string[] = [];
  const walk = (node: JsonValue | undefined, depth: number): boolean => {
    const value = typeof own(node, '$ref') === 'string' ? deref(root, node, '').value : node;
    if (!isObject(value) || seen.has(value) || depth > 32) return false;
    seen.add(value);
    if (ownBoolean(value, 'x-ms-notification-url') === true) return true;
    const properties = ownObject(value, 'properties');
    if (properties) {
      for (const name of Object.keys(properties)) {
        path.push(name);
        if (walk(properties[name], depth + 1)) return true;
        path.pop();
      }
    }
    for (const part of ownArray(value, 'allOf') ?? []) if (walk(part, depth + 1)) return true;
    return false;
  };
  return walk(schema, 0) ? [...path] : undefined;
}

function mergeParameters(pathLevel: Parameter[], opLevel: Parameter[]): Parameter[] {
  if (pathLevel.length === 0) return opLevel;
  const key = (p: Parameter) => `${p.in}\u0000${p.name}`;
  const overridden = new Set(opLevel.map(key));
  return [...pathLevel.filter((p) => !overridden.has(key(p))), ...opLevel];
}

function operationKind(raw: JsonObject, params: Parameter[], root: JsonObject, hasContent: boolean) {
  const body = params.find((p) => p.in === 'body');
  const notificationUrlPath = body
    ? findNotificationUrl(root, body.schema)
    : params.some((p) => ownBoolean(p.raw, 'x-ms-notification-url') === true)
      ? []
      : undefined;
  const isTrigger = own(raw, 'x-ms-trigger') !== undefined;
  let kind: OperationKind = 'action';
  if (isTrigger) kind = notificationUrlPath || hasContent ? 'webhook-trigger' : 'polling-trigger';
  else if (notificationUrlPath) kind = 'callback-action';
  return { kind, notificationUrlPath };
}

export interface ScriptCoverage {
  /** The language of the connector's custom code; undefined when it has none. */
  readonly language: CustomCodeLanguage | undefined;
  /** `scriptOperations`, or undefined when absent (the script then runs for every operation). */
  readonly operations: readonly string[] | undefined;
}

/** Typed view of `apiDefinition.swagger.json`; never throws, whatever the input. */
export function readDefinition(value: JsonValue | undefined, script: ScriptCoverage): ApiDefinition {
  const raw = isObject(value) ? value : undefined;
  const root: JsonObject = raw ?? {};
  const consumes = strings(own(root, 'consumes'));
  const produces = strings(own(root, 'produces'));
  const scriptOps = script.operations ? new Set(script.operations.map((s) => s.toLowerCase())) : undefined;
  const paths: PathItem[] = [];
  const pathItems = ownObject(root, 'paths') ?? {};
  for (const path in pathItems) {
    const item = pathItems[path];
    // `x-` keys under `paths` are extensions (Swagger 2.0 allows them), not paths.
    if (!isObject(item) || path.startsWith('x-')) continue;
    const pointer = join('/paths', path);
    const pathParams = readParameters(root, item, pointer, 'path');
    const notificationContent = readNotificationContent(item, pointer);
    const operations: Operation[] = [];
    for (const method of HTTP_METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      const opPointer = join(pointer, method);
      const parameters = mergeParameters(pathParams, readParameters(root, op, opPointer, 'operation'));
      const id = ownString(op, 'operationId');
      const covered =
        script.language !== undefined &&
        (!scriptOps || (id !== undefined && scriptOps.has(id.toLowerCase())));
      const { kind, notificationUrlPath } = operationKind(
        op,
        parameters,
        root,
        notificationContent !== undefined,
      );
      operations.push({
        id,
        label: id ?? `${method.toUpperCase()} ${path}`,
        method: method as HttpMethod,
        path,
        pointer: opPointer,
        raw: op,
        summary: ownString(op, 'summary'),
        description: ownString(op, 'description'),
        visibility: visibilityOf(op),
        deprecated: ownBoolean(op, 'deprecated') ?? false,
        trigger: ownString(op, 'x-ms-trigger'),
        kind,
        parameters,
        responses: readResponses(root, op, opPointer),
        consumes: own(op, 'consumes') !== undefined ? strings(own(op, 'consumes')) : consumes,
        produces: own(op, 'produces') !== undefined ? strings(own(op, 'produces')) : produces,
        notificationUrlPath,
        notificationContent: kind === 'webhook-trigger' ? notificationContent : undefined,
        customCode: covered,
        customCodeLanguage: covered ? script.language : undefined,
      });
    }
    paths.push({ path, pointer, raw: item, parameters: pathParams, operations, notificationContent });
  }

  const securityDefinitions: SecurityDefinition[] = entries(ownObject(root, 'securityDefinitions'))
    .filter((e): e is [string, JsonObject] => isObject(e[1]))
    .map(([name, def]) => ({
      name,
      type: ownString(def, 'type'),
      raw: def,
      pointer: join('/securityDefinitions', name),
    }));

  const metadata = ownArray(root, 'x-ms-connector-metadata');
  const connectorMetadata: ConnectorMetadataItem[] | undefined = metadata?.map((item, i) => ({
    propertyName: ownString(item, 'propertyName'),
    propertyValue: ownString(item, 'propertyValue'),
    pointer: join('/x-ms-connector-metadata', i),
  }));

  return {
    raw,
    swagger: own(root, 'swagger'),
    info: readInfo(raw),
    host: ownString(root, 'host'),
    basePath: ownString(root, 'basePath'),
    schemes: strings(own(root, 'schemes')),
    consumes,
    produces,
    securityDefinitions,
    connectorMetadata,
    paths,
    definitions: ownObject(root, 'definitions') ?? {},
    sharedParameters: ownObject(root, 'parameters') ?? {},
    sharedResponses: ownObject(root, 'responses') ?? {},
  };
}

export { resolveRef };
