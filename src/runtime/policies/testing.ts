/** Test helpers for policy templates: instances as apiProperties writes them, and a fake context. */
import { readApiProperties } from '../../connector/api-properties.ts';
import type { JsonObject, JsonValue } from '../../connector/json.ts';
import { connectorFromFiles } from '../../connector/load.ts';
import type { HttpMethod, PolicyInstance } from '../../connector/model.ts';
import type {
  CompiledPolicy,
  ConnectionStatus,
  PolicyContext,
  PolicyDiagnostic,
  PolicyTemplate,
  RequestBody,
  RuntimeRequest,
  RuntimeResponse,
} from '../types.ts';

/** Policy instances read from raw `policyTemplateInstances` entries, exactly as a connector loads them. */
export function instancesFrom(entries: readonly JsonValue[]): PolicyInstance[] {
  return [...readApiProperties({ properties: { policyTemplateInstances: [...entries] } }).policies];
}

/**
 * One instance. Parameter names without an `x-ms-` prefix get `x-ms-apimTemplateParameter.`;
 * `x-ms-apimTemplate-policySection` and `x-ms-apimTemplate-operationName` are passed as written.
 */
export function instance(
  templateId: string,
  parameters: Record<string, JsonValue>,
  options: { readonly title?: string; readonly operations?: readonly string[] } = {},
): PolicyInstance {
  const raw: JsonObject = {};
  for (const [k, v] of Object.entries(parameters))
    raw[k.startsWith('x-ms-') ? k : `x-ms-apimTemplateParameter.${k}`] = v;
  if (options.operations) raw['x-ms-apimTemplate-operationName'] = [...options.operations];
  const entry: JsonObject = { templateId, title: options.title ?? `Test ${templateId}`, parameters: raw };
  const [only] = instancesFrom([entry]);
  if (!only) throw new Error('instance() built no policy instance');
  return only;
}

/** Compiles one instance and fails the test with the diagnostics when it does not compile. */
export function compiled(template: PolicyTemplate, inst: PolicyInstance): CompiledPolicy {
  const { policy, diagnostics } = template.compile(inst);
  if (!policy) throw new Error(`expected a policy, got: ${diagnostics.map((d) => d.message).join(' | ')}`);
  return policy;
}

/** The diagnostics of an instance that must not compile. */
export function diagnosticsOf(template: PolicyTemplate, inst: PolicyInstance): PolicyDiagnostic[] {
  const { policy, diagnostics } = template.compile(inst);
  if (policy) throw new Error('expected diagnostics, the instance compiled');
  return diagnostics;
}

export function request(
  options: {
    readonly method?: string;
    readonly baseUrl?: string;
    readonly path?: string;
    readonly query?: Record<string, string>;
    readonly headers?: Record<string, string>;
    readonly body?: RequestBody;
    readonly json?: JsonValue;
  } = {},
): RuntimeRequest {
  return {
    method: options.method ?? 'GET',
    baseUrl: options.baseUrl ?? 'https://api.contoso.com/v1',
    path: options.path ?? '/items',
    query: new URLSearchParams(options.query),
    headers: new Headers(options.headers),
    body:
      options.json !== undefined ? { kind: 'json', value: options.json } : (options.body ?? { kind: 'none' }),
  };
}

export function response(
  status: number,
  json?: JsonValue,
  headers: Record<string, string> = {},
): RuntimeResponse {
  return {
    status,
    headers: new Headers(headers),
    body: json === undefined ? { kind: 'none' } : { kind: 'json', value: json },
  };
}

/** A context that records what policies do: sub-requests, warnings and connection statuses. */
export interface FakeContext extends PolicyContext {
  readonly sent: RuntimeRequest[];
  readonly warnings: string[];
  readonly statuses: ConnectionStatus[];
}

/**
 * A fake `PolicyContext` over a one-operation connector (`operationId` with `method` at
 * `/items/{id}`). `respond` answers sub-requests (`setvaluefromurl`); by default with 404.
 */
export function fakeContext(
  options: {
    readonly operationId?: string;
    readonly method?: HttpMethod;
    readonly connection?: Record<string, string>;
    readonly pathValues?: Record<string, string>;
    readonly request?: RuntimeRequest;
    readonly respond?: (request: RuntimeRequest) => RuntimeResponse | Promise<RuntimeResponse>;
    readonly runtimeBaseUrl?: string;
  } = {},
): FakeContext {
  const operationId = options.operationId ?? 'GetItem';
  const method = options.method ?? 'get';
  const swagger = {
    swagger: '2.0',
    info: { title: 'Contoso', version: '1.0' },
    host: 'api.contoso.com',
    basePath: '/v1',
    paths: { '/items/{id}': { [method]: { operationId, responses: { '200': { description: 'OK' } } } } },
  };
  const connector = connectorFromFiles([
    { name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) },
  ]);
  const operation = connector.operation(operationId);
  if (!operation) throw new Error('fakeContext built no operation');
  const sent: RuntimeRequest[] = [];
  const warnings: string[] = [];
  const statuses: ConnectionStatus[] = [];
  const respond = options.respond ?? (() => response(404));
  return {
    connector,
    operation,
    connection: { values: options.connection ?? {} },
    pathValues: options.pathValues ?? {},
    request: options.request ?? request(),
    runtimeBaseUrl: options.runtimeBaseUrl ?? 'flowport://runtime',
    sent,
    warnings,
    statuses,
    async send(sub) {
      sent.push(sub);
      return respond(sub);
    },
    setConnectionStatus: (status) => statuses.push(status),
    warn: (message) => warnings.push(message),
  };
}
