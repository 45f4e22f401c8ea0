import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/connector/json.ts';
import { loadConnectorSync } from '../../src/connector/load.ts';
import type { Exchange } from '../../src/convert/exchange.ts';
import { createLosses } from '../../src/convert/loss.ts';
import { convertRecorded } from '../../src/convert/recorded.ts';
import { CORPUS_ROOT, corpusConnectors } from './sources.ts';

const root = CORPUS_ROOT;
const sources = corpusConnectors();
if (sources.length === 0) {
  console.warn(`Recorded round trip skipped: corpus not found at ${root} (set FLOWPORT_CORPUS).`);
  it.skip(`Recorded round trip: corpus not found at ${root}`, () => {});
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** `GET /api/Items/{itemId}/` → `GET /api/items/{}`. */
const key = (method: string, path: string) =>
  `${method.toUpperCase()} ${
    path
      .replace(/\{[^}]*\}/g, '{}')
      .replace(/\/+$/, '')
      .toLowerCase() || '/'
  }`;

/** An id of the kind a path parameter takes; `n` makes each call's different. */
function idFor(type: string | undefined, format: string | undefined, n: number): string {
  if (type === 'integer' || type === 'number') return String(1000 + n);
  if (format === 'uuid') return `3f2504e0-4f89-11d3-9a0c-${String(n).padStart(12, '0')}`;
  return `a${n}b${n + 7}c9xk2m`.slice(0, 12).padEnd(10, 'q');
}

describe.skipIf(sources.length === 0)('recorded calls give back the operations behind them (corpus)', () => {
  it('recovers at least 96% of ~11,000 operations by method and path template', () => {
    let operations = 0;
    let recovered = 0;
    let n = 0;
    for (const source of sources) {
      const connector = loadConnectorSync(source);
      const host = connector.definition.host ?? 'api.contoso.com';
      const base = (connector.definition.basePath ?? '').replace(/\/$/, '');
      const exchanges: Exchange[] = [];
      const wanted = new Set<string>();
      for (const op of connector.operations) {
        if (!METHODS.has(op.method) || op.kind === 'webhook-trigger') continue;
        wanted.add(key(op.method, base + op.path));
        for (let call = 0; call < 2; call++) {
          n++;
          const path = op.path.replace(/\{([^}]*)\}/g, (_m, name: string) => {
            const p = op.parameters.find((x) => x.in === 'path' && x.name === name);
            return encodeURIComponent(idFor(p?.type, p?.format, n));
          });
          const url = URL.parse(`https://${host}${base}${path}`);
          if (url)
            exchanges.push({
              pointer: `/log/entries/${n}`,
              method: op.method.toUpperCase(),
              url,
              headers: [],
              response: { status: 200, headers: [], mimeType: 'application/json', text: '{}' },
            });
        }
      }
      if (exchanges.length === 0) continue;
      const { swagger } = convertRecorded({ exchanges, skipped: [] }, createLosses());
      const got = new Set(
        Object.entries(swagger.paths as Record<string, JsonObject>).flatMap(([path, item]) =>
          Object.keys(item).map((m) => key(m, `${String(swagger.basePath).replace(/\/$/, '')}${path}`)),
        ),
      );
      operations += wanted.size;
      for (const w of wanted) if (got.has(w)) recovered++;
    }
    const share = recovered / operations;
    console.log(
      `Recorded round trip: ${recovered} of ${operations} operations of ${sources.length} connectors recovered (${(100 * share).toFixed(1)}%).`,
    );
    expect(operations).toBeGreaterThan(10_000);
    expect(share).toBeGreaterThanOrEqual(0.96);
  });
});
