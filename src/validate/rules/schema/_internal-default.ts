import { own, ownString } from '../../../connector/json.ts';
import { isRequiredNode } from '../../helpers/schema-usage.ts';
import type { SchemaNode } from '../../rule.ts';

/** An internal parameter or property with a `default` that is not required: the platform never sends it. */
export function isOptionalInternalWithDefault(node: SchemaNode): boolean {
  if (ownString(node.raw, 'x-ms-visibility')?.toLowerCase() !== 'internal') return false;
  return own(node.raw, 'default') !== undefined && !isRequiredNode(node);
}
