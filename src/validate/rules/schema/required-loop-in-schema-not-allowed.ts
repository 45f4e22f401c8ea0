import { entries, isObject, type JsonObject, ownArray, ownObject } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { definitionNameOf, refOf } from '../../helpers/schema-graph.ts';
import { ALL, defineRule } from '../../rule.ts';

const MAX_INLINE_DEPTH = 64;

/** Definitions a value of `raw` must contain: through required properties and `allOf`, not arrays. */
function requiredTargets(raw: JsonObject, out: Set<string>, names: Names, depth = 0): void {
  if (depth > MAX_INLINE_DEPTH) return;
  const ref = refOf(raw);
  if (ref !== undefined) {
    const name = names.of(ref);
    if (name !== undefined) out.add(name);
    return;
  }
  const required = ownArray(raw, 'required');
  if (required) {
    const properties = ownObject(raw, 'properties');
    for (const name of required) {
      const property = typeof name === 'string' ? ownObject(properties, name) : undefined;
      if (property) requiredTargets(property, out, names, depth + 1);
    }
  }
  const allOf = ownArray(raw, 'allOf');
  if (allOf) for (const part of allOf) if (isObject(part)) requiredTargets(part, out, names, depth + 1);
}

/** Definition names of `$ref`s, each worked out once: documents repeat a few references many times. */
class Names {
  private readonly known = new Map<string, string | undefined>();

  of(ref: string): string | undefined {
    if (this.known.has(ref)) return this.known.get(ref);
    const name = definitionNameOf(ref);
    this.known.set(ref, name);
    return name;
  }
}

const NONE: readonly string[] = [];

/** Loops in the "must contain" graph of definitions, each as the list of its definitions in order. */
export function requiredLoops(definitions: JsonObject): string[][] {
  const edges = new Map<string, readonly string[]>();
  const names = new Names();
  // One set for all definitions, and no arrays for the many that require no other definition.
  const out = new Set<string>();
  for (const [name, schema] of entries(definitions)) {
    if (!isObject(schema)) continue;
    out.clear();
    requiredTargets(schema, out, names);
    edges.set(name, out.size === 0 ? NONE : [...out].filter((n) => isObject(ownObject(definitions, n))));
  }
  const loops: string[][] = [];
  const state = new Map<string, 'active' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    // Iterative depth-first search: a path of [definition, next edge index] pairs.
    const path: [string, number][] = [[start, 0]];
    state.set(start, 'active');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const next = edges.get(top[0])?.[top[1]++];
      if (next === undefined) {
        state.set(top[0], 'done');
        path.pop();
      } else if (state.get(next) === 'active') {
        loops.push(path.slice(path.findIndex(([n]) => n === next)).map(([n]) => n));
      } else if (!state.has(next)) {
        state.set(next, 'active');
        path.push([next, 0]);
      }
    }
  }
  return loops;
}

export default defineRule({
  id: 'required-loop-in-schema-not-allowed',
  microsoftId: 'RequiredLoopInSchemaNotAllowed',
  description: 'Definitions must not require each other in a loop (no value could ever be complete).',
  category: 'schema',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Make at least one property along the loop optional (remove it from `required`).',
  visit: {
    connector(connector, ctx) {
      for (const loop of requiredLoops(connector.definition.definitions)) {
        const chain = [...loop, loop[0]].map((n) => `\`${n}\``).join(' → ');
        ctx.report({
          message: `Definitions ${chain} require each other; loops of required schema properties are not allowed.`,
          at: join('/definitions', loop[0] ?? ''),
        });
      }
    },
  },
});
