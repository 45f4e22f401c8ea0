/**
 * The polling endpoint, in the Logic Apps polling protocol (spec runtime.md §8.2):
 * without `triggerState` → 202 with a `Location` carrying the current state (no backfill);
 * nothing new → 202, same state; changes → 200 with `{ value: [...] }` and the new state.
 * The state is the number of the last change seen. At most `MAX_PER_POLL` items come back at
 * once; when more wait, `Retry-After` is 0 so the caller drains them right away.
 */
import type { FastifyInstance } from 'fastify';
import type { DemoData } from './data.ts';
import { apiUrl, queryValue, sendError } from './http.ts';
import { checkInteger, checkTeamFilter } from './input.ts';

export const MAX_PER_POLL = 50;

export function registerChanges(api: FastifyInstance, data: DemoData, retryAfter: number): void {
  api.get('/ticket-changes', async (request, reply) => {
    const team = checkTeamFilter(queryValue(request, 'teamId'));
    if ('error' in team) return sendError(reply, 400, 'invalid_query', team.error);
    const raw = queryValue(request, 'triggerState');
    const location = (state: number) =>
      apiUrl(request, '/ticket-changes', { teamId: team.value, triggerState: state });
    if (raw === undefined || raw === '') {
      return reply
        .code(202)
        .headers({ location: location(data.seq), 'retry-after': String(retryAfter) })
        .send();
    }
    const state = checkInteger('triggerState', raw, 0, 0, data.seq);
    if ('error' in state)
      return sendError(
        reply,
        400,
        'invalid_query',
        `\`triggerState\` must be a state this server gave out (0 to ${data.seq}).`,
      );
    const { items, last, more } = data.changesSince(state.value, team.value, MAX_PER_POLL);
    if (items.length === 0) {
      return reply
        .code(202)
        .headers({ location: location(state.value), 'retry-after': String(retryAfter) })
        .send();
    }
    return reply
      .code(200)
      .headers({ location: location(last), 'retry-after': more ? '0' : String(retryAfter) })
      .send({ value: items });
  });
}
