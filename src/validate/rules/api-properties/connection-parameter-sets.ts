import { isObject, own, ownCaseless, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { describeType } from '../../helpers/describe-type.ts';
import { ALL, defineRule } from '../../rule.ts';

const BASE = '/properties/connectionParameterSets';

function hasText(obj: unknown, key: string): boolean {
  const v = ownCaseless(obj, key);
  return typeof v === 'string' && v.trim() !== '';
}

export default defineRule({
  id: 'connection-parameter-sets',
  description:
    '`connectionParameterSets` needs `uiDefinition` and a `values` array of named sets with `parameters`.',
  category: 'api-properties',
  source: 'certification',
  severity: 'error',
  presets: ALL,
  fix: 'Shape it as `{ "uiDefinition": { "displayName", "description" }, "values": [ { "name", "uiDefinition": { "displayName", "description" }, "parameters": { … } } ] }`.',
  visit: {
    connector(c, ctx) {
      const sets = own(c.properties.properties, 'connectionParameterSets');
      if (sets === undefined) return;
      const report = (message: string, pointer: string) =>
        ctx.report({ message, at: { file: 'apiProperties', pointer } });
      if (!isObject(sets)) {
        report(`\`connectionParameterSets\` is ${describeType(sets)}; it must be an object.`, BASE);
        return;
      }
      const ui = ownObject(sets, 'uiDefinition');
      const missingUi = ['displayName', 'description'].filter((k) => !hasText(ui, k));
      if (missingUi.length > 0) {
        report(
          `\`connectionParameterSets\` has no ${missingUi.map((k) => `\`uiDefinition.${k}\``).join(' or ')} for the authentication-type picker.`,
          ui ? join(BASE, 'uiDefinition') : BASE,
        );
      }
      const values = own(sets, 'values');
      if (!Array.isArray(values) || values.length === 0) {
        report(
          '`connectionParameterSets.values` must be a non-empty array of parameter sets.',
          values === undefined ? BASE : join(BASE, 'values'),
        );
        return;
      }
      checkSets(values, report);
    },
  },
});

function checkSets(values: unknown[], report: (message: string, pointer: string) => void) {
  const names = new Set<string>();
  values.forEach((set, i) => {
    const pointer = join(BASE, 'values', i);
    if (!isObject(set)) {
      report(`Parameter set ${i} is ${describeType(set)}; it must be an object.`, pointer);
      return;
    }
    const name = own(set, 'name');
    const label = typeof name === 'string' && name.trim() !== '' ? `\`${name}\`` : `${i}`;
    if (typeof name !== 'string' || name.trim() === '')
      report(`Parameter set ${i} has no \`name\`.`, pointer);
    else if (names.has(name)) report(`Parameter set name \`${name}\` is used twice.`, join(pointer, 'name'));
    else names.add(name);
    if (!hasText(ownObject(set, 'uiDefinition'), 'displayName'))
      report(`Parameter set ${label} has no \`uiDefinition.displayName\`.`, pointer);
    const params = own(set, 'parameters');
    if (!isObject(params))
      report(
        params === undefined
          ? `Parameter set ${label} has no \`parameters\` object.`
          : `\`parameters\` of parameter set ${label} is ${describeType(params)}; it must be an object.`,
        params === undefined ? pointer : join(pointer, 'parameters'),
      );
  });
}
