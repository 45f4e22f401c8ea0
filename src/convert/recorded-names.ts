/**
 * Names for operations made from recorded calls, read as REST: `GET /users` lists users,
 * `GET /users/{userId}` gets a user, `POST /users` creates one, `PATCH /users/{userId}` updates it,
 * `DELETE` deletes it; nested resources name their owner (`GET /users/{userId}/orders` → "List user
 * orders"). Anything else (`POST /users/{userId}/activate`) is named from its method and words.
 */
import { operationIdFor } from './operation-id.ts';
import { singular, summaryFromId, words } from './text.ts';

export interface OperationName {
  readonly operationId: string;
  readonly summary: string;
}

const pascal = (ws: readonly string[]) =>
  ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');

/** The operation's name from its method and path template (`GET`, `/users/{userId}`). */
export function operationName(method: string, template: string): OperationName {
  const segments = template.split('/').filter((s) => s !== '');
  const isVar = (s: string | undefined) => s?.startsWith('{') === true;
  const last = segments[segments.length - 1];
  const endsWithVar = isVar(last);
  const resource = endsWithVar ? segments[segments.length - 2] : last;
  const statics = segments.filter((s) => !isVar(s));
  // The owner: the word before the variable that precedes the resource (`users` in `/users/{id}/orders`).
  const at = segments.lastIndexOf(resource ?? '');
  const owner = at >= 2 && isVar(segments[at - 1]) ? segments[at - 2] : undefined;
  const verb: Record<string, string | undefined> = {
    GET: endsWithVar ? 'Get' : 'List',
    POST: endsWithVar ? undefined : 'Create',
    PUT: endsWithVar ? 'Update' : undefined,
    PATCH: endsWithVar ? 'Update' : undefined,
    DELETE: endsWithVar ? 'Delete' : undefined,
  };
  const action = verb[method];
  // `GET /users/me`, `GET /status`: a word that is no plural names no list.
  const plural = /[^s]s$/i.test(resource ?? '');
  if ((action === 'List' && !plural) || !resource || isVar(resource) || !action || statics.length === 0) {
    const id = operationIdFor(method.toLowerCase(), template);
    return { operationId: id, summary: summaryFromId(id) };
  }
  const noun = words(resource);
  const lastWord = noun.pop() ?? '';
  const thing = action === 'List' ? [...noun, lastWord] : [...noun, singular(lastWord)];
  const ownerWords = owner ? words(owner).map((w, i, a) => (i === a.length - 1 ? singular(w) : w)) : [];
  const all = [...ownerWords, ...thing];
  return {
    operationId: `${action}${pascal(all)}`,
    summary: `${action} ${all.map((w) => w.toLowerCase()).join(' ')}`,
  };
}
