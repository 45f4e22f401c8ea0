import { type JsonObject, type JsonValue, own, ownObject, ownString } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';
import { FlowportError } from '../../errors.ts';
import type { Arguments } from '../types.ts';
import { buildTargetArguments, readLookup } from './arguments.ts';
import { type CallOperation, callForJson } from './call.ts';
import { isPrimitive, responseItems } from './items.ts';
import { type DynamicSite, siteLabel } from './locate.ts';
import { displayText, valueAt } from './path.ts';
import type { TreeNode } from './tree-node.ts';

/** The connector-wide `x-ms-capabilities.file-picker`, or undefined. */
export function filePickerCapability(connector: Connector): JsonObject | undefined {
  return ownObject(ownObject(connector.definition.raw, 'x-ms-capabilities'), 'file-picker');
}

function isTrue(value: JsonValue | undefined): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/**
 * Lists the roots (`selectedItem` undefined) or the children of `selectedItem` through the
 * connector's `x-ms-capabilities.file-picker`, for a parameter whose `x-ms-dynamic-values` names
 * `capability: file-picker`. The parameter's `value-path` picks the submitted value; the picker's
 * `value-title`, `value-folder-property` and `value-media-property` give the title, the parent flag
 * and the media type. With the parameter's `isFolder: true` only folders are selectable, otherwise
 * only files.
 */
export async function filePickerList(
  connector: Connector,
  site: DynamicSite,
  currentArgs: Arguments,
  call: CallOperation,
  selectedItem: JsonValue | undefined,
): Promise<TreeNode[]> {
  const where = siteLabel(site);
  const picker = filePickerCapability(connector);
  if (!picker) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `The ${where} uses the file picker, but the connector declares no \`x-ms-capabilities.file-picker\`; add it or an \`x-ms-dynamic-tree\`.`,
    );
  }
  const part = selectedItem === undefined ? 'open' : 'browse';
  const raw = ownObject(picker, part);
  if (!raw) {
    throw new FlowportError(
      'DYNAMIC_LOOKUP_FAILED',
      `The connector's \`x-ms-capabilities.file-picker\` has no \`${part}\`; add one naming the operation that lists a folder.`,
    );
  }
  const lookup = readLookup(`x-ms-capabilities.file-picker ${part}`, raw, 'picker');
  const built = buildTargetArguments(connector, lookup, {
    source: site.operation,
    currentArgs,
    selectedItem,
    where,
  });
  const operationId = built.operation.id ?? built.operation.label;
  const purpose = `browsing the file picker of ${where}`;
  const json = await callForJson(call, operationId, built.args, purpose);
  const values = site.extensions.values;
  const valuePath = ownString(values, 'value-path');
  const titlePath = ownString(picker, 'value-title');
  const folderPath = ownString(picker, 'value-folder-property');
  const mediaPath = ownString(picker, 'value-media-property');
  const foldersOnly = isTrue(own(ownObject(values, 'parameters'), 'isFolder'));
  const out: TreeNode[] = [];
  for (const item of responseItems(json, ownString(picker, 'value-collection'), operationId, purpose)) {
    const value = isPrimitive(item) || !valuePath ? item : valueAt(item, valuePath);
    if (value === undefined) continue;
    const title = titlePath ? valueAt(item, titlePath) : undefined;
    const isParent = folderPath ? isTrue(valueAt(item, folderPath)) : false;
    const media = mediaPath ? valueAt(item, mediaPath) : undefined;
    out.push({
      value,
      displayName: displayText(title ?? value),
      isParent,
      selectable: foldersOnly ? isParent : !isParent,
      ...(typeof media === 'string' && { mediaType: media }),
      item,
    });
  }
  return out;
}
