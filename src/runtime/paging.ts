import { isObject, type JsonObject, type JsonValue, own, setOwn } from '../connector/json.ts';
import type { Operation } from '../connector/model.ts';
import { FlowportError } from '../errors.ts';
import { decodePageLink } from './policies/page-link.ts';
import type { ResponseBody } from './types.ts';

/** `x-ms-pageable.nextLinkName` of an operation, when it is pageable. */
export function nextLinkName(operation: Operation): string | undefined {
  const pageable = own(operation.raw, 'x-ms-pageable');
  if (!isObject(pageable)) return undefined;
  const name = own(pageable, 'nextLinkName');
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Where a page's next link points: a runtime page link (from `updatenextlink`) or the raw backend URL. */
export interface NextLink {
  readonly url: string;
  /** True when the link came back through `updatenextlink`, as the Power Platform requires. */
  readonly routed: boolean;
}

/** Reads the next link at the root of a page body; undefined when there is none. */
export function nextLinkOf(body: ResponseBody, name: string): NextLink | undefined {
  if (body.kind !== 'json' || !isObject(body.value)) return undefined;
  const value = own(body.value, name);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const decoded = decodePageLink(value);
  if (decoded) return { url: decoded.link, routed: true };
  if (!/^https?:\/\//i.test(value)) {
    throw new FlowportError(
      'PAGING_FAILED',
      `The next-page link in \`${name}\` is not an absolute http(s) URL; the backend must return the full URL of the next page.`,
    );
  }
  return { url: value, routed: false };
}

/** The array a page carries: `value` (OData), else the first array-valued root property. */
function itemsKey(page: JsonObject): string | undefined {
  if (Array.isArray(own(page, 'value'))) return 'value';
  return Object.keys(page).find((k) => Array.isArray(own(page, k)));
}

/**
 * Concatenates the item arrays of pages into the first page's shape; the next link is removed since
 * every page was fetched (Power Fx merges the first table-valued field the same way).
 */
export function mergePages(pages: readonly ResponseBody[], linkName: string): ResponseBody {
  const first = pages[0];
  if (first?.kind !== 'json') return first ?? { kind: 'none' };
  if (Array.isArray(first.value)) {
    const all: JsonValue[] = [];
    for (const p of pages) if (p.kind === 'json' && Array.isArray(p.value)) all.push(...p.value);
    return { kind: 'json', value: all };
  }
  if (!isObject(first.value)) return first;
  const key = itemsKey(first.value);
  const merged: JsonObject = {};
  for (const [k, v] of Object.entries(first.value)) if (k !== linkName) setOwn(merged, k, v);
  if (key) {
    const all: JsonValue[] = [];
    for (const p of pages) {
      if (p.kind !== 'json' || !isObject(p.value)) continue;
      const items = own(p.value, key);
      if (Array.isArray(items)) all.push(...items);
    }
    setOwn(merged, key, all);
  }
  return { kind: 'json', value: merged };
}
