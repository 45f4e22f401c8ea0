import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { toUpstreamFailure } from './upstream-error.ts';

const timeouts = { connectTimeoutMs: 1000, headersTimeoutMs: 2000, bodyTimeoutMs: 3000 };
const target = 'GET api.example.com/items';

function nodeError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
}

describe('toUpstreamFailure', () => {
  const cases: [string, unknown, string, boolean, boolean, RegExp][] = [
    [
      'a connect timeout',
      new errors.ConnectTimeoutError(),
      'UPSTREAM_TIMEOUT',
      false,
      true,
      /connecting after 1000 ms; raise `connectTimeoutMs`/,
    ],
    [
      'a headers timeout',
      new errors.HeadersTimeoutError(),
      'UPSTREAM_TIMEOUT',
      true,
      true,
      /response headers after 2000 ms; raise `headersTimeoutMs`/,
    ],
    [
      'a body timeout',
      new errors.BodyTimeoutError(),
      'UPSTREAM_TIMEOUT',
      true,
      true,
      /response body after 3000 ms; raise `bodyTimeoutMs`/,
    ],
    [
      'a refused connection',
      nodeError('ECONNREFUSED'),
      'UPSTREAM_UNREACHABLE',
      false,
      true,
      /could not connect \(ECONNREFUSED\)/,
    ],
    [
      'an unknown host',
      nodeError('ENOTFOUND'),
      'UPSTREAM_UNREACHABLE',
      false,
      true,
      /could not connect \(ENOTFOUND\)/,
    ],
    [
      'a reset',
      nodeError('ECONNRESET'),
      'UPSTREAM_UNREACHABLE',
      true,
      true,
      /lost its connection .*\(ECONNRESET\)/,
    ],
    [
      'a socket error',
      new errors.SocketError('other side closed'),
      'UPSTREAM_UNREACHABLE',
      true,
      true,
      /UND_ERR_SOCKET/,
    ],
    [
      'a dual-stack refusal',
      new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], 'connect failed'),
      'UPSTREAM_UNREACHABLE',
      false,
      true,
      /ECONNREFUSED/,
    ],
    [
      'a wrapped reset',
      new TypeError('fetch failed', { cause: nodeError('ECONNRESET') }),
      'UPSTREAM_UNREACHABLE',
      true,
      true,
      /ECONNRESET/,
    ],
    [
      'a parser error',
      Object.assign(new Error('Response does not match the HTTP/1.1 protocol'), {
        code: 'HPE_INVALID_CONSTANT',
      }),
      'UPSTREAM_INVALID_RESPONSE',
      true,
      false,
      /malformed HTTP response \(HPE_INVALID_CONSTANT\)/,
    ],
    [
      'an invalid header',
      new errors.InvalidArgumentError('invalid connection header'),
      'REQUEST_UNSAFE',
      false,
      false,
      /not valid HTTP: invalid connection header;/,
    ],
    ['something unknown', new Error('boom'), 'UPSTREAM_UNREACHABLE', true, false, /failed: boom\./],
  ];
  it.each(cases)('maps %s', (_name, error, code, sent, transient, message) => {
    const failure = toUpstreamFailure(error, target, timeouts);
    expect(failure.error.code).toBe(code);
    expect(failure.error.message).toMatch(message);
    expect(failure.error.message).toContain(`\`${target}\``);
    expect(failure.error.message.endsWith('.')).toBe(true);
    expect(failure.error.cause).toBe(error);
    expect(failure.sent).toBe(sent);
    expect(failure.transient).toBe(transient);
  });

  it('passes a flowport error through and retries only its timeouts', () => {
    const tooLarge = new FlowportError('UPSTREAM_RESPONSE_TOO_LARGE', 'Too large.');
    expect(toUpstreamFailure(tooLarge, target, timeouts)).toEqual({
      error: tooLarge,
      sent: true,
      transient: false,
    });
    const slow = new FlowportError('UPSTREAM_TIMEOUT', 'Slow.');
    expect(toUpstreamFailure(slow, target, timeouts).transient).toBe(true);
  });
});
