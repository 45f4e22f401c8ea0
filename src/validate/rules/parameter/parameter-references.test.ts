import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import refLoop from './parameter-ref-loop-not-allowed.ts';
import referenceNotFound from './parameter-reference-not-found.ts';
import referenceNotValid from './parameter-reference-not-valid.ts';

const shared = { Top: { name: 'top', in: 'query', type: 'integer' } };
const using = (...parameters: unknown[]) => ({
  swagger: swagger({
    paths: { '/tasks': { get: { operationId: 'ListTasks', parameters, responses: {} } } },
    parameters: shared,
  }),
});

describe('parameter-reference-not-valid', () => {
  it.each([['#/definitions/Top'], ['other.json#/parameters/Top'], ['#/parameters/'], ['#/parameters/a~2b']])(
    'reports `%s`',
    (ref) => {
      expect(messages(referenceNotValid, using({ $ref: ref }))).toEqual([
        `The parameter reference \`${ref}\` is not valid; parameter references must start with \`#/parameters/\` and be valid JSON Pointers.`,
      ]);
    },
  );
  it('reports a non-string $ref at the $ref', () => {
    expect(pointers(referenceNotValid, using({ $ref: 5 }))).toEqual(['/paths/~1tasks/get/parameters/0/$ref']);
  });
  it('accepts references into #/parameters', () => {
    expect(messages(referenceNotValid, using({ $ref: '#/parameters/Top' }))).toEqual([]);
  });
});

describe('parameter-reference-not-found', () => {
  it('reports a reference to a missing entry', () => {
    expect(messages(referenceNotFound, using({ $ref: '#/parameters/top' }))).toEqual([
      'The parameter reference `#/parameters/top` could not be found in the swagger document.',
    ]);
  });
  it('checks path-level lists too', () => {
    const doc = swagger({ paths: { '/tasks': { parameters: [{ $ref: '#/parameters/Nope' }] } } });
    expect(pointers(referenceNotFound, { swagger: doc })).toEqual(['/paths/~1tasks/parameters/0/$ref']);
  });
  it('leaves malformed references to parameter-reference-not-valid', () => {
    expect(messages(referenceNotFound, using({ $ref: '#/definitions/Nope' }))).toEqual([]);
  });
  it('accepts an existing reference', () => {
    expect(messages(referenceNotFound, using({ $ref: '#/parameters/Top' }))).toEqual([]);
  });
});

describe('parameter-ref-loop-not-allowed', () => {
  it('reports a shared parameter that is itself a $ref', () => {
    const doc = swagger({ parameters: { ...shared, Alias: { $ref: '#/parameters/Top' } } });
    expect(messages(refLoop, { swagger: doc })).toEqual([
      'Shared parameter `#/parameters/Alias` is a `$ref`; the parameter definition may not use a `$ref` to point to another definition.',
    ]);
    expect(pointers(refLoop, { swagger: doc })).toEqual(['/parameters/Alias/$ref']);
  });
  it('accepts shared parameters that are definitions', () => {
    expect(messages(refLoop, { swagger: swagger({ parameters: shared }) })).toEqual([]);
  });
});
