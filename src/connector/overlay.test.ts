import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from './json.ts';
import { connectorFromFiles } from './load.ts';
import { applyOverlays, mergePatch, overlayOf } from './overlay.ts';

const text = (v: unknown) => new TextEncoder().encode(JSON.stringify(v, null, 4));
const connector = connectorFromFiles(
  [
    {
      name: 'apiDefinition.swagger.json',
      bytes: text({
        swagger: '2.0',
        info: { title: 'Contoso', version: '1.0' },
        host: 'api-dev.contoso.com',
        basePath: '/v1',
        paths: {},
      }),
    },
    {
      name: 'apiProperties.json',
      bytes: text({
        properties: {
          connectionParameters: {
            token: {
              type: 'oauthSetting',
              oAuthSettings: { identityProvider: 'aad', clientId: 'dev-app', scopes: [] },
            },
          },
          publisher: 'Contoso',
        },
      }),
    },
    { name: 'readme.md', bytes: new TextEncoder().encode('# Contoso') },
  ],
  { source: '/connectors/contoso' },
);

describe('mergePatch (RFC 7396)', () => {
  // The examples of RFC 7396, Appendix A.
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ] as [JsonValue, JsonValue, JsonValue][])('%j patched with %j is %j', (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result);
  });

  it('is idempotent and leaves its inputs alone, for any JSON (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (target, patch) => {
        const t = structuredClone(target);
        const p = structuredClone(patch);
        const once = mergePatch(target as JsonValue, patch as JsonValue);
        expect(mergePatch(once, patch as JsonValue)).toEqual(once);
        expect(target).toEqual(t);
        expect(patch).toEqual(p);
      }),
      { seed: 7396, numRuns: 500 },
    );
  });

  it('keeps a `__proto__` member a member, never a prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const out = mergePatch({}, patch) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('overlays', () => {
  const qa = overlayOf(
    {
      description: 'QA',
      apiDefinition: { host: 'api-qa.contoso.com' },
      apiProperties: {
        properties: { connectionParameters: { token: { oAuthSettings: { clientId: 'qa-app' } } } },
      },
    },
    'qa.overlay.json',
  );

  it('changes the documents, keeping the source, the other files and what is not patched', () => {
    const patched = applyOverlays(connector, [qa]);
    expect(patched.source).toBe('/connectors/contoso');
    expect(patched.documents.swagger?.value).toMatchObject({ host: 'api-qa.contoso.com', basePath: '/v1' });
    expect(patched.properties.connectionParameters[0]?.raw).toMatchObject({
      oAuthSettings: { identityProvider: 'aad', clientId: 'qa-app' },
    });
    expect(patched.files.readme?.text).toBe('# Contoso');
    expect(patched.files.swagger?.name).toBe('apiDefinition.swagger.json');
    // The original connector is as it was.
    expect(connector.documents.swagger?.value).toMatchObject({ host: 'api-dev.contoso.com' });
  });

  it('applies several in order, the later winning', () => {
    const local = overlayOf({ apiDefinition: { host: 'localhost:4010', schemes: ['http'] } }, 'local.json');
    expect(applyOverlays(connector, [qa, local]).documents.swagger?.value).toMatchObject({
      host: 'localhost:4010',
      schemes: ['http'],
    });
    expect(applyOverlays(connector, [])).toBe(connector);
  });

  it.each([
    [[], 'is not a JSON object'],
    [{ apiDefinition: { host: 'x' }, apidefinition: {} }, 'has an unknown member `apidefinition`'],
    [{ apiProperties: 'x' }, 'has an `apiProperties` that is not an object'],
    [{ description: 'nothing' }, 'changes nothing'],
    [{ description: 3, apiDefinition: {} }, 'has a `description` that is not text'],
  ])('refuses %j, naming the file and the form', (value, message) => {
    expect(() => overlayOf(value, 'qa.json')).toThrow(`qa.json ${message}`);
    expect(() => overlayOf(value, 'qa.json')).toThrow('docs/deploy.md#overlays');
  });

  it('refuses to patch a document that is not readable JSON', () => {
    const broken = connectorFromFiles(
      [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode('{ "host": ') }],
      {
        source: 'broken',
      },
    );
    expect(() => applyOverlays(broken, [qa])).toThrow(
      'is not readable JSON, so qa.overlay.json cannot be applied',
    );
  });
});
