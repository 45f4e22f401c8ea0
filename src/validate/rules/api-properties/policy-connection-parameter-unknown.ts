import { entries, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { policyLabel } from '../../helpers/policy-templates.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * `@connectionParameters('name')` without a default (`@connectionParameters('name', 'default')`
 * expects the value may be absent). Function names are matched without case, as the runtime does.
 */
const READ = /@connectionParameters\(\s*'([^']*)'\s*(,)?/gi;

export default defineRule({
  id: 'policy-connection-parameter-unknown',
  description:
    "A policy's `@connectionParameters('name')` must name a connection parameter the connector defines.",
  category: 'api-properties',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Use the name of a parameter in `connectionParameters` (or a parameter set), or define the parameter.',
  visit: {
    policy(policy, ctx) {
      const params = ownObject(policy.raw, 'parameters');
      if (!params) return;
      const { connectionParameters, parameterSets } = ctx.connector.properties;
      const names = new Set<string>();
      for (const p of connectionParameters) names.add(p.name.toLowerCase());
      for (const set of parameterSets) for (const p of set.parameters) names.add(p.name.toLowerCase());
      for (const [key, value] of entries(params)) {
        if (typeof value !== 'string' || !value.includes('@')) continue;
        for (const match of value.matchAll(READ)) {
          const name = match[1] as string;
          if (match[2] !== undefined) continue;
          // Names are resolved without case (Tulip's `factoryURL` reads `factoryUrl`); `token:TenantId`
          // is a value of the OAuth parameter `token`.
          const own = name.toLowerCase().split(':')[0] as string;
          if (names.has(own)) continue;
          const defined = [...connectionParameters, ...parameterSets.flatMap((s) => s.parameters)].map(
            (p) => `\`${p.name}\``,
          );
          ctx.report({
            message: `${policyLabel(policy)} reads connection parameter \`${name}\`, which the connector does not define, so it reads an empty value on every connection (${defined.length > 0 ? `defined: ${[...new Set(defined)].join(', ')}` : 'the connector defines none'}).`,
            at: { file: 'apiProperties', pointer: join(policy.pointer, 'parameters', key) },
          });
        }
      }
    },
  },
});
