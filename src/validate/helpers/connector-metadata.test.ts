import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import {
  CONNECTOR_CATEGORIES,
  metadataEntries,
  parseCategories,
  respellCategories,
} from './connector-metadata.ts';

const connector = (items: unknown[]) =>
  connectorFromFiles(
    [
      {
        name: 'apiDefinition.swagger.json',
        bytes: new TextEncoder().encode(JSON.stringify(swagger({ 'x-ms-connector-metadata': items }))),
      },
    ],
    { source: 'test' },
  );

describe('metadataEntries', () => {
  it('prefers the exactly spelled entry over a mis-cased one', () => {
    const c = connector([
      { propertyName: 'Privacy Policy', propertyValue: 'a' },
      { propertyName: 'Privacy policy', propertyValue: 'b' },
      { propertyName: 'website', propertyValue: 'c' },
    ]);
    const found = metadataEntries(c);
    expect(found.get('Privacy policy')).toMatchObject({ exact: true, item: { propertyValue: 'b' } });
    expect(found.get('Website')).toMatchObject({ exact: false, item: { propertyValue: 'c' } });
    expect(found.has('Categories')).toBe(false);
  });
});

describe('parseCategories', () => {
  it('splits on `;`, trims, drops empty parts and matches ignoring case', () => {
    expect(parseCategories(' Data ;; productivity;Tasks ')).toEqual([
      { text: 'Data', canonical: 'Data' },
      { text: 'productivity', canonical: 'Productivity' },
      { text: 'Tasks', canonical: undefined },
    ]);
  });
  it('knows the 19 categories', () => {
    expect(CONNECTOR_CATEGORIES).toHaveLength(19);
  });
});

describe('respellCategories', () => {
  it('spells each category as the docs do, keeping separators, spaces and unknown names', () => {
    expect(respellCategories('data; SALES AND CRM ;Tasks')).toBe('Data; Sales and CRM ;Tasks');
    expect(respellCategories('Data;Productivity')).toBe('Data;Productivity');
  });
});
