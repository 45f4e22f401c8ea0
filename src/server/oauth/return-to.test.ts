import { describe, expect, it } from 'vitest';
import { allowedReturnTo, withOutcome } from './return-to.ts';

const PUBLIC = 'https://flowport.example.com';

describe('allowedReturnTo', () => {
  it.each([
    [
      'a page of this server',
      'https://flowport.example.com/console/connections',
      'https://flowport.example.com/console/connections',
    ],
    ['a path, resolved against the public URL', '/console?x=1', 'https://flowport.example.com/console?x=1'],
    ['the CLI loopback page', 'http://127.0.0.1:53123/done', 'http://127.0.0.1:53123/done'],
    ['localhost', 'http://localhost:8080/', 'http://localhost:8080/'],
    ['IPv6 loopback', 'http://[::1]:9000/cb', 'http://[::1]:9000/cb'],
  ])('allows %s', (_, input, expected) => {
    expect(allowedReturnTo(input, PUBLIC)).toBe(expected);
  });

  it.each([
    ['another host', 'https://evil.example/'],
    ['a look-alike host', 'https://flowport.example.com.evil.example/'],
    ['the same host over another scheme', 'http://flowport.example.com/'],
    ['a scheme-relative URL', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['credentials before a loopback host', 'http://127.0.0.1@evil.example/'],
    ['credentials in a loopback URL', 'http://user:pw@127.0.0.1/'],
    ['javascript', 'javascript:alert(1)'],
    ['an empty string', ''],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_, input) => {
    expect(allowedReturnTo(input, PUBLIC)).toBeUndefined();
  });
});

describe('withOutcome', () => {
  it('adds the outcome to the query and keeps what was there', () => {
    expect(withOutcome('http://127.0.0.1:5000/done?x=1', { status: 'connected', connection: 'c1' })).toBe(
      'http://127.0.0.1:5000/done?x=1&status=connected&connection=c1',
    );
  });
});
