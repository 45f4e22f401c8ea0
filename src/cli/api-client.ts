import { FlowportError } from '../errors.ts';

/** A small client of flowport's REST API for the CLI commands that use a running server. */
export interface ApiClient {
  readonly baseUrl: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function apiClient(baseUrl: string, token: string | undefined): ApiClient {
  return {
    baseUrl,
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            ...(token && { authorization: `Bearer ${token}` }),
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new FlowportError(
          'API_UNREACHABLE',
          `No flowport server answers at ${baseUrl}; start one with \`flowport serve\` or pass \`--server\`.`,
          { cause },
        );
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      if (!response.ok) {
        const problem = (json ?? {}) as { detail?: string; title?: string; code?: string };
        const hint =
          response.status === 401 && !token ? ' Pass `--api-token` or set FLOWPORT_API_TOKEN.' : '';
        throw new FlowportError(
          'API_PROBLEM',
          `${problem.detail ?? problem.title ?? `The server answered ${response.status}.`}${hint} (${problem.code ?? response.status})`,
        );
      }
      return json as T;
    },
  };
}
