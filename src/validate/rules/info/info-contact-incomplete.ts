import { isObject, own } from '../../../connector/json.ts';
import { CERTIFICATION, defineRule } from '../../rule.ts';

const FIELDS = ['name', 'url', 'email'] as const;

export default defineRule({
  id: 'info-contact-incomplete',
  description: '`info.contact` should give the support team’s `name`, `url` and `email`.',
  category: 'info',
  source: 'certification',
  severity: 'warning',
  presets: CERTIFICATION,
  fix: 'Fill in `name`, `url` and `email` of `info.contact`; reviewers and users use them to reach the publisher.',
  visit: {
    connector(c, ctx) {
      const contact = own(c.definition.info.raw, 'contact');
      if (!isObject(contact)) return;
      const missing = FIELDS.filter((f) => {
        const v = own(contact, f);
        return v === undefined || (typeof v === 'string' && v.trim() === '');
      });
      if (missing.length === 0) return;
      ctx.report({
        message: `\`info.contact\` has no ${missing
          .map((f) => `\`${f}\``)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}.`,
        at: '/info/contact',
      });
    },
  },
});
