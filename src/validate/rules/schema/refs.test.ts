import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import { withDefinition, withResponse } from './_fixtures.ts';
import additionalPropertyAdjacentToRef from './additional-property-not-allowed-adjacent-to-ref.ts';
import jsonPointerNotValid from './json-pointer-not-valid.ts';
import requiredLoop, { requiredLoops } from './required-loop-in-schema-not-allowed.ts';
import schemaRefLoop from './schema-ref-loop-not-allowed.ts';
import schemaReferenceNotFound from './schema-reference-not-found.ts';
import schemaReferenceNotValid from './schema-reference-not-valid.ts';

const withRef = (ref: string) => withResponse({ $ref: ref }, { definitions: { Task: { type: 'object' } } });

describe('json-pointer-not-valid', () => {
  it.each(['#definitions/Task', '#/definitions/A~2B', '#/definitions/A%zz'])('reports `%s`', (ref) => {
    expect(pointers(jsonPointerNotValid, { swagger: withRef(ref) })).toEqual([
      '/paths/~1tasks/get/responses/200/schema/$ref',
    ]);
  });
  it('reports a malformed response reference', () => {
    const doc = withOperation({ responses: { '200': { $ref: '#responses/Ok' } } });
    expect(messages(jsonPointerNotValid, { swagger: doc })).toEqual([
      'Response `200` of `ListTasks` has `$ref` `#responses/Ok`; the JSON Pointer path is not valid.',
    ]);
  });
  it('accepts valid pointers, including names with spaces and brackets', () => {
    expect(messages(jsonPointerNotValid, { swagger: withRef('#/definitions/Task') })).toEqual([]);
    expect(messages(jsonPointerNotValid, { swagger: withRef('#/definitions/Page[Task] v2') })).toEqual([]);
  });
});

describe('schema-reference-not-valid', () => {
  it('reports references outside `#/definitions/` and external files', () => {
    expect(messages(schemaReferenceNotValid, { swagger: withRef('#/parameters/Task') })).toEqual([
      'The `200` response schema of `ListTasks` has schema reference `#/parameters/Task`, which is not valid; schema references must start with `#/definitions/`.',
    ]);
    expect(
      messages(schemaReferenceNotValid, { swagger: withRef('common.json#/definitions/Task') }),
    ).toHaveLength(1);
  });
  it('accepts a definitions reference and leaves malformed pointers to json-pointer-not-valid', () => {
    expect(messages(schemaReferenceNotValid, { swagger: withRef('#/definitions/Task') })).toEqual([]);
    expect(messages(schemaReferenceNotValid, { swagger: withRef('#definitions/Task') })).toEqual([]);
  });
});

describe('schema-reference-not-found', () => {
  it('reports a missing definition', () => {
    expect(messages(schemaReferenceNotFound, { swagger: withRef('#/definitions/task') })).toEqual([
      'The `200` response schema of `ListTasks` has schema reference `#/definitions/task`, which could not be found in the swagger document.',
    ]);
  });
  it('accepts an existing definition, also with an encoded name', () => {
    expect(messages(schemaReferenceNotFound, { swagger: withRef('#/definitions/Task') })).toEqual([]);
    const doc = withResponse({ $ref: '#/definitions/My%20Task' }, { definitions: { 'My Task': {} } });
    expect(messages(schemaReferenceNotFound, { swagger: doc })).toEqual([]);
  });
});

describe('schema-ref-loop-not-allowed', () => {
  it('reports a definition that is only a `$ref`', () => {
    const doc = withDefinition({ $ref: '#/definitions/Other' }, { Other: { type: 'object' } });
    expect(messages(schemaRefLoop, { swagger: doc })).toEqual([
      'Definition `Thing` is a `$ref` to `#/definitions/Other`; the schema definition may not use a `$ref` to point to another definition.',
    ]);
  });
  it('accepts `$ref`s inside definitions', () => {
    const doc = withDefinition({ properties: { other: { $ref: '#/definitions/Other' } } }, { Other: {} });
    expect(messages(schemaRefLoop, { swagger: doc })).toEqual([]);
  });
});

describe('additional-property-not-allowed-adjacent-to-ref', () => {
  it('reports keywords next to a schema `$ref`', () => {
    const doc = withDefinition(
      { properties: { other: { $ref: '#/definitions/Other', description: 'x' } } },
      { Other: {} },
    );
    expect(messages(additionalPropertyAdjacentToRef, { swagger: doc })).toEqual([
      'Property `other` of definition `Thing` has `description` next to `$ref`; when `$ref` is defined, no other properties may be specified.',
    ]);
  });
  it('reports keywords next to a response `$ref`', () => {
    const doc = withOperation(
      { responses: { '200': { $ref: '#/responses/Ok', description: 'OK' } } },
      '/tasks',
      'get',
      { responses: { Ok: { description: 'OK' } } },
    );
    expect(pointers(additionalPropertyAdjacentToRef, { swagger: doc })).toEqual([
      '/paths/~1tasks/get/responses/200/description',
    ]);
  });
  it('accepts a bare `$ref`', () => {
    expect(messages(additionalPropertyAdjacentToRef, { swagger: withRef('#/definitions/Task') })).toEqual([]);
  });
});

describe('required-loop-in-schema-not-allowed', () => {
  it('reports definitions that require each other', () => {
    const doc = swagger({
      definitions: {
        A: { properties: { b: { $ref: '#/definitions/B' } }, required: ['b'] },
        B: { allOf: [{ properties: { a: { $ref: '#/definitions/A' } }, required: ['a'] }] },
      },
    });
    expect(messages(requiredLoop, { swagger: doc })).toEqual([
      'Definitions `A` → `B` → `A` require each other; loops of required schema properties are not allowed.',
    ]);
  });
  it('reports a definition that requires itself', () => {
    expect(
      requiredLoops({ Node: { properties: { next: { $ref: '#/definitions/Node' } }, required: ['next'] } }),
    ).toEqual([['Node']]);
  });
  it('accepts recursion through optional properties and arrays', () => {
    const defs = {
      Node: {
        properties: {
          parent: { $ref: '#/definitions/Node' },
          children: { type: 'array', items: { $ref: '#/definitions/Node' } },
        },
        required: ['children'],
      },
    };
    expect(requiredLoops(defs)).toEqual([]);
  });
});
