import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import connectorMetadataCasing from './connector-metadata-casing.ts';
import connectorMetadataPropertiesMissing from './connector-metadata-properties-missing.ts';
import connectorMetadataRequired from './connector-metadata-required.ts';
import connectorMetadataUrlNotValid from './connector-metadata-url-not-valid.ts';
import invalidConnectorCategory from './invalid-connector-category.ts';
import tooManyConnectorCategories from './too-many-connector-categories.ts';

type Entry = [name: string, value: string];
const GOOD: Entry[] = [
  ['Website', 'https://contoso.com'],
  ['Privacy policy', 'https://contoso.com/privacy'],
  ['Categories', 'Productivity;Collaboration'],
];
const withMetadata = (items: Entry[]) =>
  swagger({
    'x-ms-connector-metadata': items.map(([propertyName, propertyValue]) => ({
      propertyName,
      propertyValue,
    })),
  });
const replace = (name: string, entry: Entry) => GOOD.map((e) => (e[0] === name ? entry : e));

describe('connector-metadata-required', () => {
  it('reports a swagger without `x-ms-connector-metadata` at the root', () => {
    const found = runRule(connectorMetadataRequired, { swagger: swagger() });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['', 'The `x-ms-connector-metadata` property is required.'],
    ]);
  });
  it('accepts a swagger with it', () => {
    expect(messages(connectorMetadataRequired, { swagger: withMetadata(GOOD) })).toEqual([]);
  });
});

describe('connector-metadata-properties-missing', () => {
  it('reports each missing entry at `/x-ms-connector-metadata`', () => {
    const found = runRule(connectorMetadataPropertiesMissing, { swagger: withMetadata([GOOD[0]!]) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/x-ms-connector-metadata', 'The connector metadata property `Privacy policy` is required.'],
      ['/x-ms-connector-metadata', 'The connector metadata property `Categories` is required.'],
    ]);
  });
  it('accepts entries whose names differ only in case or spaces', () => {
    const items: Entry[] = [
      ['WebSite', 'https://contoso.com'],
      ['Privacy Policy ', 'https://contoso.com/privacy'],
      ['categories', 'Data'],
    ];
    expect(messages(connectorMetadataPropertiesMissing, { swagger: withMetadata(items) })).toEqual([]);
  });
  it('leaves a missing array to connector-metadata-required', () => {
    expect(messages(connectorMetadataPropertiesMissing, { swagger: swagger() })).toEqual([]);
  });
});

describe('connector-metadata-casing', () => {
  it('warns about mis-cased names and categories', () => {
    const items: Entry[] = [
      ['Website', 'https://contoso.com'],
      ['Privacy Policy', 'https://contoso.com/privacy'],
      ['Categories', 'Social media; Data'],
    ];
    const found = runRule(connectorMetadataCasing, { swagger: withMetadata(items) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      [
        '/x-ms-connector-metadata/1/propertyName',
        'The connector metadata name `Privacy Policy` should be spelled `Privacy policy`.',
      ],
      [
        '/x-ms-connector-metadata/2/propertyValue',
        'The connector category `Social media` should be spelled `Social Media`.',
      ],
    ]);
  });
  it('accepts the documented spelling', () => {
    expect(messages(connectorMetadataCasing, { swagger: withMetadata(GOOD) })).toEqual([]);
  });
});

describe('connector-metadata-url-not-valid', () => {
  it.each(['www.contoso.com', 'hhttps://contoso.com', 'https://contoso.com/privacy policy.pdf'])(
    'reports %j',
    (value) => {
      const found = runRule(connectorMetadataUrlNotValid, {
        swagger: withMetadata(replace('Website', ['Website', value])),
      });
      expect(found.map((d) => [d.pointer, d.message])).toEqual([
        [
          '/x-ms-connector-metadata/0/propertyValue',
          `The connector metadata \`Website\` value \`${value}\` must be a valid absolute URL.`,
        ],
      ]);
    },
  );
  it('accepts absolute URLs, also under a mis-cased name', () => {
    const items = replace('Privacy policy', ['Privacy Policy', 'http://contoso.com/privacy']);
    expect(messages(connectorMetadataUrlNotValid, { swagger: withMetadata(items) })).toEqual([]);
  });
});

describe('invalid-connector-category', () => {
  it('reports each unknown category', () => {
    const items = replace('Categories', ['Categories', 'Productivity;Tasks;Utilities']);
    expect(messages(invalidConnectorCategory, { swagger: withMetadata(items) })).toEqual([
      'The connector category `Tasks` is invalid.',
      'The connector category `Utilities` is invalid.',
    ]);
    expect(pointers(invalidConnectorCategory, { swagger: withMetadata(items) })[0]).toBe(
      '/x-ms-connector-metadata/2/propertyValue',
    );
  });
  it('reports an empty list', () => {
    const items = replace('Categories', ['Categories', ' ; ']);
    expect(messages(invalidConnectorCategory, { swagger: withMetadata(items) })).toEqual([
      'The `Categories` metadata lists no category; the connector category is invalid.',
    ]);
  });
  it('accepts known categories with spaces around `;` and in any case', () => {
    const items = replace('Categories', ['Categories', ' AI ; sales and CRM ']);
    expect(messages(invalidConnectorCategory, { swagger: withMetadata(items) })).toEqual([]);
  });
});

describe('too-many-connector-categories', () => {
  it('reports more than two categories', () => {
    const items = replace('Categories', ['Categories', 'AI;Data;Productivity']);
    expect(messages(tooManyConnectorCategories, { swagger: withMetadata(items) })).toEqual([
      'The `Categories` metadata lists 3 categories; the maximum allowed number of categories is 2.',
    ]);
  });
  it('accepts two, ignoring empty parts', () => {
    const items = replace('Categories', ['Categories', 'AI;;Data;']);
    expect(messages(tooManyConnectorCategories, { swagger: withMetadata(items) })).toEqual([]);
  });
});
