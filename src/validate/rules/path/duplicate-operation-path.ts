import { type PathShape, pathShapes } from '../../helpers/path-template.ts';
import { ALL, defineRule } from '../../rule.ts';

export default defineRule({
  id: 'duplicate-operation-path',
  microsoftId: 'DuplicateOperationPath',
  description:
    'Two operations with the same method must not have path templates that differ only in variable names.',
  category: 'path',
  source: 'microsoft-validator',
  severity: 'error',
  presets: ALL,
  fix: 'Use one path template (one set of variable names) for both, or make their static segments differ.',
  visit: {
    connector(connector, ctx) {
      const byKey = new Map<string, PathShape[]>();
      for (const shape of pathShapes(connector)) {
        const group = byKey.get(shape.key);
        if (group) group.push(shape);
        else byKey.set(shape.key, [shape]);
      }
      for (const group of byKey.values()) {
        for (let j = 1; j < group.length; j++) {
          const later = group[j]!.item;
          for (let i = 0; i < j; i++) {
            const earlier = group[i]!.item;
            // Same key in other capitalization is PathRedefined's finding.
            if (earlier.path.toLowerCase() === later.path.toLowerCase()) continue;
            for (const op of later.operations) {
              const twin = earlier.operations.find((o) => o.method === op.method);
              if (!twin) continue;
              ctx.report({
                message: `The operations \`${twin.label}\` and \`${op.label}\` have the path templates \`${earlier.path}\` and \`${later.path}\`, which are duplicate and indistinguishable; they need a difference in static path segments for deterministic routing.`,
                at: op.pointer,
              });
            }
          }
        }
      }
    },
  },
});
