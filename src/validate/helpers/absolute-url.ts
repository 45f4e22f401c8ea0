const WHITESPACE = /\s/;

/**
 * Whether a string is an absolute `http` or `https` URL with a host, as the certification review
 * expects for contact, documentation, website and privacy-policy links.
 * @example isAbsoluteHttpUrl('https://contoso.com/privacy') // true
 * @example isAbsoluteHttpUrl('www.contoso.com') // false
 */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (WHITESPACE.test(value)) return false;
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}
