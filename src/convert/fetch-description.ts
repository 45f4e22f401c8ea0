/**
 * A description read from a URL (`flowport init --from https://api.contoso.com/openapi.yaml`), as the
 * portal's wizard imports from a URL, with the documents its `$ref`s name (relative to it, or other
 * http(s) URLs) fetched too, for the bundler.
 */
import { FlowportError } from '../errors.ts';
import { bundleFiles, externalRefs, hasExternalRefs, refLocation } from './bundle.ts';
import { type ApiInput, parseText, readInput } from './input.ts';

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 50 * 1024 * 1024;
/** Documents fetched for one description at most (a loop of refs ends long before). */
const MAX_DOCUMENTS = 200;

/** True for what `--from` takes as a URL. */
export const isDescriptionUrl = (from: string) => /^https?:\/\//i.test(from);

/**
 * The text at `url`; `CONVERT_INPUT_INVALID` naming the URL and the cause when it cannot be had.
 * `fetchImpl`: how to reach it (a server's fetch refuses internal addresses).
 */
export async function fetchText(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { accept: 'application/json, application/yaml, text/yaml, text/plain, */*' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const { cause, message, name } = error as {
      cause?: { code?: string; message?: string };
      message?: string;
      name?: string;
    };
    // A refusal of the fetch itself (an internal address on a server) says why in its message.
    const why = cause?.code ?? (name === 'Error' && message ? message : name);
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `Cannot fetch ${url} (${why}); check the address and the network.`,
    );
  }
  if (!response.ok)
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `Cannot fetch ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES)
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `${url} is ${length} bytes, more than the ${MAX_BYTES} flowport reads.`,
    );
  return response.text();
}

/**
 * The documents a description read from `url` refers to, fetched once each, by location (as the
 * bundler resolves them); refs inside them are followed too.
 */
export async function fetchReferenced(
  root: unknown,
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const queue: { value: unknown; from: string }[] = [{ value: root, from: url }];
  while (queue.length > 0) {
    const { value, from } = queue.shift() as { value: unknown; from: string };
    for (const ref of externalRefs(value as never, true)) {
      const target = ref.split('#', 1)[0] ?? '';
      if (target === '') continue;
      const location = refLocation(from, target);
      if (texts.has(location) || location === url) continue;
      if (texts.size >= MAX_DOCUMENTS)
        throw new FlowportError(
          'CONVERT_INPUT_INVALID',
          `${url} refers to more than ${MAX_DOCUMENTS} documents.`,
        );
      const text = await fetchText(location, fetchImpl);
      texts.set(location, text);
      queue.push({ value: parseText(text, location), from: location });
    }
  }
  return texts;
}

/** A description fetched from a URL: its name, its text (bundled into one JSON document when it named others) and what it is. */
export interface FetchedDescription {
  /** The URL's file name (`openapi.yaml`), else its host. */
  readonly source: string;
  readonly text: string;
  readonly input: ApiInput;
}

/**
 * The description at `url`, with the documents its `$ref`s name fetched and brought into it (as
 * `flowport init --from <url>` and the server's import from a URL read one).
 */
export async function fetchDescription(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<FetchedDescription> {
  const text = await fetchText(url, fetchImpl);
  const { pathname, host } = new URL(url);
  const source = pathname.split('/').filter(Boolean).at(-1) ?? host;
  const input = readInput(text, source);
  if (input.format === 'har' || input.format === 'curl' || !hasExternalRefs(input.document, true))
    return { source, text, input };
  const fetched = await fetchReferenced(input.document, url, fetchImpl);
  const read = (location: string) => {
    const found = fetched.get(location);
    if (found === undefined) throw new Error(`not fetched: ${location}`);
    return found;
  };
  const document = bundleFiles(input.document, url, read);
  return { source, text: JSON.stringify(document), input: { ...input, document } };
}
