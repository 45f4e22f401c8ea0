import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import type { ResponseBody } from '../types.ts';
import { callForJson } from './call.ts';

const answer = (status: number, body: ResponseBody) => async () => ({ status, headers: new Headers(), body });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('callForJson', () => {
  it.each<{ name: string; body: ResponseBody; expected: JsonValue }>([
    { name: 'a JSON body', body: { kind: 'json', value: { a: 1 } }, expected: { a: 1 } },
    { name: 'JSON sent as text', body: { kind: 'text', text: '[1,2]' }, expected: [1, 2] },
    {
      name: 'JSON sent as bytes',
      body: { kind: 'binary', bytes: bytes('{"b":true}') },
      expected: { b: true },
    },
    { name: 'no body as null', body: { kind: 'none' }, expected: null },
  ])('reads $name.', async ({ body, expected }) => {
    expect(await callForJson(answer(200, body), 'Op', {}, 'testing')).toEqual(expected);
  });

  it.each<{ name: string; status: number; body: ResponseBody; message: RegExp }>([
    {
      name: 'a non-2xx status',
      status: 302,
      body: { kind: 'none' },
      message: /Operation `Op` answered 302 while testing/,
    },
    {
      name: 'a body that is not JSON',
      status: 200,
      body: { kind: 'text', text: '<html>' },
      message: /not JSON while testing/,
    },
  ])('fails with `DYNAMIC_LOOKUP_FAILED` for $name.', async ({ status, body, message }) => {
    await expect(callForJson(answer(status, body), 'Op', {}, 'testing')).rejects.toMatchObject({
      code: 'DYNAMIC_LOOKUP_FAILED',
      message: expect.stringMatching(message),
    });
  });
});
