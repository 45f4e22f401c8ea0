import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import { createOriginCheck, createTargetParser, describeTarget } from './target.ts';

describe('createTargetParser', () => {
  const cases: [string, string, string, string][] = [
    ['a plain URL', 'https://api.example.com/v1/items', 'https://api.example.com', '/v1/items'],
    ['a URL without a path', 'https://api.example.com', 'https://api.example.com', '/'],
    ['a query without a path', 'https://api.example.com?a=1', 'https://api.example.com', '/?a=1'],
    ['a fragment', 'https://api.example.com/a#frag', 'https://api.example.com', '/a'],
    ['an upper-case host and default port', 'HTTPS://API.Example.com:443/a', 'https://api.example.com', '/a'],
    ['an explicit port', 'http://127.0.0.1:8080/a?b=%2F', 'http://127.0.0.1:8080', '/a?b=%2F'],
    [
      'encoded dot segments kept as built',
      'https://h.example/a/%2e%2e/b',
      'https://h.example',
      '/a/%2e%2e/b',
    ],
    ['literal dot segments kept as built', 'https://h.example/a/../b', 'https://h.example', '/a/../b'],
  ];
  it.each(cases)('splits %s', (_name, url, origin, path) => {
    expect(createTargetParser()(url)).toEqual({ origin, path });
  });

  it('remembers the last origin without mixing up different ones', () => {
    const parse = createTargetParser();
    expect(parse('https://a.example/1').origin).toBe('https://a.example');
    expect(parse('https://b.example/2').origin).toBe('https://b.example');
    expect(parse('https://b.example/3')).toEqual({ origin: 'https://b.example', path: '/3' });
  });

  it('does not take a longer host or a port after the remembered host for the same origin', () => {
    const parse = createTargetParser();
    parse('https://b.example/1');
    expect(parse('https://b.example.evil.test/2').origin).toBe('https://b.example.evil.test');
    parse('https://b.example/1');
    expect(parse('https://b.example:8443/2').origin).toBe('https://b.example:8443');
    parse('https://b.example/1');
    expect(parse('https://b.example?q=1#f')).toEqual({ origin: 'https://b.example', path: '/?q=1' });
    expect(parse('https://b.example')).toEqual({ origin: 'https://b.example', path: '/' });
  });

  const refused: [string, string, string][] = [
    ['a relative URL', '/v1/items', 'UPSTREAM_HOST_REFUSED'],
    ['a file URL', 'file:///etc/passwd', 'UPSTREAM_HOST_REFUSED'],
    ['an ftp URL', 'ftp://example.com/x', 'UPSTREAM_HOST_REFUSED'],
    ['a URL with credentials', 'https://user:secret@example.com/x', 'REQUEST_UNSAFE'],
  ];
  it.each(refused)('refuses %s', (_name, url, code) => {
    const error = (() => {
      try {
        createTargetParser()(url);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FlowportError);
    expect((error as FlowportError).code).toBe(code);
    expect((error as FlowportError).message).not.toContain('secret');
  });
});

describe('createOriginCheck', () => {
  it('matches normalised origins only', () => {
    const check = createOriginCheck(['https://API.example.com:443/ignored/path', 'http://127.0.0.1:3000']);
    expect(check('https://api.example.com')).toBe(true);
    expect(check('http://127.0.0.1:3000')).toBe(true);
    expect(check('http://api.example.com')).toBe(false);
    expect(check('https://api.example.com.evil.test')).toBe(false);
  });

  it('rejects an entry that is not a URL', () => {
    expect(() => createOriginCheck(['api.example.com'])).toThrow(/`allowedOrigins` entry/);
  });
});

describe('describeTarget', () => {
  it('names method, host and path but never the query', () => {
    expect(describeTarget('GET', { origin: 'https://api.example.com', path: '/v1/items?code=secret' })).toBe(
      'GET api.example.com/v1/items',
    );
  });
});
