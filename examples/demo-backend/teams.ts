/** The lookup lists: teams (for `x-ms-dynamic-values`), a team's custom fields (a dynamic schema) and `/me`. */
import type { FastifyInstance } from 'fastify';
import { principalOf } from './auth.ts';
import { TEAM_FIELDS, TEAMS } from './data.ts';
import { sendError } from './http.ts';

/** The signed-in agent: the demo has one. */
export const DEMO_AGENT = { id: 'agent-1', name: 'Robin Demo', email: 'robin@brightdesk.example' } as const;

export function registerTeams(api: FastifyInstance): void {
  api.get('/me', async (request) => {
    const principal = principalOf(request);
    return { ...DEMO_AGENT, authenticatedBy: principal?.method, scopes: principal?.scopes ?? [] };
  });

  api.get('/teams', async () => ({ value: TEAMS }));

  api.get('/teams/:teamId/fields', async (request, reply) => {
    const { teamId } = request.params as { teamId: string };
    const fields = Object.hasOwn(TEAM_FIELDS, teamId) ? TEAM_FIELDS[teamId] : undefined;
    if (!fields) return sendError(reply, 404, 'not_found', `There is no team \`${teamId}\`.`);
    const properties = Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [
        name,
        {
          type: f.type,
          'x-ms-summary': f.title,
          description: f.description,
          ...(f.enum && { enum: f.enum }),
        },
      ]),
    );
    return { schema: { type: 'object', properties } };
  });
}
