import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isObject, type JsonObject, ownArray, ownObject } from '../connector/json.ts';
import { FlowportError } from '../errors.ts';
import { type ConvertOptions, type ConvertResult, convert, stringify } from './convert.ts';
import { mergeUpdate, type UpdateChanges } from './merge.ts';

/** Where `init` keeps the swagger of the last import, the base of the next `--update` merge. */
export const BASE_FILE = join('.flowport', 'base.swagger.json');

export interface InitOptions extends Omit<ConvertOptions, 'source'> {
  /** The API description: OpenAPI 3.0/3.1, Swagger 2.0 or Postman v2.1, JSON or YAML. */
  readonly from: string;
  /** The connector folder to create (or update). */
  readonly dir: string;
  /** Overwrite an existing connector. */
  readonly force?: boolean;
  /** Convert and report, write nothing. */
  readonly dryRun?: boolean;
  /** Merge into the existing connector, keeping the author's edits. */
  readonly update?: boolean;
}

export interface InitResult {
  readonly conversion: ConvertResult;
  readonly dir: string;
  /** Files written (none for a dry run). */
  readonly written: readonly string[];
  /** Set for `update`. */
  readonly changes: UpdateChanges | undefined;
}

const CONNECTOR_FILES = ['apiDefinition.swagger.json', 'apiProperties.json'];
const encoder = new TextEncoder();

function readJson(path: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The author's apiProperties with generated policies they do not have yet added. */
function mergeProperties(mine: JsonObject | undefined, theirs: JsonObject): JsonObject {
  if (!mine) return theirs;
  const merged = structuredClone(mine);
  const props = (ownObject(merged, 'properties') ?? {}) as JsonObject;
  merged.properties = props;
  const policies = ownArray(props, 'policyTemplateInstances') ?? [];
  const known = new Set(policies.map((p) => JSON.stringify(p)));
  for (const p of ownArray(ownObject(theirs, 'properties'), 'policyTemplateInstances') ?? [])
    if (!known.has(JSON.stringify(p))) policies.push(p);
  if (policies.length > 0) props.policyTemplateInstances = policies;
  const params = (ownObject(props, 'connectionParameters') ?? {}) as JsonObject;
  for (const [name, p] of Object.entries(
    ownObject(ownObject(theirs, 'properties'), 'connectionParameters') ?? {},
  ))
    if (params[name] === undefined) params[name] = p;
  props.connectionParameters = params;
  return merged;
}

/**
 * `flowport init` as a library call: converts `from` and writes the connector folder `dir`
 * (`apiDefinition.swagger.json`, `apiProperties.json`, `readme.md`, `icon.png`,
 * `conversion-report.md`, and `.flowport/base.swagger.json` for later updates).
 *
 * @example
 * const { conversion } = await initConnector({ from: 'openapi.yaml', dir: 'my-connector' });
 * console.log(conversion.summary);
 */
export async function initConnector(options: InitOptions): Promise<InitResult> {
  let text: string;
  try {
    text = readFileSync(options.from, 'utf8');
  } catch (cause) {
    throw new FlowportError('CONVERT_INPUT_INVALID', `Cannot read \`${options.from}\`.`, { cause });
  }
  const swaggerPath = join(options.dir, 'apiDefinition.swagger.json');
  const exists = CONNECTOR_FILES.some((f) => existsSync(join(options.dir, f)));
  if (options.update && !existsSync(swaggerPath))
    throw new FlowportError(
      'CONNECTOR_NOT_FOUND',
      `\`${options.dir}\` has no \`apiDefinition.swagger.json\` to update; run \`flowport init\` without \`--update\` first.`,
    );
  if (exists && !options.update && !options.force && !options.dryRun)
    throw new FlowportError(
      'INIT_TARGET_EXISTS',
      `\`${options.dir}\` already holds a connector; pass \`--force\` to overwrite it or \`--update\` to merge the new description into it.`,
    );
  const conversion = convert(text, { ...options, source: basename(options.from) });
  const files: Record<string, Uint8Array> = { ...conversion.files };
  const base = encoder.encode(stringify(conversion.swagger));
  let changes: UpdateChanges | undefined;
  if (options.update) {
    const mine = readJson(swaggerPath);
    if (!mine)
      throw new FlowportError(
        'CONNECTOR_PARSE_FAILED',
        `\`${swaggerPath}\` is not valid JSON; fix it before updating.`,
      );
    const merged = mergeUpdate(readJson(join(options.dir, BASE_FILE)), mine, conversion.swagger);
    changes = merged.changes;
    files['apiDefinition.swagger.json'] = encoder.encode(stringify(merged.swagger));
    files['apiProperties.json'] = encoder.encode(
      stringify(mergeProperties(readJson(join(options.dir, 'apiProperties.json')), conversion.apiProperties)),
    );
    // The author's readme and icon are theirs once written.
    for (const name of ['readme.md', 'icon.png']) if (existsSync(join(options.dir, name))) delete files[name];
  }
  files[BASE_FILE] = base;
  const written: string[] = [];
  if (!options.dryRun) {
    mkdirSync(join(options.dir, '.flowport'), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(options.dir, name);
      writeFileSync(path, bytes);
      written.push(path);
    }
  }
  return { conversion, dir: options.dir, written, changes };
}
