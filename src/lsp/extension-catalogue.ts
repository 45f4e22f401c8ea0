// biome-ignore-all lint/suspicious/noTemplateCurlyInString: LSP snippets write their placeholders as `${1:…}`.
/**
 * The `x-ms-*` extensions an author writes in a connector's swagger, for completion and hover: where
 * each goes, what it does on the platform, and its values. Written from the connector documentation
 * (https://learn.microsoft.com/connectors/custom-connectors/openapi-extensions), Microsoft's swagger
 * schema for connectors and what the platform's designers read (../shared/spec/runtime.md §4).
 */

/** The places of a swagger where extensions go. */
export type Place =
  | 'root'
  | 'info'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'schema'
  | 'response'
  | 'header';

export interface ExtensionValue {
  readonly value: string;
  readonly doc: string;
}

export interface Extension {
  readonly name: string;
  readonly places: readonly Place[];
  /** What it does, in Markdown: one to three sentences. */
  readonly doc: string;
  /** The values it takes, when it is one of a few strings. */
  readonly values?: readonly ExtensionValue[];
  /** The JSON value inserted with the name: a snippet (`$1` is where the cursor goes). */
  readonly snippet: string;
  /** The section of Microsoft's extension page, when it has one. */
  readonly anchor?: string;
}

const DOCS = 'https://learn.microsoft.com/connectors/custom-connectors/openapi-extensions';

/** The page that documents an extension, when Microsoft has one. */
export const extensionDocUrl = (e: Extension) => (e.anchor ? `${DOCS}#${e.anchor}` : undefined);

const VISIBILITY: readonly ExtensionValue[] = [
  { value: 'important', doc: 'Shown first, always.' },
  { value: 'advanced', doc: 'Hidden behind "Show advanced options".' },
  { value: 'internal', doc: 'Never shown; a required one is sent with its `default`.' },
];

export const EXTENSIONS: readonly Extension[] = [
  {
    name: 'x-ms-summary',
    places: ['parameter', 'schema', 'response', 'header'],
    doc: 'The display name users see for a parameter, property or response, in title case (`Task ID`).',
    snippet: '"$1"',
    anchor: 'x-ms-summary',
  },
  {
    name: 'x-ms-visibility',
    places: ['operation', 'parameter', 'schema', 'header'],
    doc: 'How prominently the designer shows an operation, parameter or property. Without it, normal.',
    values: VISIBILITY,
    snippet: '"${1|important,advanced,internal|}"',
    anchor: 'x-ms-visibility',
  },
  {
    name: 'x-ms-trigger',
    places: ['operation'],
    doc: 'Makes the operation a trigger. A webhook trigger when its body has a property with `x-ms-notification-url: true`; otherwise a polling trigger.',
    values: [
      { value: 'single', doc: 'Each firing is one event (an object).' },
      { value: 'batch', doc: 'The response holds an array; each item is one event.' },
    ],
    snippet: '"${1|single,batch|}"',
    anchor: 'x-ms-trigger',
  },
  {
    name: 'x-ms-trigger-hint',
    places: ['operation'],
    doc: 'Tells the user how to make the trigger fire when they test it ("To see it work, create a task").',
    snippet: '"$1"',
    anchor: 'x-ms-trigger-hint',
  },
  {
    name: 'x-ms-trigger-metadata',
    places: ['operation'],
    doc: 'Marks a polling trigger (undocumented; both members required, only these values).',
    snippet: '{ "kind": "query", "mode": "polling" }',
  },
  {
    name: 'x-ms-notification-content',
    places: ['pathItem'],
    doc: "The payload the service posts to a webhook trigger's callback URL: its `schema` (and `description`). Goes on the path item, beside `post`, not on the operation.",
    snippet: '{\n  "description": "$1",\n  "schema": { "$ref": "#/definitions/$2" }\n}',
    anchor: 'x-ms-notification-content',
  },
  {
    name: 'x-ms-notification-url',
    places: ['schema'],
    doc: 'Marks the body property that receives the callback URL when a webhook trigger subscribes: a required, internal string of the input body.',
    snippet: 'true',
    anchor: 'x-ms-notification-url',
  },
  {
    name: 'x-ms-url-encoding',
    places: ['parameter'],
    doc: "How a path parameter's value is encoded in the URL. Path parameters only.",
    values: [
      { value: 'single', doc: 'Encoded once (the default).' },
      { value: 'double', doc: 'Encoded twice: for values that hold `/`.' },
    ],
    snippet: '"${1|single,double|}"',
    anchor: 'x-ms-url-encoding',
  },
  {
    name: 'x-ms-dynamic-values',
    places: ['parameter', 'schema'],
    doc: 'A drop-down filled by calling another operation of the connector. Add `x-ms-dynamic-list` beside it when a reference names a body property.',
    snippet:
      '{\n  "operationId": "$1",\n  "value-collection": "value",\n  "value-path": "${2:id}",\n  "value-title": "${3:name}"\n}',
    anchor: 'x-ms-dynamic-values-and-x-ms-dynamic-list',
  },
  {
    name: 'x-ms-dynamic-list',
    places: ['parameter', 'schema'],
    doc: 'The unambiguous form of `x-ms-dynamic-values`: parameters as `{ "value": … }` or `{ "parameterReference": "name/path" }`.',
    snippet:
      '{\n  "operationId": "$1",\n  "itemsPath": "value",\n  "itemValuePath": "${2:id}",\n  "itemTitlePath": "${3:name}",\n  "parameters": {}\n}',
    anchor: 'x-ms-dynamic-values-and-x-ms-dynamic-list',
  },
  {
    name: 'x-ms-dynamic-schema',
    places: ['schema'],
    doc: 'The schema of a body or response comes from calling another operation at design time. On the schema, never on the body parameter itself.',
    snippet: '{\n  "operationId": "$1",\n  "parameters": {},\n  "value-path": "${2:schema}"\n}',
    anchor: 'x-ms-dynamic-schema-and-x-ms-dynamic-properties',
  },
  {
    name: 'x-ms-dynamic-properties',
    places: ['schema'],
    doc: 'The unambiguous form of `x-ms-dynamic-schema`; `itemValuePath` points at the schema object.',
    snippet: '{\n  "operationId": "$1",\n  "parameters": {},\n  "itemValuePath": "${2:schema}"\n}',
    anchor: 'x-ms-dynamic-schema-and-x-ms-dynamic-properties',
  },
  {
    name: 'x-ms-dynamic-tree',
    places: ['parameter', 'schema'],
    doc: 'A hierarchical picker (folders and files): `open` lists the roots, `browse` the children of a selected item.',
    snippet:
      '{\n  "settings": { "canSelectParentNodes": false, "canSelectLeafNodes": true },\n  "open": { "operationId": "$1", "itemValuePath": "id", "itemTitlePath": "name", "itemIsParent": "(isFolder eq true)" },\n  "browse": { "operationId": "$2", "itemValuePath": "id", "itemTitlePath": "name", "itemIsParent": "(isFolder eq true)", "parameters": { "id": { "selectedItemValuePath": "id" } } }\n}',
  },
  {
    name: 'x-ms-capabilities',
    places: ['root', 'operation'],
    doc: 'On the document: `testConnection` (the operation that checks a new connection) or `file-picker`. On an operation: `chunkTransfer: true`.',
    snippet: '{\n  "testConnection": { "operationId": "$1" }\n}',
    anchor: 'x-ms-capabilities',
  },
  {
    name: 'x-ms-pageable',
    places: ['operation'],
    doc: 'The response holds a page and the absolute URL of the next one in `nextLinkName`, at the root of the body.',
    snippet: '{ "nextLinkName": "${1|@odata.nextLink,nextLink|}" }',
  },
  {
    name: 'x-ms-api-annotation',
    places: ['info', 'operation'],
    doc: "Versioning. On `info`: the connector's `status`. On an operation: its `family`, `revision`, `status`, and the `replacement` of a deprecated one.",
    snippet: '{\n  "family": "$1",\n  "revision": ${2:2}\n}',
    anchor: 'x-ms-api-annotation',
  },
  {
    name: 'x-ms-operation-context',
    places: ['operation'],
    doc: 'How to simulate the trigger when testing it: `{ "simulate": { "operationId", "parameters" } }`.',
    snippet: '{ "simulate": { "operationId": "$1" } }',
    anchor: 'x-ms-operation-context',
  },
  {
    name: 'x-ms-connector-metadata',
    places: ['root'],
    doc: 'Certification metadata: `Website`, `Privacy policy` and `Categories` (at most two, separated by `;`).',
    snippet:
      '[\n  { "propertyName": "Website", "propertyValue": "$1" },\n  { "propertyName": "Privacy policy", "propertyValue": "$2" },\n  { "propertyName": "Categories", "propertyValue": "$3" }\n]',
  },
  {
    name: 'x-ms-no-generic-test',
    places: ['operation'],
    doc: "Leaves the operation out of Microsoft's automated generic tests (and `flowport smoke`).",
    snippet: 'true',
  },
  {
    name: 'x-ms-test-value',
    places: ['parameter', 'schema'],
    doc: 'A sample value to test with; never a secret.',
    snippet: '"$1"',
  },
  {
    name: 'x-ms-editor',
    places: ['schema'],
    doc: '`dictionary` on an object with `additionalProperties`: a key/value editor.',
    values: [{ value: 'dictionary', doc: 'A key/value editor.' }],
    snippet: '"dictionary"',
  },
  {
    name: 'x-ms-enum-values',
    places: ['parameter', 'schema'],
    doc: 'Display names for the members of `enum`: each `value` must be in the `enum`.',
    snippet: '[\n  { "value": "$1", "displayName": "$2" }\n]',
  },
  {
    name: 'x-ms-media-kind',
    places: ['schema'],
    doc: 'On a binary schema: how apps show it.',
    values: [
      { value: 'image', doc: 'An image.' },
      { value: 'audio', doc: 'A sound.' },
    ],
    snippet: '"${1|image,audio|}"',
  },
  {
    name: 'x-ms-explicit-input',
    places: ['parameter', 'schema'],
    doc: 'The value must be given explicitly, never inferred (Copilot and Power Fx).',
    snippet: 'true',
  },
  {
    name: 'x-ms-safe-operation',
    places: ['operation'],
    doc: 'A POST (or other method) without side effects, safe to retry.',
    snippet: 'true',
  },
  {
    name: 'x-ms-notification',
    places: ['operation'],
    doc: 'Links a trigger to its webhook operation: `{ "operationId": … }` (undocumented).',
    snippet: '{ "operationId": "$1" }',
  },
  {
    name: 'x-ms-trigger-value',
    places: ['parameter'],
    doc: "On a polling trigger's query parameter: which response property feeds it on the next poll (undocumented).",
    snippet: '{ "value-collection": "${1:value}", "value-path": "$2" }',
  },
  {
    name: 'x-ms-deployment-version',
    places: ['info'],
    doc: 'The version of the deployment, as a dotted string.',
    snippet: '"${1:1.0.0}"',
  },
  {
    name: 'x-ms-keywords',
    places: ['root'],
    doc: 'Search keywords for the connector.',
    snippet: '["$1"]',
  },
  {
    name: 'x-ms-require-user-confirmation',
    places: ['operation'],
    doc: 'Copilot asks the user before it runs the operation.',
    snippet: 'true',
  },
  {
    name: 'x-ms-openai-data',
    places: ['operation'],
    doc: 'Copilot: whether the operation is offered to it (`openai-enabled`) and overrides of its parameters.',
    snippet: '{ "openai-enabled": ${1:true} }',
  },
];

const BY_NAME = new Map(EXTENSIONS.map((e) => [e.name, e]));

export const extensionNamed = (name: string) => BY_NAME.get(name);

const PLACE_NAMES: Record<Place, string> = {
  root: 'the document',
  info: '`info`',
  pathItem: 'path items',
  operation: 'operations',
  parameter: 'parameters',
  schema: 'schemas and properties',
  response: 'responses',
  header: 'response headers',
};

/** The hover text of an extension: what it does, where it goes, its values, the page. */
export function extensionHover(e: Extension, here: Place | undefined): string {
  const lines = [
    `**${e.name}**`,
    '',
    e.doc,
    '',
    `Goes on ${e.places.map((p) => PLACE_NAMES[p]).join(', ')}.`,
  ];
  if (here && !e.places.includes(here)) lines.push(`The platform does not read it on ${PLACE_NAMES[here]}.`);
  if (e.values) lines.push('', ...e.values.map((v) => `- \`${v.value}\`: ${v.doc}`));
  const url = extensionDocUrl(e);
  if (url) lines.push('', `[Documentation](${url})`);
  return lines.join('\n');
}
