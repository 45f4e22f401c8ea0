/**
 * Tickets: list (newest first, `$top`/`$skip` paging with an absolute `nextLink`), get, create,
 * update (PATCH), delete, and attachments uploaded as `multipart/form-data`.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DemoData, Ticket } from './data.ts';
import type { HookEvent } from './hooks.ts';
import { apiUrl, queryValue, sendError } from './http.ts';
import { checkInteger, checkNewTicket, checkStatus, checkTeamFilter, checkTicketChanges } from './input.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** Largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT = 2 * 1024 * 1024;

function notFound(reply: FastifyReply, id: string): FastifyReply {
  return sendError(reply, 404, 'not_found', `There is no ticket \`${id}\`.`);
}

/** Adds the ticket routes; `emit` announces changes to webhook subscribers. */
export function registerTickets(
  api: FastifyInstance,
  data: DemoData,
  emit: (event: HookEvent, ticket: Ticket) => void,
): void {
  api.get('/tickets', async (request, reply) => {
    const top = checkInteger('$top', queryValue(request, '$top'), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    const skip = checkInteger('$skip', queryValue(request, '$skip'), 0, 0, Number.MAX_SAFE_INTEGER);
    const status = checkStatus(queryValue(request, 'status'));
    const team = checkTeamFilter(queryValue(request, 'teamId'));
    if ('error' in top) return sendError(reply, 400, 'invalid_query', top.error);
    if ('error' in skip) return sendError(reply, 400, 'invalid_query', skip.error);
    if ('error' in status) return sendError(reply, 400, 'invalid_query', status.error);
    if ('error' in team) return sendError(reply, 400, 'invalid_query', team.error);
    const query = {
      top: top.value,
      skip: skip.value,
      ...(status.value && { status: status.value }),
      ...(team.value && { teamId: team.value }),
    };
    const { items, more } = data.list(query);
    const nextLink = more
      ? apiUrl(request, '/tickets', {
          $top: top.value,
          $skip: skip.value + top.value,
          status: status.value,
          teamId: team.value,
        })
      : undefined;
    return { value: items, ...(nextLink && { nextLink }) };
  });

  api.get('/tickets/:ticketId', async (request, reply) => {
    const { ticketId } = request.params as { ticketId: string };
    return data.get(ticketId) ?? notFound(reply, ticketId);
  });

  api.post('/tickets', async (request, reply) => {
    const input = checkNewTicket(request.body);
    if ('error' in input) return sendError(reply, 400, 'invalid_body', input.error);
    const ticket = data.create(input.value);
    emit('ticket.created', ticket);
    return reply
      .code(201)
      .header('location', apiUrl(request, `/tickets/${ticket.id}`))
      .send(ticket);
  });

  api.patch('/tickets/:ticketId', async (request, reply) => {
    const { ticketId } = request.params as { ticketId: string };
    const current = data.get(ticketId);
    if (!current) return notFound(reply, ticketId);
    const changes = checkTicketChanges(current.teamId, request.body ?? {});
    if ('error' in changes) return sendError(reply, 400, 'invalid_body', changes.error);
    const ticket = data.update(ticketId, changes.value)!;
    emit('ticket.updated', ticket);
    return ticket;
  });

  api.delete('/tickets/:ticketId', async (request, reply) => {
    const { ticketId } = request.params as { ticketId: string };
    const ticket = data.get(ticketId);
    if (!ticket || !data.delete(ticketId)) return notFound(reply, ticketId);
    emit('ticket.deleted', ticket);
    return reply.code(204).send();
  });

  api.post('/tickets/:ticketId/attachments', async (request, reply) => {
    const { ticketId } = request.params as { ticketId: string };
    if (!data.get(ticketId)) return notFound(reply, ticketId);
    const type = request.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('multipart/form-data') || !(request.body instanceof Buffer))
      return sendError(reply, 415, 'unsupported_media_type', 'Upload the file as `multipart/form-data`.');
    let form: FormData;
    try {
      // The WHATWG `Request` parses multipart bodies (RFC 7578); no parser of our own.
      const body = new Uint8Array(request.body);
      form = await new Request('http://upload.invalid/', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      }).formData();
    } catch {
      return sendError(reply, 400, 'invalid_body', 'The multipart body could not be read.');
    }
    const file = form.get('file');
    if (!(file instanceof File))
      return sendError(reply, 400, 'invalid_body', 'Send the file in the form field `file`.');
    if (file.size > MAX_ATTACHMENT)
      return sendError(reply, 413, 'too_large', `Attachments are limited to ${MAX_ATTACHMENT} bytes.`);
    const named = form.get('fileName');
    const attachment = data.attach(ticketId, {
      name: typeof named === 'string' && named.trim() !== '' ? named.trim() : file.name || 'attachment',
      type: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return reply.code(201).send(attachment);
  });
}
