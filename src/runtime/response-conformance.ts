/**
 * Does an answer match the schema the connector declares for it? Flows and apps are built from the
 * declared response schema (dynamic content, Power Fx types); an API that answers otherwise breaks
 * them at run time, after the Test tab showed a 200. Findings are data, one per place in the body
 * (array items folded into `*`, with how many items showed it); values themselves are never quoted,
 * as a response may hold personal data.
 */
import { isObject, type JsonObject, type JsonValue, own, ownString, setOwn } from '../connector/json.ts';
import type { Connector, Operation, Response } from '../connector/model.ts';
import { escapeSegment } from '../connector/pointer.ts';
import { withArticle } from '../validate/helpers/describe-type.ts';
import { matchesType } from '../validate/helpers/json-type.ts';
import type { RuntimeResponse } from './types.ts';

export type ConformanceKind =
  | 'status-undeclared'
  | 'no-schema'
  | 'type'
  | 'null'
  | 'required'
  | 'enum'
  | 'undeclared';

export interface ConformanceFinding {
  readonly kind: ConformanceKind;
  /** `warning`: a flow built from the schema can fail or misread it; `info`: worth knowing. */
  readonly severity: 'warning' | 'info';
  /** Where in the body: a JSON pointer in which `*` stands for any array item; empty for the body itself. */
  readonly at: string;
  readonly message: string;
  readonly fix: string;
  /** How many values at `at` showed it, and how many values were there. */
  readonly count: number;
  readonly of: number;
}

export interface Conformance {
  /** The declared response the answer was checked against (`200`, `default`), if any. */
  readonly response: string | undefined;
  readonly findings: readonly ConformanceFinding[];
  /** True when findings were left out (over {@link MAX_FINDINGS}) or items were not all checked. */
  readonly partial: boolean;
}

/** Array items checked per array; findings kept per answer. */
export const MAX_ITEMS = 200;
export const MAX_FINDINGS = 50;
/** Values checked per answer at most (nested arrays multiply): a large answer costs a bounded time. */
export const MAX_VALUES = 20_000;
const MAX_DEPTH = 64;

const KIND_FIX: Record<ConformanceKind, string> = {
  'status-undeclared': 'Declare the status under `responses` with the schema of its body.',
  'no-schema':
    "Describe the body under the response's `schema`, so that flows can use its fields (`flowport response-schema <connector> <operationId> --write` infers one from an answer).",
  type: "Make the schema's `type` (and `format`) say what the API sends, or fix the API.",
  null: 'Add `"x-nullable": true` to the property when the API may send null.',
  required: 'Drop the property from `required`, or fix the API.',
  enum: 'Add the value to `enum` (and `x-ms-enum-values`), or drop the `enum`.',
  undeclared: 'Add the property to the schema: only declared properties are dynamic content in flows.',
};

const SEVERITY: Record<ConformanceKind, 'warning' | 'info'> = {
  'status-undeclared': 'info',
  'no-schema': 'warning',
  type: 'warning',
  null: 'warning',
  required: 'warning',
  enum: 'warning',
  undeclared: 'info',
};

function jsonType(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The declared response for a status: the exact code, else `default`. */
function declaredResponse(operation: Operation, status: number): Response | undefined {
  return (
    operation.responses.find((r) => r.status === String(status)) ??
    operation.responses.find((r) => r.status === 'default')
  );
}

class Walk {
  private readonly found = new Map<
    string,
    { finding: Omit<ConformanceFinding, 'count' | 'of'>; count: number; among: string }
  >();
  /** Values seen at each place, for "in 3 of 50 items". */
  private readonly seen = new Map<string, number>();
  partial = false;
  private values = 0;

  private readonly connector: Connector;
  /** A request body: a required `readOnly` property is the answer's, not asked of the request. */
  private readonly request: boolean;

  constructor(connector: Connector, request = false) {
    this.connector = connector;
    this.request = request;
  }

  /** Whether a property's schema is `readOnly`: on itself, its `$ref`'s target or an `allOf` member. */
  private readOnly(raw: JsonValue | undefined): boolean {
    if (!isObject(raw)) return false;
    if (own(raw, 'readOnly') === true) return true;
    const schema = this.schemaOf(raw);
    if (schema && own(schema, 'readOnly') === true) return true;
    const allOf = own(raw, 'allOf');
    if (!Array.isArray(allOf)) return false;
    return allOf.some((part) => own(this.schemaOf(part) ?? {}, 'readOnly') === true);
  }

  /** `among`: the place whose values are counted for `of` (the object, for a missing or extra key). */
  report(kind: ConformanceKind, at: string, message: string, among = at): void {
    const key = `${kind}\u0000${at}\u0000${message}`;
    const entry = this.found.get(key);
    if (entry) entry.count++;
    else if (this.found.size < MAX_FINDINGS)
      this.found.set(key, {
        finding: { kind, severity: SEVERITY[kind], at, message, fix: KIND_FIX[kind] },
        count: 1,
        among,
      });
    else this.partial = true;
  }

  findings(): ConformanceFinding[] {
    return [...this.found.values()].map(({ finding, count, among }) => ({
      ...finding,
      count,
      of: this.seen.get(among) ?? 1,
    }));
  }

  /** Resolved schemas by the schema object written: every item of an array shares its `items`. */
  private readonly schemas = new Map<JsonValue, JsonObject | undefined>();

  private schemaOf(raw: JsonValue | undefined): JsonObject | undefined {
    if (!isObject(raw)) return undefined;
    if (this.schemas.has(raw)) return this.schemas.get(raw);
    const schema = this.resolved(raw, []);
    this.schemas.set(raw, schema);
    return schema;
  }

  /** The schema with `$ref`s followed and `allOf` parts merged (properties, required, type). */
  private resolved(schema: JsonValue | undefined, refs: readonly string[]): JsonObject | undefined {
    if (!isObject(schema)) return undefined;
    const ref = ownString(schema, '$ref');
    if (ref !== undefined) {
      if (refs.includes(ref) || refs.length > MAX_DEPTH) return undefined;
      return this.resolved(this.connector.resolve(ref)?.value, [...refs, ref]);
    }
    const allOf = own(schema, 'allOf');
    if (!Array.isArray(allOf) || allOf.length === 0) return schema;
    const merged: JsonObject = { ...schema };
    delete merged.allOf;
    const properties: JsonObject = { ...(isObject(schema.properties) ? schema.properties : {}) };
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const part of allOf) {
      const p = this.resolved(part, refs);
      if (!p) continue;
      // Member by member: `Object.assign` would take a `__proto__` property as the prototype.
      if (isObject(p.properties)) for (const [k, v] of Object.entries(p.properties)) setOwn(properties, k, v);
      if (Array.isArray(p.required)) for (const r of p.required) required.add(r);
      if (merged.type === undefined && typeof p.type === 'string') merged.type = p.type;
      if (merged.additionalProperties === undefined && p.additionalProperties !== undefined)
        merged.additionalProperties = p.additionalProperties;
    }
    merged.properties = properties;
    merged.required = [...required];
    return merged;
  }

  check(value: JsonValue, raw: JsonValue | undefined, at: string, depth: number): void {
    if (++this.values > MAX_VALUES) {
      this.partial = true;
      return;
    }
    this.seen.set(at, (this.seen.get(at) ?? 0) + 1);
    if (depth > MAX_DEPTH) return;
    const schema = this.schemaOf(raw);
    if (!schema) return;
    // Shapes known only at design time: the platform asks the API for them.
    if (
      own(schema, 'x-ms-dynamic-schema') !== undefined ||
      own(schema, 'x-ms-dynamic-properties') !== undefined
    )
      return;
    const type = ownString(schema, 'type');
    if (value === null) {
      if (type !== undefined && type !== 'null' && own(schema, 'x-nullable') !== true)
        this.report('null', at, `${place(at)} is null; the schema says ${withArticle(type)}.`);
      return;
    }
    // `file` and unknown types say nothing of values (undefined).
    if (type !== undefined && matchesType(value, type) === false) {
      const actual = jsonType(value);
      this.report(
        'type',
        at,
        `${place(at)} is ${withArticle(actual)}; the schema says ${withArticle(type)}.`,
      );
      return;
    }
    const values = own(schema, 'enum');
    // An `enum` written as text for a boolean or number (`["true", "false"]`) takes the typed value too.
    if (
      Array.isArray(values) &&
      values.length > 0 &&
      typeof value !== 'object' &&
      !values.includes(value) &&
      (typeof value === 'string' || !values.includes(String(value)))
    )
      this.report('enum', at, `${place(at)} is not one of the schema's \`enum\` values.`);
    if (Array.isArray(value)) {
      const items = own(schema, 'items');
      if (items === undefined) return;
      const n = Math.min(value.length, MAX_ITEMS);
      if (value.length > MAX_ITEMS) this.partial = true;
      for (let i = 0; i < n; i++) this.check(value[i] as JsonValue, items, `${at}/*`, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    const properties = isObject(schema.properties) ? schema.properties : undefined;
    const required = own(schema, 'required');
    if (Array.isArray(required))
      for (const name of new Set(required))
        if (
          typeof name === 'string' &&
          !Object.hasOwn(value, name) &&
          !(
            this.request &&
            this.readOnly(properties && Object.hasOwn(properties, name) ? properties[name] : undefined)
          )
        )
          this.report(
            'required',
            `${at}/${escapeSegment(name)}`,
            `${place(`${at}/${escapeSegment(name)}`)} is missing; the schema says it is required.`,
            at,
          );
    const additional = own(schema, 'additionalProperties');
    for (const [name, child] of Object.entries(value)) {
      const path = `${at}/${escapeSegment(name)}`;
      const declared = properties && Object.hasOwn(properties, name) ? properties[name] : undefined;
      if (declared !== undefined) this.check(child, declared, path, depth + 1);
      else if (isObject(additional)) this.check(child, additional, path, depth + 1);
      // A free-form object (no properties) or one open on purpose says nothing of its keys.
      else if (properties && Object.keys(properties).length > 0 && additional !== true) {
        this.report('undeclared', path, `${place(path)} is not in the schema.`, at);
      }
    }
  }
}

function place(at: string): string {
  return at === '' ? 'The body' : `\`${at}\``;
}

/**
 * Checks any JSON value against a Swagger schema of the connector (a notification against
 * `x-ms-notification-content`, say): the same findings as {@link responseConformance}, `at` relative
 * to the value. With `request`, the value is a request body: a required property the schema marks
 * `readOnly` is the answer's and is not asked for (OpenAPI: `required` then applies to responses only).
 */
export function valueConformance(
  connector: Connector,
  schema: JsonValue,
  value: JsonValue,
  options: { readonly request?: boolean } = {},
): { readonly findings: readonly ConformanceFinding[]; readonly partial: boolean } {
  const walk = new Walk(connector, options.request);
  walk.check(value, schema, '', 0);
  return { findings: walk.findings(), partial: walk.partial };
}

/**
 * Checks a response against the operation's declared schema for its status (the code, else
 * `default`). Error answers (4xx, 5xx) are checked only when declared; a 2xx the operation does not
 * declare is reported. Bodies other than JSON are checked only against an object or array schema.
 */
export function responseConformance(
  connector: Connector,
  operation: Operation,
  response: Pick<RuntimeResponse, 'status' | 'body'>,
): Conformance {
  const success = response.status >= 200 && response.status < 300;
  const declared = declaredResponse(operation, response.status);
  if (!declared) {
    const findings: ConformanceFinding[] = success
      ? [
          {
            kind: 'status-undeclared',
            severity: 'info',
            at: '',
            message: `The API answered ${response.status}, which \`${operation.label}\` does not declare (nor \`default\`).`,
            fix: KIND_FIX['status-undeclared'],
            count: 1,
            of: 1,
          },
        ]
      : [];
    return { response: undefined, findings, partial: false };
  }
  const walk = new Walk(connector);
  const body = response.body;
  if (body.kind === 'json') {
    if (declared.schema === undefined) {
      const empty = body.value === null || (isObject(body.value) && Object.keys(body.value).length === 0);
      // A 202's body is no action's output: the platform polls its `Location` for the result.
      if (success && !empty && response.status !== 202)
        walk.report(
          'no-schema',
          '',
          `Response \`${declared.status}\` of \`${operation.label}\` declares no schema, but the API answered with JSON.`,
        );
    } else walk.check(body.value, declared.schema, '', 0);
  } else if (declared.schema !== undefined) {
    const type = ownString(topSchema(connector, declared.schema), 'type');
    if ((type === 'object' || type === 'array') && (body.kind === 'text' || body.kind === 'binary'))
      walk.report(
        'type',
        '',
        `The body is ${body.kind === 'text' ? 'text' : 'binary'}, not JSON; the schema says ${withArticle(type)}.`,
      );
  }
  return { response: declared.status, findings: walk.findings(), partial: walk.partial };
}

/** A schema with a top-level `$ref` followed once (to read its `type`). */
function topSchema(connector: Connector, schema: JsonObject): JsonValue | undefined {
  const ref = ownString(schema, '$ref');
  return ref === undefined ? schema : connector.resolve(ref)?.value;
}
