import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../connector/json.ts';
import { loadConnectorSync } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import { isFlowportError } from '../../errors.ts';
import { buildTargetArguments, type LookupCall, readLookup } from './arguments.ts';
import type { CallOperation } from './call.ts';
import {
  DYNAMIC_EXTENSION,
  type DynamicKind,
  type DynamicSite,
  dynamicTargets,
  locateDynamic,
} from './locate.ts';
import { getDynamicSchema } from './schema.ts';
import { testConnection } from './test-connection.ts';
import { treeOpen } from './tree.ts';
import { listDynamicValues } from './values.ts';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const corpus = resolve(root, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const CATEGORIES = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];
const present = existsSync(corpus) && CATEGORIES.some((c) => existsSync(join(corpus, c)));

function connectorFolders(): string[] {
  return CATEGORIES.flatMap((category) => {
    const dir = join(corpus, category);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name));
  });
}

/** Every lookup call a site makes (a tree gives `open` and `browse`). */
function lookupsOf(site: DynamicSite): { kind: DynamicKind; lookup: LookupCall; browse: boolean }[] {
  const out: { kind: DynamicKind; lookup: LookupCall; browse: boolean }[] = [];
  for (const kind of site.kinds) {
    const ext = site.extensions[kind]!;
    if (kind === 'tree') {
      for (const part of ['open', 'browse'] as const) {
        const raw = ext[part];
        if (raw && typeof raw === 'object' && !Array.isArray(raw))
          out.push({
            kind,
            lookup: readLookup(`x-ms-dynamic-tree ${part}`, raw, 'path'),
            browse: part === 'browse',
          });
      }
    } else {
      const form = kind === 'values' || kind === 'schema' ? 'name' : 'path';
      out.push({ kind, lookup: readLookup(DYNAMIC_EXTENSION[kind], ext, form), browse: false });
    }
  }
  return out;
}

/** A backend that answers every call with an empty list, an empty schema or an empty folder. */
const emptyCall =
  (body: 'list' | 'schema'): CallOperation =>
  async () => ({
    status: 200,
    headers: new Headers(),
    body: { kind: 'json', value: body === 'list' ? { value: [] } : ({} as JsonObject) },
  });

describe.skipIf(!present)('dynamic lookups over the corpus', () => {
  it('locates every dynamic target and builds its lookup arguments without an unexpected exception.', async () => {
    const counts: Record<string, number> = {};
    const bump = (key: string) => {
      counts[key] = (counts[key] ?? 0) + 1;
    };
    const unexpected: string[] = [];
    const folders = connectorFolders();
    for (const folder of folders) {
      let connector: Connector;
      try {
        connector = loadConnectorSync(folder);
      } catch {
        bump('connectors unreadable');
        continue;
      }
      bump('connectors');
      const guard = async (what: string, run: () => unknown) => {
        try {
          await run();
          return 'ok';
        } catch (error) {
          if (!isFlowportError(error)) unexpected.push(`${folder}: ${what}: ${String(error)}`);
          return isFlowportError(error) ? error.code : 'unexpected';
        }
      };
      if (connector.definition.raw?.['x-ms-capabilities']) {
        const fake: CallOperation = async () => ({
          status: 200,
          headers: new Headers(),
          body: { kind: 'none' },
        });
        bump(
          `testConnection ${await guard('testConnection', () => testConnection(connector, fake, { fallback: false }))}`,
        );
      }
      for (const operation of connector.operations) {
        const sites = dynamicTargets(connector, operation);
        for (const site of sites) {
          bump('targets');
          for (const kind of site.kinds) bump(`targets with ${kind}`);
          if (locateDynamic(connector, operation, site.target).holder !== site.holder)
            unexpected.push(`${folder}: \`${site.target}\` of \`${operation.label}\` is not found again`);
          for (const { kind, lookup, browse } of lookupsOf(site)) {
            const outcome = await guard(`${operation.label} ${site.target} ${kind}`, () =>
              buildTargetArguments(connector, lookup, {
                source: operation,
                currentArgs: {},
                selectedItem: browse ? {} : undefined,
                where: site.target,
              }),
            );
            bump(`lookups ${outcome}`);
          }
          const label = `${operation.label} ${site.target}`;
          if (site.kinds.includes('list') || site.kinds.includes('values'))
            bump(
              `list values ${await guard(label, () => listDynamicValues(connector, operation, site.target, {}, emptyCall('list')))}`,
            );
          if (site.kinds.includes('schema') || site.kinds.includes('properties'))
            bump(
              `schema ${await guard(label, () => getDynamicSchema(connector, operation, site.target, {}, emptyCall('schema')))}`,
            );
          if (site.kinds.includes('tree') || site.filePicker)
            bump(
              `tree open ${await guard(label, () => treeOpen(connector, operation, site.target, {}, emptyCall('list')))}`,
            );
        }
      }
    }
    console.log(`Dynamic lookups over ${corpus}:\n${JSON.stringify(counts, Object.keys(counts).sort(), 2)}`);
    expect(unexpected).toEqual([]);
    expect(counts.targets ?? 0).toBeGreaterThan(0);
  });
});

describe.skipIf(present)('dynamic lookups over the corpus (skipped)', () => {
  it.skip(`needs the corpus at ${corpus}; set FLOWPORT_CORPUS to run it.`, () => {});
});
