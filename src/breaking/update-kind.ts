import type { JsonValue } from '../connector/json.ts';
import type { Connector, ConnectorFileKind } from '../connector/model.ts';
import { escapeSegment } from '../connector/pointer.ts';

/** What an update is for certification: nothing changed, a minor update, or a major one. */
export type UpdateKind = 'none' | 'minor' | 'major';

export interface UpdateDifference {
  readonly file: ConnectorFileKind;
  /** JSON pointer of the difference in the JSON files; undefined for other files. */
  readonly pointer: string | undefined;
  /** Whether a minor update may change it. */
  readonly minor: boolean;
}

export interface UpdateClass {
  readonly kind: UpdateKind;
  /** Every difference found, minor ones included (at most 50; the first major ones first). */
  readonly differences: readonly UpdateDifference[];
}

/**
 * Places a minor update may change (Microsoft's certification-updates page): the connector's
 * description and contact, operation summaries and descriptions, response descriptions.
 */
const MINOR_SWAGGER = [
  /^\/info\/description$/,
  /^\/info\/contact(\/|$)/,
  /^\/paths\/[^/]+\/[^/]+\/(summary|description)$/,
  /^\/paths\/[^/]+\/[^/]+\/responses\/[^/]+\/description$/,
  /^\/responses\/[^/]+\/description$/,
];
/** …and in `apiProperties.json`: descriptions and tooltips anywhere, the brand colour, publisher and stack owner. */
const MINOR_PROPERTIES = [
  /\/(description|tooltip)$/,
  /^\/properties\/(iconBrandColor|publisher|stackOwner)$/,
];
/** Files a minor update may change as a whole. */
const MINOR_FILES: readonly ConnectorFileKind[] = ['readme', 'icon'];

const MAX_DIFFERENCES = 50;

/** Pointers where two JSON values differ: a changed value, or a member or item added or removed. */
function differences(a: JsonValue | undefined, b: JsonValue | undefined, at: string, out: string[]): void {
  if (out.length >= 1000) return;
  if (a === b) return;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    typeof a === 'object' &&
    a !== null &&
    !Array.isArray(a) &&
    typeof b === 'object' &&
    b !== null &&
    !Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) differences(a[i], b[i], `${at}/${i}`, out);
    return;
  }
  if (bothObjects) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences(
        Object.hasOwn(a, k) ? a[k] : undefined,
        Object.hasOwn(b, k) ? b[k] : undefined,
        `${at}/${escapeSegment(k)}`,
        out,
      );
    return;
  }
  out.push(at);
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a === b || (a !== undefined && b !== undefined && Buffer.compare(a, b) === 0);

/**
 * Classifies an update as certification does: **minor** when every difference is in a place a minor
 * update may change (descriptions, summaries, contact, brand colour, publisher, readme, icon), else
 * **major**, which takes longer to certify.
 */
export function classifyUpdate(before: Connector, after: Connector): UpdateClass {
  const found: UpdateDifference[] = [];
  const json = (file: 'swagger' | 'apiProperties', minor: readonly RegExp[]) => {
    const a = before.documents[file]?.value;
    const b = after.documents[file]?.value;
    // A file that cannot be read as JSON (or is missing on one side) is compared by its bytes.
    if (a === undefined || b === undefined) {
      if (!sameBytes(before.files[file]?.bytes, after.files[file]?.bytes))
        found.push({ file, pointer: undefined, minor: false });
      return;
    }
    const pointers: string[] = [];
    differences(a, b, '', pointers);
    for (const pointer of pointers)
      found.push({ file, pointer, minor: minor.some((re) => re.test(pointer)) });
  };
  json('swagger', MINOR_SWAGGER);
  json('apiProperties', MINOR_PROPERTIES);
  const kinds = new Set<ConnectorFileKind>([
    ...(Object.keys(before.files) as ConnectorFileKind[]),
    ...(Object.keys(after.files) as ConnectorFileKind[]),
  ]);
  for (const file of kinds) {
    if (file === 'swagger' || file === 'apiProperties') continue;
    if (!sameBytes(before.files[file]?.bytes, after.files[file]?.bytes))
      found.push({ file, pointer: undefined, minor: MINOR_FILES.includes(file) });
  }
  const major = found.filter((d) => !d.minor);
  const kind: UpdateKind = found.length === 0 ? 'none' : major.length === 0 ? 'minor' : 'major';
  return { kind, differences: [...major, ...found.filter((d) => d.minor)].slice(0, MAX_DIFFERENCES) };
}
