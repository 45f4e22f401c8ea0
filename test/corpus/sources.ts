/** Where the corpus tests find the connectors: `$FLOWPORT_CORPUS`, else `../shared/corpus` beside the checkout. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverConnectors } from '../../src/connector/discover.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const CORPUS_ROOT = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const CATEGORIES = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];

/** The corpus's connector folders, every category; empty when the corpus is not there. */
export function corpusConnectors(): string[] {
  if (!existsSync(CORPUS_ROOT)) return [];
  return CATEGORIES.flatMap((k) =>
    existsSync(join(CORPUS_ROOT, k)) ? discoverConnectors(join(CORPUS_ROOT, k)) : [],
  );
}
