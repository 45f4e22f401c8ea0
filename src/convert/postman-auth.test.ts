import { describe, expect, it } from 'vitest';
import { createLosses } from './loss.ts';
import { authorizationHeader, collectionScheme } from './postman-auth.ts';

const headers = (value: string, extra: object = {}) => [{ key: 'Authorization', value, ...extra }];

describe('authorizationHeader', () => {
  it.each([
    ['Token {{token}}', 'Token <token>', '`Token {{token}}`'],
    ['{{token}}', '<token>', '`{{token}}`'],
    // A written-out credential is described by its form only, never copied into the report.
    ['Bearer abc.def.ghi', 'Bearer <token>', '`Bearer …`'],
  ])('reads `%s` as an API key users write as `%s`', (value, written, shown) => {
    const losses = createLosses();
    const auth = authorizationHeader([{ pointer: '/item/0', headers: headers(value) }], losses);
    expect(auth?.scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(String(auth?.scheme.description)).toContain(written);
    expect(losses.items[0]?.action.startsWith(shown)).toBe(true);
    expect(losses.items[0]?.action).not.toContain('abc.def');
  });

  it('ignores disabled headers and collections whose requests write none', () => {
    const losses = createLosses();
    expect(
      authorizationHeader(
        [
          { pointer: '/item/0', headers: headers('Token {{t}}', { disabled: true }) },
          { pointer: '/item/1', headers: [{ key: 'Accept', value: 'application/json' }] },
        ],
        losses,
      ),
    ).toBeUndefined();
    expect(losses.items).toEqual([]);
  });

  it('lists the requests that send it', () => {
    const auth = authorizationHeader(
      [
        { pointer: '/item/0', headers: headers('Token {{t}}') },
        { pointer: '/item/1', headers: [] },
      ],
      createLosses(),
    );
    expect([...(auth?.requests ?? [])]).toEqual(['/item/0']);
  });
});

describe('collectionScheme', () => {
  it('maps Postman API key auth to an OpenAPI apiKey scheme', () => {
    const scheme = collectionScheme({
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'X-API-Key' },
        { key: 'in', value: 'query' },
      ],
    });
    expect(scheme).toEqual({ type: 'apiKey', in: 'query', name: 'X-API-Key' });
  });
});
