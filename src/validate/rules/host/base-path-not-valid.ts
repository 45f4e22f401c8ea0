import { own } from '../../../connector/json.ts';
import { ALL, defineRule } from '../../rule.ts';
import { ENVIRONMENT_VARIABLE } from './host-name-not-valid.ts';

export default defineRule({
  id: 'base-path-not-valid',
  microsoftId: 'BasePathNotValid',
  description: '`basePath` must start with `/`.',
  category: 'host',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Start `basePath` with a slash (`/v1`); use `/` when the API has no path prefix.',
  visit: {
    connector(c, ctx) {
      const basePath = own(c.definition.raw, 'basePath');
      if (
        typeof basePath !== 'string' ||
        basePath.startsWith('/') ||
        ENVIRONMENT_VARIABLE.test(basePath.trim())
      )
        return;
      ctx.report({
        message: `The \`basePath\` \`${basePath}\` must start with a \`/\` character.`,
        at: '/basePath',
        ...(/^https?:\/\//i.test(basePath) && {
          fix: 'Put the host name in `host` and only the path in `basePath`.',
        }),
      });
    },
  },
});
