import type { JsonValue } from '../../connector/json.ts';
import type { ResponseBody, RuntimeResponse, WireRequest } from '../types.ts';
import type { ScriptHttpRequest, ScriptHttpResponse } from './protocol.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The request a script receives, from the wire request the runtime would have sent. */
export function scriptRequestOf(wire: WireRequest): ScriptHttpRequest {
  return { method: wire.method, url: wire.url, headers: [...wire.headers], body: wire.body };
}

/** The wire request for a script's `sendAsync`, sent as-is. */
export function wireRequestOf(request: ScriptHttpRequest): WireRequest {
  const body = typeof request.body === 'string' ? encoder.encode(request.body) : request.body;
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: new Headers(request.headers.map(([name, value]): [string, string] => [name, value])),
    body,
  };
}

/** A runtime response (as the transport decoded it) serialised again for the script. */
export function scriptResponseOf(response: RuntimeResponse): ScriptHttpResponse {
  const headers = new Headers(response.headers);
  const { body } = response;
  let bytes: Uint8Array | undefined;
  if (body.kind === 'json') {
    bytes = encoder.encode(JSON.stringify(body.value));
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (body.kind === 'text') bytes = encoder.encode(body.text);
  else if (body.kind === 'binary') bytes = body.bytes;
  return { status: response.status, headers: [...headers], body: bytes };
}

function isJsonType(essence: string): boolean {
  return essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json');
}

function isTextType(essence: string): boolean {
  return (
    essence.startsWith('text/') ||
    essence === 'application/xml' ||
    essence.endsWith('+xml') ||
    essence === 'application/x-www-form-urlencoded'
  );
}

/**
 * A script's response as the runtime's response: the body decoded by its `Content-Type` (JSON,
 * text, or bytes), so response policies can work on it. JSON that does not parse is kept as text.
 */
export function runtimeResponseOf(response: ScriptHttpResponse): RuntimeResponse {
  const headers = new Headers(response.headers.map(([name, value]): [string, string] => [name, value]));
  return { status: response.status, headers, body: decodeBody(response.body, headers.get('content-type')) };
}

function decodeBody(body: Uint8Array | string | undefined, contentType: string | null): ResponseBody {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  if (!bytes || bytes.byteLength === 0) return { kind: 'none' };
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (isJsonType(essence)) {
    const text = decoder.decode(bytes);
    try {
      return { kind: 'json', value: JSON.parse(text) as JsonValue };
    } catch {
      return { kind: 'text', text };
    }
  }
  if (isTextType(essence)) return { kind: 'text', text: decoder.decode(bytes) };
  return { kind: 'binary', bytes };
}
