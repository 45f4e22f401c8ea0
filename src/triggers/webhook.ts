/**
 * Webhook triggers (runtime spec §9): subscribe with a callback URL in the `x-ms-notification-url`
 * property, unsubscribe by `DELETE` on the `Location` (as the swagger's delete operation when one
 * matches, §13.2), and turn a callback request into events. Network only through the runtime.
 */
import { isObject, type JsonObject, type JsonValue, setOwn } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { FlowportError, type FlowportErrorCode, isFlowportError } from '../errors.ts';
import { queryArguments } from '../runtime/path-match.ts';
import { isNotificationUrl, viewSchema } from '../runtime/request/schema.ts';
import { valueConformance } from '../runtime/response-conformance.ts';
import type { InvokeResult, Runtime } from '../runtime/runtime.ts';
import { bodyKind, parseMediaType, preview } from '../runtime/send/decode.ts';
import type { Arguments, CompiledPolicy, Connection } from '../runtime/types.ts';
import { eventKey, headerRecord, type TriggerEvent } from './event.ts';
import { splitBody, splitPlan } from './split.ts';

/** A subscription as created on the backend: plain data a store can keep. */
export interface Subscription {
  readonly operationId: string;
  readonly callbackUrl: string;
  /** The backend's `Location`, absolute; undefined when it sent none (unsubscribing is then impossible). */
  readonly location: string | undefined;
  readonly status: number;
  readonly warnings: readonly string[];
}

export interface SubscribeOptions {
  readonly connection?: Connection;
  /** Where the backend must send events; written into the notification-URL property. */
  readonly callbackUrl: string;
  readonly signal?: AbortSignal;
}

function operationOf(runtime: Runtime, operationId: string): Operation | undefined {
  return runtime.connector.operation(operationId);
}

/**
 * The arguments with the callback URL at the operation's `x-ms-notification-url` property, creating
 * objects on the way and replacing whatever the caller put there (§4.8). Pure.
 *
 * @example
 * withCallbackUrl(operation, { body: { label: 'x' } }, 'https://me/hooks/1/s').args;
 * // { body: { label: 'x', config: { callback: 'https://me/hooks/1/s' } } }
 */
export function withCallbackUrl(
  operation: Operation,
  args: Arguments,
  callbackUrl: string,
): { args: Arguments; warnings: string[] } {
  const path = operation.notificationUrlPath;
  const out: Record<string, Arguments[string]> = Object.create(null);
  for (const [name, value] of Object.entries(args)) out[name] = value;
  if (path === undefined)
    return {
      args: out,
      warnings: [
        `Operation \`${operation.label}\` has no \`x-ms-notification-url\` property, so the backend is not told where to send events.`,
      ],
    };
  if (path.length === 0) {
    // The flag sits on a non-body parameter (invalid, but the intent is plain).
    const parameter = operation.parameters.find((p) => p.in !== 'body' && isNotificationUrl(p.raw));
    if (parameter) out[parameter.name] = callbackUrl;
    return { args: out, warnings: [] };
  }
  const body = operation.parameters.find((p) => p.in === 'body');
  if (!body) return { args: out, warnings: [] };
  const warnings: string[] = [];
  const given = out[body.name];
  let root: JsonObject;
  if (given === undefined) root = {};
  else if (isObject(given)) root = structuredClone(given);
  else {
    warnings.push(
      `The body of \`${operation.label}\` was not an object; it was replaced to hold the callback URL.`,
    );
    root = {};
  }
  let node = root;
  for (const name of path.slice(0, -1)) {
    const next = node[name];
    const child: JsonObject = isObject(next) ? next : {};
    setOwn(node, name, child);
    node = child;
  }
  const last = path[path.length - 1] ?? '';
  if (node[last] !== undefined && node[last] !== callbackUrl)
    warnings.push(`The value given for \`${path.join('.')}\` was replaced by the callback URL.`);
  setOwn(node, last, callbackUrl);
  out[body.name] = root;
  return { args: out, warnings };
}

function bodyExcerpt(result: InvokeResult): string {
  const body = result.response.body;
  const text = body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'text' ? body.text : '';
  return text === '' ? '' : `: \`${preview(text, 200)}\``;
}

/** The `Location` header, made absolute against the request URL; undefined when absent or unusable. */
export function locationOf(result: InvokeResult): string | undefined {
  const raw = result.response.headers.get('location');
  if (raw === null || raw.trim() === '') return undefined;
  try {
    return new URL(raw.trim(), result.request?.url).href;
  } catch {
    return undefined;
  }
}

/**
 * Creates a webhook subscription (§9.2): invokes the trigger operation through the full pipeline
 * with the callback URL in its body. Any 2xx is accepted (DECIDE 15), with a warning when it is not
 * `201` or has no `Location`. Throws `TRIGGER_NOT_A_TRIGGER` for an operation that is not a webhook
 * trigger and `TRIGGER_SUBSCRIBE_FAILED` when the backend does not answer 2xx.
 *
 * @example
 * const sub = await subscribe(runtime, 'OnTicketCreated', {}, { connection, callbackUrl });
 * sub.location; // 'https://api.contoso.com/hooks/42'
 */
export async function subscribe(
  runtime: Runtime,
  operationId: string,
  args: Arguments,
  options: SubscribeOptions,
): Promise<Subscription> {
  const operation = operationOf(runtime, operationId);
  if (operation && operation.kind !== 'webhook-trigger')
    throw new FlowportError(
      'TRIGGER_NOT_A_TRIGGER',
      `Operation \`${operationId}\` is ${operation.kind === 'polling-trigger' ? 'a polling trigger; poll it instead of subscribing' : `not a webhook trigger (it is ${operation.kind === 'action' ? 'an action' : 'a callback action'})`}.`,
    );
  const filled = operation ? withCallbackUrl(operation, args, options.callbackUrl) : { args, warnings: [] };
  const result = await runtime.invoke(operationId, filled.args, {
    ...(options.connection && { connection: options.connection }),
    ...(options.signal && { signal: options.signal }),
  });
  if (!result.ok)
    throw new FlowportError(
      'TRIGGER_SUBSCRIBE_FAILED',
      `Subscribing with \`${operationId}\` failed: the backend answered ${result.response.status}${bodyExcerpt(result)}.`,
    );
  const warnings = [...filled.warnings, ...result.warnings];
  const location = locationOf(result);
  if (result.response.status !== 201)
    warnings.push(`The backend answered ${result.response.status} to the subscription, not 201 Created.`);
  if (location === undefined)
    warnings.push('The backend sent no `Location` header, so the subscription cannot be deleted later.');
  return {
    operationId,
    callbackUrl: options.callbackUrl,
    location,
    status: result.response.status,
    warnings,
  };
}

/** What deleting a subscription did; failures are reported here, never thrown (DECIDE: §9.4). */
export interface UnsubscribeResult {
  readonly ok: boolean;
  /** `operation`: the swagger's delete operation matched the `Location`; `url`: a plain `DELETE`. */
  readonly via: 'operation' | 'url' | 'none';
  /** The delete operation run, when one matched. */
  readonly operationId?: string;
  readonly status?: number;
  readonly error?: { readonly code: FlowportErrorCode; readonly message: string };
  readonly warnings: readonly string[];
}

/**
 * Deletes a subscription (§9.4): `DELETE` on its `Location`, executed as the swagger's delete
 * operation when the `Location` matches one (§13.2; its path parameters extracted, the `Location`
 * sent verbatim), else as a plain `DELETE` with the connection's auth on the backend's origin.
 * `404`/`410` count as deleted (already gone). Never throws.
 */
export async function unsubscribe(
  runtime: Runtime,
  subscription: Pick<Subscription, 'operationId' | 'location'>,
  options: { readonly connection?: Connection; readonly signal?: AbortSignal } = {},
): Promise<UnsubscribeResult> {
  const location = subscription.location;
  if (location === undefined)
    return {
      ok: false,
      via: 'none',
      error: {
        code: 'TRIGGER_UNSUBSCRIBE_FAILED',
        message: 'The subscription has no `Location`, so there is nothing to send `DELETE` to.',
      },
      warnings: [],
    };
  const match = runtime.locate('DELETE', location);
  const operationId = match?.operation.id;
  const common = {
    ...(options.connection && { connection: options.connection }),
    ...(options.signal && { signal: options.signal }),
  };
  const via = operationId ? 'operation' : 'url';
  try {
    let result: InvokeResult;
    if (match && operationId) {
      const args = { ...queryArguments(match.operation, match.query), ...match.pathValues };
      const url = match.via === 'backend' ? location : match.backendUrl;
      result = await runtime.invoke(operationId, args, { ...common, ...(url !== undefined && { url }) });
    } else {
      result = await runtime.callUrl('DELETE', location, {
        ...common,
        operationId: subscription.operationId,
      });
    }
    const status = result.response.status;
    const base = { via, ...(operationId && { operationId }), status } as const;
    if (result.ok) return { ...base, ok: true, warnings: result.warnings };
    if (status === 404 || status === 410)
      return {
        ...base,
        ok: true,
        warnings: [...result.warnings, `The backend answered ${status}: the subscription was already gone.`],
      };
    return {
      ...base,
      ok: false,
      error: {
        code: 'TRIGGER_UNSUBSCRIBE_FAILED',
        message: `Deleting the subscription at ${location} failed: the backend answered ${status}${bodyExcerpt(result)}.`,
      },
      warnings: result.warnings,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      via,
      ...(operationId && { operationId }),
      error: {
        code: isFlowportError(error) ? error.code : 'TRIGGER_UNSUBSCRIBE_FAILED',
        message: `Deleting the subscription at ${location} failed: ${message}`,
      },
      warnings: [],
    };
  }
}

/** An HTTP request that arrived at a callback URL. */
export interface CallbackRequest {
  readonly headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body as received; decode it with {@link decodeCallbackBody}. */
  readonly bytes: Uint8Array;
}

/**
 * A callback body as a trigger body: JSON parsed when the content type is JSON (text when it does
 * not parse), text for text types, and the Logic Apps binary shape
 * `{ "$content-type": …, "$content": <base64> }` for anything else. Empty → undefined.
 */
export function decodeCallbackBody(
  contentType: string | null | undefined,
  bytes: Uint8Array,
): JsonValue | undefined {
  if (bytes.byteLength === 0) return undefined;
  const media = parseMediaType(contentType ?? null);
  const kind = bodyKind(media.essence);
  if (kind === 'binary')
    return {
      '$content-type': media.essence === '' ? 'application/octet-stream' : media.essence,
      $content: Buffer.from(bytes).toString('base64'),
    };
  const text = new TextDecoder().decode(bytes);
  if (kind === 'text') return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/**
 * Lenient checks of a callback body against `x-ms-notification-content` (DECIDE §4.7: warn, never
 * refuse): the whole body, as `flowport run` checks answers against response schemas (types, nulls,
 * required properties, enums; undeclared properties are not warned about), values never quoted.
 */
export function notificationWarnings(
  connector: Connector,
  operation: Operation,
  body: JsonValue | undefined,
): string[] {
  const schema = operation.notificationContent?.schema;
  if (!schema) return [];
  if (body === undefined) {
    const type = viewSchema(connector, schema)?.type;
    return type === 'object' || type === 'array'
      ? [
          `The callback has no body; \`x-ms-notification-content\` says ${type === 'array' ? 'an array' : 'an object'}.`,
        ]
      : [];
  }
  return valueConformance(connector, schema, body)
    .findings.filter((f) => f.severity === 'warning')
    .map(
      (f) =>
        `${f.message}${f.of > 1 ? ` (${f.count} of ${f.of} values)` : ''} (\`x-ms-notification-content\`)`,
    );
}

export interface CallbackOptions {
  /** The subscription the callback came for; part of every idempotency key. */
  readonly subscriptionId: string;
  /** When it arrived (default now). */
  readonly receivedAt?: Date;
  /**
   * A request header carrying the sender's delivery id, stable across retries (`X-GitHub-Delivery`,
   * `X-Brightdesk-Delivery`); when present it keys the events instead of the body's hash.
   */
  readonly deliveryIdHeader?: string;
  /** Compiled policies, for the `triggerDataPath` fallback of batch splitting. */
  readonly policies?: readonly CompiledPolicy[];
}

/**
 * The events one callback produces (§9.3): one for a `single` trigger, one per item for `batch`
 * (split with the notification-content schema, §8.6). Idempotency key (DECIDE): a hash of the
 * subscription id, the delivery id header when configured and present (else the body's bytes), and
 * the item's index — so a retried delivery of the same payload produces the same keys.
 */
export function callbackEvents(
  connector: Connector,
  operation: Operation,
  request: CallbackRequest,
  options: CallbackOptions,
): { events: TriggerEvent[]; warnings: string[] } {
  const headers = headerRecord(request.headers);
  const body = decodeCallbackBody(headers['content-type'], request.bytes);
  const warnings = notificationWarnings(connector, operation, body);
  const split = splitBody(splitPlan(connector, operation, options.policies), body ?? null);
  if (split.warning) warnings.push(split.warning);
  const delivery = options.deliveryIdHeader ? headers[options.deliveryIdHeader.toLowerCase()] : undefined;
  const source =
    delivery !== undefined
      ? `delivery:${delivery}`
      : `body:${eventKey(Buffer.from(request.bytes).toString('base64'))}`;
  const receivedAt = (options.receivedAt ?? new Date()).toISOString();
  const events = split.items.map((item, index) => ({
    idempotencyKey: eventKey(options.subscriptionId, source, index),
    receivedAt,
    headers,
    body: item,
  }));
  return { events, warnings };
}
