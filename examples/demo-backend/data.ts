/**
 * Brightdesk's data, in memory: teams, their custom ticket fields, tickets and a change log that
 * the polling endpoint reads. Seeded with realistic records relative to the injected clock.
 */
import { createHash } from 'node:crypto';

export type TicketStatus = 'open' | 'pending' | 'solved';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type FieldValue = string | number | boolean;

export const STATUSES: readonly TicketStatus[] = ['open', 'pending', 'solved'];
export const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** A custom field of one team's tickets, described as a JSON Schema property. */
export interface FieldDefinition {
  readonly type: 'string' | 'number' | 'boolean';
  readonly title: string;
  readonly description: string;
  readonly enum?: readonly string[];
}

export interface Attachment {
  readonly id: string;
  readonly ticketId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** Hex SHA-256 of the content, so a client can check what arrived. */
  readonly sha256: string;
  readonly createdAt: string;
}

export interface Ticket {
  id: string;
  teamId: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  requesterEmail: string;
  customFields: Record<string, FieldValue>;
  attachmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewTicket {
  readonly teamId: string;
  readonly subject: string;
  readonly description?: string;
  readonly priority?: TicketPriority;
  readonly requesterEmail: string;
  readonly customFields?: Record<string, FieldValue>;
}

export type TicketChanges = Partial<
  Pick<Ticket, 'subject' | 'description' | 'status' | 'priority' | 'customFields'>
>;

/** A ticket as the polling endpoint returns it: whether it is new since the caller's state. */
export interface TicketChange extends Ticket {
  readonly changeType: 'created' | 'updated';
}

export const TEAMS: readonly Team[] = [
  { id: 'support', name: 'Customer support', email: 'support@brightdesk.example' },
  { id: 'billing', name: 'Billing', email: 'billing@brightdesk.example' },
  { id: 'it-ops', name: 'IT operations', email: 'it@brightdesk.example' },
];

export const TEAM_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldDefinition>>>> = {
  support: {
    product: {
      type: 'string',
      title: 'Product',
      description: 'The product the customer asks about.',
      enum: ['Brightdesk Cloud', 'Brightdesk Server', 'Mobile app'],
    },
    orderNumber: { type: 'string', title: 'Order number', description: 'The order the request is about.' },
  },
  billing: {
    invoiceNumber: { type: 'string', title: 'Invoice number', description: 'The invoice in question.' },
    amount: { type: 'number', title: 'Amount', description: 'The amount disputed, in euros.' },
  },
  'it-ops': {
    assetTag: { type: 'string', title: 'Asset tag', description: 'The tag on the device.' },
    onSite: { type: 'boolean', title: 'On site', description: 'Whether someone must come by.' },
  },
};

interface Seed {
  readonly teamId: string;
  readonly subject: string;
  readonly description: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority;
  readonly requesterEmail: string;
  readonly customFields: Record<string, FieldValue>;
  /** Age in hours at start. */
  readonly age: number;
}

// Oldest first; T-1012 is a duplicate, there for trying deletion.
const SEEDS: readonly Seed[] = [
  s('support', 'Cannot sign in after password reset', 'open', 'high', 'ana.silva@northwind.example', 70, {
    product: 'Brightdesk Cloud',
  }),
  s('billing', 'Invoice INV-2291 charged twice', 'pending', 'urgent', 'finance@fabrikam.example', 64, {
    invoiceNumber: 'INV-2291',
    amount: 249,
  }),
  s('it-ops', 'Laptop fan is very loud', 'open', 'low', 'j.berger@brightdesk.example', 60, {
    assetTag: 'BD-LT-0412',
    onSite: true,
  }),
  s('support', 'Export to CSV misses the last column', 'solved', 'normal', 'ops@tailspin.example', 52, {
    product: 'Brightdesk Server',
  }),
  s('support', 'How do I add a second admin?', 'solved', 'low', 'hello@wingtip.example', 47, {}),
  s('billing', 'Please send a VAT invoice', 'open', 'normal', 'accounts@litware.example', 40, {
    invoiceNumber: 'INV-2304',
  }),
  s('it-ops', 'VPN drops every ten minutes', 'pending', 'high', 'm.okafor@brightdesk.example', 30, {
    assetTag: 'BD-LT-0388',
    onSite: false,
  }),
  s('support', 'Mobile app crashes when attaching a photo', 'open', 'urgent', 'lee@adatum.example', 22, {
    product: 'Mobile app',
  }),
  s('support', 'Feature request: dark mode', 'open', 'low', 'p.nowak@proseware.example', 12, {}),
  s('billing', 'Switch to yearly billing', 'open', 'normal', 'cfo@woodgrove.example', 6, {}),
  s('it-ops', 'New starter needs a badge', 'open', 'normal', 'hr@brightdesk.example', 3, {
    onSite: true,
  }),
  s('support', 'Duplicate: cannot sign in', 'open', 'low', 'ana.silva@northwind.example', 1, {
    product: 'Brightdesk Cloud',
  }),
];

function s(
  teamId: string,
  subject: string,
  status: TicketStatus,
  priority: TicketPriority,
  requesterEmail: string,
  age: number,
  customFields: Record<string, FieldValue>,
): Seed {
  const description = `${subject}. Reported by ${requesterEmail}.`;
  return { teamId, subject, description, status, priority, requesterEmail, customFields, age };
}

interface Entry {
  ticket: Ticket;
  /** Change number of the creation and of the last change. */
  createdSeq: number;
  changedSeq: number;
}

export interface ListQuery {
  readonly top: number;
  readonly skip: number;
  readonly status?: TicketStatus;
  readonly teamId?: string;
}

/** The helpdesk's state. Every write bumps a change number (`seq`) that polling cursors compare. */
export class DemoData {
  readonly #now: () => number;
  readonly #tickets = new Map<string, Entry>();
  readonly #attachments: Attachment[] = [];
  #nextId = 1001;
  #seq = 0;

  constructor(now: () => number) {
    this.#now = now;
    const start = now();
    for (const seed of SEEDS) {
      const at = new Date(start - seed.age * 3_600_000).toISOString();
      const { age: _age, ...fields } = seed;
      this.#insert({ id: this.#newId(), ...fields, attachmentCount: 0, createdAt: at, updatedAt: at });
    }
  }

  /** The number of the latest change; a polling cursor. */
  get seq(): number {
    return this.#seq;
  }

  team(id: string): Team | undefined {
    return TEAMS.find((t) => t.id === id);
  }

  /** Tickets newest first, one page, and whether more follow. */
  list(query: ListQuery): { items: Ticket[]; more: boolean } {
    const all = [...this.#tickets.values()]
      .map((e) => e.ticket)
      .filter(
        (t) => (query.status === undefined || t.status === query.status) && matchesTeam(t, query.teamId),
      )
      .reverse();
    const items = all.slice(query.skip, query.skip + query.top).map(copy);
    return { items, more: query.skip + query.top < all.length };
  }

  get(id: string): Ticket | undefined {
    const entry = this.#tickets.get(id);
    return entry && copy(entry.ticket);
  }

  create(input: NewTicket): Ticket {
    const at = new Date(this.#now()).toISOString();
    return copy(
      this.#insert({
        id: this.#newId(),
        teamId: input.teamId,
        subject: input.subject,
        description: input.description ?? '',
        status: 'open',
        priority: input.priority ?? 'normal',
        requesterEmail: input.requesterEmail,
        customFields: { ...input.customFields },
        attachmentCount: 0,
        createdAt: at,
        updatedAt: at,
      }),
    );
  }

  update(id: string, changes: TicketChanges): Ticket | undefined {
    const entry = this.#tickets.get(id);
    if (!entry) return undefined;
    const { customFields, ...rest } = changes;
    Object.assign(entry.ticket, rest);
    if (customFields) entry.ticket.customFields = { ...entry.ticket.customFields, ...customFields };
    this.#touch(entry);
    return copy(entry.ticket);
  }

  delete(id: string): boolean {
    return this.#tickets.delete(id);
  }

  attach(ticketId: string, file: { name: string; type: string; bytes: Uint8Array }): Attachment | undefined {
    const entry = this.#tickets.get(ticketId);
    if (!entry) return undefined;
    const attachment: Attachment = {
      id: `A-${this.#attachments.length + 1}`,
      ticketId,
      fileName: file.name,
      contentType: file.type || 'application/octet-stream',
      size: file.bytes.byteLength,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      createdAt: new Date(this.#now()).toISOString(),
    };
    this.#attachments.push(attachment);
    entry.ticket.attachmentCount++;
    this.#touch(entry);
    return attachment;
  }

  /**
   * Tickets created or changed after change number `after`, oldest change first, at most `limit`;
   * `last` is the change number of the last one returned (the next cursor).
   */
  changesSince(
    after: number,
    teamId: string | undefined,
    limit: number,
  ): { items: TicketChange[]; last: number; more: boolean } {
    const changed = [...this.#tickets.values()]
      .filter((e) => e.changedSeq > after && matchesTeam(e.ticket, teamId))
      .sort((a, b) => a.changedSeq - b.changedSeq);
    const page = changed.slice(0, limit);
    const items = page.map((e) => ({
      ...copy(e.ticket),
      changeType: e.createdSeq > after ? ('created' as const) : ('updated' as const),
    }));
    return { items, last: page.at(-1)?.changedSeq ?? after, more: changed.length > limit };
  }

  #newId(): string {
    return `T-${this.#nextId++}`;
  }

  #insert(ticket: Ticket): Ticket {
    const seq = ++this.#seq;
    this.#tickets.set(ticket.id, { ticket, createdSeq: seq, changedSeq: seq });
    return ticket;
  }

  #touch(entry: Entry): void {
    entry.changedSeq = ++this.#seq;
    entry.ticket.updatedAt = new Date(this.#now()).toISOString();
  }
}

function matchesTeam(ticket: Ticket, teamId: string | undefined): boolean {
  return teamId === undefined || ticket.teamId === teamId;
}

function copy(ticket: Ticket): Ticket {
  return { ...ticket, customFields: { ...ticket.customFields } };
}
