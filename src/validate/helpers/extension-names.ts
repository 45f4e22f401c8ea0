/**
 * `x-ms-*` extension names that tools really read: Microsoft's connector schema, the documented
 * extensions, AutoRest's (which the platform ignores) and the names first-party designers recognise.
 */
export const KNOWN_EXTENSIONS: readonly string[] = [
  // Microsoft's apiDefinition.swagger.schema.json and the connector docs
  'x-ms-api-annotation',
  'x-ms-capabilities',
  'x-ms-connector-metadata',
  'x-ms-deployment-version',
  'x-ms-docs',
  'x-ms-dynamic-list',
  'x-ms-dynamic-properties',
  'x-ms-dynamic-schema',
  'x-ms-dynamic-tree',
  'x-ms-dynamic-values',
  'x-ms-editor',
  'x-ms-editor-options',
  'x-ms-enum-values',
  'x-ms-explicit-input',
  'x-ms-keywords',
  'x-ms-localizeDefaultValue',
  'x-ms-media-kind',
  'x-ms-no-generic-test',
  'x-ms-notification',
  'x-ms-notification-content',
  'x-ms-notification-url',
  'x-ms-operation-context',
  'x-ms-pageable',
  'x-ms-safe-operation',
  'x-ms-summary',
  'x-ms-test-value',
  'x-ms-trigger',
  'x-ms-trigger-hint',
  'x-ms-trigger-metadata',
  'x-ms-trigger-value',
  'x-ms-url-encoding',
  'x-ms-visibility',
  // AI / Copilot
  'x-ms-openai-data',
  'x-ms-openai-manifest',
  'x-ms-openai-published-to-copilots',
  'x-ms-require-user-confirmation',
  'x-ms-name-for-model',
  'x-ms-description-for-model',
  'x-ms-ai-sensitivity',
  // AutoRest (ignored by the Power Platform, but correctly spelled)
  'x-ms-azure-resource',
  'x-ms-client-default',
  'x-ms-client-flatten',
  'x-ms-client-name',
  'x-ms-client-request-id',
  'x-ms-code-generation-settings',
  'x-ms-discriminator-value',
  'x-ms-enum',
  'x-ms-error-response',
  'x-ms-examples',
  'x-ms-external',
  'x-ms-header-collection-prefix',
  'x-ms-identifiers',
  'x-ms-long-running-operation',
  'x-ms-long-running-operation-options',
  'x-ms-mutability',
  'x-ms-odata',
  'x-ms-parameter-grouping',
  'x-ms-parameter-location',
  'x-ms-parameterized-host',
  'x-ms-paths',
  'x-ms-request-id',
  'x-ms-secret',
  'x-ms-skip-url-encoding',
  'x-ms-api-version',
  'x-ms-docs-operation-type',
  // Logic Apps designer and Power Fx
  'x-ms-base-path',
  'x-ms-content-hint',
  'x-ms-content-sensitivityLabelInfo',
  'x-ms-deserialization',
  'x-ms-displayFormat',
  'x-ms-dynamically-added',
  'x-ms-enum-display-name',
  'x-ms-format',
  'x-ms-group-name',
  'x-ms-headers',
  'x-ms-input-dependencies',
  'x-ms-keyOrder',
  'x-ms-keyType',
  'x-ms-method',
  'x-ms-navigationProperty',
  'x-ms-path',
  'x-ms-permission',
  'x-ms-property-entity-type',
  'x-ms-property-name-alias',
  'x-ms-relationships',
  'x-ms-scheduler-recommendation',
  'x-ms-scheduler-trigger',
  'x-ms-serialization',
  'x-ms-sort',
  'x-ms-tooltip',
];

const KNOWN: ReadonlySet<string> = new Set(KNOWN_EXTENSIONS);
const BY_LOWER: ReadonlyMap<string, string> = new Map(KNOWN_EXTENSIONS.map((n) => [n.toLowerCase(), n]));
const LONGEST_FIRST: readonly string[] = [...BY_LOWER.keys()].sort((a, b) => b.length - a.length);
const PREFIX = 'x-ms-';
/** `x-ms-`, `x_ms_`, `xms-`, `x-ms` glued to the name… (after lower-casing and removing spaces). */
const LOOSE_PREFIX = /^x[-_]?ms[-_]?/;
/** A known name followed by junk: `x-ms-summary title`, `x-ms-summary:`. */
const TRAILER = /^[\s:;,.'"]/;

/** Restricted Damerau–Levenshtein (optimal string alignment) distance, or `max + 1` once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Edits allowed for a name of this length after `x-ms-`: short names must match exactly. */
function allowedEdits(suffixLength: number): number {
  if (suffixLength >= 8) return 2;
  if (suffixLength >= 5) return 1;
  return 0;
}

const decided = new Map<string, string | null>();
const MAX_DECIDED = 10_000;

/**
 * The known extension a key was presumably meant to be, or undefined when the key is a known
 * extension itself or not close to one. Decisions are memoised (keys repeat across connectors).
 * @example misspeltExtension('x-ms-visibilty') // 'x-ms-visibility'
 * @example misspeltExtension('x-ms-summary') // undefined
 */
export function misspeltExtension(key: string): string | undefined {
  if (KNOWN.has(key)) return undefined;
  const memo = decided.get(key);
  if (memo !== undefined) return memo ?? undefined;
  const result = decide(key);
  if (decided.size >= MAX_DECIDED) decided.clear();
  decided.set(key, result ?? null);
  return result;
}

function decide(key: string): string | undefined {
  const lower = key.toLowerCase();
  const squeezed = lower.replace(/\s+/g, '').replace(/[:;,.]+$/, '');
  const prefix = LOOSE_PREFIX.exec(squeezed);
  if (!prefix) return undefined;
  const candidate = PREFIX + squeezed.slice(prefix[0].length);
  const exact = BY_LOWER.get(candidate) ?? BY_LOWER.get(lower.trim().replace(/\s+/g, '-'));
  if (exact) return exact;
  for (const name of LONGEST_FIRST) {
    if (lower.startsWith(name) && TRAILER.test(lower.slice(name.length))) return BY_LOWER.get(name);
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [name, canonical] of BY_LOWER) {
    const max = allowedEdits(name.length - PREFIX.length);
    if (max === 0) continue;
    const d = editDistance(candidate, name, max);
    if (d <= max && d < bestDistance) {
      best = canonical;
      bestDistance = d;
    }
  }
  return best;
}
