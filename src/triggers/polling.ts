/**
 * Polling triggers (runtime spec §8): one poll step at a time. The caller keeps the state (plain
 * JSON), waits `delayMs` and calls again; the clock is injected, the network is the runtime's.
 *
 * Two styles: the backend speaks the polling protocol itself (`native`: 200 fires, 202 does not,
 * `Location` is the next poll's URL, `Retry-After` the delay, §8.2), or the connector's
 * `pollingtrigger` policy emulates it over a filtered list (`policy`, §8.3).
 */
import { isObject, type JsonValue, own } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { FlowportError, type FlowportErrorCode, isFlowportError } from '../errors.ts';
import { nextLinkOf } from '../runtime/paging.ts';
import {
  evaluateTriggerState,
  isPollingTrigger,
  type PollingTriggerPolicy,
  triggerItems,
  triggerNextLinkProperty,
} from '../runtime/policies/pollingtrigger.ts';
import { compilePolicies } from '../runtime/policies/registry.ts';
import type { InvokeResult, Runtime } from '../runtime/runtime.ts';
import type { Arguments, CompiledPolicy, Connection, ResponseBody } from '../runtime/types.ts';
import { eventKey, headerRecord, type TriggerEvent } from './event.ts';
import { splitBody, splitPlan } from './split.ts';
import { locationOf } from './webhook.ts';

/** Default recurrence: 60 s, the Power Automate minimum (DECIDE 13). */
export const DEFAULT_INTERVAL_SECONDS = 60;

/** A polling subscription's cursor: plain JSON a store keeps between polls. */
export interface PollState {
  readonly operationId: string;
  readonly kind: 'native' | 'policy';
  /** `native`: the next poll's URL (the last `Location`); `policy`: a next-page link still to drain. */
  readonly location?: string;
  /** `policy`: query parameter → value, from `triggerConfig` evaluated on the last body with items. */
  readonly policyState?: Readonly<Record<string, string>>;
  /** `native` without `Location`: parameter values from `x-ms-trigger-value` (DECIDE 14). */
  readonly values?: Readonly<Record<string, string>>;
  /** False until the first poll, which only sets the baseline (it fires only with `backfill`). */
  readonly baselined: boolean;
  /** ISO 8601 times of the last poll and of the next one due. */
  readonly lastPollAt?: string;
  readonly nextPollAt?: string;
  readonly lastStatus?: number;
  readonly lastError?: { readonly code: FlowportErrorCode; readonly message: string };
  /** Failed polls in a row. */
  readonly failures: number;
}

export interface PollOptions {
  readonly connection?: Connection;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Recurrence in seconds (default 60). */
  readonly intervalSeconds?: number;
  /** Fire the items of the first poll too (default false: the first poll only sets the baseline). */
  readonly backfill?: boolean;
  /** Names the subscription in idempotency keys (default the operation id). */
  readonly subscriptionId?: string;
  readonly signal?: AbortSignal;
}

export interface PollResult {
  readonly events: TriggerEvent[];
  readonly state: PollState;
  readonly fired: boolean;
  /** The backend's status; undefined when the call failed before an answer. */
  readonly status: number | undefined;
  /** How long to wait before the next poll, and when that is (ISO 8601). */
  readonly delayMs: number;
  readonly nextPollAt: string;
  readonly warnings: string[];
}

/** Errors that make one poll fail (retried at the next interval) rather than stop the trigger. */
const POLL_FAILURES: ReadonlySet<FlowportErrorCode> = new Set<FlowportErrorCode>([
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNREACHABLE',
  'UPSTREAM_RESPONSE_TOO_LARGE',
  'UPSTREAM_INVALID_RESPONSE',
  'UPSTREAM_REDIRECT_REFUSED',
  'UPSTREAM_HOST_REFUSED',
  'POLICY_FAILED',
  'CUSTOM_CODE_FAILED',
  'CUSTOM_CODE_TIMEOUT',
  'PAGING_FAILED',
  'AUTH_REFRESH_FAILED',
  'AUTH_TOKEN_EXPIRED',
  'CONNECTION_UNAUTHENTICATED',
]);

const compiled = new WeakMap<Connector, readonly CompiledPolicy[]>();

/** The connector's compiled policies, once per connector (splitting and the `pollingtrigger` policy). */
export function policiesOf(connector: Connector): readonly CompiledPolicy[] {
  let list = compiled.get(connector);
  if (!list) {
    list = compilePolicies(connector).policies;
    compiled.set(connector, list);
  }
  return list;
}

function pollingPolicy(connector: Connector, operation: Operation): PollingTriggerPolicy | undefined {
  for (const p of policiesOf(connector)) if (isPollingTrigger(p) && p.appliesTo(operation.id)) return p;
  return undefined;
}

function pollingOperation(runtime: Runtime, operationId: string): Operation {
  const operation = runtime.connector.operation(operationId);
  if (!operation)
    throw new FlowportError('OPERATION_NOT_FOUND', `The connector has no operation \`${operationId}\`.`);
  if (operation.kind !== 'polling-trigger')
    throw new FlowportError(
      'TRIGGER_NOT_A_TRIGGER',
      `Operation \`${operationId}\` is ${operation.kind === 'webhook-trigger' ? 'a webhook trigger; subscribe to it instead of polling' : 'not a polling trigger'}.`,
    );
  return operation;
}

/** The state before the first poll. */
export function initialPollState(runtime: Runtime, operationId: string): PollState {
  const operation = pollingOperation(runtime, operationId);
  return {
    operationId,
    kind: pollingPolicy(runtime.connector, operation) ? 'policy' : 'native',
    baselined: false,
    failures: 0,
  };
}

/**
 * `Retry-After` in milliseconds: delay-seconds or an HTTP-date (RFC 9110 §10.2.3) relative to `now`;
 * undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function jsonOf(body: ResponseBody): JsonValue | undefined {
  if (body.kind === 'json') return body.value;
  if (body.kind === 'text') return body.text;
  return undefined;
}

/** `x-ms-trigger-value` (§4.6): parameter ← `value-collection[0].value-path` of the body. */
function triggerValues(operation: Operation, body: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of operation.parameters) {
    const spec = own(p.raw, 'x-ms-trigger-value');
    const collection = own(spec, 'value-collection');
    const path = own(spec, 'value-path');
    if (typeof collection !== 'string' || typeof path !== 'string') continue;
    let node: JsonValue | undefined = body;
    for (const name of collection.split('/')) node = isObject(node) ? own(node, name) : undefined;
    let value: JsonValue | undefined = Array.isArray(node) ? node[0] : undefined;
    for (const name of path.split('/')) value = isObject(value) ? own(value, name) : undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      Object.defineProperty(out, p.name, { value: String(value), enumerable: true, writable: true });
  }
  return out;
}

/** A runtime-routed `Location` (`flowport://runtime/…`) on the backend; others verbatim. */
function routable(runtime: Runtime, location: string): string {
  return runtime.locate('GET', location)?.backendUrl ?? location;
}

function cursorOf(state: PollState): string {
  return JSON.stringify([state.location ?? '', state.policyState ?? {}, state.values ?? {}]);
}

/**
 * One poll of a polling trigger. Pass `undefined` (or {@link initialPollState}) the first time and
 * the returned state afterwards; wait `delayMs` in between. Native: 200 fires (split per §8.6), 202
 * does not; `Location` becomes the next URL; `Retry-After` sets the delay after a 200 (0 drains a
 * backlog at once) and wins over the interval after a 202 only when longer; other statuses and
 * failed calls record an error and retry after the interval. Policy: see §8.3. The first poll of
 * either style never fires unless `backfill` is set. Each event's idempotency key hashes the
 * subscription, the cursor the poll started from, the item's index and the item, so a poll repeated
 * from the same stored state yields the same keys.
 *
 * @example
 * let state; // undefined at first
 * const r = await poll(runtime, 'OnTicketChanged', {}, state, { connection });
 * state = r.state; // store it; poll again after r.delayMs
 */
export async function poll(
  runtime: Runtime,
  operationId: string,
  args: Arguments,
  previous: PollState | undefined,
  options: PollOptions = {},
): Promise<PollResult> {
  const operation = pollingOperation(runtime, operationId);
  const state = previous ?? initialPollState(runtime, operationId);
  const now = options.now ?? Date.now;
  const interval = (options.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS) * 1000;
  const subscription = options.subscriptionId ?? operationId;
  const cursor = cursorOf(state);
  const policy = state.kind === 'policy' ? pollingPolicy(runtime.connector, operation) : undefined;
  const warnings: string[] = [];

  const finish = (
    next: Omit<PollState, 'lastPollAt' | 'nextPollAt'>,
    delayMs: number,
    status: number | undefined,
    bodies: { items: JsonValue[]; headers: Headers } | undefined,
  ): PollResult => {
    const at = now();
    const nextPollAt = new Date(at + delayMs).toISOString();
    const receivedAt = new Date(at).toISOString();
    const headers = bodies ? headerRecord(bodies.headers) : {};
    const events = (bodies?.items ?? []).map((item, index) => ({
      idempotencyKey: eventKey(subscription, cursor, index, JSON.stringify(item)),
      receivedAt,
      headers,
      body: item,
    }));
    return {
      events,
      state: { ...next, lastPollAt: receivedAt, nextPollAt },
      fired: events.length > 0,
      status,
      delayMs,
      nextPollAt,
      warnings,
    };
  };

  const common = {
    ...(options.connection && { connection: options.connection }),
    ...(options.signal && { signal: options.signal }),
  };
  let result: InvokeResult;
  try {
    if (policy) {
      const overrides = state.location === undefined ? (state.policyState ?? {}) : {};
      result = await runtime.invoke(
        operationId,
        { ...args, ...overrides },
        {
          ...common,
          ...(state.location !== undefined && { url: state.location }),
        },
      );
    } else {
      result = await runtime.invoke(
        operationId,
        { ...args, ...(state.values ?? {}) },
        {
          ...common,
          ...(state.location !== undefined && { url: state.location }),
        },
      );
    }
  } catch (error) {
    if (!isFlowportError(error) || !POLL_FAILURES.has(error.code)) throw error;
    const { lastStatus: _, ...rest } = state;
    return finish(
      { ...rest, lastError: { code: error.code, message: error.message }, failures: state.failures + 1 },
      interval,
      undefined,
      undefined,
    );
  }
  warnings.push(...result.warnings);
  const status = result.response.status;
  const { lastError: _, ...clean } = state;
  if (status >= 400) {
    return finish(
      {
        ...clean,
        lastStatus: status,
        lastError: {
          code: 'UPSTREAM_INVALID_RESPONSE',
          message: `The poll of \`${operationId}\` answered ${status}.`,
        },
        failures: state.failures + 1,
      },
      interval,
      status,
      undefined,
    );
  }
  const ok = { ...clean, lastStatus: status, failures: 0 };
  const body = jsonOf(result.response.body);
  const plan = splitPlan(runtime.connector, operation, policiesOf(runtime.connector));
  const split = (value: JsonValue | undefined) => {
    const s = splitBody(plan, value);
    if (s.warning) warnings.push(s.warning);
    return s.items;
  };

  if (policy) return policyStep(policy);

  // Native protocol (§8.2).
  const location = locationOf(result);
  const next = location === undefined ? state.location : routable(runtime, location);
  const retry = retryAfterMs(result.response.headers.get('retry-after'), now());
  const base = { ...ok, ...(next !== undefined && { location: next }), baselined: true };
  if (status === 200) {
    const values = location === undefined ? triggerValues(operation, body) : {};
    const withValues =
      Object.keys(values).length > 0 ? { ...base, values: { ...state.values, ...values } } : base;
    const fire = state.baselined || options.backfill === true;
    return finish(
      withValues,
      retry ?? interval,
      status,
      fire ? { items: split(body), headers: result.response.headers } : undefined,
    );
  }
  if (status === 202) return finish(base, Math.max(interval, retry ?? 0), status, undefined);
  return finish({ ...ok, baselined: true }, interval, status, undefined);

  function policyStep(p: PollingTriggerPolicy): PollResult {
    const items = triggerItems(p, body);
    const single = operation.trigger?.toLowerCase() !== 'batch';
    const fired = () => ({ items: single ? [body ?? null] : split(body), headers: result.response.headers });
    const link = nextLink(body, p);
    if (state.location !== undefined) {
      // Draining further pages of a poll that fired: the state was computed from its first page.
      const { location: __, ...rest } = ok;
      return finish(
        { ...rest, ...(link !== undefined && { location: link }) },
        link !== undefined ? 0 : interval,
        status,
        items.length > 0 ? fired() : undefined,
      );
    }
    if (!state.baselined) {
      const baseline = evaluateTriggerState(p, body);
      return finish(
        { ...ok, baselined: true, ...(baseline && { policyState: baseline }) },
        interval,
        status,
        options.backfill === true && items.length > 0 ? fired() : undefined,
      );
    }
    if (items.length === 0) return finish(ok, interval, status, undefined);
    const evaluated = evaluateTriggerState(p, body) ?? {};
    return finish(
      {
        ...ok,
        policyState: { ...state.policyState, ...evaluated },
        ...(link !== undefined && { location: link }),
      },
      link !== undefined ? 0 : interval,
      status,
      fired(),
    );
  }

  function nextLink(value: JsonValue | undefined, p: PollingTriggerPolicy): string | undefined {
    if (!isObject(value)) return undefined;
    try {
      return nextLinkOf({ kind: 'json', value }, triggerNextLinkProperty(p))?.url;
    } catch (error) {
      if (!isFlowportError(error)) throw error;
      warnings.push(error.message);
      return undefined;
    }
  }
}
