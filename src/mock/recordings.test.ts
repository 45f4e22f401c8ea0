import { describe, expect, it } from 'vitest';
import { keptHeaders, type Recording, replayedAnswer } from './recordings.ts';

const request = { method: 'GET', path: '/jobs/1', query: '' };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('replayedAnswer', () => {
  it('points the API’s URLs at the mock in headers and text bodies, and leaves bytes as recorded', () => {
    const recording: Recording = {
      request,
      response: {
        status: 202,
        contentType: 'text/plain',
        headers: { location: 'https://api.contoso.test/v1/jobs/1/status', 'retry-after': '2' },
        text: 'see https://api.contoso.test/v1/jobs/1/status and https://api.contoso.test/other',
      },
    };
    const answer = replayedAnswer(recording, 'https://api.contoso.test/v1', 'http://127.0.0.1:4010/v1');
    expect(answer.status).toBe(202);
    expect(answer.headers).toEqual({
      location: 'http://127.0.0.1:4010/v1/jobs/1/status',
      'retry-after': '2',
      'content-type': 'text/plain',
    });
    // Only URLs below the API's base are the mock's; the rest of the API's origin is not.
    expect(text(answer.bytes)).toBe(
      'see http://127.0.0.1:4010/v1/jobs/1/status and https://api.contoso.test/other',
    );
    const bytes: Recording = {
      request,
      response: {
        status: 200,
        contentType: 'image/png',
        base64: Buffer.from('https://api.contoso.test/v1').toString('base64'),
      },
    };
    expect(text(replayedAnswer(bytes, 'https://api.contoso.test/v1', 'http://m/v1').bytes)).toBe(
      'https://api.contoso.test/v1',
    );
  });

  it('replays a file written before the API was named (no `api`) as it is, and never a header a file should not hold', () => {
    const recording: Recording = {
      request,
      response: {
        status: 200,
        contentType: 'application/json',
        headers: { link: '<https://api.contoso.test/v1/jobs?page=2>; rel="next"', 'set-cookie': 'a=b' },
        json: { next: 'https://api.contoso.test/v1/jobs?page=2' },
      },
    };
    const answer = replayedAnswer(recording, undefined, 'http://127.0.0.1:4010/v1');
    expect(answer.headers).toEqual({
      link: '<https://api.contoso.test/v1/jobs?page=2>; rel="next"',
      'content-type': 'application/json',
    });
    expect(JSON.parse(text(answer.bytes))).toEqual({ next: 'https://api.contoso.test/v1/jobs?page=2' });
  });
});

describe('keptHeaders', () => {
  it('drops transport, cookie and credential headers and masks the request’s credentials in the rest', () => {
    expect(
      keptHeaders(
        {
          'Content-Type': 'application/json',
          Date: 'Mon, 30 Nov 2026 04:00:00 GMT',
          'X-RateLimit-Remaining': '41',
          'X-Access-Token': 'abcd1234',
          'X-Echo': 'Bearer abcd1234',
          Vary: ['Accept', 'Origin'],
          'set-cookie': ['a=b', 'c=d'],
        },
        ['Bearer abcd1234', 'abcd1234'],
      ),
    ).toEqual({ 'x-ratelimit-remaining': '41', 'x-echo': '***', vary: 'Accept, Origin' });
  });
});
