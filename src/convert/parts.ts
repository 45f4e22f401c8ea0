import { isObject, type JsonObject, ownArray, ownObject } from '../connector/json.ts';
import type { PresetName } from '../validate/rule.ts';
import { drawIcon } from './icon.ts';
import { buildReadme } from './readme.ts';
import { remainingFindings } from './remaining.ts';
import { type Remaining, renderPartReport } from './report.ts';
import { slug, splitByTag } from './split.ts';
import { stringify } from './stringify.ts';

/** One connector of a split conversion, written to its own folder `<name>`. */
export interface ConvertedPart {
  /** Folder name: `<connector>-<first tag>` in kebab case. */
  readonly name: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly operationIds: readonly string[];
  readonly swagger: JsonObject;
  readonly apiProperties: JsonObject;
  /** Bytes of its `apiDefinition.swagger.json`. */
  readonly bytes: number;
  readonly remaining: readonly Remaining[];
  /** The part's files: swagger, apiProperties, readme, icon and a short `conversion-report.md`. */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

export interface PartsInput {
  readonly swagger: JsonObject;
  /** apiProperties of the whole connector: connection parameters and policies are shared out. */
  readonly apiProperties: JsonObject;
  readonly color: string;
  readonly publisher: string | undefined;
  readonly source: string;
  readonly losses: number;
  readonly preset: PresetName | false;
}

const OPERATION_NAMES = 'x-ms-apimTemplate-operationName';

/** The policies that apply to the part: global ones, and per-operation ones narrowed to its operations. */
export function partPolicies(policies: readonly unknown[], ids: ReadonlySet<string>): JsonObject[] {
  const out: JsonObject[] = [];
  for (const policy of policies) {
    if (!isObject(policy)) continue;
    const parameters = ownObject(policy, 'parameters');
    const names = ownArray(parameters, OPERATION_NAMES);
    if (!names || names.length === 0) {
      out.push(policy);
      continue;
    }
    const mine = names.filter((n) => typeof n === 'string' && ids.has(n));
    if (mine.length > 0) out.push({ ...policy, parameters: { ...parameters, [OPERATION_NAMES]: mine } });
  }
  return out;
}

function hasTriggers(swagger: JsonObject): boolean {
  for (const item of Object.values(ownObject(swagger, 'paths') ?? {}))
    if (isObject(item))
      for (const op of Object.values(item)) if (isObject(op) && op['x-ms-trigger'] !== undefined) return true;
  return false;
}

const encoder = new TextEncoder();

/** Splits a converted connector over the platform's limits into connectors by tag (see `splitByTag`). */
export function buildParts(input: PartsInput): ConvertedPart[] {
  const split = splitByTag(input.swagger);
  const base = slug(String(ownObject(input.swagger, 'info')?.title ?? 'connector'));
  const whole = ownObject(input.apiProperties, 'properties') ?? {};
  return split.map((part, i) => {
    const ids = new Set(part.operationIds);
    const policies = partPolicies(ownArray(whole, 'policyTemplateInstances') ?? [], ids);
    const properties: JsonObject = { ...whole };
    if (policies.length > 0) properties.policyTemplateInstances = policies;
    else delete properties.policyTemplateInstances;
    properties.capabilities = hasTriggers(part.swagger) ? ['actions', 'triggers'] : ['actions'];
    const apiProperties: JsonObject = { ...input.apiProperties, properties };
    const name = `${base}-${part.suffix}`;
    const files: Record<string, Uint8Array> = {
      'apiDefinition.swagger.json': encoder.encode(part.text),
      'apiProperties.json': encoder.encode(stringify(apiProperties)),
      'readme.md': encoder.encode(
        buildReadme({
          swagger: part.swagger,
          apiProperties,
          publisher: input.publisher,
          source: input.source,
          losses: input.losses,
        }),
      ),
      'icon.png': drawIcon(input.color, part.title),
    };
    const remaining = input.preset === false ? [] : remainingFindings(files, input.preset);
    files['conversion-report.md'] = encoder.encode(
      renderPartReport({
        source: input.source,
        index: i,
        count: split.length,
        tags: part.tags,
        operations: part.operationIds.length,
        bytes: part.bytes,
        remaining,
        preset: input.preset === false ? 'certification' : input.preset,
      }),
    );
    return {
      name,
      title: part.title,
      tags: part.tags,
      operationIds: part.operationIds,
      swagger: part.swagger,
      apiProperties,
      bytes: part.bytes,
      remaining,
      files,
    };
  });
}
