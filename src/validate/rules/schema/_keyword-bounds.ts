import { own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { schemaLabel } from '../../helpers/schema-label.ts';
import { ALL, defineRule, type Rule } from '../../rule.ts';

/** A rule that reports a negative `keyword` (`maxItems`, `minLength`, …). */
export function nonNegativeRule(id: string, microsoftId: string, keyword: string): Rule {
  return defineRule({
    id,
    microsoftId,
    description: `The \`${keyword}\` value must be greater than or equal to zero.`,
    category: 'schema',
    source: 'microsoft-validator',
    severity: 'error',
    presets: ALL,
    fix: `Set \`${keyword}\` to zero or more, or remove it.`,
    visit: {
      schemaKeys: [keyword],
      schema(node, ctx) {
        const value = own(node.raw, keyword);
        if (typeof value !== 'number' || value >= 0) return;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has \`${keyword}: ${value}\`; the value must be greater than or equal to zero.`,
          at: join(node.pointer, keyword),
        });
      },
    },
  });
}

/** A rule that reports a lower bound (`minimum`, `minItems`, …) above its upper bound. */
export function minMaxRule(id: string, microsoftId: string, min: string, max: string): Rule {
  return defineRule({
    id,
    microsoftId,
    description: `The \`${min}\` value must be less than or equal to the \`${max}\` value.`,
    category: 'schema',
    source: 'microsoft-validator',
    severity: 'error',
    presets: ALL,
    fix: `Swap or correct the bounds so that \`${min}\` ≤ \`${max}\`.`,
    visit: {
      schemaKeys: [min, max],
      schema(node, ctx) {
        const low = own(node.raw, min);
        const high = own(node.raw, max);
        if (typeof low !== 'number' || typeof high !== 'number' || low <= high) return;
        ctx.report({
          message: `${schemaLabel(node, ctx.connector)} has \`${min}: ${low}\` above \`${max}: ${high}\`; \`${min}\` should be less than or equal to \`${max}\`.`,
          at: join(node.pointer, min),
        });
      },
    },
  });
}
