import { isIPv4, isIPv6 } from 'node:net';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (DAYS[month] ?? 0));
}

function isTime(text: string, zoneRequired: boolean): boolean {
  const m = TIME.exec(text);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const inRange =
    (hour <= 23 && minute <= 59 && second <= 59) || (hour === 23 && minute === 59 && second === 60);
  return inRange && (!zoneRequired || m[5] !== undefined);
}

const CHECKS: Readonly<Record<string, (text: string) => boolean>> = {
  // RFC 3339 §5.6: a full date, `T` (or a space, which the RFC allows), a time with its offset.
  'date-time': (text) => {
    const parts = text.split(/t|\s/i);
    return parts.length === 2 && isDate(parts[0] ?? '') && isTime(parts[1] ?? '', true);
  },
  date: isDate,
  time: (text) => isTime(text, false),
  email: (text) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(
      text,
    ),
  uuid: (text) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(text),
  uri: (text) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(text) && URL.canParse(text),
  url: (text) => /^(?:https?|ftp):\/\/[^\s]+$/i.test(text) && URL.canParse(text),
  hostname: (text) =>
    /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i.test(
      text,
    ),
  ipv4: isIPv4,
  ipv6: isIPv6,
  byte: (text) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text),
  duration: (text) => /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/.test(text),
};

/**
 * Whether a string satisfies a JSON Schema / OpenAPI `format` as validators (ajv-formats, which
 * Prism and most mocks use) check it: RFC 3339 dates and times, RFC 5321 addresses, RFC 4122 UUIDs,
 * absolute URIs, host names, IP addresses, base64 (`byte`), ISO 8601 durations. Undefined for
 * formats validators do not check (`binary`, `password`, vendor formats), which any string satisfies.
 *
 * @example
 * stringFitsFormat('2024-01-15T09:30', 'date-time'); // false: RFC 3339 needs seconds and an offset
 */
export function stringFitsFormat(text: string, format: string | undefined): boolean | undefined {
  const check = format === undefined ? undefined : CHECKS[format.toLowerCase()];
  return check?.(text);
}
