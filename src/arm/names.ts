/**
 * A resource name from a connector's title: lower case letters, digits and hyphens, at most 64
 * characters (`Tasklane (Independent Publisher)` → `tasklane-independent-publisher`).
 */
export function resourceNameOf(title: string | undefined): string {
  const name = (title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return name === '' ? 'custom-connector' : name;
}

/**
 * Names ARM template parameters: letters, digits and underscores, starting with a letter, each
 * name given once (`api-key` and `api_key` become `apiKey` and `apiKey2`).
 */
export class ParameterNames {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  /** A free name made of the parts, camel-cased (`['api key', 'client id']` → `apiKeyClientId`). */
  name(...parts: string[]): string {
    const words = parts.flatMap((p) => p.split(/[^A-Za-z0-9]+/)).filter(Boolean);
    let base = words
      .map((w, i) =>
        i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
      )
      .join('');
    if (!/^[A-Za-z]/.test(base)) base = `p${base.charAt(0).toUpperCase()}${base.slice(1)}`;
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
