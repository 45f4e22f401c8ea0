import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BreakingResult } from '../breaking/change.ts';
import { compareConnectors } from '../breaking/compare.ts';
import { readFolder } from '../connector/files.ts';
import { isObject, type JsonObject, ownArray, ownObject } from '../connector/json.ts';
import { connectorFromFiles, loadConnectorSync } from '../connector/load.ts';
import { FlowportError } from '../errors.ts';
import { bundleFiles, hasExternalRefs } from './bundle.ts';
import { type ConvertOptions, type ConvertResult, convertInput, stringify } from './convert.ts';
import { fetchDescription, isDescriptionUrl } from './fetch-description.ts';
import { type ApiInput, readInput } from './input.ts';
import { mergeUpdate, type UpdateChanges } from './merge.ts';
import { partPolicies } from './parts.ts';
import { swaggerForTags } from './split.ts';

/** Where `init` keeps the swagger of the last import, the base of the next `--update` merge. */
export const BASE_FILE = join('.flowport', 'base.swagger.json');
/** In each folder of a split: which tags (and operations) it holds, for `--update`. */
export const PART_FILE = join('.flowport', 'part.json');

export interface InitOptions extends Omit<ConvertOptions, 'source'> {
  /** The API description (OpenAPI 3.0/3.1, Swagger 2.0 or Postman v2.0/v2.1, JSON or YAML), a HAR, curl commands; `-` for standard input. */
  readonly from: string;
  /** The connector folder to create (or update). */
  readonly dir: string;
  /** Overwrite an existing connector. */
  readonly force?: boolean;
  /** Convert and report, write nothing. */
  readonly dryRun?: boolean;
  /** Merge into the existing connector, keeping the author's edits. */
  readonly update?: boolean;
  /** Write an update even when it breaks flows built on the connector as it is. */
  readonly allowBreaking?: boolean;
}

export interface InitResult {
  readonly conversion: ConvertResult;
  readonly dir: string;
  /** Files written (none for a dry run). */
  readonly written: readonly string[];
  /** The connector folders written (or that a dry run would write): `dir`, or one per part of a split. */
  readonly connectors: readonly string[];
  /** Set for `update`. */
  readonly changes: UpdateChanges | undefined;
  /** Set for `update`: what the updated connector breaks for flows built on it as it was (`flowport breaking`). */
  readonly breaking: BreakingResult | undefined;
  /** True when the update breaks flows and `allowBreaking` was not given: nothing was written. */
  readonly refused: boolean;
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
  const part = options.update ? readPart(join(options.dir, PART_FILE)) : undefined;
  const whole = await readDescription(options.from);
  const source = whole.source;
  const conversion = convertInput(whole, {
    ...options,
    source,
    // An update merges into one folder: a split folder takes its own tags from the whole conversion.
    ...((options.update || part) && { split: 'none' as const }),
  });
  const parts = options.update ? [] : conversion.parts;
  if (!options.update && !options.force && !options.dryRun)
    for (const p of parts)
      if (CONNECTOR_FILES.some((f) => existsSync(join(options.dir, p.name, f))))
        throw new FlowportError(
          'INIT_TARGET_EXISTS',
          `\`${join(options.dir, p.name)}\` already holds a connector; pass \`--force\` to overwrite it.`,
        );
  const folders: Record<string, Record<string, Uint8Array>> = {};
  let changes: UpdateChanges | undefined;
  let breaking: BreakingResult | undefined;
  if (parts.length > 0) {
    folders[''] = { 'conversion-report.md': conversion.files['conversion-report.md'] ?? new Uint8Array() };
    for (const p of parts) {
      const shared = p.tags.filter((t) => parts.some((other) => other !== p && other.tags.includes(t)));
      folders[p.name] = {
        ...p.files,
        [BASE_FILE]: encoder.encode(stringify(p.swagger)),
        [PART_FILE]: encoder.encode(
          stringify({ title: p.title, tags: p.tags, shared, operationIds: p.operationIds }),
        ),
      };
    }
  } else {
    const files: Record<string, Uint8Array> = { ...conversion.files };
    let theirs = conversion.swagger;
    let theirProperties = conversion.apiProperties;
    if (part) {
      theirs = swaggerForTags(conversion.swagger, part);
      const base = readJson(join(options.dir, BASE_FILE));
      theirs.info = { ...(ownObject(theirs, 'info') ?? {}), ...(ownObject(base, 'info') ?? {}) };
      const ids = new Set(part.operationIds);
      for (const item of Object.values(ownObject(theirs, 'paths') ?? {}))
        for (const op of Object.values(isObject(item) ? item : {}))
          if (isObject(op) && typeof op.operationId === 'string') ids.add(op.operationId);
      const props = ownObject(theirProperties, 'properties') ?? {};
      theirProperties = {
        ...theirProperties,
        properties: {
          ...props,
          policyTemplateInstances: partPolicies(ownArray(props, 'policyTemplateInstances') ?? [], ids),
        },
      };
    }
    // A recording shows the calls made, not the API: what an earlier one showed stays (additive).
    if (options.update && (conversion.format === 'har' || conversion.format === 'curl'))
      theirs = withEarlierOperations(theirs, readJson(join(options.dir, BASE_FILE)));
    const base = encoder.encode(stringify(theirs));
    if (options.update) {
      const mine = readJson(swaggerPath);
      if (!mine)
        throw new FlowportError(
          'CONNECTOR_PARSE_FAILED',
          `\`${swaggerPath}\` is not valid JSON; fix it before updating.`,
        );
      const merged = mergeUpdate(readJson(join(options.dir, BASE_FILE)), mine, theirs);
      changes = merged.changes;
      files['apiDefinition.swagger.json'] = encoder.encode(stringify(merged.swagger));
      files['apiProperties.json'] = encoder.encode(
        stringify(mergeProperties(readJson(join(options.dir, 'apiProperties.json')), theirProperties)),
      );
      // The author's readme, icon and the report of a split are theirs once written.
      for (const name of ['readme.md', 'icon.png'])
        if (existsSync(join(options.dir, name))) delete files[name];
      if (part) delete files['conversion-report.md'];
    }
    files[BASE_FILE] = base;
    folders[''] = files;
    if (options.update) breaking = breakingOfUpdate(options.dir, files);
  }
  const refused = (breaking?.summary.error ?? 0) > 0 && !options.allowBreaking;
  const written: string[] = [];
  const connectors = parts.length > 0 ? parts.map((p) => join(options.dir, p.name)) : [options.dir];
  if (!options.dryRun && !refused)
    for (const [folder, files] of Object.entries(folders)) {
      const at = join(options.dir, folder);
      mkdirSync(join(at, '.flowport'), { recursive: true });
      for (const [name, bytes] of Object.entries(files)) {
        const path = join(at, name);
        writeFileSync(path, bytes);
        written.push(path);
      }
    }
  return { conversion, dir: options.dir, written, connectors, changes, breaking, refused };
}

/**
 * The connector folder as an update would leave it (its files replaced by `files`, the others kept),
 * compared with the folder as it is: the regeneration is gated by the breaking-change check.
 */
function breakingOfUpdate(dir: string, files: Record<string, Uint8Array>): BreakingResult {
  const before = loadConnectorSync(dir);
  const kept = readFolder(dir).filter((f) => !(f.name in files));
  // `.flowport/…` is flowport's own, not part of the connector.
  const written = Object.entries(files)
    .filter(([name]) => !name.includes('/'))
    .map(([name, bytes]) => ({ name, bytes }));
  return compareConnectors(before, connectorFromFiles([...kept, ...written], { source: dir }));
}

/**
 * The description `from` names — a file, `-` for standard input, or an http(s) URL — parsed, with
 * the documents its `$ref`s name (files beside it, or URLs) brought into it.
 */
async function readDescription(from: string): Promise<ApiInput & { source: string }> {
  if (isDescriptionUrl(from)) {
    const { source, input } = await fetchDescription(from);
    return { ...input, source };
  }
  let text: string;
  try {
    // `-`: standard input (curl commands piped from the clipboard).
    text = readFileSync(from === '-' ? 0 : from, 'utf8');
  } catch (cause) {
    throw new FlowportError('CONVERT_INPUT_INVALID', `Cannot read \`${from}\`.`, { cause });
  }
  const source = from === '-' ? 'stdin' : basename(from);
  const input = readInput(text, source);
  if (input.format === 'curl') {
    // Files the commands name (`-d @body.json`) are read beside them, as curl run there would.
    const base = from === '-' ? process.cwd() : dirname(resolve(from));
    const readFile = (path: string) => {
      try {
        return readFileSync(resolve(base, path), 'utf8');
      } catch {
        return undefined;
      }
    };
    return { ...input, source, readFile };
  }
  if (input.format === 'har' || !hasExternalRefs(input.document, false)) return { ...input, source };
  // A description split over files is brought together first (refs relative to the one they are in).
  return { ...input, source, document: bundleFiles(input.document, from === '-' ? 'stdin' : from) };
}

/**
 * `swagger` with the operations of `earlier` (the last import's swagger) it does not have, by
 * operationId, where their method and path are free: a later recording adds to earlier ones.
 */
function withEarlierOperations(swagger: JsonObject, earlier: JsonObject | undefined): JsonObject {
  const { paths, basePath } = rebased(swagger, earlier);
  const ids = new Set<string>();
  for (const item of Object.values(paths))
    for (const op of Object.values(isObject(item) ? item : {}))
      if (isObject(op) && typeof op.operationId === 'string') ids.add(op.operationId.toLowerCase());
  for (const [path, item] of Object.entries(ownObject(earlier, 'paths') ?? {}))
    for (const [method, op] of Object.entries(isObject(item) ? item : {})) {
      if (!isObject(op) || typeof op.operationId !== 'string' || ids.has(op.operationId.toLowerCase()))
        continue;
      const target = { ...(ownObject(paths, path) ?? {}) };
      if (target[method] !== undefined) continue;
      target[method] = op;
      paths[path] = target;
    }
  return { ...swagger, ...(basePath !== undefined && { basePath }), paths };
}

/**
 * The paths of `swagger` under the base path of `earlier` when the two differ and every path allows
 * it (`/v1` + `/tasks` → `/tasks` under `/v1`… or `/v1/tasks` under `/`), so that a later
 * recording's paths meet the earlier one's; else its own paths and base path.
 */
function rebased(
  swagger: JsonObject,
  earlier: JsonObject | undefined,
): { paths: JsonObject; basePath?: string } {
  const own = ownObject(swagger, 'paths') ?? {};
  const from = String(swagger.basePath ?? '/').replace(/\/$/, '');
  const to = typeof earlier?.basePath === 'string' ? earlier.basePath.replace(/\/$/, '') : undefined;
  if (to === undefined || from === to) return { paths: { ...own } };
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(own)) {
    const full = `${from}${path}`;
    if (!full.startsWith(`${to}/`)) return { paths: { ...own } };
    paths[full.slice(to.length)] = item;
  }
  return { paths, basePath: to || '/' };
}

/** `.flowport/part.json` of a split folder, when there is one. */
function readPart(path: string): { tags: string[]; shared: string[]; operationIds: string[] } | undefined {
  const value = readJson(path);
  if (!value) return undefined;
  const strings = (key: string) => (ownArray(value, key) ?? []).filter((v) => typeof v === 'string');
  return { tags: strings('tags'), shared: strings('shared'), operationIds: strings('operationIds') };
}
