/**
 * The mock's own routes under `/_mock`: what it holds and received, and trigger events fired on demand.
 */
import type { JsonValue } from '../connector/json.ts';
import type { Connector } from '../connector/model.ts';
import { closest } from '../runtime/closest.ts';
import { mockError } from './http.ts';
import type { MockLogEntry } from './server.ts';
import type { MockState } from './state.ts';
import type { Fired, MockTriggers } from './triggers.ts';

export interface ControlContext {
  readonly connector: Connector;
  readonly basePath: string;
  readonly triggers: MockTriggers;
  readonly state: MockState | undefined;
  readonly log: readonly MockLogEntry[];
}

/** The answer to a request under `/_mock`. */
export async function control(method: string, url: URL, mock: ControlContext): Promise<[number, JsonValue]> {
  const { connector, basePath, triggers, state, log } = mock;
  const parts = url.pathname.split('/').filter(Boolean).slice(1).map(decoded);
  const [what, name] = parts;
  if (method === 'GET' && what === undefined)
    return [
      200,
      {
        connector: connector.definition.info.title ?? null,
        basePath: basePath || '/',
        operations: connector.operations.length,
        triggers: triggers.triggers().map((t) => ({ operationId: t.id ?? null, kind: t.kind })),
        subscriptions: triggers.list().length,
        ...(state && { stored: state.sizes() }),
        requests: log.length,
      },
    ];
  if (method === 'GET' && what === 'requests') return [200, log as unknown as JsonValue];
  if (method === 'GET' && what === 'subscriptions') return [200, triggers.list() as unknown as JsonValue];
  if (method === 'DELETE' && what === 'subscriptions' && name !== undefined) {
    const ended = triggers.unsubscribeAt(url);
    return ended
      ? [200, { deleted: ended.id }]
      : [
          404,
          mockError(
            'MOCK_NO_SUBSCRIPTION',
            `No subscription \`${name}\`; GET /_mock/subscriptions lists them.`,
          ),
        ];
  }
  if (method === 'POST' && what === 'fire') {
    const count = Math.min(100, Math.max(1, Number(url.searchParams.get('count') ?? 1) || 1));
    const known = triggers.triggers().map((t) => t.id as string);
    if (name !== undefined && !known.some((k) => k.toLowerCase() === name.toLowerCase())) {
      const near = closest(name, known);
      return [
        404,
        mockError(
          'MOCK_NO_TRIGGER',
          `\`${name}\` is no trigger of this connector${near ? `; did you mean \`${near}\`?` : ''} Its triggers: ${known.join(', ') || 'none'}.`,
        ),
      ];
    }
    const fired: Fired[] = await triggers.fire(name, count);
    return [200, { fired: fired as unknown as JsonValue }];
  }
  return [
    404,
    mockError(
      'MOCK_NO_CONTROL',
      'The mock answers GET /_mock, GET /_mock/requests, GET /_mock/subscriptions, DELETE /_mock/subscriptions/{id} and POST /_mock/fire[/{operationId}][?count=N].',
    ),
  ];
}

/** A path segment percent-decoded, or as it is when it does not decode (`%` alone). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
