import { defineTemplate } from './define.ts';
import { applyHostUrl, readHostUrl } from './host-url.ts';

/**
 * `dynamichosturl` — replaces the backend base URL (`scheme://host[:port]/basePath`) with the evaluated
 * `urlTemplate`; the operation path is appended as usual.
 *
 * @example
 * // "https://@header('test').abc.xyz:@header('port')" with headers test=foo, port=1234 → https://foo.abc.xyz:1234
 */
export default defineTemplate({
  id: 'dynamichosturl',
  title: 'Set host URL',
  documented: true,
  sections: ['request'],
  read: readHostUrl,
  request: applyHostUrl,
});
