/**
 * Importing an API description instead of a connector, as the portal's custom connector wizard
 * imports an OpenAPI file or a Postman collection: an upload of one file that is not a connector's
 * swagger — OpenAPI 3.x or Swagger 2.0 (JSON or YAML), a Postman collection, a HAR recording, curl
 * commands — is converted as `flowport init` converts it, and the connector it gives is imported.
 */
import { basename, resolve } from 'node:path';
import type { RawFile } from '../connector/files.ts';
import { isObject, type JsonObject } from '../connector/json.ts';
import { bundleFiles } from '../convert/bundle.ts';
import { type ConvertOptions, convert } from '../convert/convert.ts';
import { fetchDescription } from '../convert/fetch-description.ts';
import { parseText } from '../convert/input.ts';
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

/** A description's own documents: the ones a split description's files are. */
const DOCUMENT = /\.(json|ya?ml)$/i;
/** Files that make an upload a connector's however many others come with them. */
const CONNECTOR_DOCUMENT = /(\.swagger\.json|^apiProperties\.json)$/i;

/** One description to convert: the name it goes by and its text (a split one brought together). */
interface Description {
  readonly name: string;
  readonly text: string;
}

/**
 * The connector made from `files` when they are an API description — one file, or a description
 * split over several (the root and the documents its `$ref`s name, folders kept in a zip);
 * undefined when they are a connector's files. A description that cannot be converted is
 * `IMPORT_INVALID` with the reason.
 */
export async function connectorFromDescription(
  files: readonly RawFile[],
  host: string | undefined,
  validator: ConnectorValidator,
): Promise<{ files: RawFile[]; converted: Converted } | undefined> {
  const description = files.length === 1 ? single(files[0] as RawFile) : split(files);
  if (!description) return undefined;
  const { name, text } = description;
  try {
    // One connector, as an import makes one: over the platform's limits, validation says so.
    const options: ConvertOptions = {
      source: name,
      split: 'none',
      preset: false,
      ...(host !== undefined && { host }),
    };
    // Off the event loop where the validator has a worker (a large description takes ~0.5 s).
    const result = validator.convert ? await validator.convert(text, options) : convert(text, options);
    return {
      files: Object.entries(result.files)
        .filter(([file]) => file !== 'conversion-report.md')
        .map(([file, bytes]) => ({ name: file, bytes })),
      converted: { source: name, format: result.format, summary: result.summary, losses: result.losses },
    };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    throw new ServerError(
      'IMPORT_INVALID',
      `\`${name}\` is not a connector's file and cannot be converted: ${error.message} Upload the connector's files, a .zip of them, or an OpenAPI, Postman, HAR or curl file.`,
    );
  }
}

/** One uploaded file as a description, unless it is one of a connector's files. */
function single(only: RawFile): Description | undefined {
  if (CONNECTOR_FILE.test(only.name)) return undefined;
  return { name: only.name, text: textOf(only) };
}

/**
 * Several files as one description split over them: none a connector's swagger or apiProperties,
 * exactly one an OpenAPI or Swagger root, its `$ref`s to the others brought into it as
 * `flowport init` brings local files in. Undefined when they are not (a connector's files).
 */
function split(files: readonly RawFile[]): Description | undefined {
  if (files.some((f) => CONNECTOR_DOCUMENT.test(basename(f.name)))) return undefined;
  const documents = files.filter((f) => DOCUMENT.test(f.name));
  if (documents.length === 0) return undefined;
  const roots = documents.flatMap((f) => {
    let value: unknown;
    try {
      value = parseText(textOf(f), f.name);
    } catch {
      return [];
    }
    return isObject(value) && (value.openapi !== undefined || value.swagger !== undefined)
      ? [{ f, value }]
      : [];
  });
  const [root] = roots;
  if (roots.length !== 1 || !root)
    throw new ServerError(
      'IMPORT_INVALID',
      roots.length === 0
        ? `None of the ${files.length} files uploaded is an OpenAPI or Swagger description (\`openapi\` or \`swagger\` at the top); upload one description with the files its \`$ref\`s name, or a connector's files.`
        : `The upload holds ${roots.length} descriptions (${roots.map((r) => `\`${r.f.name}\``).join(', ')}); upload one, with the files its \`$ref\`s name.`,
    );
  // Each file at its path under a root of its own, so that refs resolve as they do on disk.
  const byPath = new Map(documents.map((f) => [resolve('/', f.name), f]));
  try {
    const bundled = bundleFiles(root.value as JsonObject, resolve('/', root.f.name), (location) => {
      const file = byPath.get(location);
      if (!file) throw new Error(`not uploaded: ${location}`);
      return textOf(file);
    });
    return { name: basename(root.f.name), text: JSON.stringify(bundled) };
  } catch (error) {
    if (!isFlowportError(error)) throw error;
    throw new ServerError(
      'IMPORT_INVALID',
      `${error.message} Upload the files its \`$ref\`s name together with it (a .zip keeps their folders).`,
    );
  }
}

/** A file's text; `IMPORT_INVALID` when it is not UTF-8 text. */
function textOf(file: RawFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new ServerError(
      'IMPORT_INVALID',
      `\`${file.name}\` is neither a connector's file nor a text API description; upload the connector's files, a .zip of them, or an OpenAPI, Postman, HAR or curl file.`,
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
