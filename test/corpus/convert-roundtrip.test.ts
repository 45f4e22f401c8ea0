import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSwaggers, roundTripConnector, summariseRoundTrips } from './convert-roundtrip.ts';

const corpus = resolve(process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const all = existsSync(corpus) ? corpusSwaggers(corpus) : [];
/** 40 connectors, fixed: spread evenly over each folder of the sorted corpus (20 + 15 + 5). */
const PER_FOLDER: Readonly<Record<string, number>> = {
  'certified-connectors': 20,
  'independent-publisher-connectors': 15,
  'custom-connectors': 5,
};
const sample = Object.entries(PER_FOLDER).flatMap(([folder, n]) => {
  const mine = all.filter((name) => name.startsWith(`${folder}/`));
  return Array.from({ length: Math.min(n, mine.length) }, (_, i) => mine[Math.floor((i * mine.length) / n)]!);
});

describe.skipIf(all.length === 0)(`round trip of corpus connectors through flowport init (${corpus})`, () => {
  it('gives back every operation, parameter, response code, definition and x-ms extension, or reports why not', {
    timeout: 120_000,
  }, () => {
    const trips = sample.map((name) => roundTripConnector(corpus, name));
    console.log(`Round trip of ${trips.length} connectors:\n${summariseRoundTrips(trips)}`);
    // The sample reaches all three folders of the corpus.
    expect(new Set(sample.map((n) => n.split('/')[0])).size).toBe(3);
    for (const t of trips) {
      // A corpus file that is not JSON is refused with the place of the error, never half-converted.
      if (t.error) {
        expect(t.error, t.connector).toMatch(/CONVERT_INPUT_INVALID|neither JSON nor YAML/);
        continue;
      }
      expect(t.operations, t.connector).toBeGreaterThan(0);
      const unreported = t.differences.filter((d) => !d.reportedAs);
      expect(unreported, t.connector).toEqual([]);
      // No operation is lost.
      expect(
        t.differences.filter((d) => d.kind === 'operation'),
        t.connector,
      ).toEqual([]);
    }
    const converted = trips.filter((t) => !t.error);
    expect(converted.length).toBeGreaterThanOrEqual(sample.length - 2);
    // Most connectors come back identical in every compared respect.
    expect(converted.filter((t) => t.differences.length === 0).length / converted.length).toBeGreaterThan(
      0.6,
    );
  });
});

describe.skipIf(all.length > 0)('round trip of corpus connectors', () => {
  it(`is skipped: ${corpus} is absent (set FLOWPORT_CORPUS)`, () => {});
});
