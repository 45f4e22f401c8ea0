import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../types.ts';
import { requestBodyPreview } from './body-preview.ts';

const wire = (type: string | undefined, body: Uint8Array | undefined): WireRequest => ({
  method: 'POST',
  url: 'https://api.contoso.com/v1/items',
  headers: new Headers(type ? { 'content-type': type } : {}),
  body,
});
const bytes = (text: string) => new TextEncoder().encode(text);

describe('requestBodyPreview', () => {
  it('shows JSON, text and form bodies as text', () => {
    expect(requestBodyPreview(wire('application/json', bytes('{"a":1}')), 100)).toEqual({
      text: '{"a":1}',
      bytes: 7,
      omitted: 0,
    });
    expect(requestBodyPreview(wire('application/x-www-form-urlencoded', bytes('a=1&b=2')), 100)?.text).toBe(
      'a=1&b=2',
    );
    expect(requestBodyPreview(wire('text/plain; charset=utf-8', bytes('héllo')), 100)).toMatchObject({
      text: 'héllo',
      bytes: 6,
    });
  });

  it('dots out binary runs of a multipart body', () => {
    const body = new Uint8Array([...bytes('--b\r\nname\r\n'), 0, 1, 2, 255, ...bytes('\r\n--b--')]);
    expect(requestBodyPreview(wire('multipart/form-data; boundary=b', body), 100)?.text).toBe(
      '--b\r\nname\r\n·\r\n--b--',
    );
  });

  it('gives only the size of other bodies, and nothing without a body', () => {
    expect(requestBodyPreview(wire('application/octet-stream', new Uint8Array(10)), 100)).toEqual({
      bytes: 10,
      omitted: 0,
    });
    expect(requestBodyPreview(wire(undefined, new Uint8Array(3)), 100)).toEqual({ bytes: 3, omitted: 0 });
    expect(requestBodyPreview(wire('application/json', undefined), 100)).toBeUndefined();
    expect(requestBodyPreview(wire('application/json', new Uint8Array(0)), 100)).toBeUndefined();
  });

  it('cuts long text and says how much was left out', () => {
    const preview = requestBodyPreview(wire('text/plain', bytes('x'.repeat(150))), 100);
    expect(preview).toEqual({ text: 'x'.repeat(100), bytes: 150, omitted: 50 });
  });
});
