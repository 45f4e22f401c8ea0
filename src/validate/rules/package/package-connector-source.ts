import { isObject, type JsonValue, ownString } from '../../../connector/json.ts';
import { firstDifference } from '../../../connector/json-difference.ts';
import { connectorSolution, type Solution } from '../../../package/model.ts';
import { ALL, defineRule } from '../../rule.ts';

/** A JSON file of the solution, parsed; undefined when absent, `null` when not JSON. */
function jsonOf(solution: Solution, path: string | undefined): JsonValue | undefined | null {
  if (path === undefined) return undefined;
  const bytes = solution.file(path);
  if (!bytes) return undefined;
  try {
    return JSON.parse(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    ) as JsonValue;
  } catch {
    return null;
  }
}

/** A JSON value in a message: short, or its kind. */
function shown(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length <= 60
    ? `\`${text}\``
    : Array.isArray(value)
      ? 'an array'
      : isObject(value)
        ? 'an object'
        : `\`${text.slice(0, 57)}…\``;
}

const names = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');

export default defineRule({
  id: 'package-connector-source',
  description:
    'The connector in the connector solution is the connector folder it was built from: the same OpenAPI definition, connection parameters, policy templates and brand colour (checked by `flowport package --connector`).',
  category: 'package',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: "Deploy the folder's version to the environment (`paconn update`, `pac connector update`), export the solutions again, and build the package again; or bring the folder up to date with what was deployed.",
  visit: {
    certificationPackage(pkg, ctx) {
      const source = ctx.source;
      const solution = connectorSolution(pkg);
      const parts = solution?.content?.connectorParts;
      if (!source || !solution || !parts) return;
      const folder = (kind: 'swagger' | 'apiProperties', name: string) =>
        `\`${source.files[kind]?.path ?? `${source.source}/${name}`}\``;
      const at = (file: string) => `\`${solution.path}/${file}\``;

      const definition = jsonOf(solution, parts.definitionFile);
      if (definition === null)
        ctx.report({
          message: `The connector's OpenAPI definition ${at(parts.definitionFile ?? '')} is not JSON.`,
        });
      else if (definition !== undefined && source.definition.raw) {
        const d = firstDifference(definition, source.definition.raw);
        if (d)
          ctx.report({
            message: `The connector's OpenAPI definition ${at(parts.definitionFile ?? '')} differs from ${folder('swagger', 'apiDefinition.swagger.json')}: at \`${d.pointer || '/'}\` the package has ${shown(d.left)}, the folder ${shown(d.right)}.`,
          });
      }

      const packaged = jsonOf(solution, parts.connectionParametersFile);
      if (isObject(packaged) && source.properties.parameterSets.length === 0) {
        const inFolder = new Map(
          source.properties.connectionParameters.map((p) => [p.name, (p.type ?? '').toLowerCase()]),
        );
        const inPackage = new Map(
          Object.entries(packaged).map(([name, p]) => [name, (ownString(p, 'type') ?? '').toLowerCase()]),
        );
        const missing = [...inFolder.keys()].filter((n) => !inPackage.has(n));
        const extra = [...inPackage.keys()].filter((n) => !inFolder.has(n));
        const retyped = [...inFolder]
          .filter(([n, t]) => inPackage.has(n) && inPackage.get(n) !== t)
          .map(([n]) => n);
        const differences = [
          ...(missing.length ? [`lacks ${names(missing)}`] : []),
          ...(extra.length ? [`has ${names(extra)}, which the folder does not`] : []),
          ...(retyped.length ? [`types ${names(retyped)} otherwise`] : []),
        ];
        if (differences.length)
          ctx.report({
            message: `The connector's connection parameters ${at(parts.connectionParametersFile ?? '')} differ from those of ${folder('apiProperties', 'apiProperties.json')}: the package ${differences.join('; ')}.`,
          });
      }

      const policies = jsonOf(solution, parts.policyTemplatesFile);
      const templateIds = (list: readonly string[]) => list.map((t) => t.toLowerCase()).sort();
      const packagedIds = Array.isArray(policies)
        ? templateIds(policies.map((p) => ownString(p, 'templateId') ?? ''))
        : policies === undefined
          ? []
          : undefined;
      const folderIds = templateIds(source.properties.policies.map((p) => p.templateId));
      if (packagedIds && packagedIds.join() !== folderIds.join())
        ctx.report({
          message: `The connector's policy templates ${parts.policyTemplatesFile ? at(parts.policyTemplatesFile) : '(none in the package)'} differ from those of ${folder('apiProperties', 'apiProperties.json')}: the package has ${packagedIds.length ? names(packagedIds) : 'none'}, the folder ${folderIds.length ? names(folderIds) : 'none'}.`,
        });

      const color = source.properties.iconBrandColor;
      if (parts.iconBrandColor && color && parts.iconBrandColor.toLowerCase() !== color.toLowerCase())
        ctx.report({
          message: `The connector's brand colour in \`${solution.path}\` is \`${parts.iconBrandColor}\`; ${folder('apiProperties', 'apiProperties.json')} has \`${color}\`.`,
        });
    },
  },
});
