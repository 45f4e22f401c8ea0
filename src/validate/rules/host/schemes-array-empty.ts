import { ownArray } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'schemes-array-empty',
  microsoftId: 'SchemesArrayEmpty',
  description: 'A `schemes` array must list at least one protocol.',
  category: 'host',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Set `"schemes": ["https"]`.',
  visit: {
    connector(c, ctx) {
      const schemes = ownArray(c.definition.raw, 'schemes');
      if (schemes?.length === 0)
        ctx.report({ message: 'The `schemes` array requires at least one value.', at: '/schemes' });
    },
  },
});
