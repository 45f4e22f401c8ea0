import { describe, expect, it } from 'vitest';
import { acceptFor } from './accept.ts';
import { bodyContentType, bodyKindOf, essence } from './media-type.ts';

describe('bodyKindOf', () => {
  const cases: Array<{ type: string; kind: string }> = [
    { type: 'application/json', kind: 'json' },
    { type: 'Application/JSON; charset=utf-8', kind: 'json' },
    { type: 'application/json;odata.metadata=minimal', kind: 'json' },
    { type: 'text/json', kind: 'json' },
    { type: 'application/json-patch+json', kind: 'json' },
    { type: 'application/x-www-form-urlencoded', kind: 'form' },
    { type: 'multipart/form-data', kind: 'multipart' },
    { type: 'text/plain', kind: 'text' },
    { type: 'application/xml', kind: 'text' },
    { type: 'application/atom+xml', kind: 'text' },
    { type: 'application/octet-stream', kind: 'binary' },
    { type: 'application/pdf', kind: 'binary' },
    { type: 'application/form-data', kind: 'binary' },
  ];
  it.each(cases)('`$type` is $kind', ({ type, kind }) => {
    expect(bodyKindOf(type)).toBe(kind);
  });

  it('reads the essence without parameters', () => {
    expect(essence(' Text/Plain ; charset=utf-8')).toBe('text/plain');
  });
});

describe('acceptFor', () => {
  const cases: Array<{ produces: string[]; accept: string | undefined }> = [
    { produces: [], accept: undefined },
    { produces: ['text/xml', 'application/json'], accept: 'application/json' },
    { produces: ['application/hal+json'], accept: 'application/hal+json' },
    { produces: ['text/csv', 'application/pdf'], accept: 'text/csv, application/pdf' },
    { produces: ['text/csv\r\nX: 1'], accept: undefined },
  ];
  it.each(cases)('$produces → $accept', ({ produces, accept }) => {
    expect(acceptFor(produces)).toBe(accept);
  });
});

describe('bodyContentType', () => {
  const cases: Array<{ consumes: string[]; binary: boolean; type: string | undefined }> = [
    { consumes: [], binary: false, type: undefined },
    { consumes: ['multipart/form-data', 'application/json'], binary: false, type: 'application/json' },
    { consumes: ['text/xml', 'application/hal+json'], binary: false, type: 'application/hal+json' },
    { consumes: ['application/x-www-form-urlencoded', 'text/plain'], binary: false, type: 'text/plain' },
    {
      consumes: ['application/x-www-form-urlencoded'],
      binary: false,
      type: 'application/x-www-form-urlencoded',
    },
    { consumes: ['application/json', 'application/pdf'], binary: true, type: 'application/json' },
    { consumes: ['multipart/form-data', 'application/pdf'], binary: true, type: 'application/pdf' },
  ];
  it.each(cases)('$consumes (binary $binary) → $type', ({ consumes, binary, type }) => {
    expect(bodyContentType(consumes, binary)).toBe(type);
  });
});
