/**
 * A description read from a URL (`flowport init --from https://api.contoso.com/openapi.yaml`), as the
 * portal's wizard imports from a URL, with the documents its `$ref`s name (relative to it, or other
 * http(s) URLs) fetched too, for the bundler.
 */
import { FlowportError } from '../errors.ts';
import { externalRefs, refLocation } from './bundle.ts';
import { parseText } from './input.ts';

const TIMEOUT_MS = 30_000;
const MAX_BYTES = 50 * 1024 * 1024;
/** Documents fetched for one description at most (a loop of refs ends long before). */
const MAX_DOCUMENTS = 200;

/** True for what `--from` takes as a URL. */
export const isDescriptionUrl = (from: string) => /^https?:\/\//i.test(from);

/** The text at `url`; `CONVERT_INPUT_INVALID` naming the URL and the cause when it cannot be had. */
export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json, application/yaml, text/yaml, text/plain, */*' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new FlowportError(
      'CONVERT_INPUT_INVALID',
      `Cannot fetch ${url} (${cause}); check the address and the network.`,
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
export async function fetchReferenced(root: unknown, url: string): Promise<Map<string, string>> {
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
      const text = await fetchText(location);
      texts.set(location, text);
      queue.push({ value: parseText(text, location), from: location });
    }
  }
  return texts;
}
