import { describe, expect, it } from 'vitest';
import { fieldType, INFO_FIELDS, ROOT_FIELDS, shapedObjects, strayKeys } from './swagger-fields.ts';

describe('shapedObjects', () => {
  it('lists the root, info, contact, license, externalDocs and tags that are present', () => {
    const root = {
      info: { contact: {}, license: { name: 'MIT' } },
      externalDocs: { url: 'https://x.io' },
      tags: [{ name: 'a', externalDocs: { url: 'https://x.io' } }, 'junk'],
    };
    expect(shapedObjects(root as never).map((o) => o.pointer)).toEqual([
      '',
      '/info',
      '/info/contact',
      '/info/license',
      '/externalDocs',
      '/tags/0',
      '/tags/0/externalDocs',
    ]);
  });
});

describe('strayKeys', () => {
  it('tells misplaced Swagger fields from extension names without `x-`', () => {
    const root = { swagger: '2.0', basepath: '/', logo: 'x', 'x-logo': 'y', info: { paths: {}, title: 'T' } };
    expect(strayKeys(root as never).map((k) => [k.pointer, k.swaggerField, k.meant])).toEqual([
      ['/basepath', true, 'basePath'],
      ['/logo', false, undefined],
      ['/info/paths', true, undefined],
    ]);
  });
});

describe('fieldType', () => {
  it('looks up own fields only', () => {
    expect(fieldType(ROOT_FIELDS, 'paths')).toBe('object');
    expect(fieldType(INFO_FIELDS, 'constructor')).toBeUndefined();
    expect(fieldType(INFO_FIELDS, '__proto__')).toBeUndefined();
  });
});
