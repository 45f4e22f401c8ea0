import { describe, expect, it } from 'vitest';
import { isAbsoluteHttpUrl } from './absolute-url.ts';

describe('isAbsoluteHttpUrl', () => {
  it.each(['https://contoso.com', 'http://contoso.com/privacy?lang=en', 'https://contoso.com:8443/a'])(
    'accepts %j',
    (url) => {
      expect(isAbsoluteHttpUrl(url)).toBe(true);
    },
  );
  it.each([
    'www.contoso.com',
    '/privacy',
    'hhttps://contoso.com',
    'mailto:a@contoso.com',
    'https://contoso.com/a b',
    '',
  ])('rejects %j', (url) => {
    expect(isAbsoluteHttpUrl(url)).toBe(false);
  });
});
