import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import additionalPropertyNotAllowed from './additional-property-not-allowed.ts';
import extensionNameNotValid from './extension-name-not-valid.ts';
import jsonTypeIncorrect from './json-type-incorrect.ts';
import rootPropertyRequired from './root-property-required.ts';
import specificationVersionIncorrect from './specification-version-incorrect.ts';
import tagRedefined from './tag-redefined.ts';

const without = (key: string) => {
  const doc = swagger();
  delete doc[key];
  return doc;
};

describe('root-property-required', () => {
  it.each(['swagger', 'info', 'paths'])('reports a document without `%s`', (key) => {
    expect(messages(rootPropertyRequired, { swagger: without(key) })).toEqual([
      `The \`${key}\` property is required.`,
    ]);
  });
  it('accepts a document with all three', () => {
    expect(messages(rootPropertyRequired, { swagger: swagger() })).toEqual([]);
  });
  it('stays silent when the JSON is broken and the reader had to guess', () => {
    expect(messages(rootPropertyRequired, { swagger: '{"swagger": "2.0" "info": {}}' })).toEqual([]);
  });
});

describe('specification-version-incorrect', () => {
  it.each([
    ['3.0.1', '`"3.0.1"`'],
    [2, 'the number `2`'],
  ])('reports `swagger: %j`', (version, shown) => {
    const found = runRule(specificationVersionIncorrect, { swagger: swagger({ swagger: version }) });
    expect(found.map((d) => [d.message, d.pointer])).toEqual([
      [`The \`swagger\` property is ${shown}; it must have the string value \`"2.0"\`.`, '/swagger'],
    ]);
  });
  it('accepts "2.0" and leaves a missing version to root-property-required', () => {
    expect(messages(specificationVersionIncorrect, { swagger: swagger() })).toEqual([]);
    expect(messages(specificationVersionIncorrect, { swagger: without('swagger') })).toEqual([]);
  });
});

describe('json-type-incorrect', () => {
  it('reports top-level and info properties of the wrong type', () => {
    const doc = swagger({ paths: [], schemes: ['https', 1], tags: ['x'] });
    (doc.info as Record<string, unknown>).version = 1;
    const found = runRule(jsonTypeIncorrect, { swagger: doc });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/info/version', 'The type of `version` is incorrect: it must be a string, not a number.'],
      ['/schemes/1', 'The type of `schemes[1]` is incorrect: it must be a string, not a number.'],
      ['/paths', 'The type of `paths` is incorrect: it must be an object, not an array.'],
      ['/tags/0', 'The type of `tags[0]` is incorrect: it must be an object, not a string.'],
    ]);
  });
  it('reports connector metadata items that are not objects of strings', () => {
    const doc = swagger({
      'x-ms-connector-metadata': ['Website', { propertyName: 'Website', propertyValue: 3 }],
    });
    expect(pointers(jsonTypeIncorrect, { swagger: doc })).toEqual([
      '/x-ms-connector-metadata/0',
      '/x-ms-connector-metadata/1/propertyValue',
    ]);
  });
  it('reports a document that is not an object', () => {
    expect(messages(jsonTypeIncorrect, { swagger: [] })).toEqual([
      'The swagger document must be a JSON object, not an array.',
    ]);
  });
  it('accepts a well-typed document', () => {
    expect(messages(jsonTypeIncorrect, { swagger: swagger({ tags: [{ name: 'Tasks' }] }) })).toEqual([]);
  });
});

describe('additional-property-not-allowed', () => {
  it('reports a mis-cased top-level property with its Swagger spelling', () => {
    const found = runRule(additionalPropertyNotAllowed, { swagger: swagger({ basepath: '/' }) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      [
        '/basepath',
        'The property `basepath` in the document root is not allowed and must be removed; Swagger 2.0 names it `basePath`.',
      ],
    ]);
  });
  it('reports a Swagger property nested in the wrong object', () => {
    const doc = swagger();
    (doc.info as Record<string, unknown>).paths = {};
    expect(messages(additionalPropertyNotAllowed, { swagger: doc })).toEqual([
      'The property `paths` is not allowed in `info` and must be removed.',
    ]);
  });
  it('leaves unknown names to extension-name-not-valid and accepts extensions', () => {
    const doc = swagger({ logo: 'x', 'x-logo': 'y', 'x-ms-connector-metadata': [] });
    expect(messages(additionalPropertyNotAllowed, { swagger: doc })).toEqual([]);
  });
});

describe('extension-name-not-valid', () => {
  it('reports unknown properties without the `x-` prefix in the root, info and contact', () => {
    const doc = swagger({ logo: 'x' });
    const info = doc.info as Record<string, Record<string, unknown>>;
    info.audience = 'public' as never;
    info.contact!.phone = '555';
    expect(pointers(extensionNameNotValid, { swagger: doc })).toEqual([
      '/info/contact/phone',
      '/info/audience',
      '/logo',
    ]);
    expect(messages(extensionNameNotValid, { swagger: swagger({ logo: 'x' }) })).toEqual([
      'The property `logo` in the document root is not a Swagger 2.0 property; as an extension its name must begin with `x-`.',
    ]);
  });
  it('accepts Swagger properties and `x-` extensions', () => {
    const doc = swagger({ 'x-logo': 'y', externalDocs: { url: 'https://contoso.com/docs', 'x-note': 1 } });
    expect(messages(extensionNameNotValid, { swagger: doc })).toEqual([]);
  });
});

describe('tag-redefined', () => {
  it('reports the second definition of a tag', () => {
    const found = runRule(tagRedefined, {
      swagger: swagger({ tags: [{ name: 'Tasks' }, { name: 'Lists' }, { name: 'Tasks' }] }),
    });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/tags/2/name', 'The document defines tag `Tasks` multiple times.'],
    ]);
  });
  it('accepts distinct tags, even when they differ only in case', () => {
    expect(
      messages(tagRedefined, { swagger: swagger({ tags: [{ name: 'Tasks' }, { name: 'tasks' }] }) }),
    ).toEqual([]);
  });
});
