import { entries } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { PROPERTIES_KEYS } from '../../helpers/api-properties-vocabulary.ts';
import { ALL, defineRule } from '../../rule.ts';

const BY_LOWER = new Map(PROPERTIES_KEYS.map((k) => [k.toLowerCase(), k]));
/** Wrong-case spellings of these are reported by their own `*-required` rules. */
const OWN_RULE = new Set(['iconbrandcolor', 'publisher', 'stackowner']);
const ROOT_KEYS = new Set(['properties', '$schema']);

export default defineRule({
  id: 'api-properties-unknown-key',
  description: '`apiProperties.json` should only use keys the platform knows.',
  category: 'api-properties',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Remove the key or correct its spelling; keys are case-sensitive.',
  visit: {
    connector(c, ctx) {
      const { raw, properties } = c.properties;
      for (const [key] of entries(raw)) {
        if (ROOT_KEYS.has(key)) continue;
        ctx.report({
          message: `\`${key}\` at the top of \`apiProperties.json\` is not a known key; settings belong inside \`properties\`.`,
          at: { file: 'apiProperties', pointer: join('', key) },
        });
      }
      for (const [key] of entries(properties)) {
        if (BY_LOWER.get(key.toLowerCase()) === key) continue;
        const meant = BY_LOWER.get(key.toLowerCase());
        if (meant && OWN_RULE.has(key.toLowerCase())) continue;
        ctx.report({
          message: meant
            ? `\`properties.${key}\` is not a known key; did you mean \`${meant}\`?`
            : `\`properties.${key}\` is not a known key and is ignored by the platform.`,
          at: { file: 'apiProperties', pointer: join('/properties', key) },
        });
      }
    },
  },
});
