import { connectorFromFiles } from '../connector/load.ts';
import { type CertificationPackage, connectorSolution, type Solution } from '../package/model.ts';
import { type Diagnostic, NO_PLACE } from './diagnostic.ts';
import { type ActiveRule, runRules } from './engine.ts';
import type { PresetName } from './rule.ts';

/**
 * Connector rules that apply to the connector solution's connector as the package carries it: its
 * icon and brand colour, which for a certified connector exist only there (the repository holds
 * no icon). The other connector rules check the connector's folder, which `flowport validate`
 * checks on its own.
 */
export const PACKAGED_CONNECTOR_RULES: ReadonlySet<string> = new Set([
  'icon-format',
  'icon-size',
  'icon-size-recommended',
  'icon-background-opaque',
  'icon-background-color',
  'icon-background-near-white',
  'icon-background-match',
  'brand-color-required',
  'brand-color-forbidden',
  'brand-color-near-white',
  'brand-color-short-hex',
]);

/**
 * The findings of {@link PACKAGED_CONNECTOR_RULES} (those of `rules` that are active) on the
 * connector of the package's connector solution, when it has an icon and a brand colour (without,
 * `package-connector-icon` says so): on the package's zip, each naming the file it is about.
 */
export function packagedConnectorFindings(
  pkg: CertificationPackage,
  rules: readonly ActiveRule[],
  preset: PresetName,
): Diagnostic[] {
  const solution = connectorSolution(pkg);
  const parts = solution?.content?.connectorParts;
  const icon = parts?.iconFile === undefined ? undefined : solution?.file(parts.iconFile);
  if (!solution || !parts?.iconFile || parts.iconBrandColor === undefined || !icon) return [];
  const active = rules.filter((r) => PACKAGED_CONNECTOR_RULES.has(r.rule.id));
  if (active.length === 0) return [];
  const definition = parts.definitionFile === undefined ? undefined : solution.file(parts.definitionFile);
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const connector = connectorFromFiles(
    [
      { name: 'apiDefinition.swagger.json', bytes: definition ?? json({ swagger: '2.0' }) },
      { name: 'apiProperties.json', bytes: json({ properties: { iconBrandColor: parts.iconBrandColor } }) },
      { name: 'icon.png', bytes: icon },
    ],
    { source: `${pkg.source}/${solution.path}`, kind: 'certified' },
  );
  return runRules(connector, active, preset).diagnostics.map((d) => ({
    ...d,
    message: `${where(solution, d.fileKind === 'icon' ? parts.iconFile : undefined)}: ${d.message}`,
    file: pkg.source,
    ...NO_PLACE,
    // The zip is not changed: no edit, no suggestion.
    edit: undefined,
    suggestion: undefined,
  }));
}

function where(solution: Solution, iconFile: string | undefined): string {
  return iconFile
    ? `In \`${solution.path}/${iconFile}\` (the connector's icon)`
    : `In \`${solution.path}/customizations.xml\` (the connector's \`<iconbrandcolor>\`)`;
}
