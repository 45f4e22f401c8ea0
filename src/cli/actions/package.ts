import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConnector } from '../../connector/load.ts';
import type { Connector, ConnectorFileKind } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import { certificationPackageOf } from '../../package/read.ts';
import { buildDeployer } from '../../package-build/deployer-build.ts';
import { type NamedBytes, provisionalDeployer, submissionZip } from '../../package-build/submission.ts';
import { severityRank } from '../../validate/diagnostic.ts';
import type { ValidationResult } from '../../validate/engine.ts';
import { formatJson } from '../../validate/reporters/json.ts';
import { formatText, formatTotals, type SourceTexts } from '../../validate/reporters/text.ts';
import type { Severity } from '../../validate/rule.ts';
import { validateConnector } from '../../validate/validate.ts';
import { validatePackage } from '../../validate/validate-package.ts';
import { VERSION } from '../../version.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';

export interface PackageFlags {
  output: string;
  connector?: string;
  intro?: string;
  pdpkg?: string;
  solution?: string[];
  name?: string;
  force: boolean;
  failOn: Severity | 'never';
  format: 'text' | 'json';
  color?: boolean;
}

function readInput(flag: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new FlowportError(
      'USAGE',
      `${flag} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`}.`,
    );
  }
}

/** A Package Deployer project name: letters and digits from the connector's title (`ContosoTasks`). */
export function packageNameOf(title: string | undefined): string {
  const words =
    (title ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name.slice(0, 64) : `Connector${name}`.slice(0, 64);
}

function textsOf(connector: Connector): SourceTexts {
  const texts: SourceTexts = {};
  for (const [kind, file] of Object.entries(connector.files))
    if (file?.text !== undefined) texts[kind as ConnectorFileKind] = file.text;
  return texts;
}

/**
 * `flowport package`: checks the connector folder (certification preset) and the solutions, builds
 * the Package Deployer zip when given solutions, wraps it with intro.md, checks the result as
 * Partner Center's validator does, and writes it only when nothing reaches `--fail-on`.
 */
export async function runPackage(flags: PackageFlags, io: Io): Promise<number> {
  const solutions = flags.solution ?? [];
  if ((flags.pdpkg === undefined) === (solutions.length === 0))
    throw new FlowportError(
      'USAGE',
      flags.pdpkg
        ? 'Give either --pdpkg (a Package Deployer zip built already) or --solution (the solution zips to build one from), not both.'
        : 'Give the Package Deployer zip with --pdpkg <file.pdpkg.zip>, or the connector and flow solution zips with --solution <zip> (once each) to build it.',
    );
  if (!flags.output.toLowerCase().endsWith('.zip'))
    throw new FlowportError('USAGE', `-o ${flags.output}: the submission is a zip; name it <something>.zip.`);
  if (existsSync(flags.output) && !flags.force)
    throw new FlowportError('OUTPUT_EXISTS', `${flags.output} exists; pass --force to replace it.`);
  if (flags.name !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(flags.name))
    throw new FlowportError(
      'USAGE',
      `--name must be a letter then letters, digits or \`_\` (at most 64); got ${JSON.stringify(flags.name)}.`,
    );

  const connector = flags.connector === undefined ? undefined : await loadConnector(flags.connector);
  const introPath = flags.intro ?? connector?.files.intro?.path;
  if (introPath === undefined)
    throw new FlowportError(
      'USAGE',
      connector
        ? `${flags.connector} has no intro.md; write one (see \`flowport rules package-intro-sections\`) or give it with --intro <file>.`
        : 'The submission needs intro.md: give it with --intro <file>, or the connector folder that holds it with --connector <folder>.',
    );
  const intro = readInput('--intro', introPath);
  const color = flags.color ?? (io.stdout.isTTY === true && !process.env.NO_COLOR);
  const results: ValidationResult[] = [];
  const texts = new Map<ValidationResult, SourceTexts | undefined>();
  if (connector) {
    const result = validateConnector(connector, { preset: 'certification' });
    results.push(result);
    texts.set(result, textsOf(connector));
  }
  const name = flags.name ?? packageNameOf(connector?.definition.info.title);
  const threshold = flags.failOn === 'never' ? -1 : severityRank(flags.failOn);
  const failing = (rs: readonly ValidationResult[]) =>
    rs.some((r) => r.diagnostics.some((d) => severityRank(d.severity) <= threshold));
  const check = (deployer: NamedBytes): ValidationResult => {
    const pkg = certificationPackageOf(flags.output, submissionZip(intro, deployer));
    if (!pkg) throw new Error('flowport package made a zip its own reader does not take for a package');
    return validatePackage(pkg, connector ? { source: connector } : {});
  };

  let deployer: NamedBytes;
  let written: Uint8Array | undefined;
  if (flags.pdpkg) {
    deployer = { name: basename(flags.pdpkg), bytes: readInput('--pdpkg', flags.pdpkg) };
  } else {
    // The solutions are checked in a stand-in package first: a build takes minutes, a check does not.
    const inputs = solutions.map((s) => ({ name: basename(s), bytes: readInput('--solution', s) }));
    const early = check(provisionalDeployer(name, inputs));
    if (failing([...results, early])) return report([...results, early], texts, flags, io, color, 'early');
    deployer = buildDeployer({
      name,
      solutions,
      onStep: (line) => {
        if (flags.format === 'text') io.stderr.write(`running: ${line}\n`);
      },
    });
  }
  const result = check(deployer);
  results.push(result);
  if (!failing(results)) {
    written = submissionZip(intro, deployer);
    writeFileSync(flags.output, written);
  }
  return report(
    results,
    texts,
    flags,
    io,
    color,
    written && { deployer: deployer.name, size: written.length },
  );
}

function report(
  results: readonly ValidationResult[],
  texts: ReadonlyMap<ValidationResult, SourceTexts | undefined>,
  flags: PackageFlags,
  io: Io,
  color: boolean,
  written: { deployer: string; size: number } | 'early' | undefined,
): number {
  if (flags.format === 'json') io.stdout.write(`${formatJson(results, VERSION)}\n`);
  else {
    const parts = results
      .filter((r) => r.diagnostics.length > 0)
      .map((r) => formatText(r, texts.get(r), { color }));
    parts.push('', formatTotals(results, color));
    io.stdout.write(`${parts.join('\n').replace(/^\n+/, '')}\n`);
  }
  if (written === 'early')
    io.stderr.write(
      `flowport: the solutions were checked in a stand-in package before building (${flags.output} would hold them as shown): fix the findings above; nothing was built or written.\n`,
    );
  else if (written)
    io.stderr.write(
      `Wrote ${flags.output} (${(written.size / 1024).toFixed(0)} kB): intro.md and ${written.deployer}. Upload it to Azure Blob storage and give its SAS URL in Partner Center (docs/packages.md).\n`,
    );
  else
    io.stderr.write(
      `flowport: ${flags.output} not written: fix the findings above${flags.failOn === 'error' ? '' : ` (at or above ${flags.failOn})`}, then run again.\n`,
    );
  return written && written !== 'early' ? EXIT.ok : EXIT.findings;
}
