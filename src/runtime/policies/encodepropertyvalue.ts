import { defineTemplate } from './define.ts';
import { propertyHooks } from './json-body.ts';
import { type PropertyPaths, readPropertyPaths } from './property-paths.ts';

interface Config {
  readonly paths: PropertyPaths;
  readonly label: string;
}

/** The text `encodeURIComponent` made `value` from; undefined when it made none (a stray `%`). */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * `encodepropertyvalue` (undocumented) — percent-encodes a string property as `encodeURIComponent`
 * does (§14 item 10: Planner follows it with its own `.` → `%2E`, which `encodeURIComponent` keeps).
 *
 * @example
 * // userId "a@b.c" → "a%40b.c"
 */
export default defineTemplate<Config>({
  id: 'encodepropertyvalue',
  title: 'Encode property value',
  documented: false,
  sections: ['request', 'response'],
  read(p) {
    const paths = readPropertyPaths(p);
    return paths && { paths, label: p.label };
  },
  ...propertyHooks<Config>(
    (_, value) => (typeof value === 'string' ? encodeURIComponent(value) : undefined),
    (_, value) => (typeof value === 'string' ? decoded(value) : undefined),
  ),
});
