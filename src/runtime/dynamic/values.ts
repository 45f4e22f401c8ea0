import { type JsonObject, type JsonValue, ownString } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { buildTargetArguments, type LookupCall, readLookup } from './arguments.ts';
import { type CallOperation, callForJson } from './call.ts';
import { isPrimitive, responseItems } from './items.ts';
import { type DynamicSite, locateDynamic, siteLabel } from './locate.ts';
import { displayText, valueAt } from './path.ts';

/** One entry of a dynamic drop-down. */
export interface DynamicValue {
  readonly value: JsonValue;
  readonly displayName: string;
  readonly description?: string;
  readonly disabled?: boolean;
}

/** Which paths read the items of a response, by extension. */
interface ItemPaths {
  readonly collection: string | undefined;
  readonly value: string | undefined;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly selectable: string | undefined;
}

function listPaths(ext: JsonObject): ItemPaths {
  return {
    collection: ownString(ext, 'itemsPath'),
    value: ownString(ext, 'itemValuePath'),
    title: ownString(ext, 'itemTitlePath'),
    description: undefined,
    selectable: undefined,
  };
}

function valuesPaths(ext: JsonObject): ItemPaths {
  return {
    collection: ownString(ext, 'value-collection'),
    value: ownString(ext, 'value-path'),
    title: ownString(ext, 'value-title'),
    description: ownString(ext, 'value-description'),
    selectable: ownString(ext, 'value-selectable'),
  };
}

/**
 * The lookup a site's drop-down uses: `x-ms-dynamic-list` when it names an operation, else
 * `x-ms-dynamic-values` (its path-based references are unambiguous; runtime spec §4.12).
 */
export function valuesLookup(site: DynamicSite): { lookup: LookupCall; paths: ItemPaths } {
  const { list, values } = site.extensions;
  if (list && (ownString(list, 'operationId') !== undefined || !values)) {
    return { lookup: readLookup('x-ms-dynamic-list', list, 'path'), paths: listPaths(list) };
  }
  if (values) {
    if (ownString(values, 'operationId') === undefined) {
      const source = ownString(values, 'builtInOperation') ?? ownString(values, 'capability');
      if (source !== undefined) {
        const hint = source === 'file-picker' ? '; browse it with `treeOpen` and `treeBrowse` instead' : '';
        throw new FlowportError(
          'DYNAMIC_LOOKUP_FAILED',
          `The \`x-ms-dynamic-values\` of ${siteLabel(site)} uses the platform source \`${source}\`, which is not available offline${hint}.`,
        );
      }
    }
    return { lookup: readLookup('x-ms-dynamic-values', values, 'name'), paths: valuesPaths(values) };
  }
  throw new FlowportError(
    'PARAMETER_INVALID',
    `The ${siteLabel(site)} has no \`x-ms-dynamic-list\` or \`x-ms-dynamic-values\`; pick a target listed by \`dynamicTargets\`.`,
  );
}

function toValue(item: JsonValue, paths: ItemPaths): DynamicValue | undefined {
  if (isPrimitive(item)) return { value: item, displayName: displayText(item) };
  const value = paths.value ? valueAt(item, paths.value) : item;
  if (value === undefined) return undefined;
  const title = paths.title ? valueAt(item, paths.title) : undefined;
  const description = paths.description ? valueAt(item, paths.description) : undefined;
  const selectable = paths.selectable ? valueAt(item, paths.selectable) : undefined;
  return {
    value,
    displayName: title === undefined || title === null ? displayText(value) : displayText(title),
    ...(description !== undefined && description !== null && { description: displayText(description) }),
    ...((selectable === false || selectable === 'false') && { disabled: true }),
  };
}

/**
 * Lists the values of a dynamic drop-down (`x-ms-dynamic-list`, else `x-ms-dynamic-values`) by
 * calling the operation it names with arguments built from `currentArgs`. Items whose value path
 * is missing are left out; primitive items are their own value and title.
 *
 * @example
 * await listDynamicValues(connector, op, 'accountId', {}, call);
 * // [{ value: 'a1b2', displayName: 'Contoso' }]
 */
export async function listDynamicValues(
  connector: Connector,
  operation: Operation,
  target: string,
  currentArgs: Arguments,
  call: CallOperation,
): Promise<DynamicValue[]> {
  const site = locateDynamic(connector, operation, target);
  const { lookup, paths } = valuesLookup(site);
  const where = siteLabel(site);
  const built = buildTargetArguments(connector, lookup, { source: operation, currentArgs, where });
  const purpose = `listing values for ${where}`;
  const operationId = built.operation.id ?? built.operation.label;
  const json = await callForJson(call, operationId, built.args, purpose);
  const out: DynamicValue[] = [];
  for (const item of responseItems(json, paths.collection, operationId, purpose)) {
    const value = toValue(item, paths);
    if (value) out.push(value);
  }
  return out;
}
