import type { FunctionName } from './ast.ts';

export interface FunctionInfo {
  readonly name: FunctionName;
  /** Smallest and largest number of quoted arguments. */
  readonly minArgs: number;
  readonly maxArgs: number;
  /** JSON-valued functions take accessors (`.x`, `['x']`, `[0]`); text-valued ones do not. */
  readonly json: boolean;
}

const TEXT = { minArgs: 1, maxArgs: 2, json: false } as const;
const JSON_ROOT = { minArgs: 0, maxArgs: 0, json: true } as const;

/**
 * The policy expression functions, keyed by lower-cased spelling. `header` is the alias the
 * `dynamichosturl` and `routerequesttoendpoint` documentation pages use.
 */
export const FUNCTIONS: ReadonlyMap<string, FunctionInfo> = new Map<string, FunctionInfo>([
  ['headers', { name: 'headers', ...TEXT }],
  ['header', { name: 'headers', ...TEXT }],
  ['queryparameters', { name: 'queryParameters', ...TEXT }],
  ['connectionparameters', { name: 'connectionParameters', ...TEXT }],
  ['body', { name: 'body', ...JSON_ROOT }],
  ['item', { name: 'item', ...JSON_ROOT }],
  ['triggerbody', { name: 'triggerBody', ...JSON_ROOT }],
]);

export const FUNCTION_NAMES =
  'headers, header, queryParameters, connectionParameters, body, item, triggerBody';
