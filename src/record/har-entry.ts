/**
 * One call `flowport record` passed on, as a HAR 1.2 entry (what browsers' DevTools write): the
 * request as sent to the API, the answer as it came, timings; secrets masked unless kept.
 */
import type { JsonObject } from '../connector/json.ts';
import { maskBody, maskHeader, maskUrl } from './mask.ts';

export interface Call {
  readonly started: Date;
  readonly ms: number;
  readonly method: string;
  /** The URL the request went to. */
  readonly url: URL;
  readonly requestHeaders: readonly (readonly [string, string])[];
  readonly requestBody: Uint8Array | undefined;
  /** Undefined when the API could not be reached; `error` says why. */
  readonly response?: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: Uint8Array;
  };
  readonly error?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const typeOf = (headers: readonly (readonly [string, string])[]) =>
  headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';

/** The call as a HAR entry; `keepSecrets` writes credentials as they were sent. */
export function harEntry(call: Call, keepSecrets: boolean): JsonObject {
  const header = ([name, value]: readonly [string, string]) => ({
    name,
    value: keepSecrets ? value : maskHeader(name, value),
  });
  const url = keepSecrets ? call.url.href : maskUrl(call.url);
  const body = (bytes: Uint8Array, mimeType: string) => {
    const t = text(bytes);
    return t === undefined || keepSecrets ? t : maskBody(t, mimeType);
  };
  const requestType = typeOf(call.requestHeaders);
  const requestText = call.requestBody ? body(call.requestBody, requestType) : undefined;
  const response = call.response;
  const responseType = response ? typeOf(response.headers) : '';
  const responseText = response ? body(response.body, responseType) : undefined;
  return {
    startedDateTime: call.started.toISOString(),
    time: call.ms,
    request: {
      method: call.method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: call.requestHeaders.map(header),
      queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
      ...(call.requestBody && {
        postData: {
          mimeType: requestType,
          // A body that is not UTF-8 text is left out; its size is kept.
          text: requestText ?? '',
          ...(requestText === undefined && { comment: 'binary body not recorded' }),
        },
      }),
      headersSize: -1,
      bodySize: call.requestBody?.length ?? 0,
    },
    response: response
      ? {
          status: response.status,
          statusText: response.statusText,
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: response.headers.map(header),
          content: {
            size: response.body.length,
            mimeType: responseType,
            ...(response.body.length > 0 &&
              (responseText === undefined
                ? { text: Buffer.from(response.body).toString('base64'), encoding: 'base64' }
                : { text: responseText })),
          },
          redirectURL: response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '',
          headersSize: -1,
          bodySize: response.body.length,
        }
      : {
          // As browsers record a call that got no answer.
          status: 0,
          statusText: '',
          httpVersion: '',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          _error: call.error ?? 'no answer',
        },
    cache: {},
    timings: { send: 0, wait: call.ms, receive: 0 },
  };
}
