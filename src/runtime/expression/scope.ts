import type { JsonValue } from '../../connector/json.ts';

/**
 * What an expression can read. Header, query and connection lookups return `undefined` when the
 * value is absent, so that defaults apply; JSON roots return `undefined` when there is no body.
 */
export interface ExpressionScope {
  header(name: string): string | undefined;
  queryParameter(name: string): string | undefined;
  connectionParameter(name: string): string | undefined;
  body(): JsonValue | undefined;
  item(): JsonValue | undefined;
  triggerBody(): JsonValue | undefined;
  /** The operation's own HTTP method, upper case, for `@Request.OriginalHTTPMethod`. */
  originalMethod(): string;
}

/** A scope where every lookup is absent; spread it and override what a caller provides. */
export const EMPTY_SCOPE: ExpressionScope = {
  header: () => undefined,
  queryParameter: () => undefined,
  connectionParameter: () => undefined,
  body: () => undefined,
  item: () => undefined,
  triggerBody: () => undefined,
  originalMethod: () => 'GET',
};
