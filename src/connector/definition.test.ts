import { describe, expect, it } from 'vitest';
import { findNotificationUrl, readDefinition } from './definition.ts';
import type { JsonObject } from './json.ts';

const url = { type: 'string', 'x-ms-notification-url': true };

describe('findNotificationUrl', () => {
  it('finds the marked property through `$ref`s and nested properties', () => {
    const root: JsonObject = {
      definitions: { Hook: { properties: { target: { properties: { url } } } } },
    };
    expect(findNotificationUrl(root, { $ref: '#/definitions/Hook' })).toEqual(['target', 'url']);
  });

  it('stops at cycles', () => {
    const root: JsonObject = { definitions: { A: { allOf: [{ $ref: '#/definitions/A' }] } } };
    expect(findNotificationUrl(root, { $ref: '#/definitions/A' })).toBeUndefined();
  });

  it('does not overflow the stack on a long chain of `allOf` and `$ref`', () => {
    const definitions: JsonObject = {};
    for (let i = 0; i < 20_000; i++) definitions[`D${i}`] = { allOf: [{ $ref: `#/definitions/D${i + 1}` }] };
    definitions.D20000 = { properties: { url } };
    expect(findNotificationUrl({ definitions }, { $ref: '#/definitions/D0' })).toBeUndefined();
    // Within the depth limit the chain is followed.
    expect(findNotificationUrl({ definitions }, { $ref: '#/definitions/D19990' })).toEqual(['url']);
  });
});

describe('readDefinition', () => {
  it('reads whatever it is given without throwing', () => {
    for (const value of [null, 1, 'x', [], { paths: [] }, { paths: { '/a': null, '/b': { get: [] } } }])
      expect(
        readDefinition(value, { language: undefined, operations: undefined }).paths.flatMap(
          (p) => p.operations,
        ),
      ).toEqual([]);
  });

  it('ignores inherited properties such as `constructor` as path items and methods', () => {
    const def = readDefinition(
      { paths: { '/a': { constructor: { operationId: 'X' } } } },
      { language: undefined, operations: undefined },
    );
    expect(def.paths.map((p) => p.operations.length)).toEqual([0]);
  });
});

describe('paths with extensions', () => {
  it('does not take an `x-` key under `paths` for a path', () => {
    const def = readDefinition(
      {
        swagger: '2.0',
        paths: { 'x-note': { get: { operationId: 'Nope' } }, '/a': { get: { operationId: 'A' } } },
      },
      { language: undefined, operations: undefined },
    );
    expect(def.paths.map((p) => p.path)).toEqual(['/a']);
  });
});
