import { isObject, type JsonObject, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Oas3Context } from './context.ts';
import { fitting } from './fitting-examples.ts';
import { isJson, listed, preferred } from './media-type.ts';
import { primitive } from './parameters.ts';
import { deref } from './refs.ts';
import { convertSchema } from './schema.ts';

export interface ConvertedResponses {
  readonly responses: JsonObject;
  readonly produces: readonly string[];
}

const REASONS: Readonly<Record<string, string>> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
  default: 'Response',
};

/** The schema a response's preferred media type describes, in Swagger 2.0 terms. */
function bodySchema(mediaType: string, media: JsonObject, pointer: string, ctx: Oas3Context): JsonObject {
  const m = mediaType.toLowerCase();
  if (isJson(m) || m.includes('xml'))
    return fitting(convertSchema(media.schema, join(pointer, 'schema'), ctx), join(pointer, 'schema'), ctx);
  if (m.startsWith('text/')) return { type: 'string' };
  return { type: 'string', format: 'binary' };
}

/**
 * OpenAPI 3 `responses` → Swagger 2.0 `responses`. The first success response keeps its schema; the
 * designer shows only that one, so error responses keep their description only. A `default` response
 * has no schema in a connector; when it is the only response it becomes `200`.
 */
export function convertResponses(value: unknown, pointer: string, ctx: Oas3Context): ConvertedResponses {
  const { losses } = ctx;
  const input = isObject(value) ? value : {};
  const responses: JsonObject = {};
  const produces = new Set<string>();
  const codes = Object.keys(input).filter((k) => !k.startsWith('x-'));
  const success = codes.filter((c) => /^[23]/.test(c)).sort();
  const firstSuccess = success.find((c) => c.startsWith('2')) ?? success[0];
  const defaultAsSuccess = firstSuccess === undefined && codes.includes('default');
  for (const code of codes) {
    const at = join(pointer, code);
    const target = deref(ctx.root, input[code]);
    const response = isObject(target.value) ? target.value : {};
    const source = target.pointer ?? at;
    let key = code;
    if (/^[1-5]XX$/i.test(code)) {
      key = `${code[0]}00`;
      losses.add(at, 'status range', `\`${code}\` became \`${key}\``);
      if (input[key] !== undefined) continue;
    } else if (code === 'default' && defaultAsSuccess) {
      key = '200';
      losses.add(at, 'default response', 'became `200`, the only response the connector describes');
    } else if (code !== 'default' && !/^\d{3}$/.test(code)) {
      losses.add(at, 'response', `\`${code}\` dropped; not an HTTP status code`);
      continue;
    }
    const out: JsonObject = {
      description: ownString(response, 'description') || REASONS[key] || `Status ${key}.`,
    };
    const content = ownObject(response, 'content') ?? {};
    const mediaType = preferred(Object.keys(content));
    const keepSchema = key === '200' ? code === firstSuccess || defaultAsSuccess : code === firstSuccess;
    if (mediaType !== undefined) {
      const media = ownObject(content, mediaType) ?? {};
      if (keepSchema) {
        out.schema = bodySchema(mediaType, media, join(source, 'content', mediaType), ctx);
        produces.add(listed(mediaType));
        for (const other of Object.keys(content))
          if (other !== mediaType)
            losses.add(
              join(source, 'content', other),
              'response media type',
              `not described; the connector reads \`${listed(mediaType)}\``,
            );
      } else if (media.schema !== undefined) {
        losses.add(
          join(source, 'content', mediaType, 'schema'),
          code.startsWith('2') || code.startsWith('3')
            ? 'second success response schema'
            : 'error response schema',
          'dropped; the designer shows the schema of the first success response only',
        );
      }
    }
    const headers = ownObject(response, 'headers');
    if (headers && keepSchema) {
      const converted: JsonObject = {};
      for (const [name, h] of Object.entries(headers)) {
        const header = deref(ctx.root, h).value;
        if (!isObject(header)) continue;
        const schema = ctx.inlineSchema(header.schema, join(source, 'headers', name, 'schema'));
        const entry: JsonObject = primitive(schema);
        const d = ownString(header, 'description');
        if (d) entry.description = d;
        converted[name] = entry;
      }
      if (Object.keys(converted).length > 0) out.headers = converted;
    }
    if (response.links !== undefined)
      losses.add(join(source, 'links'), 'links', 'dropped; connectors have no response links');
    for (const [k, v] of Object.entries(response)) if (k.startsWith('x-')) out[k] = v;
    responses[key] = out;
  }
  if (Object.keys(responses).length === 0) {
    losses.add(pointer, 'responses', 'none given; a `200` response without a schema was added');
    responses['200'] = { description: 'OK' };
  }
  return { responses, produces: [...produces] };
}
