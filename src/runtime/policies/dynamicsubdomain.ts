import { defineTemplate } from './define.ts';
import { applyHostUrl, readHostUrl } from './host-url.ts';

/**
 * `dynamicsubdomain` (undocumented; AlisQI) — behaves as `dynamichosturl` (§14 item 10).
 *
 * @example
 * // "https://@connectionParameters('subdomain').alisqi.com/api/" → https://acme.alisqi.com/api
 */
export default defineTemplate({
  id: 'dynamicsubdomain',
  title: 'Set subdomain',
  documented: false,
  sections: ['request'],
  read: readHostUrl,
  request: applyHostUrl,
});
