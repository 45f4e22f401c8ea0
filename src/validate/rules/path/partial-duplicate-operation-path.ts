import type { Operation } from '../../../connector/model.ts';
import { type PathShape, pathShapes, VARIABLE_SEGMENT } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

/**
 * True when `a` takes `b`'s calls for some parameter value: the templates differ only in segments
 * where one has a variable and the other static text, and `a` has a variable in at least one of them.
 */
function shadows(a: PathShape, b: PathShape): boolean {
  let widens = false;
  for (let k = 0; k < a.segments.length; k++) {
    const x = a.segments[k]!;
    const y = b.segments[k]!;
    if (x === y) continue;
    if (x === VARIABLE_SEGMENT) widens = true;
    else if (y !== VARIABLE_SEGMENT) return false;
  }
  return widens;
}

export default defineRule({
  id: 'partial-duplicate-operation-path',
  microsoftId: 'PartialDuplicateOperationPath',
  description:
    'A path template whose variable segment could match another template’s static segment routes ambiguously.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'warning',
  presets: ALL,
  fix: 'Make the templates differ in a static segment (`/items/{id}` and `/items/search/all`), or accept that a parameter value equal to the static segment reaches the other operation.',
  visit: {
    connector(connector, ctx) {
      const byLength = new Map<number, PathShape[]>();
      for (const shape of pathShapes(connector)) {
        const group = byLength.get(shape.segments.length);
        if (group) group.push(shape);
        else byLength.set(shape.segments.length, [shape]);
      }
      // Methods as bits (there are seven), so that "do they share a method" is one `&` per pair.
      const bits = new Map<string, number>();
      const maskOf = (shape: PathShape) => {
        let mask = 0;
        for (const method of shape.methods) {
          let bit = bits.get(method);
          if (bit === undefined) {
            bit = 2 ** bits.size;
            bits.set(method, bit);
          }
          mask |= bit;
        }
        return mask;
      };
      for (const group of byLength.values()) {
        if (group.length < 2) continue;
        const masks = group.map(maskOf);
        for (let i = 0; i < group.length; i++) {
          const a = group[i] as PathShape;
          if (!a.hasVariable) continue;
          const similar = new Map<Operation, string[]>();
          for (let j = 0; j < group.length; j++) {
            const b = group[j] as PathShape;
            if (i === j || ((masks[i] as number) & (masks[j] as number)) === 0 || !shadows(a, b)) continue;
            for (const op of a.item.operations) {
              if (!b.methods.has(op.method)) continue;
              const list = similar.get(op);
              if (list) list.push(b.item.path);
              else similar.set(op, [b.item.path]);
            }
          }
          for (const [op, paths] of similar) {
            ctx.report({
              message: `The operation \`${op.label}\` has the path template \`${a.item.path}\`, which is similar to ${paths.map((p) => `\`${p}\``).join(', ')}; a path parameter value equal to a static segment is routed to the other operation.`,
              at: op.pointer,
            });
          }
        }
      }
    },
  },
});
