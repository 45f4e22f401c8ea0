/**
 * Server-sent events read with fetch(): EventSource cannot send the bearer header. Parses the
 * `text/event-stream` format (WHATWG HTML §9.2.6) and reconnects with `Last-Event-ID` after a drop.
 */
import { authHeaders } from './client.ts';
import { parseEvents, type StreamMessage } from './sse-parse.ts';

export type { StreamMessage };

export interface StreamOptions {
  readonly url: string;
  /** Resume after this event id (sent as `Last-Event-ID`). */
  readonly lastEventId?: string;
  readonly signal: AbortSignal;
  onMessage(message: StreamMessage): void;
  onState?(state: 'connecting' | 'open' | 'retrying' | 'closed', detail?: string): void;
}

/** Reads the stream until `signal` aborts, reconnecting (1 s, then up to 15 s apart) after drops. */
export async function readEventStream(options: StreamOptions): Promise<void> {
  let lastEventId = options.lastEventId;
  let delay = 1000;
  while (!options.signal.aborted) {
    options.onState?.('connecting');
    try {
      const response = await fetch(options.url, {
        headers: authHeaders({
          accept: 'text/event-stream',
          ...(lastEventId !== undefined && { 'last-event-id': lastEventId }),
        }),
        signal: options.signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) throw new Error(`The event stream answered ${response.status}.`);
      options.onState?.('open');
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEvents(buffer + value);
        buffer = parsed.rest;
        for (const message of parsed.messages) {
          if (message.id !== undefined) lastEventId = message.id;
          options.onMessage(message);
        }
      }
    } catch (error) {
      if (options.signal.aborted) break;
      options.onState?.('retrying', error instanceof Error ? error.message : String(error));
    }
    if (options.signal.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15_000);
  }
  options.onState?.('closed');
}
