import { isObject, own, ownString } from '../connector/json.ts';
import type { Operation, OperationKind } from '../connector/model.ts';
import type { Changes } from './change.ts';
import { compareParameters } from './parameters.ts';
import { compareOutput } from './schemas.ts';

const isSuccess = (status: string) => /^2\d\d$/.test(status);

/** Compares two versions of an operation (same `operationId`). */
export function compareOperation(changes: Changes, before: Operation, after: Operation, id: string): void {
  const path = `operation/${id}`;
  const at = { version: 'new', pointer: after.pointer } as const;
  if (before.path !== after.path)
    changes.add(
      'operation-path-changed',
      path,
      `\`${id}\` moved from \`${before.path}\` to \`${after.path}\`.`,
      at,
    );
  if (before.method !== after.method)
    changes.add(
      'operation-method-changed',
      path,
      `\`${id}\` changed from ${before.method.toUpperCase()} to ${after.method.toUpperCase()}.`,
      at,
    );
  if (before.visibility !== 'internal' && after.visibility === 'internal')
    changes.add('operation-hidden', `${path}/x-ms-visibility`, `\`${id}\` became \`internal\`.`, at);
  if (!before.deprecated && after.deprecated)
    changes.add('operation-deprecated', `${path}/deprecated`, `\`${id}\` is now marked \`deprecated\`.`, at);
  if (before.kind !== after.kind || (before.trigger ?? '') !== (after.trigger ?? ''))
    changes.add(
      'trigger-kind-changed',
      `${path}/x-ms-trigger`,
      `\`${id}\` changed from ${describe(before)} to ${describe(after)}.`,
      at,
    );
  const paging = (op: Operation) => {
    const pageable = own(op.raw, 'x-ms-pageable');
    return isObject(pageable) ? (ownString(pageable, 'nextLinkName') ?? 'nextLink') : undefined;
  };
  const oldPaging = paging(before);
  const newPaging = paging(after);
  if (oldPaging !== undefined && oldPaging !== newPaging)
    changes.add(
      'pageable-changed',
      `${path}/x-ms-pageable`,
      newPaging === undefined
        ? `\`${id}\` is no longer pageable (its next link was \`${oldPaging}\`).`
        : `The next link of \`${id}\` changed from \`${oldPaging}\` to \`${newPaging}\`.`,
      at,
    );
  compareParameters(changes, before, after, id);
  compareResponses(changes, before, after, id);
  const oldContent = before.notificationContent?.schema;
  const newContent = after.notificationContent?.schema;
  if (oldContent && newContent && before.notificationContent && after.notificationContent)
    compareOutput(changes, {
      old: oldContent,
      oldPointer: `${before.notificationContent.pointer}/schema`,
      new: newContent,
      newPointer: `${after.notificationContent.pointer}/schema`,
      path: `${path}/responses/x-ms-notification-content/schema`,
      label: `the notification of \`${id}\``,
    });
}

const KIND_NAMES: Record<OperationKind, string> = {
  action: 'an action',
  'polling-trigger': 'a polling trigger',
  'webhook-trigger': 'a webhook trigger',
  'callback-action': 'a callback action',
};

function describe(op: Operation): string {
  return op.trigger ? `${KIND_NAMES[op.kind]} (\`x-ms-trigger: ${op.trigger}\`)` : KIND_NAMES[op.kind];
}

/**
 * Success responses: each old one is compared with the new one of the same status, or, when the
 * status changed, with the new operation's first success response.
 */
function compareResponses(changes: Changes, before: Operation, after: Operation, id: string): void {
  const successes = after.responses.filter((r) => isSuccess(r.status));
  for (const o of before.responses) {
    if (!isSuccess(o.status) || !o.schema) continue;
    const path = `operation/${id}/responses/${o.status}`;
    let n = after.responses.find((r) => r.status === o.status);
    if (!n) {
      n = successes[0];
      if (!n) continue;
      changes.add(
        'output-status-changed',
        path,
        `\`${id}\` no longer describes a ${o.status} response; it now answers ${successes.map((r) => r.status).join(', ')}.`,
        { version: 'new', pointer: n.pointer },
      );
    }
    if (!n.schema) {
      changes.add(
        'output-schema-removed',
        `${path}/schema`,
        `The ${n.status} response of \`${id}\` no longer has a schema.`,
        {
          version: 'new',
          pointer: n.pointer,
        },
      );
      continue;
    }
    compareOutput(changes, {
      old: o.schema,
      oldPointer: `${o.pointer}/schema`,
      new: n.schema,
      newPointer: `${n.pointer}/schema`,
      path: `${path}/schema`,
      label: `the ${o.status} response of \`${id}\``,
    });
  }
}
