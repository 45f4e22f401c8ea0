import type { DynamicReference } from '../connector/model.ts';
import type { At, Changes } from './change.ts';

/** Where dynamic values, lists, schemas or properties come from, as one comparable string. */
function sources(refs: readonly DynamicReference[]): string {
  return refs
    .map(
      (d) =>
        `${d.extension} ${d.operationId ?? d.builtInOperation ?? d.capability ?? ''} ${JSON.stringify(d.parameters)}`,
    )
    .sort()
    .join('\n');
}

const origin = (d: DynamicReference | undefined) =>
  d?.operationId ?? d?.builtInOperation ?? d?.capability ?? 'a built-in operation';

/**
 * Reports `dynamic-source-changed` when an input (a parameter, a body field) that took its values or
 * shape from an operation (`x-ms-dynamic-values`, `-list`, `-schema`, `-properties`) lost them or
 * takes them from another operation or with other parameters: flows saved values the old source gave.
 * Gaining dynamic values breaks nothing.
 */
export function compareDynamicSource(
  changes: Changes,
  before: readonly DynamicReference[],
  after: readonly DynamicReference[],
  where: { readonly path: string; readonly label: string; readonly at: At },
): void {
  if (before.length === 0 || sources(before) === sources(after)) return;
  const first = before[0] as DynamicReference;
  changes.add(
    'dynamic-source-changed',
    `${where.path}/${first.extension}`,
    after.length === 0
      ? `${where.label} no longer has dynamic values (from \`${origin(first)}\`).`
      : `The dynamic values of ${lower(where.label)} now come from \`${origin(after[0])}\` or with other parameters.`,
    where.at,
  );
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
