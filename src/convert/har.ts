/**
 * A HAR 1.2 file (HTTP Archive: browsers' DevTools "Save all as HAR", Playwright's `recordHar`,
 * Dev Proxy, Charles, Fiddler, mitmproxy) → the API calls it recorded. Pages, scripts, styles,
 * images, fonts, CORS preflights and non-HTTP URLs are left out, counted by reason.
 */
import {
  isObject,
  type JsonObject,
  type JsonValue,
  ownArray,
  ownObject,
  ownString,
} from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Exchange, Exchanges, FormField, Header, SkippedInput } from './exchange.ts';

/** Chrome's `_resourceType` values that are never API calls. */
const STATIC_RESOURCES = new Set([
  'document',
  'stylesheet',
  'script',
  'image',
  'font',
  'media',
  'manifest',
  'texttrack',
  'websocket',
  'eventsource',
  'ping',
  'cspviolationreport',
  'preflight',
  'signedexchange',
]);
const STATIC_TYPES =
  /^(text\/(html|css|javascript)|application\/(x-)?javascript|image\/|font\/|audio\/|video\/|application\/(font-|x-font)|application\/wasm)/i;
const STATIC_FILES =
  /\.(js|mjs|css|map|html?|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|mp4|webm|mp3|wasm)$/i;

/** How many entries were left out for each reason, with the first one's place. */
class Left {
  private readonly reasons = new Map<string, { count: number; pointer: string }>();
  add(reason: string, pointer: string): void {
    const seen = this.reasons.get(reason);
    if (seen) seen.count++;
    else this.reasons.set(reason, { count: 1, pointer });
  }
  items(): SkippedInput[] {
    return [...this.reasons].map(([reason, { count, pointer }]) => ({
      pointer: count === 1 ? pointer : '/log/entries',
      construct: 'recorded request',
      action: `${count} left out: ${reason}`,
    }));
  }
}

function headersOf(value: JsonValue | undefined): Header[] {
  const out: Header[] = [];
  for (const h of Array.isArray(value) ? value : []) {
    const name = ownString(h, 'name');
    if (name !== undefined) out.push({ name, value: String((h as JsonObject).value ?? '') });
  }
  return out;
}

function headerValue(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** Why an entry is not an API call, or undefined when it is one. */
function staticReason(entry: JsonObject, url: URL, mimeType: string): string | undefined {
  const type = ownString(entry, '_resourceType')?.toLowerCase();
  if (type && STATIC_RESOURCES.has(type)) return `pages, scripts, styles, images and fonts (\`${type}\`)`;
  if (STATIC_TYPES.test(mimeType)) return 'pages, scripts, styles, images and fonts (by their media type)';
  if (STATIC_FILES.test(url.pathname)) return 'pages, scripts, styles, images and fonts (by their file name)';
  return undefined;
}

function responseText(content: JsonObject | undefined): string | undefined {
  const text = ownString(content, 'text');
  if (text === undefined) return undefined;
  if (ownString(content, 'encoding') !== 'base64') return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    return undefined;
  }
}

function formFields(postData: JsonObject | undefined): FormField[] | undefined {
  const params = ownArray(postData, 'params');
  if (!params || params.length === 0) return undefined;
  return params.filter(isObject).map((p) => ({
    name: ownString(p, 'name') ?? '',
    value: ownString(p, 'value') ?? '',
    ...(ownString(p, 'fileName') !== undefined && { file: true }),
  }));
}

/** True when the document is a HAR (`log.entries`). */
export function isHar(value: JsonObject): boolean {
  const log = ownObject(value, 'log');
  return log !== undefined && Array.isArray(log.entries);
}

/**
 * The API calls a HAR recorded, in the order made. Entries that are not API calls are counted in
 * `skipped` by reason (one item per reason, not per entry).
 *
 * @example readHar(JSON.parse(readFileSync('session.har', 'utf8'))).exchanges[0]?.url.pathname // '/api/tasks'
 */
export function readHar(har: JsonObject): Exchanges {
  const log = ownObject(har, 'log') ?? {};
  const left = new Left();
  const exchanges: Exchange[] = [];
  const pages: { url: URL; pointer: string }[] = [];
  const entries = ownArray(log, 'entries') ?? [];
  for (const [i, entry] of entries.entries()) {
    const pointer = join('/log/entries', i);
    if (!isObject(entry)) {
      left.add('not an entry object', pointer);
      continue;
    }
    const request = ownObject(entry, 'request');
    const rawUrl = ownString(request, 'url');
    let url: URL;
    try {
      url = new URL(rawUrl ?? '');
    } catch {
      left.add('no absolute URL', pointer);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      left.add(`not HTTP (\`${url.protocol}\` URLs)`, pointer);
      continue;
    }
    const method = (ownString(request, 'method') ?? 'GET').toUpperCase();
    const headers = headersOf(request?.headers);
    if (method === 'OPTIONS' && headerValue(headers, 'access-control-request-method') !== undefined) {
      left.add('CORS preflights (the browser sends them, not the API’s users)', pointer);
      continue;
    }
    const response = ownObject(entry, 'response');
    const content = ownObject(response, 'content');
    const mimeType = ownString(content, 'mimeType') ?? '';
    const reason = staticReason(entry, url, mimeType);
    if (
      reason &&
      method === 'GET' &&
      (ownString(entry, '_resourceType') === 'document' || /^text\/html/i.test(mimeType))
    )
      pages.push({ url, pointer });
    if (reason) {
      left.add(reason, pointer);
      continue;
    }
    const postData = ownObject(request, 'postData');
    const status = typeof response?.status === 'number' ? response.status : 0;
    const text = responseText(content);
    exchanges.push({
      pointer,
      method,
      url,
      headers,
      ...(postData && {
        body: {
          mimeType: ownString(postData, 'mimeType') ?? headerValue(headers, 'content-type') ?? '',
          text: ownString(postData, 'text') ?? '',
          ...(formFields(postData) && { fields: formFields(postData) }),
        },
      }),
      // Status 0: the browser got no answer (blocked, cancelled); the request still shows the call.
      ...(status > 0 && {
        response: {
          status,
          headers: headersOf(response?.headers),
          mimeType,
          ...(text !== undefined && { text }),
        },
      }),
    });
  }
  const title = ownString((ownArray(log, 'pages') ?? []).find(isObject), 'title');
  return {
    exchanges,
    skipped: left.items(),
    ...(pages.length > 0 && { pages }),
    ...(title && !/^[a-z]+:\/\//i.test(title) && { title }),
  };
}
