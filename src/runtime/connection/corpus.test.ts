import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConnectorSync } from '../../connector/load.ts';
import type { Connector } from '../../connector/model.ts';
import { isFlowportError } from '../../errors.ts';
import type { Connection } from '../types.ts';
import { resolveAuth } from './auth.ts';
import { checkConnection } from './check.ts';
import { oauthEndpointsOf } from './oauth-settings.ts';
import { connectionParametersOf, isSettingParameter } from './parameters.ts';
import { placeholderConnection } from './placeholder.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = resolve(root, process.env.FLOWPORT_CORPUS ?? '../shared/corpus');
const FOLDERS = ['certified-connectors', 'independent-publisher-connectors', 'custom-connectors'];
const present = existsSync(join(corpus, FOLDERS[0]!));

/** Errors a connector's own definition may legitimately cause; anything else is a bug. */
const EXPECTED = new Set(['AUTH_UNSUPPORTED']);

/** A value every check accepts: the first allowed value, the default, or a typed placeholder. */
function dummyConnection(connector: Connector, parameterSet: string | undefined): Connection {
  return placeholderConnection(connector, {
    values: {},
    ...(parameterSet !== undefined && { parameterSet }),
  });
}

function connectorsIn(folder: string): string[] {
  const dir = join(corpus, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(dir, d.name));
}

describe.skipIf(!present)('connections across the corpus', () => {
  it('checks, resolves and applies auth for every connector and parameter set', {
    timeout: 120_000,
  }, async () => {
    const kinds = new Map<string, number>();
    const expected = new Map<string, string[]>();
    const unexpected: string[] = [];
    const providers = new Map<string, number>();
    let connections = 0;
    let warned = 0;
    for (const path of FOLDERS.flatMap(connectorsIn)) {
      const connector = loadConnectorSync(path);
      if (connector.definition.raw === undefined) continue;
      const sets = connector.properties.parameterSets.map((s) => s.name);
      for (const set of sets.length > 0 ? sets : [undefined]) {
        const label = `${path.slice(corpus.length + 1)}${set === undefined ? '' : ` [${set}]`}`;
        connections++;
        try {
          const connection = checkConnection(connector, dummyConnection(connector, set));
          const auth = resolveAuth(connector, connection);
          kinds.set(auth.kind, (kinds.get(auth.kind) ?? 0) + 1);
          if (auth.warnings.length > 0) warned++;
          const operation = connector.operations[0];
          if (operation) {
            const request = {
              method: 'GET',
              baseUrl: 'https://example.com',
              path: '/',
              query: new URLSearchParams(),
              headers: new Headers(),
              body: { kind: 'none' as const },
            };
            await auth.apply(request, operation);
          }
          if (auth.kind === 'oauth2' && connectionParametersOf(connector, set).some(isSettingParameter)) {
            const settings = oauthEndpointsOf(connector, connection, { redirectUrl: 'http://localhost/cb' });
            providers.set(settings.provider, (providers.get(settings.provider) ?? 0) + 1);
          }
        } catch (error) {
          if (isFlowportError(error) && EXPECTED.has(error.code))
            expected.set(error.code, [...(expected.get(error.code) ?? []), `${label}: ${error.message}`]);
          else
            unexpected.push(
              `${label}: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`,
            );
        }
      }
    }
    console.info(
      `connections: ${connections} (${warned} with auth warnings); auth kinds: ${JSON.stringify(Object.fromEntries(kinds))}; OAuth providers: ${JSON.stringify(Object.fromEntries(providers))}; expected refusals: ${[...expected].map(([code, list]) => `${code} ${list.length}`).join(', ')}`,
    );
    for (const list of expected.values()) for (const line of list) console.info(`  ${line}`);
    expect(unexpected).toEqual([]);
    for (const kind of ['none', 'api-key', 'basic', 'oauth2'])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
  });
});
