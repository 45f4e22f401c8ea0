import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../src/connector/load.ts';
import type { OperationKind } from '../../src/connector/model.ts';
import { PRESETS } from '../../src/validate/rule.ts';
import { validateConnector } from '../../src/validate/validate.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const root = resolve(repo, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const CATEGORIES = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];
const JSON_RULES = new Set(['json-syntax', 'json-strict', 'json-duplicate-key']);

interface Finding {
  readonly ruleId: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly message: string;
}

/** What the sweep keeps of one connector (not the connector itself: 709 of them would not fit). */
interface Swept {
  readonly name: string;
  readonly swaggerName: string | undefined;
  readonly operations: Readonly<Record<OperationKind, number>>;
  readonly customCode: number;
  /** `json-*` findings of the `recommended` preset. */
  readonly json: readonly Finding[];
  /** JSON files of the connector that `JSON.parse` rejects. */
  readonly rejected: readonly string[];
  /** Exceptions and `internal-error` findings, as `preset: message`. */
  readonly failures: readonly string[];
}

function sweepOne(category: string, folder: string): Swept {
  const name = `${category}/${folder}`;
  const failures: string[] = [];
  const operations = { action: 0, 'polling-trigger': 0, 'webhook-trigger': 0, 'callback-action': 0 };
  let connector: ReturnType<typeof loadConnectorSync>;
  try {
    connector = loadConnectorSync(join(root, category, folder));
  } catch (error) {
    return {
      name,
      swaggerName: undefined,
      operations,
      customCode: 0,
      json: [],
      rejected: [],
      failures: [`load: ${error}`],
    };
  }
  for (const op of connector.operations) operations[op.kind]++;
  let json: Finding[] = [];
  for (const preset of PRESETS) {
    try {
      const { diagnostics } = validateConnector(connector, { preset });
      for (const d of diagnostics)
        if (d.ruleId === 'internal-error') failures.push(`${preset}: ${d.message}`);
      if (preset === 'recommended')
        json = diagnostics
          .filter((d) => JSON_RULES.has(d.ruleId))
          .map((d) => ({ ruleId: d.ruleId, file: d.fileKind, line: d.line, message: d.message }));
    } catch (error) {
      failures.push(`${preset}: threw ${error}`);
    }
  }
  const rejected = Object.entries(connector.documents).flatMap(([kind, doc]) => {
    try {
      JSON.parse(doc.text);
      return [];
    } catch {
      return [kind];
    }
  });
  return {
    name,
    swaggerName: connector.files.swagger?.name,
    operations,
    customCode: connector.operations.filter((op) => op.customCode).length,
    json,
    rejected,
    failures,
  };
}

/** Files `JSON.parse` rejects (census §2, those in the 709-connector subset): what flowport must say. */
const REJECTED: [connector: string, file: string, rule: string, line: number][] = [
  ['certified-connectors/AvePoint Cloud Governance', 'swagger', 'json-strict', 1],
  ['certified-connectors/InEight', 'swagger', 'json-strict', 1],
  ['certified-connectors/Microsoft Bookings', 'swagger', 'json-strict', 1],
  ['certified-connectors/SignNow', 'swagger', 'json-strict', 1],
  ['certified-connectors/Cireson Service Manager Portal', 'swagger', 'json-strict', 54],
  ['certified-connectors/Plumsail Documents', 'swagger', 'json-strict', 1300],
  ['certified-connectors/Revizto (Ireland)', 'swagger', 'json-strict', 981],
  ['certified-connectors/envoy', 'swagger', 'json-strict', 2198],
  ['certified-connectors/Easyvista_Service._Manager', 'swagger', 'json-strict', 3819],
  ['certified-connectors/Shopranos', 'apiProperties', 'json-syntax', 22],
  ['certified-connectors/SigningHub', 'apiProperties', 'json-syntax', 24],
  ['certified-connectors/gofileroom', 'apiProperties', 'json-syntax', 91],
  ['certified-connectors/ZohoSign', 'swagger', 'json-syntax', 14],
  ['independent-publisher-connectors/AccuWeather', 'swagger', 'json-syntax', 9],
  ['independent-publisher-connectors/GIPHY', 'swagger', 'json-syntax', 810],
  ['independent-publisher-connectors/GIPHY', 'swagger', 'json-syntax', 865],
  ['independent-publisher-connectors/StabilityAI', 'swagger', 'json-syntax', 16],
  ['independent-publisher-connectors/XSOAR', 'swagger', 'json-syntax', 10],
];

/** Files `JSON.parse` accepts although they repeat a key (census §2): how many repeats. */
const DUPLICATES: [connector: string, file: string, count: number][] = [
  ['certified-connectors/EleadProductReference', 'swagger', 1],
  ['certified-connectors/Rainbird', 'swagger', 3],
  ['certified-connectors/RecordedFutureV2', 'swagger', 4],
  ['independent-publisher-connectors/De Lijn', 'apiProperties', 1],
];

const available = existsSync(root);
// The tables name connectors of the full repository; a smaller corpus checks those it has.
const present = <T extends [string, ...unknown[]]>(rows: T[]): T[] =>
  rows.filter(([name]) => existsSync(join(root, name)));
if (!available) console.warn(`Corpus sweep skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);

if (!available) it.skip(`corpus sweep: corpus not found at ${root}`, () => {});

describe.skipIf(!available)(`corpus sweep over ${root}`, () => {
  const swept = new Map<string, Swept>();
  let all: Swept[] = [];

  beforeAll(() => {
    const started = performance.now();
    for (const category of CATEGORIES) {
      const dir = join(root, category);
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory()) swept.set(`${category}/${entry.name}`, sweepOne(category, entry.name));
    }
    all = [...swept.values()];
    const ops = (kind: OperationKind) => all.reduce((n, s) => n + s.operations[kind], 0);
    console.log(
      `Corpus sweep: ${all.length} connectors × ${PRESETS.length} presets in ${Math.round(performance.now() - started)} ms; ` +
        `operations: ${ops('action')} actions, ${ops('webhook-trigger')} webhook triggers, ` +
        `${ops('polling-trigger')} polling triggers, ${ops('callback-action')} callback actions; ` +
        `${all.reduce((n, s) => n + s.customCode, 0)} run custom code; ` +
        `${all.reduce((n, s) => n + s.rejected.length, 0)} JSON files rejected by JSON.parse.`,
    );
  }, 600_000);

  it('finds the connector folders', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it('loads and validates every connector with every preset without an exception or internal error', () => {
    const failures = all.flatMap((s) => s.failures.map((f) => `${s.name} — ${f}`));
    if (failures.length > 0) console.error(`Rule failures:\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
  });

  it('reports every file JSON.parse rejects as json-syntax or json-strict, with a line', () => {
    const silent = all.flatMap((s) =>
      s.rejected
        .filter((file) => !s.json.some((f) => f.file === file && f.ruleId !== 'json-duplicate-key' && f.line))
        .map((file) => `${s.name} (${file})`),
    );
    expect(silent).toEqual([]);
  });

  it('reports no syntax error in files JSON.parse accepts', () => {
    const wrong = all.flatMap((s) =>
      s.json
        .filter((f) => f.ruleId === 'json-syntax' && f.file && !s.rejected.includes(f.file))
        .map((f) => `${s.name}: ${f.message}`),
    );
    expect(wrong).toEqual([]);
  });

  it.each(present(REJECTED))('reports %s (%s) as %s at line %i', (name, file, rule, line) => {
    expect(swept.get(name)?.json).toContainEqual(expect.objectContaining({ ruleId: rule, file, line }));
  });

  it('reports a byte order mark as json-strict at line 1, column 1', () => {
    const boms = present(REJECTED).filter(([, , , line]) => line === 1);
    expect(boms.length).toBeGreaterThan(0);
    for (const [name] of boms)
      expect(swept.get(name)?.json).toContainEqual(
        expect.objectContaining({
          ruleId: 'json-strict',
          line: 1,
          message: expect.stringMatching(/byte order mark/),
        }),
      );
  });

  it.each(present(DUPLICATES))('reports the repeated keys of %s (%s), %i of them', (name, file, count) => {
    const found = swept.get(name)?.json.filter((f) => f.ruleId === 'json-duplicate-key' && f.file === file);
    expect(found).toHaveLength(count);
    expect(found?.every((f) => f.line !== undefined)).toBe(true);
  });

  it.each(present([['certified-connectors/MicrosoftGraphSecurity']]))(
    'finds the lower-case apidefinition.swagger.json of %s',
    (name) => {
      const s = swept.get(name);
      expect(s?.swaggerName).toBe('apidefinition.swagger.json');
      expect(s?.operations.action).toBeGreaterThan(0);
    },
  );

  // Lower bounds that hold for the 709-connector subset (11,484 operations, 463 webhook and 64 polling
  // triggers, 16 callback actions) and for the whole repository (census: 16,441; 651; 78; 21).
  it('indexes the operations of the corpus and tells triggers apart', () => {
    const total = (kind: OperationKind) => all.reduce((n, s) => n + s.operations[kind], 0);
    const sum =
      total('action') + total('webhook-trigger') + total('polling-trigger') + total('callback-action');
    expect(sum).toBeGreaterThan(10_000);
    expect(total('webhook-trigger')).toBeGreaterThan(400);
    expect(total('polling-trigger')).toBeGreaterThan(50);
    expect(total('callback-action')).toBeGreaterThanOrEqual(10);
    expect(all.filter((s) => s.operations['webhook-trigger'] > 0).length).toBeGreaterThan(100);
  });
});
