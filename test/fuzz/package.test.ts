/**
 * Certification packages as users make them by hand: zips of zips with files missing, renamed,
 * truncated or replaced by junk, folders added or wrapped around, at every level. Whatever comes in,
 * `flowport validate` reads it as a package or a connector and reports findings; it never throws and
 * no rule fails (an `internal-error` finding).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificationPackageOf } from '../../src/package/read.ts';
import { solutionTree, submissionTree, type Tree, zipOf } from '../../src/package/testing.ts';
import { validatePackage } from '../../src/validate/validate-package.ts';

const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_261_129);

/** A package taken apart into its levels, so that each can be changed before it is zipped again. */
interface Parts {
  root: Tree;
  deployer: Tree;
  assets: Tree;
  solutions: Tree[];
}

const base = (plugin: boolean): Parts => {
  const { 'ContosoTasks.pdpkg.zip': _, ...root } = submissionTree();
  return {
    root,
    deployer: { 'ContosoTasks.dll': new Uint8Array([0x4d, 0x5a]) },
    assets: { 'ImportConfig.xml': '<configdatastorage />' },
    solutions: [solutionTree('connector'), solutionTree('flow'), ...(plugin ? [solutionTree('plugin')] : [])],
  };
};

// Names that collide with Object.prototype's members (`__proto__` itself cannot be written: fflate's
// zipSync, which builds these zips, reads its input as an object), Windows separators, a climb out.
const NAMES = [
  'constructor',
  'toString',
  'INTRO.MD',
  'a\\b.zip',
  '../escape.md',
  'Connector',
  'Workflows',
  'customizations.xml',
  'x.zip',
  'émoji-😀.md',
  '',
];

type Op =
  | { kind: 'delete'; at: number }
  | { kind: 'rename'; at: number; name: number }
  | { kind: 'junk'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'add'; name: number; folder: boolean }
  | { kind: 'wrap'; name: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.nat() }),
  fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('add' as const), name: fc.nat(), folder: fc.boolean() }),
  fc.record({ kind: fc.constant('wrap' as const), name: fc.nat() }),
);

/** `tree` after `o`; paths in it are picked by index, modulo what is there. */
function apply(tree: Tree, o: Op): Tree {
  const keys = Object.keys(tree);
  const key = keys.length ? keys[('at' in o ? o.at : 0) % keys.length] : undefined;
  const name = NAMES[('name' in o ? o.name : 0) % NAMES.length] as string;
  const out: Record<string, Tree[string]> = { ...tree };
  switch (o.kind) {
    case 'delete':
      if (key !== undefined) delete out[key];
      return out;
    case 'rename':
      if (key === undefined || name === '') return out;
      out[name] = out[key] as Tree[string];
      delete out[key];
      return out;
    case 'junk':
      if (key !== undefined) out[key] = o.bytes;
      return out;
    case 'truncate': {
      const value = key === undefined ? undefined : out[key];
      if (key !== undefined && (typeof value === 'string' || value instanceof Uint8Array))
        out[key] = value.slice(0, o.keep);
      return out;
    }
    case 'add':
      if (name !== '') out[name] = o.folder ? { 'inside.txt': 'x' } : 'text';
      return out;
    case 'wrap':
      return name === '' ? out : { [name]: tree };
  }
}

function assemble(parts: Parts, names: { deployer: string; assets: string }): Uint8Array {
  const assets: Record<string, Tree[string]> = { ...parts.assets };
  parts.solutions.forEach((s, i) => {
    assets[`Solution${i}.zip`] = zipOf(s);
  });
  return zipOf({ ...parts.root, [names.deployer]: zipOf({ ...parts.deployer, [names.assets]: assets }) });
}

describe('certification packages made by hand', () => {
  it('never throw and never make a rule fail, whatever is missing, renamed or broken', () => {
    let packages = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 }), op), { maxLength: 6 }),
        fc.constantFrom('ContosoTasks.pdpkg.zip', 'other.zip', 'Package.ZIP'),
        fc.constantFrom('PkgAssets', 'pkgassets', 'Assets'),
        (plugin, ops, deployer, assetsName) => {
          const parts = base(plugin);
          for (const [level, which, o] of ops) {
            if (level === 0) parts.root = apply(parts.root, o);
            else if (level === 1) parts.deployer = apply(parts.deployer, o);
            else if (level === 2) parts.assets = apply(parts.assets, o);
            else {
              const i = which % parts.solutions.length;
              parts.solutions[i] = apply(parts.solutions[i] as Tree, o);
            }
          }
          const pkg = certificationPackageOf('fuzz.zip', assemble(parts, { deployer, assets: assetsName }));
          if (!pkg) return; // a wrap or rename can make it a zip of something else: the connector loader's
          packages++;
          const result = validatePackage(pkg);
          expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
          for (const d of result.diagnostics) expect(d.message).toMatch(/\.\)?$/);
        },
      ),
      { numRuns: 400, seed: SEED },
    );
    // Most cases stay packages: the property is about them.
    expect(packages).toBeGreaterThan(300);
  }, 120_000);
});
