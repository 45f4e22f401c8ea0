import { STATUS_CODES } from 'node:http';
import pc from 'picocolors';
import { requestBodyPreview } from '../../runtime/request/body-preview.ts';
import type { InvokeResult } from '../../runtime/runtime.ts';
import type { ResponseBody, WireRequest } from '../../runtime/types.ts';

/** Bodies longer than this are cut in the text view (the full body goes to `--output`). */
const BODY_PREVIEW = 64 * 1024;

export interface RenderOptions {
  readonly color: boolean;
  /** Masks secrets in any text shown. */
  readonly mask: (text: string) => string;
}

function headerLines(headers: Headers): string[] {
  return [...headers].map(([name, value]) => `  ${name}: ${value}`);
}

function requestBodyText(request: WireRequest): string | undefined {
  const preview = requestBodyPreview(request, BODY_PREVIEW);
  if (preview === undefined) return undefined;
  if (preview.text === undefined) return `<${preview.bytes} bytes>`;
  return preview.omitted > 0
    ? `${preview.text}\n… (${preview.omitted} more characters; use --output to save the whole body)`
    : preview.text;
}

function cut(text: string): string {
  return text.length > BODY_PREVIEW
    ? `${text.slice(0, BODY_PREVIEW)}\n… (${text.length - BODY_PREVIEW} more characters; use --output to save the whole body)`
    : text;
}

/** A response body as text: pretty JSON, text, or a note for bytes. */
export function bodyText(body: ResponseBody, contentType: string | null): string | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return cut(JSON.stringify(body.value, null, 2));
    case 'text':
      return cut(body.text);
    case 'binary':
      return `<${body.bytes.length} bytes${contentType ? `, ${contentType}` : ''}; use --output to save them>`;
  }
}

/** The request sent and the response received, as the portal's Test tab shows them. */
export function renderInvocation(result: InvokeResult, options: RenderOptions): string {
  const c = options.color ? pc : pc.createColors(false);
  const out: string[] = [];
  const request = result.request;
  if (request) {
    out.push(c.bold(`→ ${request.method} ${request.url}`));
    out.push(...headerLines(request.headers));
    const body = requestBodyText(request);
    if (body !== undefined) out.push('', body);
    out.push('');
  }
  const { status, headers, body } = result.response;
  const statusText = STATUS_CODES[status] ?? '';
  const colour = result.ok ? c.green : c.red;
  const extra = [
    `${Math.round(result.durationMs)} ms`,
    result.pages > 1 ? `${result.pages} pages` : '',
    result.async
      ? `after 202 Accepted and ${result.async.polls} poll${result.async.polls === 1 ? '' : 's'}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  out.push(colour(c.bold(`← ${status} ${statusText}`)) + c.dim(`  (${extra})`));
  out.push(...headerLines(headers));
  const text = bodyText(body, headers.get('content-type'));
  if (text !== undefined) out.push('', text);
  return options.mask(out.join('\n'));
}
