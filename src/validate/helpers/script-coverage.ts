import { own, ownArray, ownObject } from '../../connector/json.ts';
import type { Connector } from '../../connector/model.ts';

/** Which operations custom code runs for, as `apiProperties.json` declares it. */
export interface ScriptCoverage {
  /** Where the list comes from: `scriptOperations`, the older `script.operationIds`, or nowhere. */
  readonly source: 'scriptOperations' | 'script.operationIds' | 'none';
  /** The declared operation ids (strings only); empty when absent. */
  readonly operations: readonly { readonly id: string; readonly pointer: string }[];
  /** Pointer of the list in `apiProperties.json`, or of `/properties` when there is none. */
  readonly pointer: string;
}

const cache = new WeakMap<Connector, ScriptCoverage>();

/**
 * Reads the custom-code operation list. Three certified connectors declare it as
 * `properties.script.operationIds` (with `language: "CSharpScript"`) instead of `scriptOperations`;
 * both mean the same. An empty or missing list means the script runs for every operation.
 */
export function scriptCoverage(connector: Connector): ScriptCoverage {
  const cached = cache.get(connector);
  if (cached) return cached;
  const props = connector.properties.properties;
  let result: ScriptCoverage = { source: 'none', operations: [], pointer: '/properties' };
  const list = ownArray(props, 'scriptOperations');
  const legacy = ownArray(ownObject(props, 'script'), 'operationIds');
  if (list) result = read('scriptOperations', list, '/properties/scriptOperations');
  else if (legacy) result = read('script.operationIds', legacy, '/properties/script/operationIds');
  else if (own(props, 'scriptOperations') !== undefined)
    result = { source: 'scriptOperations', operations: [], pointer: '/properties/scriptOperations' };
  cache.set(connector, result);
  return result;
}

function read(source: ScriptCoverage['source'], list: unknown[], pointer: string): ScriptCoverage {
  const operations: { id: string; pointer: string }[] = [];
  list.forEach((id, i) => {
    if (typeof id === 'string') operations.push({ id, pointer: `${pointer}/${i}` });
  });
  return { source, operations, pointer };
}
