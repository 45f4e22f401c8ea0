/** The last answer a {@link recordingFetch} saw: its status and JSON body (undefined when not JSON). */
export interface Recorded {
  readonly status: number;
  readonly json: unknown;
}

/**
 * A fetch that keeps the last answer's status and JSON, so that the doctor reads a token answer as
 * the provider sent it (a missing `refresh_token` is missing, not filled in) while the usual code
 * processes it. The caller gets the response unread.
 */
export function recordingFetch(base: typeof fetch): {
  readonly fetch: typeof fetch;
  last(): Recorded | undefined;
} {
  let last: Recorded | undefined;
  const recording = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await base(input, init);
    const text = await response.clone().text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    last = { status: response.status, json };
    return response;
  }) as typeof fetch;
  return { fetch: recording, last: () => last };
}
