/**
 * Bundling fed junk: a handful of files that refer to each other at random — cycles, missing files
 * and places, fragments into arrays, odd percent-encoding, refs in every position. Bundling ends,
 * and either gives a document without refs to other files or refuses with a FlowportError.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/connector/json.ts';
import { bundleFiles, hasExternalRefs } from '../../src/convert/bundle.ts';
import { isFlowportError } from '../../src/errors.ts';

const SEED = Number(process.env.FLOWPORT_FUZZ_SEED ?? 20_261_129);
const dir = mkdtempSync(join(tmpdir(), 'flowport-bundle-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = ['a.yaml', 'b.json', 'sub/c.yaml', 'missing.yaml', 'd%20e.yaml', '50%.yaml'];
const ref = fc
  .tuple(
    fc.constantFrom(...FILES, '', '../a.yaml', './sub/../a.yaml'),
    fc.constantFrom('', '#/components/schemas/X', '#/definitions/Y', '#/0', '#/a~1b', '#/nope', '#'),
  )
  .map(([file, fragment]) => ({ $ref: `${file}${fragment}` || '#' }));
const place = fc.constantFrom(
  'schema',
  'items',
  'parameters',
  'responses',
  'requestBody',
  'example',
  'x-any',
  'properties',
);
const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    ref,
    fc.dictionary(place, tie('value'), { maxKeys: 3 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.string({ maxLength: 4 }),
  ),
})).value;
const file = fc.record({
  components: fc.record({ schemas: fc.record({ X: node }) }),
  definitions: fc.record({ Y: node }),
  paths: fc.dictionary(fc.constantFrom('/a', '/b/{id}'), node, { maxKeys: 2 }),
});

describe('bundling fed junk', () => {
  it('ends with a document without refs to files, or a FlowportError', () => {
    let bundled = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(file, { minLength: FILES.length, maxLength: FILES.length }),
        file,
        (files, root) => {
          const d = mkdtempSync(join(dir, 'case-'));
          mkdirSync(join(d, 'sub'));
          FILES.forEach((name, i) => {
            if (name !== 'missing.yaml') writeFileSync(join(d, name), JSON.stringify(files[i]));
          });
          writeFileSync(join(d, 'root.json'), JSON.stringify({ openapi: '3.0.0', ...root }));
          try {
            const out = bundleFiles({ openapi: '3.0.0', ...(root as JsonObject) }, join(d, 'root.json'));
            expect(hasExternalRefs(out)).toBe(false);
            bundled++;
          } catch (error) {
            if (!isFlowportError(error)) throw error;
            refused++;
          }
        },
      ),
      { numRuns: 300, seed: SEED },
    );
    console.log(`bundle fuzz: ${JSON.stringify({ bundled, refused })}`);
    expect(bundled).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
