import { zipSync } from 'fflate';

/** A file going into a zip: its name there and its bytes. */
export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The zip submitted to Partner Center: `intro.md` and the Package Deployer zip side by side, and
 * nothing else (ConnectorPackageValidator's level 1). The Markdown file is always named `intro.md`,
 * the name the certification docs ask for, whatever it was called on disk.
 *
 * @example
 * writeFileSync('submission.zip', submissionZip(intro, { name: 'Contoso.pdpkg.zip', bytes }));
 */
export function submissionZip(intro: Uint8Array, deployer: NamedBytes): Uint8Array {
  return zipSync({ 'intro.md': intro, [deployer.name]: [deployer.bytes, { level: 0 }] });
}

/**
 * A stand-in Package Deployer zip with the solutions under `PkgAssets/`, as `pac package` lays them
 * out: enough for the package rules to check the solutions before the real one is built.
 */
export function provisionalDeployer(name: string, solutions: readonly NamedBytes[]): NamedBytes {
  const assets: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const s of solutions) assets[s.name] = [s.bytes, { level: 0 }];
  return { name: `${name}.pdpkg.zip`, bytes: zipSync({ PkgAssets: assets }) };
}
