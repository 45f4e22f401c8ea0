import type { Connector, ConnectorMetadataItem } from '../../connector/model.ts';

/** The `x-ms-connector-metadata` entries certification requires, spelled as the docs spell them. */
export const REQUIRED_METADATA = ['Website', 'Privacy policy', 'Categories'] as const;
export type MetadataName = (typeof REQUIRED_METADATA)[number];

/** The connector categories the certification review accepts (at most two per connector). */
export const CONNECTOR_CATEGORIES: readonly string[] = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
];

const CATEGORY_BY_LOWER = new Map(CONNECTOR_CATEGORIES.map((c) => [c.toLowerCase(), c]));

/** A required entry found by a case-insensitive match on `propertyName`. */
export interface MetadataEntry {
  readonly item: ConnectorMetadataItem;
  /** True when `propertyName` is spelled exactly as required. */
  readonly exact: boolean;
}

const cache = new WeakMap<Connector, Map<MetadataName, MetadataEntry>>();

/**
 * The required metadata entries a connector has: for each name the exactly spelled entry, or else the
 * first one that matches ignoring case and surrounding spaces (`Privacy Policy`).
 */
export function metadataEntries(connector: Connector): ReadonlyMap<MetadataName, MetadataEntry> {
  const cached = cache.get(connector);
  if (cached) return cached;
  const found = new Map<MetadataName, MetadataEntry>();
  for (const item of connector.definition.connectorMetadata ?? []) {
    const name = item.propertyName;
    if (name === undefined) continue;
    const lower = name.trim().toLowerCase();
    for (const required of REQUIRED_METADATA) {
      if (lower !== required.toLowerCase()) continue;
      const exact = name === required;
      const previous = found.get(required);
      if (!previous || (exact && !previous.exact)) found.set(required, { item, exact });
    }
  }
  cache.set(connector, found);
  return found;
}

/** One category of a `Categories` value. */
export interface CategoryToken {
  /** As written, without the spaces around it. */
  readonly text: string;
  /** The allowed category it matches ignoring case, if any. */
  readonly canonical: string | undefined;
}

/**
 * Splits a `Categories` value on `;`, trims each part and drops empty ones.
 * @example parseCategories('Data; productivity') // [{ text: 'Data', canonical: 'Data' }, { text: 'productivity', canonical: 'Productivity' }]
 */
export function parseCategories(value: string): CategoryToken[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((text) => text !== '')
    .map((text) => ({ text, canonical: CATEGORY_BY_LOWER.get(text.toLowerCase()) }));
}

/**
 * A `Categories` value with each category spelled as the docs spell it, separators and spaces kept.
 * @example respellCategories('Data; productivity') // 'Data; Productivity'
 */
export function respellCategories(value: string): string {
  return value
    .split(';')
    .map((part) => {
      const text = part.trim();
      const canonical = CATEGORY_BY_LOWER.get(text.toLowerCase());
      return canonical && canonical !== text ? part.replace(text, canonical) : part;
    })
    .join(';');
}
