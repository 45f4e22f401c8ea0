import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../src/runtime/types.ts';
import {
  type ConvertSweepRow,
  type PostmanRoute,
  prismPostmanPath,
  summariseConversion,
  sweepConversion,
} from './convert-prism.ts';

const apis = resolve(process.env.FLOWPORT_APIS ?? '../shared/apis');

/**
 * A fixed sample chosen for what it exercises (not for how it scores): OpenAPI 3.0 and 3.1, Swagger
 * 2.0, a Postman collection, a relative server, server variables (`dynamichosturl`), multipart and
 * octet-stream bodies, API-key and bearer security.
 */
const SAMPLE = [
  // OpenAPI 3.0: query arrays, a JSON body, path parameters, a server with a base path.
  'OAI__OpenAPI-Specification__petstore-expanded.yaml',
  // OpenAPI 3.1: bearer security, enum query parameters, JSON bodies.
  'Redocly__museum-openapi-example__museum.yaml',
  // Swagger 2.0 passed through: API key in the query.
  'OAI__OpenAPI-Specification__uber-swagger2.yaml',
  // Server variables with enums: a connection parameter and a `dynamichosturl` policy.
  'readmeio__oas-examples__server-variables.json',
  // multipart/form-data and application/octet-stream bodies.
  'readmeio__oas-examples__file-uploads.json',
  // A relative server URL (no host): the connector is called with a base URL.
  'OAI__OpenAPI-Specification__link-example.json',
  // Postman: hand-written `Authorization` headers, `{{variable}}` path segments, constant headers.
  'gothinkster__realworld__postman-conduit.json',
];

const present = SAMPLE.filter((f) => existsSync(join(apis, f)));

async function sweep(files: readonly string[], mutate?: (w: WireRequest) => WireRequest) {
  const rows: ConvertSweepRow[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) rows.push(...(await sweepConversion(join(apis, files[next++]!), { mutate })));
  };
  await Promise.all([worker(), worker()]);
  return rows;
}

describe.skipIf(present.length === 0)(
  'Prism mocking the original description judges converted connectors',
  () => {
    it('accepts at least 95% of the operations of the sample', { timeout: 120_000 }, async () => {
      const rows = await sweep(present);
      const summary = summariseConversion(rows);
      console.log(`Prism (original description) over ${present.length} conversions:\n${summary.table}`);
      expect(new Set(rows.map((r) => r.api)).size).toBe(present.length);
      expect(summary.judged).toBeGreaterThanOrEqual(30);
      expect(summary.share).toBeGreaterThanOrEqual(0.95);
    });

    it('rejects requests sent to another host (negative control of the server mapping)', {
      timeout: 60_000,
    }, async () => {
      const file = 'OAI__OpenAPI-Specification__petstore-expanded.yaml';
      if (!present.includes(file)) return;
      const otherHost = (wire: WireRequest): WireRequest => {
        const url = new URL(wire.url);
        url.hostname = `not-${url.hostname}`;
        return { ...wire, url: url.toString() };
      };
      const rows = await sweep([file], otherHost);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row.operationId).toMatchObject({ verdict: 'rejected' });
    });

    it('rejects requests that lose their body (negative control of the body mapping)', {
      timeout: 60_000,
    }, async () => {
      const file = 'Redocly__museum-openapi-example__museum.yaml';
      if (!present.includes(file)) return;
      const rows = await sweep([file], (wire) =>
        wire.body ? { ...wire, body: new TextEncoder().encode('{}') } : wire,
      );
      // The operations whose original body schema has required properties.
      for (const id of ['createSpecialEvent', 'buyMuseumTickets']) {
        const row = rows.find((r) => r.operationId.toLowerCase() === id.toLowerCase());
        expect(row, id).toMatchObject({ verdict: 'rejected' });
      }
    });

    it('rejects Postman requests that lose their Authorization header (negative control of the header auth)', {
      timeout: 60_000,
    }, async () => {
      const file = 'gothinkster__realworld__postman-conduit.json';
      if (!present.includes(file)) return;
      const rows = await sweep([file], (wire) => {
        const headers = new Headers(wire.headers);
        headers.delete('authorization');
        return { ...wire, headers };
      });
      for (const id of ['CurrentUser', 'CreateArticle', 'FollowProfile'])
        expect(
          rows.find((r) => r.operationId === id),
          id,
        ).toMatchObject({ verdict: 'rejected' });
      expect(rows.find((r) => r.operationId === 'AllTags')).toMatchObject({ verdict: 'accepted' });
    });
  },
);

describe('prismPostmanPath', () => {
  const route = (method: string, literal: string, source: string): PostmanRoute => ({
    method,
    literal,
    pattern: new RegExp(source, 'i'),
    variable: literal.includes('{{'),
  });
  const routes = [
    route('get', '/articles/feed', '^/articles/feed/?$'),
    route('get', '/articles/{{slug}}', '^/articles/[^/]+/?$'),
    route('get', '/profiles/celeb_{{USERNAME}}', '^/profiles/celeb_[^/]+/?$'),
  ];

  it('sends a value for a {{variable}} segment as the literal text Prism routes', () => {
    expect(prismPostmanPath(routes, 'GET', '/articles/how-to')).toBe('/articles/{{slug}}');
    expect(prismPostmanPath(routes, 'GET', '/profiles/celeb_jake')).toBe('/profiles/celeb_{{USERNAME}}');
  });

  it('leaves a path that a route without variables matches, or that no route of the method matches', () => {
    expect(prismPostmanPath(routes, 'GET', '/articles/feed')).toBe('/articles/feed');
    expect(prismPostmanPath(routes, 'DELETE', '/articles/how-to')).toBe('/articles/how-to');
    expect(prismPostmanPath(routes, 'GET', '/tags')).toBe('/tags');
  });
});

describe.skipIf(present.length > 0)('Prism judges converted connectors', () => {
  it(`is skipped: ${apis} is absent (set FLOWPORT_APIS)`, () => {});
});
