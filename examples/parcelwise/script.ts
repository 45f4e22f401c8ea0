/**
 * Parcelwise custom code for flowport. The tracking API answers `ListTrackingEvents` in CSV
 * (`time,location,code,description`); flows want JSON. This script asks for the CSV, turns each row
 * into an event, names the carrier's event codes, and adds `delivered` and `latestStatus`.
 * apiProperties.json has no `scriptOperations`, so the script runs for every operation; the others
 * are forwarded unchanged.
 */
import type { ScriptContext } from 'flowport';

interface TrackingEvent {
  time: string;
  location: string;
  code: string;
  status: string;
  description: string;
}

const STATUS_BY_CODE: Record<string, string> = {
  ACC: 'Accepted',
  TRN: 'In transit',
  OFD: 'Out for delivery',
  DLV: 'Delivered',
  EXC: 'Exception',
};

export default class Script {
  async executeAsync(context: ScriptContext): Promise<Response> {
    if (context.operationId !== 'ListTrackingEvents') return context.sendAsync(context.request);

    // The request already carries the API key header; only the wanted format changes.
    const request = new Request(context.request);
    request.headers.set('accept', 'text/csv');
    const response = await context.sendAsync(request);
    if (!response.ok) return response;

    const rows = parseCsv(await response.text());
    const [header = [], ...records] = rows;
    const column = (name: string) => header.indexOf(name);
    const events: TrackingEvent[] = records
      .map((cells) => {
        const code = cells[column('code')] ?? '';
        return {
          time: cells[column('time')] ?? '',
          location: cells[column('location')] ?? '',
          code,
          status: STATUS_BY_CODE[code] ?? 'Unknown',
          description: cells[column('description')] ?? '',
        };
      })
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));

    const trackingNumber = decodeURIComponent(new URL(context.request.url).pathname.split('/').at(-2) ?? '');
    const unknown = events.filter((e) => e.status === 'Unknown').map((e) => e.code);
    if (unknown.length > 0) context.logger.warn('Unknown event codes for %s: %s.', trackingNumber, unknown.join(', '));
    context.logger.info('Converted %d tracking events for %s.', events.length, trackingNumber);

    return Response.json({
      trackingNumber,
      delivered: events.some((e) => e.code === 'DLV'),
      latestStatus: events.at(-1)?.status ?? 'Unknown',
      events,
    });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell !== ''));
}
