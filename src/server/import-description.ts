/**
 * Importing an API description instead of a connector, as the portal's custom connector wizard
 * imports an OpenAPI file or a Postman collection: an upload of one file that is not a connector's
 * swagger — OpenAPI 3.x or Swagger 2.0 (JSON or YAML), a Postman collection, a HAR recording, curl
 * commands — is converted as `flowport init` converts it, and the connector it gives is imported.
 */
import type { RawFile } from '../connector/files.ts';
import { type ConvertOptions, convert } from '../convert/convert.ts';
import { fetchDescription } from '../convert/fetch-description.ts';
import type { LossItem } from '../convert/loss.ts';
import { isFlowportError } from '../errors.ts';
import type { ConnectorValidator } from '../validate/background.ts';
import { ServerError } from './errors.ts';

/** What the conversion did, for the import's answer. */
export interface Converted {
  /** The description's file name and kind (`openapi-3.0`, `postman-2.1`, `har`, `curl`…). */
  readonly source: string;
  readonly format: string;
  /** A few lines: operations converted, constructs not carried over exactly. */
  readonly summary: string;
  readonly losses: readonly LossItem[];
}

/** The connector's own file names: an upload of one of these is a connector, not a description. */
const CONNECTOR_FILE =
  /(\.swagger\.json|^apiProperties\.json|^settings\.json|^script\.csx|^icon\.png|^readme\.md|^intro\.md)$/i;

/**
 * The connector made from `files` when they are one API description; undefined when they are a
 * connector's files. A description that cannot be converted is `IMPORT_INVALID` with the reason.
 */
export async function connectorFromDescription(
  files: readonly RawFile[],
  host: string | undefined,
  validator: ConnectorValidator,
): Promise<{ files: RawFile[]; converted: Converted } | undefined> {
  const [only] = files;
  if (files.length !== 1 || !only || CONNECTOR_FILE.test(only.name)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(only.bytes);
  } catch {
    throw new ServerError(
      'IMPORT_INVALID',
      `\`${only.name}\` is neither a connector's file nor a text API description; upload the connector's files, a .zip of them, or an OpenAPI, Postman, HAR or curl file.`,
    );
  }
  try {
    // One connector, as an import makes one: over the platform's limits, validation says so.
    const options: ConvertOptions = {
      source: only.name,
      split: 'none',
      preset: false,
      ...(host !== undefined && { host }),
    };
    // Off the event loop where the validator has a worker (a large description takes ~0.5 s).
    const result = validator.convert ? await validator.convert(text, options) : convert(text, options);
    return {
      files: Object.entries(result.files)
        .filter(([name]) => name !== 'conversion-report.md')
        .map(([name, bytes]) => ({ name, bytes })),
      converted: { source: only.name, format: result.format, summary: result.summary, losses: result.losses },
    };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    throw new ServerError(
      'IMPORT_INVALID',
      `\`${only.name}\` is not a connector's file and cannot be converted: ${error.message} Upload the connector's files, a .zip of them, or an OpenAPI, Postman, HAR or curl file.`,
    );
  }
}

/**
 * The API description at `url` as an upload of one file (its `$ref`s fetched and brought into it),
 * for {@link connectorFromDescription}: the portal wizard's "Import from URL". `IMPORT_INVALID` with
 * the cause when it cannot be fetched or read (an internal address the server may not reach
 * included).
 */
export async function descriptionAt(url: string, fetchImpl: typeof fetch): Promise<RawFile[]> {
  try {
    const { source, text } = await fetchDescription(url, fetchImpl);
    // A name the upload rules take: no folder, not empty.
    const name = source.replace(/[\\/]/g, '_') || 'description';
    return [{ name, bytes: new TextEncoder().encode(text) }];
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    throw new ServerError(
      'IMPORT_INVALID',
      `${error.message} Import the file itself, or its connector's files, instead.`,
    );
  }
}
