// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LSP snippets write their placeholders as `${1:…}`.
/**
 * Swagger 2.0's own keywords, for completion where an editor has no JSON Schema of Swagger (VS Code's
 * JSON support has one; Neovim, Helix and others do not): which go where, with a value to fill in,
 * and the values of those that take a few. Only what the platform takes: no `oneOf`/`anyOf`/`not`
 * (`swagger-keyword-not-supported`), no `uniqueItems` (`unique-items-not-supported`).
 */
import type { Place } from './extension-catalogue.ts';

export interface Keyword {
  readonly name: string;
  readonly places: readonly Place[];
  readonly doc: string;
  /** The JSON value inserted with the name: a snippet (`$1` is where the cursor goes). */
  readonly snippet: string;
}

const SIMPLE: readonly Place[] = ['parameter', 'header', 'schema'];
const NUMERIC = (name: string, doc: string): Keyword => ({ name, places: SIMPLE, doc, snippet: '$1' });

/** The values of the keywords that take a few, by keyword (`format` by its object's `type`). */
export const KEYWORD_VALUES = {
  in: ['query', 'path', 'header', 'body', 'formData'],
  collectionFormat: ['csv', 'multi', 'ssv', 'tsv', 'pipes'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The `type`s a keyword object of a place takes. */
export function typesFor(place: Place): readonly string[] {
  return place === 'schema'
    ? ['string', 'integer', 'number', 'boolean', 'array', 'object']
    : place === 'parameter'
      ? ['string', 'integer', 'number', 'boolean', 'array', 'file']
      : ['string', 'integer', 'number', 'boolean', 'array'];
}

/** A snippet choosing one of `values`, quoted. */
const choice = (values: readonly string[]) => `"\${1|${values.join(',')}|}"`;

export const KEYWORDS: readonly Keyword[] = [
  { name: 'swagger', places: ['root'], doc: 'The specification version: always `"2.0"`.', snippet: '"2.0"' },
  {
    name: 'info',
    places: ['root'],
    doc: 'Title, description, version and contact of the connector.',
    snippet: '{\n  "title": "$1",\n  "description": "$2",\n  "version": "1.0"\n}',
  },
  {
    name: 'host',
    places: ['root'],
    doc: 'The API host, without scheme or path: `api.contoso.com`.',
    snippet: '"$1"',
  },
  {
    name: 'basePath',
    places: ['root'],
    doc: 'The path every operation path starts with: `/v1`.',
    snippet: '"/$1"',
  },
  {
    name: 'schemes',
    places: ['root', 'operation'],
    doc: '`https` (certification requires it).',
    snippet: '["https"]',
  },
  {
    name: 'consumes',
    places: ['root', 'operation'],
    doc: 'Media types of request bodies: `application/json`.',
    snippet: '["application/json"]',
  },
  {
    name: 'produces',
    places: ['root', 'operation'],
    doc: 'Media types of responses: `application/json`.',
    snippet: '["application/json"]',
  },
  {
    name: 'paths',
    places: ['root'],
    doc: 'The operations, by path and method.',
    snippet: '{\n  "/$1": {}\n}',
  },
  {
    name: 'definitions',
    places: ['root'],
    doc: 'Schemas that `$ref`s refer to: `#/definitions/<name>`.',
    snippet: '{$1}',
  },
  {
    name: 'parameters',
    places: ['root', 'pathItem', 'operation'],
    doc: 'Parameters (at the root: shared ones, `#/parameters/<name>`).',
    snippet: '[$1]',
  },
  {
    name: 'responses',
    places: ['root', 'operation'],
    doc: 'Responses by status code (at the root: shared ones, `#/responses/<name>`).',
    snippet: '{\n  "200": {\n    "description": "$1"\n  }\n}',
  },
  {
    name: 'securityDefinitions',
    places: ['root'],
    doc: 'How the API authenticates: `apiKey`, `basic` or `oauth2`.',
    snippet: '{$1}',
  },
  {
    name: 'security',
    places: ['root', 'operation'],
    doc: 'Which security definitions apply.',
    snippet: '[$1]',
  },
  { name: 'tags', places: ['root', 'operation'], doc: 'Groups of operations.', snippet: '[$1]' },
  {
    name: 'externalDocs',
    places: ['root', 'operation', 'schema'],
    doc: 'A link to more documentation.',
    snippet: '{\n  "url": "$1"\n}',
  },
  {
    name: 'title',
    places: ['info', 'schema'],
    doc: 'The name (of the connector, in `info`: up to 30 characters, no "API" or "Connector").',
    snippet: '"$1"',
  },
  {
    name: 'description',
    places: ['info', 'operation', 'parameter', 'response', 'header', 'schema'],
    doc: 'A full sentence, ending with a period.',
    snippet: '"$1."',
  },
  { name: 'version', places: ['info'], doc: 'The connector version: `1.0`.', snippet: '"${1:1.0}"' },
  {
    name: 'contact',
    places: ['info'],
    doc: 'Name, URL and email of who supports the connector.',
    snippet: '{\n  "name": "$1",\n  "url": "$2",\n  "email": "$3"\n}',
  },
  {
    name: 'license',
    places: ['info'],
    doc: 'The API licence.',
    snippet: '{\n  "name": "$1",\n  "url": "$2"\n}',
  },
  { name: 'termsOfService', places: ['info'], doc: 'A link to the terms of service.', snippet: '"$1"' },
  ...['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].map((method) => ({
    name: method,
    places: ['pathItem'] as Place[],
    doc: `The \`${method.toUpperCase()}\` operation of this path.`,
    snippet:
      '{\n  "summary": "$1",\n  "description": "$2",\n  "operationId": "$3",\n  "responses": {\n    "200": {\n      "description": "$4"\n    }\n  }\n}',
  })),
  {
    name: 'summary',
    places: ['operation'],
    doc: 'What the action or trigger does, in sentence case, without a final period (up to 80 characters).',
    snippet: '"$1"',
  },
  {
    name: 'operationId',
    places: ['operation'],
    doc: 'A unique PascalCase name; flows refer to the operation by it.',
    snippet: '"$1"',
  },
  {
    name: 'deprecated',
    places: ['operation'],
    doc: 'Hides the operation from new flows; existing ones keep it.',
    snippet: 'true',
  },
  {
    name: 'name',
    places: ['parameter'],
    doc: 'The name in the request (query key, header, path placeholder).',
    snippet: '"$1"',
  },
  {
    name: 'in',
    places: ['parameter'],
    doc: '`path`, `query`, `header`, `formData` or `body`.',
    snippet: choice(KEYWORD_VALUES.in),
  },
  {
    name: 'required',
    places: ['parameter'],
    doc: 'Whether the parameter must be given (path parameters always).',
    snippet: '${1|true,false|}',
  },
  { name: 'required', places: ['schema'], doc: 'The properties that must be present.', snippet: '["$1"]' },
  {
    name: 'schema',
    places: ['parameter', 'response'],
    doc: 'The body schema (a `body` parameter, a response).',
    snippet: '{\n  "$ref": "#/definitions/$1"\n}',
  },
  { name: 'headers', places: ['response'], doc: 'Response headers by name.', snippet: '{$1}' },
  { name: 'examples', places: ['response'], doc: 'Example bodies by media type.', snippet: '{$1}' },
  {
    name: 'type',
    places: SIMPLE,
    doc: '`string`, `integer`, `number`, `boolean`, `array`, `object` (schemas) or `file` (formData).',
    snippet: choice(typesFor('schema')),
  },
  { name: 'format', places: SIMPLE, doc: 'Refines `type`: `date-time`, `int32`, `binary`…', snippet: '"$1"' },
  { name: 'items', places: SIMPLE, doc: "The schema of an array's items.", snippet: '{\n  "type": "$1"\n}' },
  {
    name: 'collectionFormat',
    places: ['parameter', 'header'],
    doc: 'How an array is written: `csv` (default), `ssv`, `tsv`, `pipes` or `multi`.',
    snippet: choice(KEYWORD_VALUES.collectionFormat),
  },
  { name: 'default', places: SIMPLE, doc: 'The value used when none is given.', snippet: '$1' },
  { name: 'enum', places: SIMPLE, doc: 'The values allowed.', snippet: '[$1]' },
  { name: 'pattern', places: SIMPLE, doc: 'A regular expression a string must match.', snippet: '"$1"' },
  NUMERIC('maximum', 'The largest value.'),
  NUMERIC('minimum', 'The smallest value.'),
  NUMERIC('maxLength', 'The longest string.'),
  NUMERIC('minLength', 'The shortest string.'),
  NUMERIC('maxItems', 'The most items.'),
  NUMERIC('minItems', 'The fewest items.'),
  {
    name: '$ref',
    places: ['schema', 'parameter', 'response'],
    doc: 'Refers to a definition, shared parameter or shared response.',
    snippet: '"#/definitions/$1"',
  },
  { name: 'properties', places: ['schema'], doc: 'The properties of an object, by name.', snippet: '{$1}' },
  {
    name: 'additionalProperties',
    places: ['schema'],
    doc: 'The schema of properties not listed (a map).',
    snippet: '{\n  "type": "$1"\n}',
  },
  { name: 'allOf', places: ['schema'], doc: 'Schemas this one combines.', snippet: '[$1]' },
  { name: 'readOnly', places: ['schema'], doc: 'Only in responses, never sent.', snippet: 'true' },
  {
    name: 'discriminator',
    places: ['schema'],
    doc: 'The required string property that names the subtype.',
    snippet: '"$1"',
  },
  { name: 'example', places: ['schema'], doc: 'An example value.', snippet: '$1' },
];
