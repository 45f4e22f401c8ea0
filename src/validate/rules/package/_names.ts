/** Names in backticks, joined: `a/`, `b/` and `c/`. */
export function quoted(names: readonly string[], suffix = ''): string {
  const items = names.map((n) => `\`${n}${suffix}\``);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `1 zip`, `2 zips`. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
