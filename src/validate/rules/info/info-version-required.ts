import { own } from '../../../connector/json.ts';
import { swaggerUnreliable } from '../../helpers/swagger-root.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'info-version-required',
  microsoftId: 'RequiredPropertyMissing',
  description: '`info.version` is required by Swagger 2.0.',
  category: 'info',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add `"version": "1.0"` to `info` (a string; raise it when you publish changes).',
  visit: {
    connector(c, ctx) {
      const raw = c.definition.info.raw;
      if (!raw || swaggerUnreliable(c)) return;
      if (own(raw, 'version') === undefined)
        ctx.report({ message: 'The `version` property is required.', at: '/info' });
    },
  },
});
