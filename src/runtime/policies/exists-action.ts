/** `existsAction` of `setheader` and `setqueryparameter`: what to do when the name already has a value. */
export type ExistsAction = 'override' | 'skip' | 'append';

export const EXISTS_ACTIONS: readonly ExistsAction[] = ['override', 'skip', 'append'];

/**
 * The value to store, or `undefined` to leave the existing one. `append` joins with `separator`
 * (`, ` for headers, `,` for query values: DECIDE 4).
 */
export function resolveExisting(
  action: ExistsAction,
  existing: string | null,
  value: string,
  separator: string,
): string | undefined {
  if (existing === null) return value;
  if (action === 'skip') return undefined;
  if (action === 'append') return existing === '' ? value : `${existing}${separator}${value}`;
  return value;
}
