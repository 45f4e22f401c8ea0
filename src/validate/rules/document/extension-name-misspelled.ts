import { isObject, type JsonValue, own } from '../../../connector/json.ts';
import { join } from '../../../connector/pointer.ts';
import { swaggerKeyCandidates } from '../../helpers/extension-key-candidates.ts';
import { misspeltExtension } from '../../helpers/extension-names.ts';
import { ALL, defineRule } from '../../rule.ts';

/** Objects whose keys are names chosen by the author (properties, paths, headers…), not extensions. */
const NAME_MAPS: ReadonlySet<string> = new Set([
  'properties',
  'definitions',
  'parameters',
  'responses',
  'headers',
  'paths',
  'securityDefinitions',
  'scopes',
  'patternProperties',
]);
/** Values that are data (examples, defaults), whose keys mean nothing to the platform. */
const DATA: ReadonlySet<string> = new Set([
  'example',
  'examples',
  'default',
  'enum',
  'x-ms-test-value',
  'x-ms-examples',
  'x-example',
]);
const MAX_DEPTH = 256;

interface Finding {
  readonly meant: string;
  /** Every place the key is written, the first one first. */
  readonly pointers: string[];
}

/**
 * Collects near-miss extension names. Segments are kept on a stack and joined into a pointer only
 * for a finding: building a pointer per node would dominate the cost on large documents.
 */
function walk(node: JsonValue, path: (string | number)[], names: boolean, out: Map<string, Finding>): void {
  if (path.length > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item = node[i];
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      walk(item, path, false, out);
      path.pop();
    }
    return;
  }
  if (!isObject(node)) return;
  for (const key of Object.keys(node)) {
    if (!names && (key.charCodeAt(0) | 0x20) === 0x78 /* x or X */) {
      const meant = misspeltExtension(key);
      if (meant) {
        const pointer = join('', ...path, key);
        const found = out.get(key);
        if (found) found.pointers.push(pointer);
        else out.set(key, { meant, pointers: [pointer] });
      }
    }
    if (!names && DATA.has(key)) continue;
    const value = own(node, key);
    if (value === null || typeof value !== 'object') continue;
    path.push(key);
    walk(value, path, !names && NAME_MAPS.has(key), out);
    path.pop();
  }
}

function someMisspelt(names: Iterable<string>): boolean {
  for (const name of names) if (misspeltExtension(name)) return true;
  return false;
}

export default defineRule({
  id: 'extension-name-misspelled',
  description:
    'An `x-ms-*` property name that is a near miss of a known extension (`x-ms-visibilty`) is ignored by the platform.',
  category: 'document',
  source: 'flowport',
  severity: 'warning',
  presets: ALL,
  fix: 'Correct the spelling; the Power Platform silently ignores unknown extensions, so the setting has no effect.',
  visit: {
    connector(c, ctx) {
      const root = c.definition.raw;
      if (!root) return;
      // Most documents have no near miss at all: a scan of the text for `"x` literals proves it
      // faster than a walk over every key.
      const candidates = swaggerKeyCandidates(c);
      if (candidates && !someMisspelt(candidates)) return;
      const found = new Map<string, Finding>();
      walk(root, [], false, found);
      for (const [key, { meant, pointers }] of found) {
        const more = pointers.length > 1 ? ` (${pointers.length} occurrences)` : '';
        ctx.report({
          message: `\`${key}\` looks like a misspelling of the extension \`${meant}\`${more}; the platform ignores it.`,
          at: pointers[0] as string,
          fix: `Rename every \`${key}\` to \`${meant}\`.`,
          // Likely, not certain (a vendor may mean its own `x-…` name): the author's to choose.
          suggestion: {
            title: `Rename ${pointers.length > 1 ? `all ${pointers.length} \`${key}\`` : `\`${key}\``} to \`${meant}\``,
            renames: pointers.map((pointer) => ({ pointer, to: meant })),
          },
        });
      }
    },
  },
});
