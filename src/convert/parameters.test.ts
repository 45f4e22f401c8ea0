import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { testContext } from './_fixtures.ts';
import { acceptedMediaTypes, convertParameter } from './parameters.ts';

const cases: { name: string; input: JsonObject; output: JsonObject[]; loss?: string }[] = [
  {
    name: 'a cookie parameter is dropped and reported',
    input: { name: 'session', in: 'cookie', schema: { type: 'string' } },
    output: [],
    loss: 'cookie parameter',
  },
  {
    name: 'an exploded query array becomes `collectionFormat: multi`',
    input: { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
    output: [
      {
        name: 'tag',
        in: 'query',
        required: false,
        type: 'array',
        items: { type: 'string' },
        collectionFormat: 'multi',
        'x-ms-summary': 'Tag',
      },
    ],
  },
  {
    name: 'a pipe-delimited query array becomes `collectionFormat: pipes`',
    input: {
      name: 'ids',
      in: 'query',
      style: 'pipeDelimited',
      explode: false,
      schema: { type: 'array', items: { type: 'integer' } },
    },
    output: [
      {
        name: 'ids',
        in: 'query',
        required: false,
        type: 'array',
        items: { type: 'integer' },
        collectionFormat: 'pipes',
        'x-ms-summary': 'IDs',
      },
    ],
  },
  {
    name: 'a deepObject parameter becomes one parameter per property',
    input: {
      name: 'filter',
      in: 'query',
      style: 'deepObject',
      schema: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
    },
    output: [
      { name: 'filter[from]', in: 'query', required: false, type: 'string', 'x-ms-summary': 'Filter from' },
      { name: 'filter[to]', in: 'query', required: false, type: 'string', 'x-ms-summary': 'Filter to' },
    ],
    loss: 'deepObject parameter',
  },
  {
    name: 'a path parameter is required and single-encoded, its example a test value',
    input: {
      name: 'petId',
      in: 'path',
      required: true,
      example: 7,
      schema: { type: 'integer', format: 'int64' },
    },
    output: [
      {
        name: 'petId',
        in: 'path',
        required: true,
        type: 'integer',
        format: 'int64',
        'x-ms-summary': 'Pet ID',
        'x-ms-test-value': 7,
        'x-ms-url-encoding': 'single',
      },
    ],
  },
  {
    name: 'an example of a key-like parameter is not copied',
    input: { name: 'api_key', in: 'header', example: 'abc', schema: { type: 'string' } },
    output: [{ name: 'api_key', in: 'header', required: false, type: 'string', 'x-ms-summary': 'API Key' }],
  },
  {
    name: 'an Authorization header parameter is dropped: the connection sets it',
    input: { name: 'Authorization', in: 'header', schema: { type: 'string' } },
    output: [],
    loss: 'header parameter',
  },
  {
    name: 'a label-style path parameter becomes a plain segment, reported',
    input: { name: 'id', in: 'path', required: true, style: 'label', schema: { type: 'string' } },
    output: [
      {
        name: 'id',
        in: 'path',
        required: true,
        type: 'string',
        'x-ms-summary': 'ID',
        'x-ms-url-encoding': 'single',
      },
    ],
    loss: 'parameter style',
  },
  {
    name: 'an example outside the enum is not used as the test value, reported',
    input: {
      name: 'metric',
      in: 'query',
      required: true,
      schema: { type: 'string', enum: ['BANDWIDTH', 'LATENCY'], example: 'latency' },
    },
    output: [
      {
        name: 'metric',
        in: 'query',
        required: true,
        type: 'string',
        enum: ['BANDWIDTH', 'LATENCY'],
        'x-ms-summary': 'Metric',
      },
    ],
    loss: 'parameter example',
  },
  {
    name: 'an example longer than its maxLength is not used as the test value, reported',
    input: {
      name: 'image_id',
      in: 'path',
      required: true,
      schema: { type: 'string', maxLength: 32, example: '107b9558-dd06-4bbd-5fef-9c2c16bb7900' },
    },
    output: [
      {
        name: 'image_id',
        in: 'path',
        required: true,
        type: 'string',
        maxLength: 32,
        'x-ms-summary': 'Image ID',
        'x-ms-url-encoding': 'single',
      },
    ],
    loss: 'parameter example',
  },
  {
    name: 'an example that matches its pattern becomes the test value',
    input: { name: 'code', in: 'query', schema: { type: 'string', pattern: '^[A-Z]{3}$', example: 'EUR' } },
    output: [
      {
        name: 'code',
        in: 'query',
        required: false,
        type: 'string',
        pattern: '^[A-Z]{3}$',
        'x-ms-summary': 'Code',
        'x-ms-test-value': 'EUR',
      },
    ],
  },
];

describe('convertParameter', () => {
  for (const c of cases)
    it(c.name, () => {
      const ctx = testContext();
      expect(convertParameter(c.input, '/p', ctx)).toEqual(c.output);
      if (c.loss) expect(ctx.losses.items.map((l) => l.construct)).toContain(c.loss);
      else expect(ctx.losses.items).toEqual([]);
    });
});

describe('acceptedMediaTypes', () => {
  const accept = (schema: JsonObject, name = 'Accept') => ({ name, in: 'header', required: true, schema });

  it.each([
    ['an enum', accept({ type: 'string', enum: ['application/octet-stream'] }), ['application/octet-stream']],
    ['a default', accept({ type: 'string', default: 'text/csv' }), ['text/csv']],
    ['no media type', accept({ type: 'string', enum: ['anything'] }), []],
    ['another header', accept({ type: 'string', enum: ['text/csv'] }, 'X-Format'), []],
  ])('reads the media types of an Accept header parameter with %s', (_, param, expected) => {
    expect(acceptedMediaTypes([param], testContext())).toEqual(expected);
  });

  it('follows a reference to a component parameter', () => {
    const ctx = testContext(
      {},
      { components: { parameters: { Accept: accept({ type: 'string', enum: ['text/csv'] }) } } },
    );
    expect(acceptedMediaTypes([{ $ref: '#/components/parameters/Accept' }], ctx)).toEqual(['text/csv']);
  });
});
