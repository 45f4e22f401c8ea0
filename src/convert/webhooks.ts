import { isObject, type JsonObject, ownObject, ownString } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Oas3Context } from './context.ts';
import { fitting } from './fitting-examples.ts';
import { preferred } from './media-type.ts';
import { deref } from './refs.ts';
import { convertSchema } from './schema.ts';
import { words } from './text.ts';

/** A webhook trigger to finish by hand: path, path item and the loss item saying so. */
export interface Skeleton {
  readonly path: string;
  readonly item: JsonObject;
}

const METHODS = ['post', 'put', 'patch', 'get', 'delete'] as const;

function kebab(name: string): string {
  return words(name).join('-').toLowerCase() || 'event';
}

/**
 * One webhook trigger skeleton for an event the API sends: a subscription operation whose body
 * carries the callback URL (`x-ms-notification-url`), and the event payload as
 * `x-ms-notification-content`. The subscription path is a placeholder the author replaces with the
 * API's real subscription endpoint.
 */
export function skeleton(
  name: string,
  event: JsonObject,
  pointer: string,
  note: string,
  ctx: Oas3Context,
): Skeleton {
  const body = deref(ctx.root, event.requestBody).value;
  const content = ownObject(body, 'content') ?? {};
  const mediaType = preferred(Object.keys(content));
  const payload = mediaType
    ? fitting(
        convertSchema(
          ownObject(content, mediaType)?.schema,
          join(pointer, 'requestBody', 'content', mediaType, 'schema'),
          ctx,
        ),
        join(pointer, 'requestBody', 'content', mediaType, 'schema'),
        ctx,
      )
    : { type: 'object' };
  const summary = ownString(event, 'summary');
  const description = ownString(event, 'description');
  const eventWords = words(name).join(' ').toLowerCase();
  const path = `/webhooks/${kebab(name)}`;
  return {
    path,
    item: {
      'x-ms-notification-content': {
        description: summary ?? description ?? `The ${eventWords} event.`,
        schema: payload,
      },
      post: {
        operationId: `When${words(name)
          .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
          .join('')}`,
        summary: `When ${eventWords} happens`,
        description:
          `${description ?? summary ?? `Starts a flow on the ${eventWords} event.`} ${note}`.trim(),
        'x-ms-trigger': 'single',
        'x-flowport-skeleton': true,
        parameters: [
          {
            name: 'body',
            in: 'body',
            required: true,
            'x-ms-summary': 'Subscription',
            description: 'The subscription to create.',
            schema: {
              type: 'object',
              required: ['callbackUrl'],
              properties: {
                callbackUrl: {
                  type: 'string',
                  description: 'The URL the service calls when the event happens.',
                  'x-ms-summary': 'Callback URL',
                  'x-ms-notification-url': true,
                  'x-ms-visibility': 'internal',
                },
              },
            },
          },
        ],
        responses: { '201': { description: 'Subscribed.' } },
      },
    },
  };
}

/** OpenAPI 3.1 `webhooks` (and the older `x-webhooks`) → trigger skeletons, one per event operation. */
export function convertWebhooks(ctx: Oas3Context): Skeleton[] {
  const out: Skeleton[] = [];
  // `x-webhooks` is the extension some 3.0 documents used before 3.1 added `webhooks`.
  const events = ['webhooks', 'x-webhooks'].flatMap((key) =>
    Object.entries(ownObject(ctx.root, key) ?? {}).map(([name, value]) => ({ key, name, value })),
  );
  for (const { key, name, value } of events) {
    const target = deref(ctx.root, value);
    const item = isObject(target.value) ? target.value : {};
    const at = target.pointer ?? join(`/${key}`, name);
    for (const method of METHODS) {
      const op = ownObject(item, method);
      if (!op) continue;
      out.push(
        skeleton(
          name,
          op,
          join(at, method),
          'Subscription endpoint to be completed: the description lists this event but not how to subscribe to it.',
          ctx,
        ),
      );
      ctx.losses.add(
        join(at, method),
        'webhook',
        `became the trigger skeleton \`POST /webhooks/${kebab(name)}\`; replace its path and body with the API's subscription endpoint`,
      );
    }
  }
  return out;
}

/** OpenAPI 3 `callbacks` of one operation → trigger skeletons. */
export function convertCallbacks(
  op: JsonObject,
  opPointer: string,
  operationLabel: string,
  ctx: Oas3Context,
): Skeleton[] {
  const callbacks = ownObject(op, 'callbacks') ?? {};
  const out: Skeleton[] = [];
  for (const [name, value] of Object.entries(callbacks)) {
    const target = deref(ctx.root, value);
    const callback = isObject(target.value) ? target.value : {};
    const cbPointer = target.pointer ?? join(opPointer, 'callbacks', name);
    for (const [expression, itemValue] of Object.entries(callback)) {
      const item = deref(ctx.root, itemValue).value;
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const event = ownObject(item, method);
        if (!event) continue;
        const at = join(cbPointer, expression, method);
        const s = skeleton(
          `${operationLabel} ${name}`,
          event,
          at,
          `The service calls back the URL given by \`${expression}\` in operation \`${operationLabel}\`.`,
          ctx,
        );
        out.push(s);
        ctx.losses.add(
          at,
          'callback',
          `became the trigger skeleton \`POST ${s.path}\`; \`${operationLabel}\` stays an action — point the trigger at the endpoint that registers \`${expression}\``,
        );
      }
    }
  }
  return out;
}
