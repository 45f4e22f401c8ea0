import { describe, expect, it } from 'vitest';
import { templatePaths, valueKind } from './path-template.ts';

const split = (...paths: string[]) => paths.map((p) => p.split('/').filter((s) => s !== ''));

describe('valueKind', () => {
  it.each([
    ['42', 'integer'],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'uuid'],
    ['2026-11-29', 'date'],
    ['ada@example.com', 'email'],
    ['5f2b9c1e8a7d4e00', 'id'],
    ['cus_NffrFeUfNV2Hib', 'id'],
    ['AAMkAGI2TG93AAA=', 'id'],
    ['PROJ-123', 'id'],
    ['T-1', 'id'],
  ])('%s is a value (%s)', (segment, kind) => {
    expect(valueKind(segment)).toBe(kind);
  });

  it.each([
    'users',
    'v2',
    'me',
    'search',
    'line-items',
    'oauth2',
    'v1beta1',
    'application-settings',
    'deadbeef',
    'export.csv2',
    'report-2',
    'Report-2',
    'UTF8',
  ])('%s is a word', (segment) => {
    expect(valueKind(segment)).toBeUndefined();
  });
});

describe('templatePaths', () => {
  it('joins calls that differ in ids into one template, named after the word before', () => {
    const { templates, parameters } = templatePaths(split('/users/42', '/users/77', '/users/42/orders/9'));
    expect(templates).toEqual(['/users/{userId}', '/users/{userId}', '/users/{userId}/orders/{orderId}']);
    expect(parameters.get('/users/{userId}')).toEqual([
      { name: 'userId', values: ['42', '77'], kinds: new Set(['integer']) },
    ]);
    expect(parameters.get('/users/{userId}/orders/{orderId}')?.map((p) => p.name)).toEqual([
      'userId',
      'orderId',
    ]);
  });

  it('keeps a word at the end of a path (its own operation) but folds one that sits where a value does', () => {
    const { templates } = templatePaths(
      split('/users/42/orders', '/users/me/orders', '/users/me', '/users/search'),
    );
    expect(templates).toEqual([
      '/users/{userId}/orders',
      '/users/{userId}/orders',
      '/users/me',
      '/users/search',
    ]);
  });

  it('singularises the word before (categories → categoryId, line-items → lineItemId) and suffixes by kind', () => {
    const { templates } = templatePaths(
      split(
        '/categories/7',
        '/line-items/3f2504e0-4f89-11d3-9a0c-0305e82c3301',
        '/reports/2026-11-29',
        '/emails/a@b.io',
      ),
    );
    expect(templates).toEqual([
      '/categories/{categoryId}',
      '/line-items/{lineItemId}',
      '/reports/{reportDate}',
      '/emails/{email}',
    ]);
  });

  it('names a value with no word before it `id`, and makes names unique within a template', () => {
    const { templates } = templatePaths(split('/4242', '/pairs/1/2'));
    expect(templates).toEqual(['/{id}', '/pairs/{pairId}/{pairId2}']);
  });

  it('keeps a small number at the start or after api or a version as part of the address', () => {
    expect(
      templatePaths(split('/api/3/items/17', '/1/layers/5', '/v1/1/search', '/items/7')).templates,
    ).toEqual(['/api/3/items/{itemId}', '/1/layers/{layerId}', '/v1/1/search', '/items/{itemId}']);
    // The segment before the paths (the base path's last) counts too.
    expect(templatePaths(split('/3/items'), 'api').templates).toEqual(['/3/items']);
    expect(templatePaths(split('/3/items'), 'users').templates).toEqual(['/{userId}/items']);
  });

  it('gives the root path and word-only paths as they are', () => {
    expect(templatePaths(split('/', '/status')).templates).toEqual(['/', '/status']);
  });
});
