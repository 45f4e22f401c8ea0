import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import { withBody, withDefinition, withParameter, withResponse } from './_fixtures.ts';
import definitionUnused from './definition-unused.ts';
import emptyObjectSchema from './empty-object-schema.ts';
import filterEmpty from './filter-functions-property-empty.ts';
import filterDuplicates from './filter-functions-property-has-duplicates.ts';
import filterInInput from './filter-functions-property-in-input-schema.ts';
import filterInvalid from './filter-functions-property-invalid-value.ts';
import internalWithDefaultOptional from './internal-property-with-default-optional.ts';
import invalidStringBinary from './invalid-string-binary-property.ts';
import propertyMustBeRequired from './property-must-be-required.ts';
import requiredReadOnly from './required-read-only-property-not-allowed-as-input.ts';
import responsePropertySummary from './response-property-summary-required.ts';
import schemaTypeFile from './schema-type-file-not-valid.ts';

const task = {
  type: 'object',
  properties: { id: { type: 'string', readOnly: true }, title: { type: 'string' } },
  required: ['id', 'title'],
};

describe('required-read-only-property-not-allowed-as-input', () => {
  it('reports a required readOnly property of a body, also through a definition', () => {
    expect(messages(requiredReadOnly, { swagger: withBody(task) })).toEqual([
      'Property `id` of the request body of `CreateTask` is `readOnly` and required; an input property cannot be readonly and required.',
    ]);
    const doc = withBody({ $ref: '#/definitions/Task' }, { definitions: { Task: task } });
    expect(pointers(requiredReadOnly, { swagger: doc })).toEqual(['/definitions/Task/properties/id']);
  });
  it('accepts it in responses and in definitions only responses use', () => {
    expect(messages(requiredReadOnly, { swagger: withResponse(task) })).toEqual([]);
    expect(
      messages(requiredReadOnly, {
        swagger: withResponse({ $ref: '#/definitions/Task' }, { definitions: { Task: task } }),
      }),
    ).toEqual([]);
  });
});

describe('invalid-string-binary-property', () => {
  const binary = { type: 'string', format: 'binary' };
  it('reports binary nested inside a request body', () => {
    expect(
      messages(invalidStringBinary, { swagger: withBody({ type: 'object', properties: { file: binary } }) }),
    ).toEqual([
      'Property `file` of the request body of `CreateTask` has type/format `string/binary`; it can only be at the top level of a body or formData parameter.',
    ]);
  });
  it('reports a binary query parameter', () => {
    expect(messages(invalidStringBinary, { swagger: withParameter(binary) })).toHaveLength(1);
  });
  it('accepts a binary body, formData files and binary response properties', () => {
    expect(messages(invalidStringBinary, { swagger: withBody(binary) })).toEqual([]);
    expect(
      messages(invalidStringBinary, {
        swagger: withParameter({ in: 'formData', type: 'array', items: binary }),
      }),
    ).toEqual([]);
    expect(
      messages(invalidStringBinary, {
        swagger: withResponse({ type: 'object', properties: { file: binary } }),
      }),
    ).toEqual([]);
  });
});

describe('schema-type-file-not-valid', () => {
  it('reports `type: file` inside a body or on a query parameter', () => {
    expect(
      messages(schemaTypeFile, {
        swagger: withBody({ type: 'object', properties: { f: { type: 'file' } } }),
      }),
    ).toEqual([
      'Property `f` of the request body of `CreateTask` has `type: file`; only parameters in `formData` and the root response schema may be of type `file`.',
    ]);
    expect(pointers(schemaTypeFile, { swagger: withParameter({ type: 'file' }) })).toEqual([
      '/paths/~1tasks/get/parameters/0/type',
    ]);
  });
  it('accepts formData files and a whole-file response', () => {
    expect(messages(schemaTypeFile, { swagger: withParameter({ in: 'formData', type: 'file' }) })).toEqual(
      [],
    );
    expect(messages(schemaTypeFile, { swagger: withResponse({ type: 'file' }) })).toEqual([]);
  });
});

describe('property-must-be-required', () => {
  const body = (required: string[]) =>
    withBody({
      type: 'object',
      properties: { mode: { type: 'string', default: 'fast', 'x-ms-visibility': 'internal' } },
      required,
    });
  it('reports an optional internal body property with a default', () => {
    expect(messages(propertyMustBeRequired, { swagger: body([]) })).toEqual([
      'Property `mode` of the request body of `CreateTask` is internal and has a default value, so it must be required; optional internal fields are ignored.',
    ]);
  });
  it('accepts it when required, and leaves parameters and responses alone', () => {
    expect(messages(propertyMustBeRequired, { swagger: body(['mode']) })).toEqual([]);
    expect(
      messages(propertyMustBeRequired, {
        swagger: withParameter({ default: 1, 'x-ms-visibility': 'internal' }),
      }),
    ).toEqual([]);
  });
});

describe('internal-property-with-default-optional', () => {
  it('reports an optional internal parameter with a default', () => {
    expect(
      messages(internalWithDefaultOptional, {
        swagger: withParameter({ default: 10, 'x-ms-visibility': 'internal' }),
      }),
    ).toEqual([
      'Parameter `top` is internal and has a default value but is optional; only required properties are guaranteed to be included in requests.',
    ]);
  });
  it('accepts a required one, and one without default', () => {
    expect(
      messages(internalWithDefaultOptional, {
        swagger: withParameter({ default: 10, required: true, 'x-ms-visibility': 'internal' }),
      }),
    ).toEqual([]);
    expect(
      messages(internalWithDefaultOptional, { swagger: withParameter({ 'x-ms-visibility': 'internal' }) }),
    ).toEqual([]);
  });
});

const column = (filterFunctions: unknown) => ({
  type: 'object',
  properties: { name: { type: 'string', 'x-ms-capabilities': { filterFunctions } } },
});

describe('filter-functions-property-empty', () => {
  it('reports an empty list', () => {
    expect(pointers(filterEmpty, { swagger: withResponse(column([])) })).toEqual([
      '/paths/~1tasks/get/responses/200/schema/properties/name/x-ms-capabilities/filterFunctions',
    ]);
  });
  it('accepts a non-empty list', () => {
    expect(messages(filterEmpty, { swagger: withResponse(column(['eq'])) })).toEqual([]);
  });
});

describe('filter-functions-property-has-duplicates', () => {
  it('reports a repeated function', () => {
    expect(messages(filterDuplicates, { swagger: withResponse(column(['eq', 'ne', 'eq'])) })).toEqual([
      'Property `name` of the `200` response schema of `ListTasks` lists `eq` twice; the `filterFunctions` property cannot contain duplicates.',
    ]);
  });
  it('accepts distinct functions', () => {
    expect(messages(filterDuplicates, { swagger: withResponse(column(['eq', 'ne'])) })).toEqual([]);
  });
});

describe('filter-functions-property-in-input-schema', () => {
  it('reports filterFunctions in a request body', () => {
    expect(messages(filterInInput, { swagger: withBody(column(['eq'])) })).toHaveLength(1);
  });
  it('accepts them in responses and in definitions shared by both', () => {
    expect(messages(filterInInput, { swagger: withResponse(column(['eq'])) })).toEqual([]);
    const shared = swagger({
      paths: {
        '/rows': {
          post: {
            operationId: 'AddRow',
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Row' } }],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Row' } } },
          },
        },
      },
      definitions: { Row: column(['eq']) },
    });
    expect(messages(filterInInput, { swagger: shared })).toEqual([]);
  });
});

describe('filter-functions-property-invalid-value', () => {
  it('reports an unknown function', () => {
    expect(pointers(filterInvalid, { swagger: withResponse(column(['eq', 'like'])) })).toEqual([
      '/paths/~1tasks/get/responses/200/schema/properties/name/x-ms-capabilities/filterFunctions/1',
    ]);
  });
  it('accepts Power Fx delegation functions', () => {
    expect(
      messages(filterInvalid, { swagger: withResponse(column(['eq', 'startswith', 'countdistinct'])) }),
    ).toEqual([]);
  });
});

describe('response-property-summary-required', () => {
  it('reports unlabelled response properties once per response, with their paths', () => {
    const schema = {
      type: 'array',
      items: {
        properties: {
          id: { type: 'string' },
          due: { type: 'string', 'x-ms-summary': 'Due', description: 'When.' },
          owner: { properties: { name: { type: 'string', description: 'Name.' } } },
        },
      },
    };
    expect(messages(responsePropertySummary, { swagger: withResponse(schema) })).toEqual([
      'The `200` response schema of `ListTasks` has 3 properties without `x-ms-summary` or `description` (`[].id`, `[].owner`, `[].owner.name`); response properties should be labelled for dynamic content.',
    ]);
    expect(pointers(responsePropertySummary, { swagger: withResponse(schema) })).toEqual([
      '/paths/~1tasks/get/responses/200/schema/items/properties/id',
    ]);
  });
  it('reports a definition used by a response on its own, and ignores request bodies', () => {
    const doc = withResponse(
      { $ref: '#/definitions/Task' },
      { definitions: { Task: { properties: { id: { type: 'string' } } } } },
    );
    expect(pointers(responsePropertySummary, { swagger: doc })).toEqual(['/definitions/Task/properties/id']);
    expect(
      messages(responsePropertySummary, { swagger: withBody({ properties: { id: { type: 'string' } } }) }),
    ).toEqual([]);
  });
});

describe('empty-object-schema', () => {
  it('reports `properties: {}` and an empty response schema', () => {
    expect(
      pointers(emptyObjectSchema, { swagger: withDefinition({ type: 'object', properties: {} }) }),
    ).toEqual(['/definitions/Thing/properties']);
    expect(messages(emptyObjectSchema, { swagger: withResponse({}) })).toEqual([
      'The `200` response schema of `ListTasks` is an empty schema `{}`; describe its content or remove it.',
    ]);
  });
  it('accepts nested "any value" schemas and dictionaries', () => {
    expect(messages(emptyObjectSchema, { swagger: withResponse({ type: 'array', items: {} }) })).toEqual([]);
    expect(
      messages(emptyObjectSchema, {
        swagger: withDefinition({ properties: {}, additionalProperties: true }),
      }),
    ).toEqual([]);
  });
});

describe('definition-unused', () => {
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  const op = (extra: Record<string, unknown>) => ({
    operationId: 'CreateTask',
    responses: { '200': { description: 'The task.', schema: ref('Task') } },
    ...extra,
  });
  const definitions = {
    Task: { type: 'object', properties: { owner: ref('User'), tags: { type: 'array', items: ref('Tag') } } },
    User: { type: 'object' },
    Tag: { type: 'string' },
    NewTask: { type: 'object' },
    Orphan: { type: 'object', properties: { child: ref('OrphanChild') } },
    OrphanChild: { type: 'object' },
    'a/b': { type: 'object' },
  };

  it('reports definitions no request, response or notification reaches, those only other unused ones use too', () => {
    const doc = swagger({
      paths: {
        '/tasks': { post: op({ parameters: [{ name: 'body', in: 'body', schema: ref('NewTask') }] }) },
      },
      definitions,
    });
    expect(messages(definitionUnused, { swagger: doc })).toEqual([
      'The definition `Orphan` is used by no operation: no request body, response or notification reaches it.',
      'The definition `OrphanChild` is used by no operation: no request body, response or notification reaches it.',
      'The definition `a/b` is used by no operation: no request body, response or notification reaches it.',
    ]);
    expect(pointers(definitionUnused, { swagger: doc })).toEqual([
      '/definitions/Orphan',
      '/definitions/OrphanChild',
      '/definitions/a~1b',
    ]);
  });

  it('follows shared parameters and responses, and webhook notification content', () => {
    const doc = swagger({
      paths: {
        '/tasks': {
          'x-ms-notification-content': { description: 'A task.', schema: ref('Orphan') },
          post: op({
            parameters: [{ $ref: '#/parameters/body' }],
            responses: {
              '200': { $ref: '#/responses/task' },
              default: { description: 'Error.', schema: ref('a~1b') },
            },
          }),
        },
      },
      parameters: { body: { name: 'body', in: 'body', schema: ref('NewTask') } },
      responses: { task: { description: 'The task.', schema: ref('Task') } },
      definitions: { ...definitions, 'a/b': { type: 'object' } },
    });
    expect(messages(definitionUnused, { swagger: doc })).toEqual([]);
  });
});
