/**
 * What a custom rule (`customRules` in flowport.config.json) checks a value with: Spectral's core
 * functions by the same names and options, so that a team's Spectral rules carry over. Each checks
 * its options once, when the config is read, and says what is wrong with a value in a few words.
 */
import type { ValidateFunction } from 'ajv';
import type { JsonValue } from '../connector/json.ts';
import { lazy } from '../lazy.ts';
import { matchesType } from './helpers/json-type.ts';

// Loaded for the `schema` function only.
const ajv = lazy<typeof import('ajv')>('ajv');
let compiler: import('ajv').default | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** A JSON Schema (draft-07) compiled once per schema object. */
function validatorOf(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const Ajv = ajv().default;
    compiler ??= new Ajv({ allErrors: false, strict: false });
    validate = compiler.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

type Options = Readonly<Record<string, unknown>>;

export interface CustomFunction {
  /** A problem with the options (`functionOptions`), in a few words; undefined when they are right. */
  readonly options: (options: Options) => string | undefined;
  /** What is wrong with `value` (undefined when absent), in a few words; undefined when it passes. */
  readonly test: (value: JsonValue | undefined, options: Options) => string | undefined;
}

const CASES: Readonly<Record<string, RegExp>> = {
  flat: /^[a-z][a-z0-9]*$/,
  camel: /^[a-z][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
  kebab: /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  cobol: /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/,
  snake: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  macro: /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/,
};

/** The `type`s `casing` takes. */
export const CASE_TYPES: readonly string[] = Object.keys(CASES);

const none = () => undefined;
const empty = (v: JsonValue | undefined) =>
  v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);

/** A regular expression option, as Spectral writes it: `^a` or `/^a/i`. */
export function patternOf(source: string): RegExp {
  const slashed = /^\/(.+)\/([gimsuy]*)$/.exec(source);
  return slashed ? new RegExp(slashed[1] as string, (slashed[2] ?? '').replace('g', '')) : new RegExp(source);
}

function badPattern(source: unknown): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source !== 'string') return 'must be a string';
  try {
    patternOf(source);
    return undefined;
  } catch (error) {
    return `is not a regular expression (${(error as Error).message})`;
  }
}

/** The options of `xor` and `or`: `properties`, two names or more. */
const propertyNames = (o: Options) =>
  Array.isArray(o.properties) && o.properties.length >= 2 && o.properties.every((p) => typeof p === 'string')
    ? undefined
    : 'needs `properties`, two names or more';

const sizeOf = (v: JsonValue | undefined) =>
  typeof v === 'string' || Array.isArray(v)
    ? v.length
    : typeof v === 'number'
      ? v
      : v && typeof v === 'object'
        ? Object.keys(v).length
        : undefined;

export const CUSTOM_FUNCTIONS: Readonly<Record<string, CustomFunction>> = {
  truthy: { options: none, test: (v) => (empty(v) ? 'is missing or empty' : undefined) },
  falsy: { options: none, test: (v) => (empty(v) ? undefined : 'must be absent or empty') },
  defined: { options: none, test: (v) => (v === undefined ? 'is missing' : undefined) },
  undefined: { options: none, test: (v) => (v === undefined ? undefined : 'must not be there') },
  pattern: {
    options: (o) => {
      if (o.match === undefined && o.notMatch === undefined) return 'needs `match` or `notMatch`';
      const bad = badPattern(o.match) ?? badPattern(o.notMatch);
      return bad && `\`match\`/\`notMatch\` ${bad}`;
    },
    test: (v, o) => {
      if (typeof v !== 'string') return v === undefined ? undefined : 'is not a string';
      if (typeof o.match === 'string' && !patternOf(o.match).test(v)) return `does not match ${o.match}`;
      if (typeof o.notMatch === 'string' && patternOf(o.notMatch).test(v))
        return `must not match ${o.notMatch}`;
      return undefined;
    },
  },
  casing: {
    options: (o) =>
      typeof o.type === 'string' && o.type in CASES
        ? undefined
        : `\`type\` must be one of ${Object.keys(CASES).join(', ')}`,
    test: (v, o) => {
      if (typeof v !== 'string') return v === undefined ? undefined : 'is not a string';
      return CASES[String(o.type)]?.test(v) ? undefined : `is not ${String(o.type)} case`;
    },
  },
  length: {
    options: (o) =>
      (o.min === undefined && o.max === undefined) ||
      (o.min !== undefined && typeof o.min !== 'number') ||
      (o.max !== undefined && typeof o.max !== 'number')
        ? 'needs a number `min` or `max`'
        : undefined,
    test: (v, o) => {
      const size = sizeOf(v);
      if (size === undefined) return undefined;
      if (typeof o.min === 'number' && size < o.min) return `is shorter than ${o.min}`;
      if (typeof o.max === 'number' && size > o.max) return `is longer than ${o.max}`;
      return undefined;
    },
  },
  schema: {
    options: (o) => {
      if (typeof o.schema !== 'object' || o.schema === null || Array.isArray(o.schema))
        return 'needs `schema`, a JSON Schema';
      try {
        validatorOf(o.schema);
        return undefined;
      } catch (error) {
        return `\`schema\` is not a JSON Schema ajv compiles (${(error as Error).message})`;
      }
    },
    test: (v, o) => {
      if (v === undefined) return undefined;
      const validate = validatorOf(o.schema as object);
      if (validate(v)) return undefined;
      const [first] = validate.errors ?? [];
      return first
        ? `does not fit the schema: ${first.instancePath || 'the value'} ${first.message}`
        : 'does not fit the schema';
    },
  },
  xor: {
    options: propertyNames,
    test: (v, o) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const names = o.properties as string[];
      const present = names.filter((n) => Object.hasOwn(v, n));
      return present.length === 1
        ? undefined
        : `must have exactly one of ${names.map((n) => `\`${n}\``).join(', ')}`;
    },
  },
  or: {
    options: propertyNames,
    test: (v, o) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const names = o.properties as string[];
      return names.some((n) => Object.hasOwn(v, n))
        ? undefined
        : `must have at least one of ${names.map((n) => `\`${n}\``).join(', ')}`;
    },
  },
  typedEnum: {
    options: none,
    test: (v) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      const { enum: values, type } = v as Record<string, JsonValue>;
      const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.map(String) : [];
      if (!Array.isArray(values) || types.length === 0) return undefined;
      const nullable = v['x-nullable'] === true || v.nullable === true;
      const wrong = values.filter(
        (x) => !(x === null && nullable) && !types.some((t) => matchesType(x, t) !== false),
      );
      return wrong.length === 0
        ? undefined
        : `has enum values that are not of type ${types.join(' or ')}: ${wrong.map((x) => JSON.stringify(x)).join(', ')}`;
    },
  },
  alphabetical: {
    options: (o) =>
      o.keyedBy === undefined || typeof o.keyedBy === 'string'
        ? undefined
        : '`keyedBy` must be a property name',
    test: (v, o) => {
      const keys: unknown[] = Array.isArray(v)
        ? typeof o.keyedBy === 'string'
          ? v.map((x) =>
              x && typeof x === 'object' && !Array.isArray(x)
                ? (x as Record<string, unknown>)[o.keyedBy as string]
                : x,
            )
          : v
        : v && typeof v === 'object'
          ? Object.keys(v)
          : [];
      for (let i = 1; i < keys.length; i++)
        if (String(keys[i - 1]) > String(keys[i]))
          return `is not in alphabetical order (${String(keys[i])} after ${String(keys[i - 1])})`;
      return undefined;
    },
  },
  enumeration: {
    options: (o) => (Array.isArray(o.values) ? undefined : 'needs `values`, a list'),
    test: (v, o) =>
      v === undefined || (o.values as unknown[]).some((x) => x === v)
        ? undefined
        : `is not one of ${(o.values as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`,
  },
};
