/** Path keys of `paths` as the gateway routes them: static segments and `{variable}` placeholders. */
import type { Connector, PathItem } from '../../connector/model.ts';

/** Keys under `paths` that are vendor extensions, not path templates. */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

export type TemplateProblem =
  | { readonly kind: 'unclosed'; readonly index: number }
  | { readonly kind: 'unopened'; readonly index: number }
  | { readonly kind: 'nested'; readonly index: number }
  | { readonly kind: 'spans-segments'; readonly index: number }
  | { readonly kind: 'empty-variable'; readonly index: number };

/**
 * The first brace problem of a path template, or undefined when every `{…}` is closed, not nested,
 * named and inside one segment.
 * @example templateProblem('/items/{id') // { kind: 'unclosed', index: 7 }
 */
export function templateProblem(path: string): TemplateProblem | undefined {
  let open = -1;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '{') {
      if (open >= 0) return { kind: 'nested', index: i };
      open = i;
    } else if (ch === '}') {
      if (open < 0) return { kind: 'unopened', index: i };
      if (i === open + 1) return { kind: 'empty-variable', index: open };
      open = -1;
    } else if (ch === '/' && open >= 0) return { kind: 'spans-segments', index: open };
  }
  return open >= 0 ? { kind: 'unclosed', index: open } : undefined;
}

const VARIABLE = /\{[^{}/]*\}/g;

/** Names inside `{…}` of a template, `=default` parts included (`{id=1}` → `id=1`). */
export function templateVariables(path: string): string[] {
  const names: string[] = [];
  if (!path.includes('{')) return names;
  // `exec` on the shared global pattern: `matchAll` would copy it on every call.
  VARIABLE.lastIndex = 0;
  for (let m = VARIABLE.exec(path); m; m = VARIABLE.exec(path)) names.push(m[0].slice(1, -1));
  return names;
}

/** Placeholder a normalised segment uses for a variable. */
export const VARIABLE_SEGMENT = '{}';

/**
 * Segments of a template as routing sees them: static text lower-cased, every `{…}` replaced by `{}`.
 * Two templates with equal normalised segments cannot be told apart by the gateway.
 * @example normalizedSegments('/Items/{id}') // ['', 'items', '{}']
 */
export function normalizedSegments(path: string): string[] {
  return normalizedPath(path).split('/');
}

/**
 * The template with every `{…}` replaced and lower-cased: the normalised segments joined. A variable
 * never spans a `/`, and a `/` ends a word for case mapping (final sigma), so the whole path can be
 * normalised at once.
 */
function normalizedPath(path: string): string {
  return (path.includes('{') ? path.replace(VARIABLE, VARIABLE_SEGMENT) : path).toLowerCase();
}

/** A routable path item with its normalised segments and the methods it defines. */
export interface PathShape {
  readonly item: PathItem;
  readonly segments: readonly string[];
  /** `segments` joined: equal keys mean indistinguishable templates. */
  readonly key: string;
  readonly methods: ReadonlySet<string>;
  readonly hasVariable: boolean;
}

const shapes = new WeakMap<Connector, readonly PathShape[]>();

/** Path items that have operations (extension keys skipped), normalised once per connector. */
export function pathShapes(connector: Connector): readonly PathShape[] {
  let out = shapes.get(connector);
  if (out) return out;
  out = connector.definition.paths
    .filter((item) => item.operations.length > 0 && !isExtensionKey(item.path))
    .map((item) => {
      const key = normalizedPath(item.path);
      const segments = key.split('/');
      return {
        item,
        segments,
        key,
        methods: new Set(item.operations.map((o) => o.method)),
        hasVariable: segments.includes(VARIABLE_SEGMENT),
      };
    });
  shapes.set(connector, out);
  return out;
}
