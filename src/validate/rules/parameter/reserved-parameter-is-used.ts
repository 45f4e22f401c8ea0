import { join } from '../../../connector/pointer.ts';
import { parameterLabel } from '../../helpers/parameter-label.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * Parameter names the Power Platform reserves, compared case-insensitively, with the locations where
 * they are reserved (all when `in` is absent). Microsoft does not publish its list; `connectionId` is
 * the only name known to be reserved (the platform routes every call by it).
 */
export const RESERVED_PARAMETERS: readonly { readonly name: string; readonly in?: readonly string[] }[] = [
  { name: 'connectionId' },
];

const reserved = new Map(RESERVED_PARAMETERS.map((r) => [r.name.toLowerCase(), r]));

export default defineRule({
  id: 'reserved-parameter-is-used',
  microsoftId: 'ReservedParameterIsUsed',
  description: 'A parameter must not use a name the Power Platform reserves (in any letter case).',
  category: 'parameter',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Rename the parameter; reserved names are filled in by the platform.',
  visit: {
    parameter(p, ctx) {
      const entry = reserved.get(p.name.toLowerCase());
      if (!entry || (entry.in && !entry.in.includes(p.in))) return;
      // The exact name `connectionId` is reported by connection-id-parameter-not-allowed.
      if (p.name === 'connectionId') return;
      ctx.report({
        message: `${parameterLabel(p, ctx.connector)} uses the reserved name \`${entry.name}\`; it is reserved and cannot be used in \`${p.in || 'any location'}\`.`,
        at: join(p.pointer, 'name'),
      });
    },
  },
});
