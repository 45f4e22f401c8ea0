/** The console's pure helpers, run in Node: the SSE parser, the form's value helpers, token expiry words. */
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../web/src/api/sse-parse.ts';
import { fromInput, getIn, labelOf, prune, setIn } from '../../web/src/form/values.ts';
import {
  DEFAULT_EXPIRY,
  EXPIRY_CHOICES,
  expiresInDays,
  expiryText,
  isExpired,
} from '../../web/src/pages/token-expiry.ts';

describe('parseEvents', () => {
  it('splits messages on blank lines and keeps an unfinished one for the next chunk', () => {
    const { messages, rest } = parseEvents('id: 1\nevent: event\ndata: {"a":1}\n\nid: 2\nevent: ev');
    expect(messages).toEqual([{ id: '1', event: 'event', data: '{"a":1}' }]);
    expect(rest).toBe('id: 2\nevent: ev');
    const next = parseEvents(`${rest}ent\ndata: {"b":2}\n\n`);
    expect(next.messages).toEqual([{ id: '2', event: 'event', data: '{"b":2}' }]);
    expect(next.rest).toBe('');
  });

  it('joins data lines, ignores comments (keep-alives) and takes CRLF line ends', () => {
    const { messages } = parseEvents(': ping\r\n\r\ndata: one\r\ndata:two\r\n\r\n');
    expect(messages).toEqual([{ id: undefined, event: 'message', data: 'one\ntwo' }]);
  });
});

describe('form values', () => {
  it('sets nested values without changing the original, and removes emptied parents', () => {
    const start = { body: { teamId: 'billing' } };
    const set = setIn(start, ['body', 'customFields', 'invoiceNumber'], 'INV-1');
    expect(set).toEqual({ body: { teamId: 'billing', customFields: { invoiceNumber: 'INV-1' } } });
    expect(start).toEqual({ body: { teamId: 'billing' } });
    expect(getIn(set, ['body', 'customFields', 'invoiceNumber'])).toBe('INV-1');
    expect(setIn(set, ['body', 'customFields', 'invoiceNumber'], undefined)).toEqual({
      body: { teamId: 'billing' },
    });
  });

  it('reads inputs by schema type, and empty inputs as no value', () => {
    expect(fromInput('integer', '25')).toBe(25);
    expect(fromInput('number', '2.5')).toBe(2.5);
    expect(fromInput('integer', 'abc')).toBe('abc');
    expect(fromInput('boolean', 'false')).toBe(false);
    expect(fromInput('string', '')).toBeUndefined();
  });

  it('prunes empty strings and objects but keeps false, zero and arrays', () => {
    expect(prune({ a: '', b: { c: '' }, d: 0, e: false, f: [], g: 'x' })).toEqual({
      d: 0,
      e: false,
      f: [],
      g: 'x',
    });
  });

  it('labels fields with x-ms-summary, else the name', () => {
    expect(labelOf({ 'x-ms-summary': 'Team' }, 'teamId')).toBe('Team');
    expect(labelOf({}, 'teamId')).toBe('teamId');
  });
});

describe('token expiry words', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();
  const HOUR = 3_600_000;

  it.each([
    [undefined, 'no expiry'],
    [at(30 * 24 * HOUR), 'expires in 30 days'],
    [at(30 * 24 * HOUR - 60_000), 'expires in 30 days'],
    [at(24 * HOUR + 1), 'expires in 2 days'],
    [at(24 * HOUR), 'expires in 1 day'],
    [at(3 * HOUR), 'expires in 3 hours'],
    [at(1), 'expires in 1 hour'],
    [at(0), 'expired'],
    [at(-24 * HOUR), 'expired'],
  ])('says that a token expiring at %s %s', (expiresAt, words) => {
    expect(expiryText(expiresAt, now)).toBe(words);
    expect(isExpired(expiresAt, now)).toBe(words === 'expired');
  });

  it('proposes 30 days, and sends no expiry for "No expiry"', () => {
    expect(EXPIRY_CHOICES.find((c) => c.value === DEFAULT_EXPIRY)?.label).toBe('30 days');
    expect(EXPIRY_CHOICES.map((c) => expiresInDays(c.value))).toEqual([7, 30, 90, undefined]);
  });
});
