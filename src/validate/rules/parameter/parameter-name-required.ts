import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'parameter-name-required',
  microsoftId: 'RequiredPropertyMissing',
  description: 'Every parameter must have a non-empty `name`.',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Add the `name` the API expects (the query key, header name, path variable or form field).',
  visit: {
    parameter(p, ctx) {
      const name = own(p.raw, 'name');
      if (typeof name === 'string' && name.trim() !== '') return;
      ctx.report({
        message:
          name === undefined
            ? `The parameter at \`${p.pointer}\` has no \`name\`; the \`name\` property is required.`
            : `The parameter at \`${p.pointer}\` has an empty or non-string \`name\`.`,
        at: name === undefined ? p.pointer : join(p.pointer, 'name'),
      });
    },
  },
});
