/**
 * Files through the JSON invoke API: a `formData` file parameter, or a body whose schema is binary,
 * may be given in the platform's own binary shape `{ "$content-type": "image/png", "$content":
 * "<base64>" }` (plus an optional `"$filename"`), which Logic Apps and Power Automate use for file
 * contents. It becomes the runtime's `FileValue`; any other value is passed on unchanged.
 */
import type { JsonValue } from '../connector/json.ts';
import type { Operation, Parameter } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import type { ArgumentValue } from '../runtime/types.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function takesFile(p: Parameter): boolean {
  if (p.in === 'formData') return p.type === 'file';
  if (p.in !== 'body') return false;
  const s = p.schema;
  return s?.type === 'file' || (s?.type === 'string' && s.format === 'binary');
}

function isContentShape(value: JsonValue | undefined): value is Record<string, JsonValue> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof value['$content'] === 'string' &&
    Object.keys(value).every((k) => k === '$content' || k === '$content-type' || k === '$filename')
  );
}

/** The arguments with every `$content` value of a file parameter turned into a `FileValue`. */
export function withFileArguments(
  operation: Operation,
  args: Readonly<Record<string, JsonValue>>,
): Record<string, ArgumentValue> {
  const out: Record<string, ArgumentValue> = { ...args };
  for (const p of operation.parameters) {
    const value = args[p.name];
    if (!takesFile(p) || !isContentShape(value)) continue;
    const content = (value['$content'] as string).replace(/\s+/g, '');
    if (content.length % 4 === 1 || !BASE64.test(content))
      throw new FlowportError(
        'PARAMETER_INVALID',
        `\`${p.name}\`.\`$content\` is not base64; give the file's bytes base64-encoded.`,
      );
    const contentType = value['$content-type'];
    const name = value['$filename'];
    out[p.name] = {
      kind: 'file',
      name: typeof name === 'string' && name !== '' ? name : p.name,
      contentType:
        typeof contentType === 'string' && contentType !== '' ? contentType : 'application/octet-stream',
      bytes: Buffer.from(content, 'base64'),
    };
  }
  return out;
}
