import { describe, expect, it } from 'vitest';
import { isFlowportError } from '../errors.ts';
import { parseExpires } from './token-expiry.ts';

const now = Date.parse('2026-01-01T10:00:00Z');

describe('parseExpires', () => {
  it.each([
    ['30d', '2026-01-31T10:00:00.000Z'],
    ['1d', '2026-01-02T10:00:00.000Z'],
    ['12h', '2026-01-01T22:00:00.000Z'],
    ['7D', '2026-01-08T10:00:00.000Z'],
    ['2027-01-31', '2027-01-31T23:59:59.999Z'],
    ['2026-02-28', '2026-02-28T23:59:59.999Z'],
    ['2027-01-31T12:00:00+01:00', '2027-01-31T12:00:00+01:00'],
  ])('reads `%s` as %s', (when, expected) => {
    expect(parseExpires(when, now)).toBe(expected);
  });

  it.each([['0d'], ['0h'], ['30'], ['30m'], ['soon'], ['2027-02-30'], ['31/01/2027'], ['']])(
    'refuses `%s` as a usage error naming it',
    (when) => {
      const error = (() => {
        try {
          parseExpires(when, now);
        } catch (caught) {
          return caught;
        }
      })();
      expect(isFlowportError(error) && error.code).toBe('USAGE');
      expect((error as Error).message).toContain(`\`--expires ${when}\``);
    },
  );
});
