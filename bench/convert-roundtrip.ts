/**
 * Round trip over the corpus: every connector's `apiDefinition.swagger.json` in `../shared/corpus` (or
 * `$FLOWPORT_CORPUS`) converted by `convert()` and compared with itself (test/corpus/convert-roundtrip.ts).
 * Prints the differences by kind, reported in the loss report or not. Options: --json <file>.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  corpusSwaggers,
  type RoundTrip,
  roundTripConnector,
  summariseRoundTrips,
} from '../test/corpus/convert-roundtrip.ts';

const argv = process.argv.slice(2);
const jsonOut = argv[argv.indexOf('--json') + 1];
const root = new URL('..', import.meta.url).pathname;
const corpus = resolve(root, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const names = corpusSwaggers(corpus);
if (names.length === 0) {
  console.error(`No connectors at ${corpus}; set FLOWPORT_CORPUS.`);
  process.exit(2);
}
const started = performance.now();
const trips: RoundTrip[] = names.map((name) => roundTripConnector(corpus, name));
if (argv.includes('--json') && jsonOut) writeFileSync(jsonOut, `${JSON.stringify(trips, null, 1)}\n`);
console.log(`Round trip of ${corpus} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
console.log(summariseRoundTrips(trips, 4));
