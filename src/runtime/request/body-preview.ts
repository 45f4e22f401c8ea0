import type { WireRequest } from '../types.ts';

/** A request body as a person reads it: text where it is text, a byte count otherwise. */
export interface BodyPreview {
  /** The body as text (multipart with non-printable runs shown as `·`), cut at `max` characters. */
  readonly text?: string;
  /** Size of the whole body in bytes. */
  readonly bytes: number;
  /** Characters left out of `text`. */
  readonly omitted: number;
}

const decoder = new TextDecoder();
const TEXTUAL = /json|text|xml|x-www-form-urlencoded/i;

/**
 * What the CLI and the API show of the body flowport sent: JSON, text, XML and form bodies as text,
 * multipart as text with binary parts dotted out, anything else as its size. Undefined without a body.
 *
 * @example
 * requestBodyPreview(result.request, 64 * 1024)?.text;
 */
export function requestBodyPreview(request: WireRequest, max: number): BodyPreview | undefined {
  const body = request.body;
  if (!body || body.length === 0) return undefined;
  const type = request.headers.get('content-type') ?? '';
  let text: string;
  if (TEXTUAL.test(type)) text = decoder.decode(body);
  else if (/multipart/i.test(type)) text = decoder.decode(body).replace(/[^\t\n\r\x20-\x7e]+/g, '·');
  else return { bytes: body.length, omitted: 0 };
  return text.length > max
    ? { text: text.slice(0, max), bytes: body.length, omitted: text.length - max }
    : { text, bytes: body.length, omitted: 0 };
}
