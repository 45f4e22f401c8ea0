/**
 * The parsed form of a policy template value (runtime spec §7.2): literal text and expressions,
 * parsed once when a policy is compiled and evaluated on every call.
 */

/** Functions a policy expression may call; `Request.OriginalHTTPMethod` is its own node. */
export type FunctionName =
  | 'headers'
  | 'queryParameters'
  | 'connectionParameters'
  | 'body'
  | 'item'
  | 'triggerBody';

/** `.name` or `['name']` (a property) and `[0]` (an array index) after a JSON-valued call. */
export type Accessor =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number };

export type Expression =
  | {
      readonly kind: 'call';
      readonly name: FunctionName;
      readonly args: readonly string[];
      readonly accessors: readonly Accessor[];
      /** The expression as written, for messages. */
      readonly source: string;
      /** 1-based column of the expression in the template. */
      readonly column: number;
    }
  | { readonly kind: 'originalMethod'; readonly source: string; readonly column: number };

/**
 * How an expression was written: `@fn()` (`bare`), `@{fn()}` (`interpolation`, always text) or
 * `{@fn()}` (`braces`, the `setproperty` form).
 */
export type ExpressionForm = 'bare' | 'interpolation' | 'braces';

/** One piece of a template. */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'expression'; readonly expression: Expression; readonly form: ExpressionForm };

export interface Template {
  readonly source: string;
  readonly pieces: readonly Piece[];
}
