/** Test helper: a fake token / revocation endpoint behind an injected `fetch`. */

export interface FakeCall {
  readonly url: string;
  readonly body: URLSearchParams;
  readonly rawBody: string;
}

export interface FakeEndpoint {
  readonly fetch: typeof fetch;
  readonly calls: FakeCall[];
}

/** Records every call and answers `reply(call, n)` as JSON (n counts from 1). */
export function fakeEndpoint(
  reply: (call: FakeCall, n: number) => { readonly status: number; readonly json: unknown },
): FakeEndpoint {
  const calls: FakeCall[] = [];
  const fetchFake = (async (input: string | URL | Request, init?: RequestInit) => {
    const rawBody = String(init?.body ?? '');
    const call = {
      url: String(input instanceof Request ? input.url : input),
      body: new URLSearchParams(rawBody),
      rawBody,
    };
    calls.push(call);
    const { status, json } = reply(call, calls.length);
    return new Response(json === undefined ? null : JSON.stringify(json), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetch: fetchFake, calls };
}

/** A token answer with numbered tokens. */
export function granted(n: number, expiresIn = 3600): { status: number; json: unknown } {
  return {
    status: 200,
    json: {
      access_token: `access-${n}`,
      token_type: 'Bearer',
      expires_in: expiresIn,
      refresh_token: `refresh-${n}`,
    },
  };
}
