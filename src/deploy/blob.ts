import { FlowportError } from '../errors.ts';
import type { Fetch } from './client.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/**
 * Uploads a file to the blob container of a SAS URL ("Put Blob", a block blob) and returns the
 * blob's URL with the same SAS, as paconn sets `iconUri` and `scriptDefinitionUrl`.
 */
export async function putBlob(
  containerSas: string,
  fileName: string,
  bytes: Uint8Array,
  fetchFn: Fetch = fetch,
): Promise<string> {
  const container = new URL(containerSas);
  const url = new URL(container.href);
  url.pathname = `${container.pathname.replace(/\/+$/, '')}/${encodeURIComponent(fileName)}`;
  const ext = fileName.slice(fileName.lastIndexOf('.')).toLowerCase();
  const type = CONTENT_TYPES[ext];
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob', ...(type && { 'content-type': type }) },
      body: bytes,
    });
  } catch (cause) {
    throw new FlowportError('UPSTREAM_UNREACHABLE', `Uploading ${fileName}: ${url.origin} does not answer.`, {
      cause,
    });
  }
  await response.arrayBuffer();
  // The SAS is a credential: the message names the host only.
  if (!response.ok)
    throw new FlowportError(
      'API_PROBLEM',
      `Uploading ${fileName} to ${url.origin} failed: HTTP ${response.status}.`,
    );
  return url.href;
}
