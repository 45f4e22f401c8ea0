import { isObject, type JsonObject, type JsonValue, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Oas3Context } from './context.ts';
import { derefObject } from './refs.ts';
import { titleCase } from './text.ts';

/** Keywords a Swagger 2.0 non-body parameter (or its `items`) takes from a schema. */
const PRIMITIVE_KEYWORDS = [
  'type',
  'format',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
] as const;

/** Headers OpenAPI 3 says are ignored as parameters: the platform sets them itself. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** Parameter names whose examples are likely credentials: never copied into `x-ms-test-value`. */
const SECRET_NAME = /key|token|secret|password|passwd|auth|signature|credential/i;

/** The Swagger 2.0 `collectionFormat` for an OpenAPI 3 array parameter's style. */
export function collectionFormat(
  location: string,
  style: string | undefined,
  explode: boolean | undefined,
): {
  format: string;
  exact: boolean;
} {
  if (location === 'query') {
    const s = style ?? 'form';
    if (s === 'form') return { format: explode === false ? 'csv' : 'multi', exact: true };
    if (s === 'spaceDelimited') return { format: 'ssv', exact: explode !== true };
    if (s === 'pipeDelimited') return { format: 'pipes', exact: explode !== true };
    return { format: 'multi', exact: false };
  }
  const s = style ?? 'simple';
  return { format: 'csv', exact: s === 'simple' };
}

/** Copies the keywords a non-body parameter can hold; nested arrays keep primitive `items`. */
export function primitive(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of PRIMITIVE_KEYWORDS) if (schema[key] !== undefined) out[key] = schema[key] as JsonValue;
  if (isObject(schema.items)) out.items = primitive(schema.items);
  if (schema['x-nullable'] === true) out['x-nullable'] = true;
  if (out.type === undefined || out.type === 'object' || out.type === 'null') {
    out.type = 'string';
    delete out.format;
    delete out.enum;
  }
  if (out.type === 'array' && !isObject(out.items)) out.items = { type: 'string' };
  if (out.default !== undefined && !fits(out.default, out.type)) delete out.default;
  if (Array.isArray(out.enum)) {
    const values = out.enum.filter((v) => fits(v, out.type));
    if (values.length > 0) out.enum = values;
    else delete out.enum;
  }
  return out;
}

/** True when a value can stand for a parameter of the type. */
function fits(value: JsonValue | undefined, type: JsonValue | undefined): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  return typeof value === type;
}

function isObjectSchema(s: JsonObject): boolean {
  return s.type === 'object' || (s.type === undefined && isObject(s.properties));
}

function testValue(name: string, value: JsonValue | undefined): JsonValue | undefined {
  if (value === undefined || value === null || isObject(value) || Array.isArray(value)) return undefined;
  if (SECRET_NAME.test(name)) return undefined;
  return value;
}

function compile(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}

/** How an example breaks the parameter's own constraints (enum, pattern, length, bounds); undefined when it fits. */
function violation(value: JsonValue, p: JsonObject): string | undefined {
  if (Array.isArray(p.enum) && !p.enum.includes(value)) return 'is not one of the allowed values';
  if (typeof value === 'string') {
    const pattern = ownString(p, 'pattern');
    const re = pattern === undefined ? undefined : (compile(pattern, 'u') ?? compile(pattern, ''));
    if (re && !re.test(value)) return `does not match the pattern \`${pattern}\``;
    const length = [...value].length;
    if (typeof p.maxLength === 'number' && length > p.maxLength)
      return `is longer than ${p.maxLength} characters`;
    if (typeof p.minLength === 'number' && length < p.minLength)
      return `is shorter than ${p.minLength} characters`;
  }
  if (typeof value === 'number') {
    if (typeof p.maximum === 'number' && value > p.maximum) return `is above the maximum ${p.maximum}`;
    if (typeof p.minimum === 'number' && value < p.minimum) return `is below the minimum ${p.minimum}`;
  }
  return undefined;
}

/** The example an OpenAPI parameter or media type gives: `example`, else the first of `examples`. */
export function exampleOf(holder: JsonObject, ctx: Oas3Context): JsonValue | undefined {
  if (holder.example !== undefined) return holder.example;
  const examples = holder.examples;
  if (isObject(examples)) {
    for (const value of Object.values(examples)) {
      const ex = derefObject(ctx.root, value);
      if (ex?.value !== undefined) return ex.value;
    }
  } else if (Array.isArray(examples) && examples.length > 0) return examples[0];
  return undefined;
}

const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+*-]+$/;

/**
 * The media types a required-by-the-API `Accept` header parameter allows (its schema's `enum`, else
 * `default`), among `parameters` (unresolved); empty when there is none. OpenAPI ignores such a
 * parameter, but an API that needs `Accept: application/octet-stream` says so there.
 */
export function acceptedMediaTypes(parameters: readonly JsonValue[], ctx: Oas3Context): string[] {
  for (const value of parameters) {
    const param = derefObject(ctx.root, value);
    if (ownString(param, 'in') !== 'header' || ownString(param, 'name')?.toLowerCase() !== 'accept') continue;
    const schema = derefObject(ctx.root, param?.schema);
    const listed = Array.isArray(schema?.enum) ? schema.enum : [schema?.default];
    return listed.filter((t): t is string => typeof t === 'string' && MEDIA_TYPE.test(t));
  }
  return [];
}

/**
 * One OpenAPI 3 parameter (already resolved) → the Swagger 2.0 parameters that carry it: none for
 * cookies, several for a `deepObject` or exploded object in the query, one otherwise.
 */
export function convertParameter(param: JsonObject, pointer: string, ctx: Oas3Context): JsonObject[] {
  const { losses } = ctx;
  const name = ownString(param, 'name') ?? '';
  const location = ownString(param, 'in') ?? '';
  if (location === 'cookie') {
    losses.add(pointer, 'cookie parameter', `\`${name}\` dropped; connectors cannot send cookies per call`);
    return [];
  }
  if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) {
    losses.add(
      pointer,
      'header parameter',
      `\`${name}\` dropped; OpenAPI ignores it as a parameter and the platform sets it`,
    );
    return [];
  }
  if (name.toLowerCase() === 'connectionid') {
    losses.add(pointer, 'reserved parameter', `\`${name}\` dropped; the Power Platform reserves this name`);
    return [];
  }
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    losses.add(pointer, 'parameter', `\`${name}\` dropped; \`in: ${location}\` is not a parameter location`);
    return [];
  }
  let schemaValue: JsonValue | undefined = param.schema;
  let schemaPointer = join(pointer, 'schema');
  const content = ownObject(param, 'content');
  if (schemaValue === undefined && content) {
    const [mediaType, media] = Object.entries(content)[0] ?? [];
    schemaValue = ownObject(media, 'schema') ?? {};
    schemaPointer = join(pointer, 'content', mediaType ?? '', 'schema');
    losses.add(
      join(pointer, 'content'),
      'parameter content',
      `\`${name}\` is sent as text; the caller writes the \`${mediaType}\` value (serialised) themselves`,
    );
  }
  const schema = ctx.inlineSchema(schemaValue, schemaPointer);
  const style = ownString(param, 'style');
  const explode = typeof param.explode === 'boolean' ? param.explode : undefined;
  const description = ownString(param, 'description') ?? ownString(schema, 'description');
  const base = (paramName: string, s: JsonObject, required: boolean): JsonObject => {
    const out: JsonObject = { name: paramName, in: location, required, ...primitive(s) };
    if (description) out.description = description;
    out['x-ms-summary'] = titleCase(paramName) || paramName;
    const example = testValue(paramName, exampleOf(param, ctx) ?? s.example);
    const kind =
      typeof example === 'number' ? (Number.isInteger(example) ? 'integer' : 'number') : typeof example;
    const broken = example === undefined ? undefined : violation(example, out);
    if (broken !== undefined)
      // Cloudflare's `metric` has `example: latency` beside `enum: [BANDWIDTH, DNS, LATENCY]`.
      losses.add(
        pointer,
        'parameter example',
        `\`${String(example)}\` ${broken}; not used as \`${paramName}\`'s \`x-ms-test-value\``,
      );
    else if (example !== undefined && (kind === out.type || (kind === 'integer' && out.type === 'number')))
      out['x-ms-test-value'] = example;
    if (location === 'path') out['x-ms-url-encoding'] = 'single';
    if (param.deprecated === true) out['x-ms-visibility'] = 'advanced';
    for (const [k, v] of Object.entries(param)) if (k.startsWith('x-') && out[k] === undefined) out[k] = v;
    return out;
  };
  const required = location === 'path' || param.required === true;
  if (param.deprecated === true)
    losses.add(
      join(pointer, 'deprecated'),
      'deprecated parameter',
      `\`${name}\` kept with \`x-ms-visibility: advanced\``,
    );
  if (param.allowReserved === true)
    losses.add(join(pointer, 'allowReserved'), 'allowReserved', `\`${name}\` is percent-encoded as usual`);
  if (location === 'query' && param.allowEmptyValue === true) {
    // Swagger 2.0 has the same keyword; nothing is lost.
  }

  if (isObjectSchema(schema) && isObject(schema.properties)) {
    const props = schema.properties;
    const requiredProps = new Set(Array.isArray(schema.required) ? schema.required : []);
    if (
      location === 'query' &&
      (style === 'deepObject' || ((style ?? 'form') === 'form' && explode !== false))
    ) {
      const deep = style === 'deepObject';
      if (deep)
        losses.add(
          pointer,
          'deepObject parameter',
          `\`${name}\` became one query parameter per property (\`${name}[property]\`); nested objects deeper than one level are sent as text`,
        );
      return Object.entries(props).map(([prop, p]) =>
        base(
          deep ? `${name}[${prop}]` : prop,
          isObject(p) ? ctx.inlineSchema(p, schemaPointer) : {},
          required && requiredProps.has(prop),
        ),
      );
    }
    losses.add(
      pointer,
      'object parameter',
      `\`${name}\` (an object, style \`${style ?? 'default'}\`) is sent as text; the caller writes the serialised value`,
    );
    return [base(name, { type: 'string' }, required)];
  }
  if (isObjectSchema(schema))
    losses.add(pointer, 'object parameter', `\`${name}\` (an object without properties) is sent as text`);

  const out = base(name, schema, required);
  if (out.type === 'array') {
    const { format, exact } = collectionFormat(location, style, explode);
    out.collectionFormat = format;
    if (!exact)
      losses.add(
        pointer,
        'parameter style',
        `\`${name}\` style \`${style ?? ''}\`${explode === undefined ? '' : ` explode ${explode}`} became \`collectionFormat: ${format}\``,
      );
    if (isObject(out.items) && isObject(schema.items) && isObjectSchema(schema.items))
      losses.add(pointer, 'array of objects parameter', `\`${name}\`: each item is sent as text`);
  } else if (location === 'path' && (style === 'label' || style === 'matrix')) {
    losses.add(
      pointer,
      'parameter style',
      `\`${name}\` style \`${style}\` became a plain path segment; the \`${style === 'label' ? '.' : ';name='}\` prefix is not added`,
    );
  }
  return [out];
}
