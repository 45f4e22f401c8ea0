import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-title-required',
  microsoftId: 'RequiredPropertyMissing',
  description: '`info.title`, the connector’s display name, is required and must not be empty.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `info.title`: the connector’s name as users see it, at most 30 characters (for example `Contoso Tasks`).',
  visit: {
    connector(c, ctx) {
      const { raw, title } = c.definition.info;
      if (!raw || swaggerUnreliable(c)) return;
      if (own(raw, 'title') === undefined)
        ctx.report({ message: 'The `title` property is required.', at: '/info' });
      else if (title !== undefined && title.trim() === '')
        ctx.report({ message: 'The `title` property must not be empty.', at: '/info/title' });
    },
  },
});
