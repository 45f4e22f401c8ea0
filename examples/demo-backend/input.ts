/** Checks request bodies and query values; each failure is one sentence for a 400 answer. */
import {
  type FieldValue,
  type NewTicket,
  PRIORITIES,
  STATUSES,
  TEAM_FIELDS,
  TEAMS,
  type TicketChanges,
  type TicketPriority,
  type TicketStatus,
} from './data.ts';

export type Checked<T> = { readonly value: T } | { readonly error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_SUBJECT = 200;
const MAX_DESCRIPTION = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(body: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `Unknown property \`${extra}\`; allowed: ${allowed.join(', ')}.`;
}

function teamError(teamId: unknown): string | undefined {
  if (typeof teamId !== 'string' || !TEAMS.some((t) => t.id === teamId))
    return `\`teamId\` must be one of ${TEAMS.map((t) => t.id).join(', ')}.`;
  return undefined;
}

function checkCustomFields(teamId: string, value: unknown): Checked<Record<string, FieldValue>> {
  if (!isRecord(value)) return { error: '`customFields` must be an object.' };
  const fields = TEAM_FIELDS[teamId] ?? {};
  const out: Record<string, FieldValue> = {};
  for (const [name, field] of Object.entries(value)) {
    const definition = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!definition)
      return {
        error: `Team \`${teamId}\` has no custom field \`${name}\`; it has ${Object.keys(fields).join(', ')}.`,
      };
    if (typeof field !== definition.type || (typeof field === 'number' && !Number.isFinite(field)))
      return { error: `Custom field \`${name}\` must be a ${definition.type}.` };
    if (definition.enum && !definition.enum.includes(field as string))
      return { error: `Custom field \`${name}\` must be one of: ${definition.enum.join(', ')}.` };
    out[name] = field as FieldValue;
  }
  return { value: out };
}

function checkText(name: string, value: unknown, max: number, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.trim() === ''))
    return `\`${name}\` must be a${required ? ' non-empty' : ''} string.`;
  if (value.length > max) return `\`${name}\` must be at most ${max} characters.`;
  return undefined;
}

export function checkNewTicket(body: unknown): Checked<NewTicket> {
  if (!isRecord(body)) return { error: 'The body must be a JSON object.' };
  const error =
    unknownKeys(body, ['teamId', 'subject', 'description', 'priority', 'requesterEmail', 'customFields']) ??
    teamError(body.teamId) ??
    checkText('subject', body.subject, MAX_SUBJECT, true) ??
    checkText('description', body.description, MAX_DESCRIPTION, false) ??
    (body.priority !== undefined && !PRIORITIES.includes(body.priority as TicketPriority)
      ? `\`priority\` must be one of ${PRIORITIES.join(', ')}.`
      : undefined) ??
    (typeof body.requesterEmail !== 'string' || !EMAIL.test(body.requesterEmail)
      ? '`requesterEmail` must be an email address.'
      : undefined);
  if (error) return { error };
  const teamId = body.teamId as string;
  let customFields: Record<string, FieldValue> | undefined;
  if (body.customFields !== undefined) {
    const checked = checkCustomFields(teamId, body.customFields);
    if ('error' in checked) return checked;
    customFields = checked.value;
  }
  return {
    value: {
      teamId,
      subject: (body.subject as string).trim(),
      requesterEmail: body.requesterEmail as string,
      ...(typeof body.description === 'string' && { description: body.description }),
      ...(body.priority !== undefined && { priority: body.priority as TicketPriority }),
      ...(customFields && { customFields }),
    },
  };
}

export function checkTicketChanges(teamId: string, body: unknown): Checked<TicketChanges> {
  if (!isRecord(body)) return { error: 'The body must be a JSON object.' };
  const error =
    unknownKeys(body, ['subject', 'description', 'status', 'priority', 'customFields']) ??
    checkText('subject', body.subject, MAX_SUBJECT, false) ??
    (typeof body.subject === 'string' && body.subject.trim() === ''
      ? '`subject` must not be empty.'
      : undefined) ??
    checkText('description', body.description, MAX_DESCRIPTION, false) ??
    (body.status !== undefined && !STATUSES.includes(body.status as TicketStatus)
      ? `\`status\` must be one of ${STATUSES.join(', ')}.`
      : undefined) ??
    (body.priority !== undefined && !PRIORITIES.includes(body.priority as TicketPriority)
      ? `\`priority\` must be one of ${PRIORITIES.join(', ')}.`
      : undefined);
  if (error) return { error };
  const changes: TicketChanges = {
    ...(typeof body.subject === 'string' && { subject: body.subject.trim() }),
    ...(typeof body.description === 'string' && { description: body.description }),
    ...(body.status !== undefined && { status: body.status as TicketStatus }),
    ...(body.priority !== undefined && { priority: body.priority as TicketPriority }),
  };
  if (body.customFields !== undefined) {
    const checked = checkCustomFields(teamId, body.customFields);
    if ('error' in checked) return checked;
    return { value: { ...changes, customFields: checked.value } };
  }
  return { value: changes };
}

/** A non-negative integer query value within `[min, max]`, or its default when absent. */
export function checkInteger(
  name: string,
  raw: unknown,
  fallback: number,
  min: number,
  max: number,
): Checked<number> {
  if (raw === undefined || raw === '') return { value: fallback };
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    return { error: `\`${name}\` must be an integer from ${min} to ${max}.` };
  return { value: n };
}

export function checkStatus(raw: unknown): Checked<TicketStatus | undefined> {
  if (raw === undefined || raw === '') return { value: undefined };
  if (!STATUSES.includes(raw as TicketStatus))
    return { error: `\`status\` must be one of ${STATUSES.join(', ')}.` };
  return { value: raw as TicketStatus };
}

export function checkTeamFilter(raw: unknown): Checked<string | undefined> {
  if (raw === undefined || raw === '') return { value: undefined };
  const error = teamError(raw);
  return error ? { error } : { value: raw as string };
}
