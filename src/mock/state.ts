/**
 * `flowport mock --stateful`: the mock remembers what is created, so that a flow can create an item,
 * read it, list it, change it and delete it. Resources are read off the swagger's paths: an item path
 * ends in `{param}` after a static segment (`/tasks/{taskId}`), a collection path ends in that segment
 * (`/tasks`, `/projects/{projectId}/tasks`). POST on a collection creates, GET lists; GET, PATCH/PUT
 * and DELETE on an item read, change and delete. Everything starts empty.
 */
import { isObject, type JsonObject, type JsonValue, own, setOwn } from '../connector/json.ts';
import type { Connector, Operation } from '../connector/model.ts';
import { nextLinkName } from '../runtime/paging.ts';
import { viewSchema } from '../runtime/request/schema.ts';

export type Role = 'create' | 'list' | 'read' | 'update' | 'delete';

interface Roled {
  readonly role: Role;
  /** The static segment the resource is named by, lower-cased (`tasks`). */
  readonly resource: string;
  /** The item path's parameter (`taskId`). */
  readonly idParameter?: string;
}

interface Stored {
  value: JsonValue;
  /** The collection path it was created under, lower-cased (`/projects/p1/tasks`). */
  readonly collection: string;
}

/** What the state did with a request; undefined when the operation is not part of a resource. */
export type StateResult =
  | { readonly kind: 'value'; readonly value: JsonValue | undefined }
  | { readonly kind: 'gone' }
  | { readonly kind: 'not-found'; readonly id: string };

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const PARAMETER = /^\{([^{}]+)\}$/;

/** Each operation's role, for the resources that can be created and then reached by id. */
function rolesOf(connector: Connector): Map<Operation, Roled> {
  const items = new Map<string, string>();
  for (const o of connector.operations) {
    const s = segments(o.path);
    const last = s[s.length - 1] ?? '';
    const before = s[s.length - 2];
    const id = PARAMETER.exec(last)?.[1];
    if (id && before && !PARAMETER.test(before)) items.set(before.toLowerCase(), id);
  }
  const roles = new Map<Operation, Roled>();
  const creatable = new Set<string>();
  for (const o of connector.operations) {
    const s = segments(o.path);
    const last = s[s.length - 1] ?? '';
    if (PARAMETER.test(last)) {
      const resource = (s[s.length - 2] ?? '').toLowerCase();
      const idParameter = items.get(resource);
      const role: Role | undefined =
        o.method === 'get'
          ? 'read'
          : o.method === 'patch' || o.method === 'put'
            ? 'update'
            : o.method === 'delete'
              ? 'delete'
              : undefined;
      if (role && idParameter && o.kind === 'action') roles.set(o, { role, resource, idParameter });
    } else if (items.has(last.toLowerCase()) && o.kind === 'action') {
      const resource = last.toLowerCase();
      if (o.method === 'post') {
        roles.set(o, { role: 'create', resource, idParameter: items.get(resource) as string });
        creatable.add(resource);
      } else if (o.method === 'get') roles.set(o, { role: 'list', resource });
    }
  }
  // A resource nothing creates has nothing to read back: its operations stay stateless.
  for (const [o, r] of roles) if (!creatable.has(r.resource)) roles.delete(o);
  return roles;
}

export class MockState {
  private readonly connector: Connector;
  private readonly roles: Map<Operation, Roled>;
  private readonly store = new Map<string, Map<string, Stored>>();
  private readonly counters = new Map<string, number>();

  constructor(connector: Connector) {
    this.connector = connector;
    this.roles = rolesOf(connector);
  }

  /** The operation's part in a resource, if it has one. */
  roleOf(operation: Operation): Role | undefined {
    return this.roles.get(operation)?.role;
  }

  /** Items of each resource held (for `GET /_mock`). */
  sizes(): Record<string, number> {
    return Object.fromEntries([...this.store].map(([name, items]) => [name, items.size]));
  }

  /**
   * Does what the operation does to its resource. `made` is the answer made from the schema (its
   * shape: the list's envelope, the item's generated fields); `body` the request's JSON body.
   */
  apply(
    operation: Operation,
    request: {
      readonly path: string;
      readonly pathValues: Readonly<Record<string, string>>;
      readonly body?: JsonValue;
      /** The request's query: a list keeps the items whose properties equal its declared parameters. */
      readonly query?: URLSearchParams;
      /** An `x-ms-pageable` list's page (from 1), its size, and the request's URL for the next link. */
      readonly page?: {
        readonly number: number;
        readonly size: number;
        readonly self: URL;
        readonly parameter: string;
      };
    },
    made: JsonValue | undefined,
  ): StateResult | undefined {
    const roled = this.roles.get(operation);
    if (!roled) return undefined;
    const items = this.items(roled.resource);
    const id = roled.idParameter ? request.pathValues[roled.idParameter] : undefined;
    switch (roled.role) {
      case 'create': {
        const n = (this.counters.get(roled.resource) ?? 0) + 1;
        this.counters.set(roled.resource, n);
        const value = this.created(operation, roled, made, request.body, n);
        // The parent's id where the item has a property of that name (`projectId` of /projects/{projectId}/tasks).
        if (isObject(value))
          for (const [name, given] of Object.entries(request.pathValues)) {
            const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
            if (key !== undefined && typeof own(value, key) === 'string') setOwn(value, key, given);
          }
        items.set(idOf(value, roled, n), { value, collection: request.path.toLowerCase() });
        return { kind: 'value', value: shaped(made, value) };
      }
      case 'list': {
        const here = request.path.toLowerCase();
        const templated = segments(operation.path).some((s) => PARAMETER.test(s));
        const filters = this.filtersOf(operation, request.query);
        const listed = [...items.values()]
          .filter((s) => !templated || s.collection === here)
          .map((s) => s.value)
          .filter((value) => filters.every(([name, wanted]) => matches(value, name, wanted)));
        const link = nextLinkName(operation);
        if (link === undefined || !request.page) return { kind: 'value', value: withItems(made, listed) };
        // x-ms-pageable: a page of `size` items, and a next link while more are held.
        const { number, size, self, parameter } = request.page;
        const page = withItems(made, listed.slice((number - 1) * size, number * size));
        if (!isObject(page) || listed.length <= number * size) return { kind: 'value', value: page };
        const next = new URL(self);
        next.searchParams.set(parameter, String(number + 1));
        const out: JsonObject = { ...page };
        setOwn(out, link, next.href);
        return { kind: 'value', value: out };
      }
      case 'read': {
        const found = id === undefined ? undefined : items.get(id);
        return found
          ? { kind: 'value', value: shaped(made, found.value) }
          : { kind: 'not-found', id: id ?? '' };
      }
      case 'update': {
        const found = id === undefined ? undefined : items.get(id);
        if (!found) return { kind: 'not-found', id: id ?? '' };
        const idKey = idProperty(found.value, roled);
        if (isObject(found.value) && isObject(request.body)) {
          const next: JsonObject = operation.method === 'put' ? {} : { ...found.value };
          for (const [k, v] of Object.entries(request.body)) setOwn(next, k, v);
          if (idKey !== undefined) setOwn(next, idKey, own(found.value, idKey) as JsonValue);
          found.value = next;
        }
        return { kind: 'value', value: shaped(made, found.value) };
      }
      case 'delete': {
        if (id === undefined || !items.delete(id)) return { kind: 'not-found', id: id ?? '' };
        return { kind: 'gone' };
      }
    }
  }

  /** The list's query parameters given in the request, as `[name, value]`. */
  private filtersOf(operation: Operation, query: URLSearchParams | undefined): [string, string][] {
    if (!query) return [];
    const out: [string, string][] = [];
    for (const p of operation.parameters) {
      if (p.in !== 'query') continue;
      const value = query.get(p.name);
      if (value !== null && value !== '') out.push([p.name, value]);
    }
    return out;
  }

  private items(resource: string): Map<string, Stored> {
    let items = this.store.get(resource);
    if (!items) {
      items = new Map();
      this.store.set(resource, items);
    }
    return items;
  }

  /** The made answer with the request body's properties over it and a new id. */
  private created(
    operation: Operation,
    roled: Roled,
    made: JsonValue | undefined,
    body: JsonValue | undefined,
    n: number,
  ): JsonValue {
    const value: JsonObject = isObject(made) ? { ...made } : {};
    if (isObject(body)) for (const [k, v] of Object.entries(body)) setOwn(value, k, v);
    const key = idProperty(value, roled) ?? this.declaredId(operation, roled) ?? 'id';
    const property = viewSchema(this.connector, this.responseSchema(operation))?.properties.get(key);
    const type = viewSchema(this.connector, property)?.type;
    setOwn(
      value,
      key,
      type === 'integer' || type === 'number' ? n : `${roled.resource.replace(/s$/, '')}-${n}`,
    );
    return value;
  }

  private responseSchema(operation: Operation): JsonValue | undefined {
    return operation.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema !== undefined)?.schema;
  }

  /** The id property the create's response schema declares (the item parameter's name, else `id`). */
  private declaredId(operation: Operation, roled: Roled): string | undefined {
    const view = viewSchema(this.connector, this.responseSchema(operation));
    if (!view) return undefined;
    const names = [...view.properties.keys()];
    const wanted = roled.idParameter?.toLowerCase();
    return names.find((n) => n.toLowerCase() === wanted) ?? names.find((n) => n.toLowerCase() === 'id');
  }
}

/** The property holding an item's id: the item parameter's name, else `id`, when the item has it. */
function idProperty(value: JsonValue, roled: Roled): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  const wanted = roled.idParameter?.toLowerCase();
  return keys.find((k) => k.toLowerCase() === wanted) ?? keys.find((k) => k.toLowerCase() === 'id');
}

function idOf(value: JsonValue, roled: Roled, n: number): string {
  const key = idProperty(value, roled);
  const id = key === undefined ? undefined : own(value, key);
  return id === undefined || id === null ? String(n) : String(id);
}

/**
 * A stored item in the shape the operation answers: the answer made from its schema with the item's
 * values over it (a read may declare more than a create answered); an answer that is no object (an
 * id as text, nothing) stays as the schema makes it.
 */
function shaped(made: JsonValue | undefined, stored: JsonValue): JsonValue | undefined {
  if (!isObject(made) || !isObject(stored)) return made;
  const out: JsonObject = { ...made };
  for (const [k, v] of Object.entries(stored)) setOwn(out, k, v);
  return out;
}

/**
 * A list answer with the stored items as its items — the array itself, `value`, or its first array
 * property — each in the shape of the item the schema makes; an answer with no array stays as it is.
 */
/**
 * Whether an item's property of the parameter's name (case-insensitive) holds the wanted value, as
 * text (`true`, `3`); an item without such a property is kept: the parameter filters something else
 * (a search, a sort order), which the mock does not know.
 */
function matches(item: JsonValue, name: string, wanted: string): boolean {
  if (!isObject(item)) return true;
  const key = Object.keys(item).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return true;
  const value = item[key];
  return value === null || typeof value === 'object' ? false : String(value) === wanted;
}

function withItems(made: JsonValue | undefined, items: JsonValue[]): JsonValue | undefined {
  const each = (template: JsonValue | undefined) => items.map((item) => shaped(template, item) ?? item);
  if (Array.isArray(made)) return each(made[0]);
  if (!isObject(made)) return made;
  const key = Array.isArray(own(made, 'value'))
    ? 'value'
    : Object.keys(made).find((k) => Array.isArray(own(made, k)));
  if (key === undefined) return made;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(made)) setOwn(out, k, k === key ? each((v as JsonValue[])[0]) : v);
  return out;
}
