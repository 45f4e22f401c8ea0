/**
 * One construct of the API description that did not carry over exactly: where it was (a JSON pointer
 * into the input), what it was, and what the converter did instead.
 */
export interface LossItem {
  readonly pointer: string;
  readonly construct: string;
  readonly action: string;
}

/** Collects loss items while a conversion runs. */
export interface Losses {
  readonly items: LossItem[];
  add(pointer: string, construct: string, action: string): void;
}

export function createLosses(): Losses {
  const items: LossItem[] = [];
  // The same input schema can be converted more than once (inlined into parameters, merged into unions).
  const seen = new Set<string>();
  return {
    items,
    add(pointer, construct, action) {
      const key = `${pointer}\u0000${construct}\u0000${action}`;
      if (seen.has(key)) return;
      seen.add(key);
      items.push({ pointer, construct, action });
    },
  };
}

/** Items grouped by construct, in first-seen order. */
export function groupLosses(items: readonly LossItem[]): Map<string, LossItem[]> {
  const groups = new Map<string, LossItem[]>();
  for (const item of items) {
    const list = groups.get(item.construct);
    if (list) list.push(item);
    else groups.set(item.construct, [item]);
  }
  return groups;
}
