import { FlowportError } from '../errors.ts';

const HOUR_MS = 3_600_000;
const UNIT_MS = { h: HOUR_MS, d: 24 * HOUR_MS } as const;

/**
 * The `expiresAt` of `flowport token create --expires <when>`: `30d` or `12h` from `now` (epoch ms),
 * a date (`2027-01-31`: the token works through that day, UTC) or an ISO 8601 date-time with its
 * offset, passed on as given (the store checks it is in the future and at most 3650 days ahead).
 * @example parseExpires('30d', Date.parse('2026-01-01T00:00:00Z')) // '2026-01-31T00:00:00.000Z'
 */
export function parseExpires(when: string, now: number): string {
  const relative = /^(\d+)\s*([dh])$/i.exec(when.trim());
  if (relative) {
    const count = Number(relative[1]);
    const unit = relative[2]?.toLowerCase() === 'h' ? 'h' : 'd';
    if (count < 1) {
      throw new FlowportError(
        'USAGE',
        `\`--expires ${when}\` is not in the future; give at least \`1${unit}\`.`,
      );
    }
    return new Date(now + count * UNIT_MS[unit]).toISOString();
  }
  if (/^\d{4}-\d\d-\d\d$/.test(when)) {
    const start = Date.parse(`${when}T00:00:00Z`);
    // `2027-02-30` would roll over into March.
    if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== when) {
      throw new FlowportError('USAGE', `\`--expires ${when}\` is not a date; give one like \`2027-01-31\`.`);
    }
    return new Date(start + UNIT_MS.d - 1).toISOString();
  }
  if (/^\d{4}-\d\d-\d\dT/.test(when)) return when;
  throw new FlowportError(
    'USAGE',
    `\`--expires ${when}\` is not a duration or a date; give \`30d\`, \`12h\`, \`2027-01-31\` or an ISO 8601 date-time.`,
  );
}
