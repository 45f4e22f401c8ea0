import type { JsonValue } from '../../connector/json.ts';

/** One entry of a hierarchical picker (`x-ms-dynamic-tree` or the connector's file picker). */
export interface TreeNode {
  /** The value submitted for the parameter when this node is chosen. */
  readonly value: JsonValue;
  readonly displayName: string;
  /** The full path shown for the node (`itemFullTitlePath`), when the extension names one. */
  readonly fullTitle?: string;
  /** The node has children: pass `item` to `treeBrowse` to list them. */
  readonly isParent: boolean;
  /** The node may be chosen as the parameter's value. */
  readonly selectable: boolean;
  /** `value-media-property` of the file picker, when present. */
  readonly mediaType?: string;
  /** The item as the operation returned it; `treeBrowse` reads the selected-item paths from it. */
  readonly item: JsonValue;
}

/** Which picker a tree call uses; by default `x-ms-dynamic-tree`, else the file picker. */
export type TreeSource = 'tree' | 'file-picker';
