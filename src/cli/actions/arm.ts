import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ArmNote } from '../../arm/model.ts';
import { parametersFile } from '../../arm/parameters-file.ts';
import { armTemplate } from '../../arm/template.ts';
import { FlowportError } from '../../errors.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { loadOverlaid } from '../overlay-flag.ts';

export interface ArmFlags {
  /** Per-environment overlays (JSON Merge Patch of apiDefinition / apiProperties), in order. */
  overlay?: string[];
  output?: string;
  parametersFile?: string;
  name?: string;
  location?: string;
  iconUri?: string;
  serviceUrl?: string;
  parameterSet?: string;
  connection?: string | boolean;
  strict: boolean;
  quiet: boolean;
}

const FILE_NAMES: Record<NonNullable<ArmNote['file']>, string> = {
  swagger: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  script: 'script.csx',
  icon: 'icon.png',
};

function httpUrl(flag: string, value: string | undefined, https: boolean): void {
  if (value === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (https ? url.protocol !== 'https:' : !/^https?:$/.test(url.protocol)))
    throw new FlowportError(
      'USAGE',
      `${flag} must be an absolute ${https ? 'https' : 'http(s)'} URL, such as ${https ? 'https://contoso.com/icon.png' : 'https://api.contoso.com/v1'}; got ${JSON.stringify(value)}.`,
    );
}

/** `flowport arm`: writes the template (and a parameters file) and prints what was not carried over. */
export async function runArm(connectorPath: string, flags: ArmFlags, io: Io): Promise<number> {
  httpUrl('--icon-uri', flags.iconUri, true);
  httpUrl('--service-url', flags.serviceUrl, false);
  if (flags.name !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(flags.name))
    throw new FlowportError(
      'USAGE',
      `--name must be 1 to 80 letters, digits, \`-\`, \`_\` or \`.\`, starting with a letter or digit; got ${JSON.stringify(flags.name)}.`,
    );
  const connector = await loadOverlaid(connectorPath, flags.overlay);
  const { template, notes, parameterSet } = armTemplate(connector, {
    ...(flags.name !== undefined && { name: flags.name }),
    ...(flags.location !== undefined && { location: flags.location }),
    ...(flags.iconUri !== undefined && { iconUri: flags.iconUri }),
    ...(flags.serviceUrl !== undefined && { serviceUrl: flags.serviceUrl }),
    ...(flags.parameterSet !== undefined && { parameterSet: flags.parameterSet }),
    ...(flags.connection !== undefined && { connection: flags.connection }),
  });
  // Read (and check) an existing parameters file before writing anything.
  const paramsPath = flags.parametersFile;
  const params =
    paramsPath === undefined
      ? undefined
      : parametersFile(
          template,
          existsSync(paramsPath) ? { path: paramsPath, text: readFileSync(paramsPath, 'utf8') } : undefined,
        );
  const json = `${JSON.stringify(template, null, 2)}\n`;
  if (flags.output) writeFileSync(flags.output, json);
  else io.stdout.write(json);
  if (paramsPath && params) writeFileSync(paramsPath, `${JSON.stringify(params.file, null, 2)}\n`);

  // With the template on standard output, everything else goes to standard error.
  const out = flags.output ? io.stdout : io.stderr;
  if (!flags.quiet) {
    const secure = Object.entries(template.parameters)
      .filter(([, p]) => p.type === 'securestring')
      .map(([name]) => name);
    const lines: string[] = [];
    if (flags.output)
      lines.push(
        `Wrote ${flags.output}: Microsoft.Web/customApis${template.resources.length > 1 ? ' and Microsoft.Web/connections' : ''}, ${Object.keys(template.parameters).length} parameters${secure.length ? ` (secure: ${secure.join(', ')})` : ''}${parameterSet ? `, sign-in ${parameterSet}` : ''}.`,
      );
    if (paramsPath && params)
      lines.push(
        `${params.created ? 'Wrote' : 'Updated'} ${paramsPath}: ${params.added.length} parameter${params.added.length === 1 ? '' : 's'} added${params.toFill.length ? `; fill in ${params.toFill.join(', ')}` : ''}.`,
      );
    for (const n of notes) {
      const where = n.file ? `${FILE_NAMES[n.file]}${n.pointer ? `#${n.pointer}` : ''}` : '';
      lines.push(`${n.severity.padEnd(7)} ${n.message}${where ? ` (${where})` : ''}`);
    }
    if (flags.output)
      lines.push(
        `Deploy: az deployment group create --resource-group <group> --template-file ${flags.output}${paramsPath ? ` --parameters @${paramsPath}` : ''}`,
      );
    if (lines.length) out.write(`${lines.join('\n')}\n`);
  }
  const lost = notes.filter((n) => n.severity === 'warning').length;
  if (flags.strict && lost > 0) {
    io.stderr.write(
      `flowport: ${lost} part${lost === 1 ? '' : 's'} of the connector ${lost === 1 ? 'is' : 'are'} not carried over (the warnings above); --strict fails on them.\n`,
    );
    return EXIT.findings;
  }
  return EXIT.ok;
}
