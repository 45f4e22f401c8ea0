import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../connector/json.ts';
import { isHar, readHar } from './har.ts';

const entry = (url: string, extra: JsonObject = {}, response: JsonObject = {}): JsonObject => ({
  request: { method: 'GET', url, headers: [{ name: 'Accept', value: '*/*' }], ...extra },
  response: {
    status: 200,
    headers: [],
    content: { mimeType: 'application/json', text: '{"ok":true}' },
    ...response,
  },
});

describe('readHar', () => {
  it('tells a HAR by its log.entries', () => {
    expect(isHar({ log: { version: '1.2', entries: [] } })).toBe(true);
    expect(isHar({ log: {} })).toBe(false);
    expect(isHar({ openapi: '3.0.0' })).toBe(false);
  });

  it('keeps API calls and counts what it leaves out, one item per reason', () => {
    const har = {
      log: {
        version: '1.2',
        pages: [{ title: 'Tasklane board' }],
        entries: [
          entry('https://app.example.com/', {}, { content: { mimeType: 'text/html' } }),
          { ...entry('https://app.example.com/app.js'), _resourceType: 'script' },
          entry('https://app.example.com/logo.png', {}, { content: { mimeType: 'image/png' } }),
          entry('https://app.example.com/fonts/a.woff2', {}, { content: { mimeType: '' } }),
          entry('data:text/plain,hi'),
          entry('wss://app.example.com/socket'),
          entry('https://api.example.com/tasks', {
            method: 'OPTIONS',
            headers: [{ name: 'Access-Control-Request-Method', value: 'POST' }],
          }),
          entry('https://api.example.com/tasks?top=5'),
          entry(
            'https://api.example.com/tasks',
            { method: 'post', postData: { mimeType: 'application/json', text: '{"title":"a"}' } },
            { status: 201 },
          ),
          entry('https://api.example.com/blocked', {}, { status: 0 }),
          'not an entry',
        ],
      },
    };
    const { exchanges, skipped, title } = readHar(har as unknown as JsonObject);
    expect(exchanges.map((e) => `${e.method} ${e.url.pathname}${e.url.search}`)).toEqual([
      'GET /tasks?top=5',
      'POST /tasks',
      'GET /blocked',
    ]);
    expect(exchanges[1]?.body).toEqual({ mimeType: 'application/json', text: '{"title":"a"}' });
    expect(exchanges[1]?.response?.status).toBe(201);
    expect(exchanges[2]?.response).toBeUndefined();
    expect(title).toBe('Tasklane board');
    expect(skipped.map((s) => s.action)).toEqual([
      '2 left out: pages, scripts, styles, images and fonts (by their media type)',
      '1 left out: pages, scripts, styles, images and fonts (`script`)',
      '1 left out: pages, scripts, styles, images and fonts (by their file name)',
      '1 left out: not HTTP (`data:` URLs)',
      '1 left out: not HTTP (`wss:` URLs)',
      '1 left out: CORS preflights (the browser sends them, not the API’s users)',
      '1 left out: not an entry object',
    ]);
  });

  it('decodes base64 answers and lists form fields', () => {
    const har = {
      log: {
        entries: [
          entry(
            'https://api.example.com/login',
            {
              method: 'POST',
              postData: {
                mimeType: 'multipart/form-data; boundary=x',
                params: [
                  { name: 'note', value: 'hi' },
                  { name: 'file', fileName: 'a.txt', value: '' },
                ],
              },
            },
            {
              content: {
                mimeType: 'application/json',
                encoding: 'base64',
                text: Buffer.from('{"id":1}').toString('base64'),
              },
            },
          ),
        ],
      },
    };
    const [call] = readHar(har as unknown as JsonObject).exchanges;
    expect(call?.response?.text).toBe('{"id":1}');
    expect(call?.body?.fields).toEqual([
      { name: 'note', value: 'hi' },
      { name: 'file', value: '', file: true },
    ]);
  });

  it('takes no page title that is only a URL', () => {
    const har = { log: { pages: [{ title: 'https://app.example.com/' }], entries: [] } };
    expect(readHar(har as unknown as JsonObject).title).toBeUndefined();
  });
});
