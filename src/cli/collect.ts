/** Commander collector for repeatable flags (`--param`, `--conn`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
