import { allConnectionParameters, hasApiProperties } from '../../helpers/connection-parameters.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'security-api-key-parameter-missing',
  description:
    'An `apiKey` security definition needs a connection parameter for the key: `api_key`, one named like the definition, or a `securestring`.',
  category: 'security',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Add `"api_key": {"type": "securestring", "uiDefinition": {…}}` to `connectionParameters`; the platform sends its value in the header or query the definition names.',
  visit: {
    securityDefinition(def, ctx) {
      if (def.type !== 'apiKey' || !hasApiProperties(ctx.connector)) return;
      const params = allConnectionParameters(ctx.connector);
      const found = params.some(
        (p) => p.name === 'api_key' || p.name === def.name || p.type?.toLowerCase() === 'securestring',
      );
      if (found) return;
      ctx.report({
        message: `Security definition \`${def.name}\` is an \`apiKey\` but no connection parameter (\`api_key\`, \`${def.name}\` or a \`securestring\`) holds the key; users will not be asked for it.`,
        at: def.pointer,
      });
    },
  },
});
