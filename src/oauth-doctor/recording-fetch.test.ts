import { describe, expect, it } from 'vitest';
import { recordingFetch } from './recording-fetch.ts';

describe('recordingFetch', () => {
  it('keeps the last answer and hands the response on unread', async () => {
    const answers = [new Response('{"a":1}', { status: 200 }), new Response('not json', { status: 502 })];
    const recorder = recordingFetch((async () => answers.shift() as Response) as typeof fetch);
    expect(recorder.last()).toBeUndefined();
    const first = await recorder.fetch('http://127.0.0.1/x');
    expect(await first.json()).toEqual({ a: 1 });
    expect(recorder.last()).toEqual({ status: 200, json: { a: 1 } });
    await recorder.fetch('http://127.0.0.1/y');
    expect(recorder.last()).toEqual({ status: 502, json: undefined });
  });
});
