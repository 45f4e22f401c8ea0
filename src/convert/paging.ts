/**
 * Paging seen in recorded answers. An answer with an absolute next-page URL at its root in
 * `nextLink` or `@odata.nextLink` (the names the platform pages by) makes its operation pageable
 * (`x-ms-pageable`) with an `updatenextlink` policy, which routes the link back through the connector
 * (without it paging fails in the real service: PowerPlatformConnectors #2959). Other next-page links
 * and page tokens (`next`, `next_page_url`, `nextPageToken`, `cursor`) are named, for the report: a
 * connector cannot page by them.
 */
import { isObject, type JsonObject, type JsonValue } from '../connector/json.ts';

/** Marks an operation whose answers page by the named link; becomes a policy once operationIds are final. */
export const PAGING_MARK = 'x-flowport-paging';

const PLATFORM_NAMES = ['@odata.nextLink', 'nextLink'] as const;
const OTHER_LINK = /^(next|next_?(page_?)?(url|link|uri|href)|links?\.next)$/i;
const TOKEN = /^(next_?page_?token|next_?cursor|next_?token|continuation_?token|cursor|page_?token|after)$/i;
const ABSOLUTE = /^https?:\/\/\S+$/;

export type Paging =
  | { readonly kind: 'pageable'; readonly nextLinkName: string }
  | { readonly kind: 'other'; readonly name: string; readonly token: boolean };

/** How the given answers page, or undefined when none shows a next page. */
export function pagingOf(answers: readonly JsonValue[]): Paging | undefined {
  const objects = answers.filter(isObject);
  for (const name of PLATFORM_NAMES) {
    const values = objects.map((o) => o[name]);
    const fits = values.every((v) => v === undefined || v === null || typeof v === 'string');
    if (fits && values.some((v) => typeof v === 'string' && ABSOLUTE.test(v)))
      return { kind: 'pageable', nextLinkName: name };
  }
  for (const o of objects)
    for (const [name, value] of Object.entries(o)) {
      if (typeof value !== 'string' || value === '') continue;
      if (OTHER_LINK.test(name) && /^(https?:\/\/|\/|\?)/.test(value))
        return { kind: 'other', name, token: false };
      if (TOKEN.test(name)) return { kind: 'other', name, token: true };
    }
  return undefined;
}

/** `updatenextlink` policies for the operations marked with {@link PAGING_MARK}; removes the marks. */
export function pagingPolicies(paths: JsonObject): JsonObject[] {
  const byName = new Map<string, string[]>();
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const op of Object.values(item)) {
      if (!isObject(op) || typeof op[PAGING_MARK] !== 'string') continue;
      const name = op[PAGING_MARK];
      delete op[PAGING_MARK];
      byName.set(name, [...(byName.get(name) ?? []), String(op.operationId)]);
    }
  }
  return [...byName].map(([name, operations]) => ({
    templateId: 'updatenextlink',
    title: `Route ${name} back through the connector`,
    parameters: {
      'x-ms-apimTemplate-operationName': operations,
      'x-ms-apimTemplateParameter.nextLinkPropertyName': name,
    },
  }));
}
