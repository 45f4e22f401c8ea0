import { describe, expect, it } from 'vitest';
import type { Operation } from '../../connector/model.ts';
import {
  effectiveMimeList,
  essence,
  hasEssence,
  isSupportedMimeType,
  isValidMimeType,
  mimeVerdict,
} from './mime-type.ts';

describe('isValidMimeType', () => {
  it.each(['application/json', 'application/*+json', 'text/plain; charset=utf-8', 'a/b; x="y;z"'])(
    'accepts %s',
    (value) => expect(isValidMimeType(value)).toBe(true),
  );
  it.each(['', 'json', 'application/', 'application json', 'a/b; c'])('rejects %j', (value) =>
    expect(isValidMimeType(value)).toBe(false),
  );
});

describe('hasEssence', () => {
  it.each([
    ['multipart/form-data', true],
    [' Multipart/Form-Data ; boundary=x', true],
    ['multipart/form-data;', true],
    ['application/json', false],
    ['multipart/form', false],
    ['multipart/form-data-x', false],
  ])('%j is multipart/form-data: %s', (value, expected) => {
    expect(hasEssence(value, 'multipart/form-data')).toBe(expected);
    expect(hasEssence(value, 'multipart/form-data')).toBe(essence(value) === 'multipart/form-data');
  });
});

describe('isSupportedMimeType', () => {
  it('ignores case and parameters', () => {
    expect(essence(' Application/JSON ; charset=utf-8')).toBe('application/json');
    expect(isSupportedMimeType('Multipart/Form-Data; boundary=x')).toBe(true);
    expect(isSupportedMimeType('text/xml')).toBe(false);
  });
});

describe('mimeVerdict', () => {
  it('sorts entries into supported, unsupported and invalid', () => {
    expect(['application/json', 'text/xml', 'xml'].map(mimeVerdict)).toEqual([
      'supported',
      'unsupported',
      'invalid',
    ]);
  });
});

describe('effectiveMimeList', () => {
  const op = (raw: Record<string, unknown>) => ({ raw, pointer: '/paths/~1a/post' }) as unknown as Operation;
  it('uses the operation’s own list, even an empty one', () => {
    const root = { consumes: ['text/plain'] };
    expect(effectiveMimeList(root, op({ consumes: ['a/b', 3] }), 'consumes')).toEqual({
      list: ['a/b', 3],
      local: true,
    });
    expect(effectiveMimeList(root, op({ consumes: [] }), 'consumes')).toEqual({ list: [], local: true });
  });
  it('falls back to the document’s list, or nothing', () => {
    expect(effectiveMimeList({ produces: ['text/plain'] }, op({}), 'produces')).toEqual({
      list: ['text/plain'],
      local: false,
    });
    expect(effectiveMimeList(undefined, op({ produces: 'x' }), 'produces')).toEqual({
      list: [],
      local: true,
    });
  });
});
