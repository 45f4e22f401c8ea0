import type { JsonObject } from '../connector/json.ts';
import type { Operation, Parameter } from '../connector/model.ts';
import type { Changes } from './change.ts';
import { compareDynamicSource } from './dynamic-source.ts';
import { compareInput } from './schemas.ts';

/** A non-body parameter's own type, format, enum and items, compared as an input field. */
function asSchema(p: Parameter): JsonObject {
  const { type, format, enum: values, items } = p.raw;
  return {
    ...(type !== undefined && { type }),
    ...(format !== undefined && { format }),
    ...(values !== undefined && { enum: values }),
    ...(items !== undefined && { items }),
  };
}

/**
 * Compares the parameters of two versions of an operation, matched by name as Microsoft's detector
 * does: removed, added as required, moved (`in`), made required or hidden without a default, and
 * their types, formats, enums and body schemas.
 */
export function compareParameters(changes: Changes, before: Operation, after: Operation, id: string): void {
  const now = new Map(after.parameters.map((p) => [p.name, p]));
  const then = new Map(before.parameters.map((p) => [p.name, p]));
  for (const o of before.parameters) {
    const path = `operation/${id}/parameter/${o.name}`;
    const n = now.get(o.name);
    if (!n) {
      changes.add(
        'parameter-deleted',
        path,
        `${o.required ? 'Required parameter' : 'Parameter'} \`${o.name}\` (${o.in}) of \`${id}\` was removed.${renamedTo(o, before, after)}`,
        { version: 'old', pointer: o.usedAt },
        o.required ? 'error' : undefined,
      );
      continue;
    }
    const at = { version: 'new', pointer: n.usedAt } as const;
    if (o.in !== n.in) {
      changes.add(
        'parameter-location-changed',
        path,
        `Parameter \`${o.name}\` of \`${id}\` moved from \`${o.in}\` to \`${n.in}\`.`,
        at,
      );
      continue;
    }
    if (!o.required && n.required)
      changes.add(
        'input-optional-to-required',
        `${path}/required`,
        `Parameter \`${o.name}\` of \`${id}\` is now required.`,
        at,
      );
    if (n.visibility === 'internal' && o.visibility !== 'internal' && n.default === undefined)
      changes.add(
        'input-hidden',
        `${path}/x-ms-visibility`,
        `Parameter \`${o.name}\` of \`${id}\` became \`internal\` without a \`default\`.`,
        at,
      );
    compareDynamicSource(changes, o.dynamic, n.dynamic, {
      path,
      label: `Parameter \`${o.name}\` of \`${id}\``,
      at,
    });
    const label = `parameter \`${o.name}\` of \`${id}\``;
    if (o.in === 'body') {
      if (o.schema && n.schema)
        compareInput(changes, {
          old: o.schema,
          oldPointer: `${o.pointer}/schema`,
          new: n.schema,
          newPointer: `${n.pointer}/schema`,
          path: `${path}/schema`,
          label: `the body of \`${id}\``,
        });
    } else
      compareInput(changes, {
        old: asSchema(o),
        oldPointer: o.pointer,
        new: asSchema(n),
        newPointer: n.pointer,
        path,
        label,
      });
  }
  for (const n of after.parameters) {
    if (then.has(n.name) || !n.required) continue;
    changes.add(
      'parameter-required-added',
      `operation/${id}/parameter/${n.name}`,
      `Required parameter \`${n.name}\` (${n.in}) was added to \`${id}\`.`,
      { version: 'new', pointer: n.usedAt },
    );
  }
}

/**
 * A hint for a parameter that looks renamed rather than removed: a new parameter in the same place
 * (`in`) with the same display name (`x-ms-summary`). Flows hold the old name.
 */
function renamedTo(o: Parameter, before: Operation, after: Operation): string {
  if (o.summary === undefined) return '';
  const twin = after.parameters.find(
    (n) =>
      n.in === o.in &&
      n.summary?.trim().toLowerCase() === o.summary?.trim().toLowerCase() &&
      !before.parameters.some((b) => b.name === n.name),
  );
  return twin
    ? ` It looks renamed to \`${twin.name}\` (the same display name, "${o.summary}"): flows hold the old name, so keep it.`
    : '';
}
