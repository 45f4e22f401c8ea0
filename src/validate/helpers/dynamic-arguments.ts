import { entries, isObject, type JsonValue, own } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { join } from '../../connector/pointer.ts';
import { type DynamicCall, dynamicCalls } from './dynamic-calls.ts';

/** What a dynamic call passes for one input of the operation it calls. */
export type ArgumentValue =
  /** `{ "parameter": name }` (name form) or `{ "parameterReference": path }` (path form). */
  | { readonly kind: 'reference'; readonly name: string }
  /** A literal (name form) or `{ "value": literal }` (path form). */
  | { readonly kind: 'static'; readonly value: JsonValue }
  /** `{ "selectedItemValuePath": path }`: the item picked in an `x-ms-dynamic-tree`. */
  | { readonly kind: 'selected' }
  /** Path form only: not exactly one of `value`, `parameterReference`, `selectedItemValuePath`. */
  | { readonly kind: 'invalid' };

/** One entry of a dynamic call's `parameters`: an input of the called operation and its value. */
export interface DynamicArgument {
  readonly call: DynamicCall;
  /** Input of the called operation: a parameter name, a body property path, or `param/path`. */
  readonly key: string;
  readonly pointer: string;
  readonly raw: JsonValue;
  readonly value: ArgumentValue;
}

const PATH_FORM_KEYS = new Set(['value', 'parameterReference', 'selectedItemValuePath']);
const cache = new WeakMap<Connector, readonly DynamicArgument[]>();

/** Every `parameters` entry of every dynamic call; computed once per connector. */
export function dynamicArguments(connector: Connector): readonly DynamicArgument[] {
  let args = cache.get(connector);
  if (args) return args;
  args = dynamicCalls(connector).flatMap((call) =>
    entries(call.parameters).map(([key, raw]) => ({
      call,
      key,
      pointer: join(call.pointer, 'parameters', key),
      raw,
      value: argumentValue(call.form, raw),
    })),
  );
  cache.set(connector, args);
  return args;
}

/** Classifies a `parameters` value as the platform reads it for the call's form. */
export function argumentValue(form: DynamicCall['form'], raw: JsonValue): ArgumentValue {
  if (isObject(raw) && own(raw, 'selectedItemValuePath') !== undefined) {
    return form === 'path' && Object.keys(raw).length !== 1 ? { kind: 'invalid' } : { kind: 'selected' };
  }
  if (form === 'name') {
    const name = isObject(raw) ? own(raw, 'parameter') : undefined;
    return typeof name === 'string' ? { kind: 'reference', name } : { kind: 'static', value: raw };
  }
  if (!isObject(raw)) return { kind: 'invalid' };
  const keys = Object.keys(raw);
  if (keys.length !== 1 || !PATH_FORM_KEYS.has(keys[0]!)) return { kind: 'invalid' };
  const reference = own(raw, 'parameterReference');
  if (reference !== undefined) {
    return typeof reference === 'string' ? { kind: 'reference', name: reference } : { kind: 'invalid' };
  }
  return { kind: 'static', value: own(raw, 'value') ?? null };
}
