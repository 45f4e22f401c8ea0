import { describe, expect, it } from 'vitest';
import { stringFitsFormat } from './string-format.ts';

describe('stringFitsFormat', () => {
  const cases: Array<[format: string, text: string, fits: boolean | undefined]> = [
    ['date-time', '2024-01-15T09:30:00Z', true],
    ['date-time', '2024-01-15 09:30:00.123+02:00', true],
    ['date-time', '2022-01-01T10:00', false],
    ['date-time', '2024-01-15T09:30:00', false],
    ['date-time', 'string', false],
    ['Date-Time', '2024-02-30T09:30:00Z', false],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['time', '09:30:00', true],
    ['time', '25:00:00', false],
    ['email', 'user@example.com', true],
    ['email', 'string', false],
    ['uuid', '3fa85f64-5717-4562-b3fc-2c963f66afa6', true],
    ['uuid', 'string', false],
    ['uri', 'https://example.com/a?b', true],
    ['uri', 'example.com', false],
    ['hostname', 'example.com', true],
    ['hostname', 'exa mple', false],
    ['ipv4', '192.0.2.1', true],
    ['ipv6', '2001:db8::1', true],
    ['ipv4', '300.1.1.1', false],
    ['byte', 'ZXhhbXBsZQ==', true],
    ['byte', 'not base64!', false],
    ['duration', 'P1D', true],
    ['duration', 'P', false],
    ['binary', 'anything', undefined],
    ['int32', 'x', undefined],
  ];
  it.each(cases)('%s %j → %s', (format, text, fits) => {
    expect(stringFitsFormat(text, format)).toBe(fits);
  });

  it('says nothing without a format', () => {
    expect(stringFitsFormat('x', undefined)).toBeUndefined();
  });
});
