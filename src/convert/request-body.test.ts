import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { testContext } from './_fixtures.ts';
import { convertRequestBody } from './request-body.ts';

const body = (mediaType: string, schema: JsonObject): JsonObject => ({
  required: true,
  content: { [mediaType]: { schema } },
});

describe('convertRequestBody', () => {
  it.each([
    ['format: byte', { type: 'string', format: 'byte' }, ['binary body']],
    ['contentEncoding: base64', { type: 'string', contentEncoding: 'base64' }, ['binary body']],
    ['format: binary', { type: 'string', format: 'binary' }, []],
  ])('sends an octet-stream body typed with %s as bytes, reporting a base64 type', (_, schema, losses) => {
    const ctx = testContext();
    const out = convertRequestBody(body('application/octet-stream', schema), '/rb', 'put', ctx);
    expect(out.parameters[0]).toMatchObject({ in: 'body', schema: { type: 'string', format: 'binary' } });
    expect(out.consumes).toEqual(['application/octet-stream']);
    expect(ctx.losses.items.map((l) => l.construct)).toEqual(losses);
    expect(ctx.losses.items[0]?.pointer ?? '/rb/content/application~1octet-stream/schema').toBe(
      '/rb/content/application~1octet-stream/schema',
    );
  });

  it('keeps base64 text in a JSON body as `format: byte`', () => {
    const ctx = testContext();
    const out = convertRequestBody(
      body('application/json', { type: 'string', format: 'byte' }),
      '/rb',
      'put',
      ctx,
    );
    expect(out.parameters[0]).toMatchObject({ schema: { type: 'string', format: 'byte' } });
    expect(ctx.losses.items).toEqual([]);
  });
});
