import { entries, isObject, type JsonObject, ownObject } from '../../../connector/json.ts';
import type { Operation } from '../../../connector/model.ts';

/**
 * The entries of an operation's `responses` object as written, vendor extensions (`x-…`) left out.
 * The model drops responses whose `$ref` does not resolve; rules about references need them all.
 */
export function rawResponses(op: Operation): [string, JsonObject][] {
  return entries(ownObject(op.raw, 'responses')).filter(
    (e): e is [string, JsonObject] => isObject(e[1]) && !e[0].startsWith('x-'),
  );
}
