/**
 * Ticket exports, the demo's callback action: `POST /exports` with a `callbackUrl` answers 202 at
 * once, and when the export is ready (`readyAfterMs`, default 100 ms) the backend POSTs it to the
 * callback URL — retried up to three times like webhook deliveries.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DemoData } from './data.ts';
import { isHttpUrl, sendError } from './http.ts';

export interface ExportOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => number;
  readonly readyAfterMs?: number;
  /** Each export in flight, so that `close` can wait for it. */
  readonly track: (work: Promise<void>) => void;
}


export function registerExports(api: FastifyInstance, data: DemoData, options: ExportOptions): void {
  api.post('/exports', async (request, reply) => {
    const body = (request.body ?? {}) as { callbackUrl?: unknown; teamId?: unknown };
    if (!isHttpUrl(body.callbackUrl))
      return sendError(reply, 400, 'invalid_callback', '`callbackUrl` must be an http(s) URL.');
    if (body.teamId !== undefined && (typeof body.teamId !== 'string' || !data.team(body.teamId)))
      return sendError(reply, 400, 'invalid_team', `There is no team \`${String(body.teamId)}\`.`);
    const id = `exp_${randomUUID()}`;
    const teamId = body.teamId as string | undefined;
    const callbackUrl = body.callbackUrl;
    const work = (async () => {
      await new Promise((r) => setTimeout(r, options.readyAfterMs ?? 100));
      const tickets = data.list({ top: 1000, skip: 0, ...(teamId && { teamId }) }).items;
      const payload = JSON.stringify({
        id,
        status: 'completed',
        completedAt: new Date(options.now()).toISOString(),
        count: tickets.length,
        tickets,
      });
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const response = await options.fetch(callbackUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': 'Brightdesk-Exports/1.0' },
            body: payload,
            redirect: 'manual',
            signal: AbortSignal.timeout(10_000),
          });
          await response.body?.cancel();
          if (response.ok) return;
        } catch {
          // retried
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    })();
    options.track(work);
    return reply.code(202).send({ id, status: 'running', ...(teamId && { teamId }) });
  });
}
