import { isObject, type JsonObject, ownObject } from '../../../connector/json.ts';
import type { Operation } from '../../../connector/model.ts';

/**
 * The entries of an operation's `responses` object as written, vendor extensions (`x-…`) left out.
 * The model drops responses whose `$ref` does not resolve; rules about references need them all.
 */
export function rawResponses(op: Operation): readonly (readonly [string, JsonObject])[] {
  // Several rules ask in turn about the operation the engine is visiting: remember the last answer
  // (in two variables, not a record made per operation).
  if (op !== lastOp) {
    lastEntries = read(op);
    lastOp = op;
  }
  return lastEntries;
}

let lastOp: Operation | undefined;
let lastEntries: readonly (readonly [string, JsonObject])[] = [];
const NONE: readonly (readonly [string, JsonObject])[] = [];

function read(op: Operation): readonly (readonly [string, JsonObject])[] {
  const responses = ownObject(op.raw, 'responses');
  if (!responses) return NONE;
  const out: (readonly [string, JsonObject])[] = [];
  for (const status of Object.keys(responses)) {
    const response = responses[status];
    if (isObject(response) && !status.startsWith('x-')) out.push([status, response]);
  }
  return out;
}
