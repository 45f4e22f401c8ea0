import { isObject, type JsonObject, ownArray, ownObject } from '../../connector/json.ts';
import { join } from '../../connector/pointer.ts';

/** JSON types a fixed field may have, as `jsonType` names them (`integer` counts as a `number`). */
export type FieldType = 'string' | 'object' | 'array' | 'boolean' | 'number';

/** Fixed fields of the Swagger 2.0 objects flowport checks for shape, with their JSON types. */
export const ROOT_FIELDS: Readonly<Record<string, FieldType>> = {
  swagger: 'string',
  info: 'object',
  host: 'string',
  basePath: 'string',
  schemes: 'array',
  consumes: 'array',
  produces: 'array',
  paths: 'object',
  definitions: 'object',
  parameters: 'object',
  responses: 'object',
  security: 'array',
  securityDefinitions: 'object',
  tags: 'array',
  externalDocs: 'object',
};

export const INFO_FIELDS: Readonly<Record<string, FieldType>> = {
  title: 'string',
  version: 'string',
  description: 'string',
  termsOfService: 'string',
  contact: 'object',
  license: 'object',
};

export const CONTACT_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'string',
  url: 'string',
  email: 'string',
};

export const LICENSE_FIELDS: Readonly<Record<string, FieldType>> = { name: 'string', url: 'string' };
export const TAG_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'string',
  description: 'string',
  externalDocs: 'object',
};
export const EXTERNAL_DOCS_FIELDS: Readonly<Record<string, FieldType>> = {
  description: 'string',
  url: 'string',
};

/** Power Platform extensions with a fixed shape at the root and at `info` (from Microsoft's schema). */
export const ROOT_EXTENSION_FIELDS: Readonly<Record<string, FieldType>> = {
  'x-ms-connector-metadata': 'array',
  'x-ms-capabilities': 'object',
  'x-ms-docs': 'array',
};
export const INFO_EXTENSION_FIELDS: Readonly<Record<string, FieldType>> = {
  'x-ms-api-annotation': 'object',
  'x-ms-deployment-version': 'string',
};

/**
 * Field names of every Swagger 2.0 object (operation, parameter, schema, response…), lower-cased.
 * A key that is one of these but not allowed where it stands was misplaced or mis-cased, rather than
 * meant as a vendor extension.
 */
export const SWAGGER_FIELD_NAMES: ReadonlySet<string> = new Set(
  [
    ...Object.keys(ROOT_FIELDS),
    ...Object.keys(INFO_FIELDS),
    ...Object.keys(CONTACT_FIELDS),
    ...Object.keys(TAG_FIELDS),
    'operationId',
    'summary',
    'deprecated',
    'get',
    'put',
    'post',
    'delete',
    'options',
    'head',
    'patch',
    '$ref',
    'in',
    'required',
    'schema',
    'type',
    'format',
    'items',
    'collectionFormat',
    'default',
    'maximum',
    'minimum',
    'maxLength',
    'minLength',
    'pattern',
    'maxItems',
    'minItems',
    'uniqueItems',
    'enum',
    'multipleOf',
    'allowEmptyValue',
    'title',
    'properties',
    'additionalProperties',
    'allOf',
    'discriminator',
    'readOnly',
    'xml',
    'example',
    'examples',
    'headers',
    'flow',
    'authorizationUrl',
    'tokenUrl',
    'scopes',
  ].map((name) => name.toLowerCase()),
);

/** An object of the document's outer shape, with the fields it allows and where it is. */
export interface ShapedObject {
  readonly raw: JsonObject;
  readonly pointer: string;
  /** How messages name it: `the document root`, `` `info` ``… */
  readonly label: string;
  readonly fields: Readonly<Record<string, FieldType>>;
  readonly extensions: Readonly<Record<string, FieldType>>;
}

const NONE: Readonly<Record<string, FieldType>> = {};

/**
 * The objects of the document's outer shape that are present: the root, `info`, `info.contact`,
 * `info.license`, the root `externalDocs`, each tag and each tag's `externalDocs`.
 */
export function shapedObjects(root: JsonObject): ShapedObject[] {
  const out: ShapedObject[] = [
    {
      raw: root,
      pointer: '',
      label: 'the document root',
      fields: ROOT_FIELDS,
      extensions: ROOT_EXTENSION_FIELDS,
    },
  ];
  const info = ownObject(root, 'info');
  if (info) {
    out.push({
      raw: info,
      pointer: '/info',
      label: '`info`',
      fields: INFO_FIELDS,
      extensions: INFO_EXTENSION_FIELDS,
    });
    const contact = ownObject(info, 'contact');
    if (contact)
      out.push({
        raw: contact,
        pointer: '/info/contact',
        label: '`info.contact`',
        fields: CONTACT_FIELDS,
        extensions: NONE,
      });
    const license = ownObject(info, 'license');
    if (license)
      out.push({
        raw: license,
        pointer: '/info/license',
        label: '`info.license`',
        fields: LICENSE_FIELDS,
        extensions: NONE,
      });
  }
  const docs = ownObject(root, 'externalDocs');
  if (docs)
    out.push({
      raw: docs,
      pointer: '/externalDocs',
      label: '`externalDocs`',
      fields: EXTERNAL_DOCS_FIELDS,
      extensions: NONE,
    });
  (ownArray(root, 'tags') ?? []).forEach((tag, i) => {
    if (!isObject(tag)) return;
    const raw = tag;
    const pointer = join('/tags', i);
    out.push({ raw, pointer, label: `tag ${i}`, fields: TAG_FIELDS, extensions: NONE });
    const tagDocs = ownObject(raw, 'externalDocs');
    if (tagDocs)
      out.push({
        raw: tagDocs,
        pointer: join(pointer, 'externalDocs'),
        label: `\`externalDocs\` of tag ${i}`,
        fields: EXTERNAL_DOCS_FIELDS,
        extensions: NONE,
      });
  });
  return out;
}

/** The declared type of a key in a field table; undefined when the key is not one of its fields. */
export function fieldType(fields: Readonly<Record<string, FieldType>>, key: string): FieldType | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** A key of an outer-shape object that Swagger 2.0 does not allow there and that is not an `x-` extension. */
export interface StrayKey {
  readonly key: string;
  readonly pointer: string;
  readonly owner: ShapedObject;
  /** A Swagger field name (misplaced or mis-cased) rather than a vendor extension without `x-`. */
  readonly swaggerField: boolean;
  /** The allowed field of this object it differs from only by case, if any. */
  readonly meant: string | undefined;
}

/** Keys of the outer-shape objects that are neither fixed fields nor `x-` extensions. */
export function strayKeys(root: JsonObject): StrayKey[] {
  const out: StrayKey[] = [];
  for (const owner of shapedObjects(root)) {
    for (const key of Object.keys(owner.raw)) {
      if (key.startsWith('x-') || fieldType(owner.fields, key) || fieldType(owner.extensions, key)) continue;
      const lower = key.toLowerCase();
      const meant = Object.keys(owner.fields).find((f) => f.toLowerCase() === lower);
      out.push({
        key,
        pointer: join(owner.pointer, key),
        owner,
        swaggerField: meant !== undefined || SWAGGER_FIELD_NAMES.has(lower),
        meant,
      });
    }
  }
  return out;
}
