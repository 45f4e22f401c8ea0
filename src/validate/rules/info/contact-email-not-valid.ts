import { ownObject, ownString } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

/** RFC 5322 `atext` before the `@`, a dotted domain after it; ASCII only (the validator rejects non-ASCII addresses). */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export default defineRule({
  id: 'contact-email-not-valid',
  microsoftId: 'ContactEmailNotValid',
  description: '`info.contact.email` must be a valid email address.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Write a plain address such as `support@contoso.com` (no `mailto:`, name or spaces).',
  visit: {
    connector(c, ctx) {
      const email = ownString(ownObject(c.definition.info.raw, 'contact'), 'email');
      if (email === undefined || email === '' || EMAIL.test(email)) return;
      ctx.report({
        message: `The contact email \`${email}\` must be a valid email address.`,
        at: '/info/contact/email',
      });
    },
  },
});
