import { type JsonValue, ownBoolean, ownObject, ownString } from '../../connector/json.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { buildTargetArguments, readLookup } from './arguments.ts';
import { type CallOperation, callForJson } from './call.ts';
import { filePickerList } from './file-picker.ts';
import { isPrimitive, responseItems } from './items.ts';
import { type DynamicSite, locateDynamic, siteLabel } from './locate.ts';
import { displayText, valueAt } from './path.ts';
import { compilePredicate } from './predicate.ts';
import type { TreeNode, TreeSource } from './tree-node.ts';

export interface TreeOptions {
  /** Force a picker; by default `x-ms-dynamic-tree`, else the file picker (`capability: file-picker`). */
  readonly source?: TreeSource;
}

function chooseSource(site: DynamicSite, options: TreeOptions | undefined): TreeSource {
  const wanted = options?.source;
  if ((wanted === undefined || wanted === 'tree') && site.extensions.tree) return 'tree';
  if ((wanted === undefined || wanted === 'file-picker') && site.filePicker) return 'file-picker';
  const what =
    wanted === 'tree'
      ? '`x-ms-dynamic-tree`'
      : wanted === 'file-picker'
        ? 'file picker'
        : '`x-ms-dynamic-tree` or file picker';
  throw new FlowportError(
    'PARAMETER_INVALID',
    `The ${siteLabel(site)} has no ${what}; pick a target listed by \`dynamicTargets\` with the \`tree\` kind.`,
  );
}

async function treeList(
  connector: Connector,
  site: DynamicSite,
  currentArgs: Arguments,
  call: CallOperation,
  selectedItem: JsonValue | undefined,
): Promise<TreeNode[]> {
  const tree = site.extensions.tree!;
  const where = siteLabel(site);
  const partName = selectedItem === undefined ? 'open' : 'browse';
  const part = ownObject(tree, partName);
  if (!part) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `The \`x-ms-dynamic-tree\` of ${where} has no \`${partName}\`; add one naming the operation that lists ${partName === 'open' ? 'the roots' : 'the children of an item'}.`,
    );
  }
  const lookup = readLookup(`x-ms-dynamic-tree ${partName}`, part, 'path');
  const built = buildTargetArguments(connector, lookup, {
    source: site.operation,
    currentArgs,
    selectedItem,
    where,
  });
  const operationId = built.operation.id ?? built.operation.label;
  const purpose = `browsing the tree of ${where}`;
  const json = await callForJson(call, operationId, built.args, purpose);
  const expression = ownString(part, 'itemIsParent');
  const isParent = expression === undefined ? () => false : compilePredicate(expression);
  const settings = ownObject(tree, 'settings');
  // Designer defaults: folders are for navigating, leaves are what gets picked.
  const canSelectParents = ownBoolean(settings, 'canSelectParentNodes') ?? false;
  const canSelectLeaves = ownBoolean(settings, 'canSelectLeafNodes') ?? true;
  const valuePath = ownString(part, 'itemValuePath');
  const titlePath = ownString(part, 'itemTitlePath');
  const fullTitlePath = ownString(part, 'itemFullTitlePath');
  const out: TreeNode[] = [];
  for (const item of responseItems(json, ownString(part, 'itemsPath'), operationId, purpose)) {
    const primitive = isPrimitive(item);
    const value = primitive || !valuePath ? item : valueAt(item, valuePath);
    if (value === undefined) continue;
    const title = titlePath && !primitive ? valueAt(item, titlePath) : undefined;
    const fullTitle = fullTitlePath && !primitive ? valueAt(item, fullTitlePath) : undefined;
    const parent = !primitive && isParent(item);
    out.push({
      value,
      displayName: displayText(title ?? value),
      ...(fullTitle !== undefined && fullTitle !== null && { fullTitle: displayText(fullTitle) }),
      isParent: parent,
      selectable: parent ? canSelectParents : canSelectLeaves,
      item,
    });
  }
  return out;
}

/**
 * Lists the roots of a hierarchical picker: the `open` call of the target's `x-ms-dynamic-tree`, or
 * the connector's `x-ms-capabilities.file-picker` when the target uses `capability: file-picker`.
 *
 * @example
 * const roots = await treeOpen(connector, op, 'path', {}, call);
 * const children = await treeBrowse(connector, op, 'path', {}, call, roots[0].item);
 */
export async function treeOpen(
  connector: Connector,
  operation: Operation,
  target: string,
  currentArgs: Arguments,
  call: CallOperation,
  options?: TreeOptions,
): Promise<TreeNode[]> {
  const site = locateDynamic(connector, operation, target);
  return chooseSource(site, options) === 'tree'
    ? treeList(connector, site, currentArgs, call, undefined)
    : filePickerList(connector, site, currentArgs, call, undefined);
}

/**
 * Lists the children of `selectedItem` (a node's `item`; a primitive stands for the value every
 * `selectedItemValuePath` reads) through the `browse` call of the tree or file picker.
 */
export async function treeBrowse(
  connector: Connector,
  operation: Operation,
  target: string,
  currentArgs: Arguments,
  call: CallOperation,
  selectedItem: JsonValue,
  options?: TreeOptions,
): Promise<TreeNode[]> {
  const site = locateDynamic(connector, operation, target);
  return chooseSource(site, options) === 'tree'
    ? treeList(connector, site, currentArgs, call, selectedItem)
    : filePickerList(connector, site, currentArgs, call, selectedItem);
}
