import fc from 'fast-check';
import type { RawFile } from '../../src/connector/files.ts';
import type { JsonValue } from '../../src/connector/json.ts';
import { applyMutation, type Mutation, mutation, type Sentinels, serialize } from './mutations.ts';
import type { Seed } from './seeds.ts';

const encoder = new TextEncoder();

export type File = 'swagger' | 'apiProperties';
export const file = fc.constantFrom<File>('swagger', 'swagger', 'swagger', 'apiProperties');
export const indent = fc.constantFrom(0, 2);

/** The seed's two documents after structural mutations, as text. */
export function mutate(
  seed: Seed,
  mutations: readonly [File, Mutation][],
  spaces: number,
): Record<File, string | undefined> {
  const sentinels: Sentinels = { deep: [], duplicates: [] };
  const docs: Record<File, JsonValue | undefined> = {
    swagger: structuredClone(seed.swagger),
    apiProperties: structuredClone(seed.apiProperties),
  };
  for (const [f, m] of mutations) docs[f] = applyMutation(docs[f] ?? {}, m, sentinels);
  const text = (v: JsonValue | undefined) => (v === undefined ? undefined : serialize(v, spaces, sentinels));
  return { swagger: text(docs.swagger), apiProperties: text(docs.apiProperties) };
}

export function filesOf(seed: Seed, texts: Record<File, string | Uint8Array | undefined>): RawFile[] {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v);
  const files: RawFile[] = [];
  if (texts.swagger !== undefined)
    files.push({ name: 'apiDefinition.swagger.json', bytes: bytes(texts.swagger) });
  if (texts.apiProperties !== undefined)
    files.push({ name: 'apiProperties.json', bytes: bytes(texts.apiProperties) });
  if (seed.script !== undefined) files.push({ name: 'script.csx', bytes: encoder.encode(seed.script) });
  return files;
}

/** A seed's files after one to four structural mutations (the seed and mutations kept for messages). */
export function structuralCases(seeds: readonly Seed[]) {
  return fc
    .tuple(
      fc.nat({ max: seeds.length - 1 }),
      fc.array(fc.tuple(file, mutation), { minLength: 1, maxLength: 4 }),
      indent,
    )
    .map(([i, mutations, spaces]) => {
      const seed = seeds[i] as Seed;
      return { seed, mutations, files: filesOf(seed, mutate(seed, mutations, spaces)) };
    });
}
