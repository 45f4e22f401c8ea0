import { entries, ownString } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'response-ref-loop-not-allowed',
  microsoftId: 'ResponseRefLoopNotAllowed',
  description: 'A shared response under `#/responses` must be a response, not a `$ref` to another one.',
  category: 'response',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Reference the target response directly wherever this alias is used, and delete the alias.',
  visit: {
    connector(connector, ctx) {
      for (const [name, response] of entries(connector.definition.sharedResponses)) {
        const ref = ownString(response, '$ref');
        if (ref === undefined) continue;
        ctx.report({
          message: `Shared response \`${name}\` is a \`$ref\` to \`${ref}\`; the response definition may not use a \`$ref\` to point to another definition.`,
          at: join('/responses', name, '$ref'),
        });
      }
    },
  },
});
