import { isObject, type JsonObject, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Oas3Context } from './context.ts';
import { fitting } from './fitting-examples.ts';
import { isForm, isJson, listed, preferred } from './media-type.ts';
import { primitive } from './parameters.ts';
import { deref } from './refs.ts';
import { convertSchema } from './schema.ts';
import { titleCase } from './text.ts';

export interface ConvertedBody {
  readonly parameters: readonly JsonObject[];
  readonly consumes: readonly string[];
}

const NONE: ConvertedBody = { parameters: [], consumes: [] };

/**
 * An OpenAPI 3 `requestBody` → a Swagger 2.0 `body` parameter, or `formData` parameters for form
 * media types. One media type is kept (JSON first); the others are reported.
 */
export function convertRequestBody(
  value: unknown,
  pointer: string,
  method: string,
  ctx: Oas3Context,
): ConvertedBody {
  const { losses } = ctx;
  const target = deref(ctx.root, isObject(value) ? value : undefined);
  const body = target.value;
  if (!isObject(body)) return NONE;
  const at = target.pointer ?? pointer;
  if (method === 'get' || method === 'head') {
    losses.add(
      pointer,
      'request body',
      `dropped; a \`${method.toUpperCase()}\` operation cannot have a body in a connector`,
    );
    return NONE;
  }
  const content = ownObject(body, 'content') ?? {};
  const mediaType = preferred(Object.keys(content));
  if (mediaType === undefined) return NONE;
  for (const other of Object.keys(content))
    if (other !== mediaType)
      losses.add(
        join(at, 'content', other),
        'request media type',
        `not kept; the body is sent as \`${listed(mediaType)}\``,
      );
  const media = ownObject(content, mediaType) ?? {};
  const schemaPointer = join(at, 'content', mediaType, 'schema');
  const required = body.required === true;
  const description = ownString(body, 'description');

  if (isForm(mediaType)) {
    const multipart = mediaType.toLowerCase().startsWith('multipart/');
    const schema = ctx.inlineSchema(media.schema, schemaPointer);
    const props = isObject(schema.properties) ? schema.properties : {};
    const requiredProps = new Set(Array.isArray(schema.required) ? schema.required : []);
    if (media.encoding !== undefined)
      losses.add(
        join(at, 'content', mediaType, 'encoding'),
        'encoding',
        'dropped; form fields are sent with their default encoding',
      );
    const parameters = Object.entries(props).map(([name, p]) => {
      const prop = isObject(p)
        ? p.$ref !== undefined || p.allOf !== undefined
          ? ctx.inlineSchema(p, schemaPointer)
          : p
        : {};
      const binary = prop.type === 'string' && prop.format === 'binary';
      let param: JsonObject;
      if (binary && multipart) param = { name, in: 'formData', type: 'file' };
      else if (binary) {
        losses.add(
          join(schemaPointer, 'properties', name),
          'form field',
          `\`${name}\` (binary) is sent as text in a URL-encoded form`,
        );
        param = { name, in: 'formData', type: 'string' };
      } else {
        param = { name, in: 'formData', ...primitive(prop) };
        if (prop.type === 'object' || isObject(prop.properties))
          losses.add(
            join(schemaPointer, 'properties', name),
            'form field',
            `\`${name}\` (an object) is sent as text`,
          );
        if (param.type === 'array') {
          param.collectionFormat = 'multi';
          if (isObject(param.items) && param.items.type === 'file') param.items = { type: 'string' };
        }
      }
      param.required = requiredProps.has(name);
      param['x-ms-summary'] = titleCase(name) || name;
      const d = ownString(prop, 'description');
      if (d) param.description = d;
      return param;
    });
    if (parameters.length === 0)
      losses.add(
        schemaPointer,
        'form body',
        'has no properties to turn into form fields; the body was dropped',
      );
    return { parameters, consumes: [listed(mediaType)] };
  }

  const m = mediaType.toLowerCase();
  const binary = !(isJson(m) || m.includes('xml') || m.startsWith('text/'));
  const schema =
    isJson(m) || m.includes('xml')
      ? fitting(convertSchema(media.schema, schemaPointer, ctx), schemaPointer, ctx)
      : m.startsWith('text/')
        ? { type: 'string' }
        : { type: 'string', format: 'binary' };
  // `format: byte` means base64 text, which a binary media type contradicts; the bytes are sent as
  // the media type (and usually the description: "byte array of file") says.
  const declared = deref(ctx.root, media.schema).value;
  const encoded = ownString(declared, 'format') ?? ownString(declared, 'contentEncoding');
  if (binary && (encoded === 'byte' || encoded === 'base64'))
    losses.add(
      schemaPointer,
      'binary body',
      `\`${encoded}\` (base64 text) in a \`${listed(mediaType)}\` body became \`format: binary\`: the connector sends the file's bytes, as the media type says; if the API really wants base64 text, change the schema to \`format: byte\``,
    );
  const param: JsonObject = { name: 'body', in: 'body', required, schema };
  if (description) param.description = description;
  param['x-ms-summary'] = 'Body';
  return { parameters: [param], consumes: [listed(mediaType)] };
}
