/**
 * Examples that are no value of their own schema (an integer written as `"ten"`, a value outside
 * `enum`) are dropped from converted bodies, answers and definitions, and reported: `flowport mock`
 * and Prism answer with examples, and `flowport validate` warns of them (`example-value-mismatch`).
 * Parameters keep their own handling (`x-ms-test-value` from an example that fits, else reported).
 */
import { isObject, type JsonObject, type JsonValue, own } from '../connector/json.ts';
import { connectorFromFiles } from '../connector/load.ts';
import { join } from '../connector/pointer.ts';
import { at } from '../connector/refs.ts';
import { withArticle } from '../validate/helpers/describe-type.ts';
import { valueMismatch } from '../validate/helpers/json-type.ts';
import { valueDifferences } from '../validate/helpers/value-differences.ts';
import { walkDefinition } from '../validate/walk.ts';
import type { Losses } from './loss.ts';

const MAX_DEPTH = 64;

/**
 * Drops, in place, each `example` of a converted schema and its subschemas that does not fit the
 * schema it sits on; `pointer` is where the schema came from in the input, for the loss report.
 */
export function dropUnfittingExamples(
  schema: JsonValue | undefined,
  pointer: string,
  losses: Losses,
  depth = 0,
): void {
  if (!isObject(schema) || depth > MAX_DEPTH) return;
  const example = schema.example;
  if (example !== undefined && schema.$ref === undefined) {
    const mismatch = valueMismatch(example, schema.type, schema.enum);
    if (mismatch !== undefined) {
      losses.add(
        join(pointer, 'example'),
        'example',
        `dropped; it is not a value of its schema (${mismatch === 'type' ? `not ${withArticle(String(schema.type))}` : 'not one of its `enum` values'})`,
      );
      delete (schema as JsonObject).example;
    }
  }
  const properties = schema.properties;
  if (isObject(properties))
    for (const [name, child] of Object.entries(properties))
      dropUnfittingExamples(child, join(pointer, 'properties', name), losses, depth + 1);
  dropUnfittingExamples(schema.items, join(pointer, 'items'), losses, depth + 1);
  dropUnfittingExamples(
    schema.additionalProperties,
    join(pointer, 'additionalProperties'),
    losses,
    depth + 1,
  );
  const allOf = schema.allOf;
  if (Array.isArray(allOf))
    for (let i = 0; i < allOf.length; i++)
      dropUnfittingExamples(allOf[i], join(pointer, 'allOf', i), losses, depth + 1);
}

/** The schema, its examples that do not fit dropped (see {@link dropUnfittingExamples}). */
export function fitting(schema: JsonObject, pointer: string, ctx: { readonly losses: Losses }): JsonObject {
  dropUnfittingExamples(schema, pointer, ctx.losses);
  return schema;
}

/**
 * Drops, in place, each object or array `example` of the finished swagger whose values inside do not
 * fit their schemas (a property of another type, a `null`, a missing required property, a value
 * outside `enum`), as `example-value-mismatch` checks them once `$ref`s can be followed: a `oneOf`
 * converted to one of its members, say, whose example shows another. Reported at the swagger's
 * pointer, as the schema sizes are.
 */
export function dropNestedUnfittingExamples(swagger: JsonObject, losses: Losses): void {
  const connector = connectorFromFiles(
    [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(JSON.stringify(swagger)) }],
    { source: 'converted' },
  );
  const unfitting: { pointer: string; message: string }[] = [];
  walkDefinition(connector, {
    parameter() {},
    response() {},
    schema(node) {
      const example = own(node.raw, 'example');
      if (example === null || typeof example !== 'object' || own(node.raw, '$ref') !== undefined) return;
      const difference = valueDifferences(connector, node.raw, example, node.role !== 'output');
      if (difference) unfitting.push({ pointer: node.pointer, message: difference.first });
    },
  });
  for (const { pointer, message } of unfitting) {
    const schema = at(swagger, pointer);
    if (!isObject(schema) || schema.example === undefined) continue;
    delete schema.example;
    losses.add(join(pointer, 'example'), 'example', `dropped; it does not fit its schema (${message})`);
  }
}
