/**
 * What an MCP client gets back from a tool call: the backend's answer as content (JSON as text and,
 * for an object, as structured content too; images as images; other bytes as a blob), `isError` when
 * the backend did not answer 2xx or the call failed. Every text passes through `mask`, so connection
 * secrets never reach the client.
 */
import { STATUS_CODES } from 'node:http';
import type { JsonObject } from '../connector/json.ts';
import type { InvokeResult } from '../runtime/runtime.ts';

export type ToolContent =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image'; readonly data: string; readonly mimeType: string }
  | {
      readonly type: 'resource';
      readonly resource: { readonly uri: string; readonly mimeType: string; readonly blob: string };
    };

export interface ToolResult {
  readonly content: ToolContent[];
  readonly structuredContent?: JsonObject;
  readonly isError?: boolean;
  [key: string]: unknown;
}

/** Bodies longer than this are cut in the text given to the client (a model reads it all). */
export const MAX_TEXT = 100_000;

export function toolResult(result: InvokeResult, mask: (text: string) => string): ToolResult {
  const { status, headers, body } = result.response;
  const content: ToolContent[] = [];
  let structuredContent: JsonObject | undefined;
  if (!result.ok) content.push({ type: 'text', text: `The backend answered ${status}${reasonOf(status)}.` });
  if (body.kind === 'json') {
    const text = mask(JSON.stringify(body.value, null, 2));
    content.push({ type: 'text', text: cut(text) });
    // Structured content is an object; masked like the text (a secret echoed back stays hidden), and
    // left out when the text had to be cut (the whole answer twice would be the larger part).
    const object = body.value !== null && typeof body.value === 'object' && !Array.isArray(body.value);
    if (result.ok && object && text.length <= MAX_TEXT) structuredContent = JSON.parse(text) as JsonObject;
  } else if (body.kind === 'text') {
    if (body.text !== '') content.push({ type: 'text', text: cut(mask(body.text)) });
  } else if (body.kind === 'binary') {
    const mimeType = (headers.get('content-type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
    const data = Buffer.from(body.bytes).toString('base64');
    if (mimeType.startsWith('image/')) content.push({ type: 'image', data, mimeType });
    else
      content.push({
        type: 'resource',
        resource: {
          uri: `flowport://responses/${encodeURIComponent(result.operationId)}`,
          mimeType,
          blob: data,
        },
      });
  }
  if (content.length === 0)
    content.push({ type: 'text', text: `The backend answered ${status} with no body.` });
  for (const warning of result.warnings) content.push({ type: 'text', text: `Warning: ${mask(warning)}` });
  return {
    content,
    ...(structuredContent && { structuredContent }),
    ...(!result.ok && { isError: true }),
  };
}

/** A failed call (a bad argument, an unreachable backend…) as a tool error the model can read. */
export function toolError(message: string, code: string): ToolResult {
  return { content: [{ type: 'text', text: `${message} [${code}]` }], isError: true };
}

function cut(text: string): string {
  return text.length <= MAX_TEXT
    ? text
    : `${text.slice(0, MAX_TEXT)}\n… (${text.length - MAX_TEXT} more characters left out)`;
}

function reasonOf(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? ` ${reason}` : '';
}
