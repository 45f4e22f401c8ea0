import type { JsonValue } from '../../connector/json.ts';

export const SEPARATORS: Readonly<Record<string, string>> = { csv: ',', ssv: ' ', tsv: '\t', pipes: '|' };

/** Text of one scalar as it goes into a path, query or header; objects as JSON. */
export function scalarText(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The query (or header, path) texts of a value under Swagger 2.0 `collectionFormat`: one text joined by
 * `,` (`csv`, the default), space (`ssv`), tab (`tsv`) or `|` (`pipes`), or one text per item (`multi`).
 *
 * @example
 * collectionTexts(['a', 'b'], 'pipes'); // ['a|b']
 * collectionTexts(['a', 'b'], 'multi'); // ['a', 'b']
 */
export function collectionTexts(value: JsonValue, collectionFormat: string | undefined): string[] {
  if (!Array.isArray(value)) return [scalarText(value)];
  const format = collectionFormat?.trim().toLowerCase() ?? 'csv';
  if (format === 'multi') return value.map(scalarText);
  return [value.map(scalarText).join(SEPARATORS[format] ?? ',')];
}
