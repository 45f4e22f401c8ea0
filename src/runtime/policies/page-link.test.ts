import { describe, expect, it } from 'vitest';
import { decodePageLink, encodePageLink } from './page-link.ts';

describe('page links', () => {
  it('round-trips a backend link through the runtime URL', () => {
    const link = 'https://graph.microsoft.com/v1.0/planner/plans/p/tasks?$skiptoken=a+b%2Fc&x=ü';
    const url = encodePageLink('http://localhost:7071/connectors/planner/', 'ListTasks_V3', link);
    expect(url.startsWith('http://localhost:7071/connectors/planner/__page?op=ListTasks_V3&link=')).toBe(
      true,
    );
    expect(decodePageLink(url)).toEqual({ operationId: 'ListTasks_V3', link });
  });

  it('works with the default runtime base', () => {
    const url = encodePageLink('flowport://runtime', 'List Items', 'https://a.test/p?x=1');
    expect(decodePageLink(url)).toEqual({ operationId: 'List Items', link: 'https://a.test/p?x=1' });
  });

  for (const [name, url] of [
    ['an ordinary URL', 'https://a.test/items?op=x&link=aHR0cHM6Ly9h'],
    ['a page URL without a link', 'flowport://runtime/__page?op=x'],
    [
      'a page URL without an operation',
      `flowport://runtime/__page?link=${Buffer.from('https://a').toString('base64url')}`,
    ],
    ['a link that is not base64url', 'flowport://runtime/__page?op=x&link=***'],
    [
      'a link that is not an http URL',
      `flowport://runtime/__page?op=x&link=${Buffer.from('file:///etc/passwd').toString('base64url')}`,
    ],
    ['text that is not a URL', 'not a url'],
  ] as const) {
    it(`decodes ${name} as undefined`, () => {
      expect(decodePageLink(url)).toBeUndefined();
    });
  }
});
