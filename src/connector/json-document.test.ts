import fc from 'fast-check';
import { type Node, type ParseError, parse, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { JsonDocument, MAX_NESTING } from './json-document.ts';
import { escapeSegment } from './pointer.ts';

/** The text at a located range, to compare with what the pointer names. */
function textAt(doc: JsonDocument, pointer: string): string | undefined {
  const range = doc.locate(pointer);
  return range && doc.text.slice(range.offset, range.offset + range.length);
}

const strict = new JsonDocument(
  'strict.json',
  `{
  "swagger": "2.0",
  "paths": {
    "/tasks/{id}": {
      "get": { "parameters": [ { "name": "id" }, { "name": "top" } ] }
    }
  },
  "a~b": 1,
  "esc\\"aped": 2,
  "\\u0041BC": 3,
  "list": [[1, 2], [3, [4, 5]]]
}`,
);

describe('JsonDocument.locate in strict JSON', () => {
  it.each([
    ['', '{'],
    ['/swagger', '"swagger"'],
    ['/paths/~1tasks~1{id}/get', '"get"'],
    ['/paths/~1tasks~1{id}/get/parameters/1', '{'],
    ['/paths/~1tasks~1{id}/get/parameters/1/name', '"name"'],
    ['/a~0b', '"a~b"'],
    ['/esc"aped', '"esc\\"aped"'],
    ['/ABC', '"\\u0041BC"'],
    ['/list/1/1/0', '4'],
  ])('finds %s', (pointer, text) => {
    expect(strict.strict).toBe(true);
    expect(textAt(strict, pointer)).toBe(text);
  });

  it.each([
    '/nope',
    '/paths/~1tasks~1{id}/post',
    '/paths/~1tasks~1{id}/get/parameters/2',
    '/list/01',
    '/list/x',
    '/swagger/0',
  ])('finds nothing at %s', (pointer) => {
    expect(strict.locate(pointer)).toBeUndefined();
  });

  it('takes the last of two equal keys, as JSON.parse does', () => {
    const doc = new JsonDocument('d.json', '{"a": {"x": 1}, "a": {"y": 2}}');
    expect(doc.value).toEqual({ a: { y: 2 } });
    expect(doc.locate('/a')?.offset).toBe(16);
    expect(textAt(doc, '/a/y')).toBe('"y"');
  });

  it('counts a byte order mark in offsets', () => {
    const doc = new JsonDocument('bom.json', '\uFEFF{"a": [true]}');
    expect(doc.value).toEqual({ a: [true] });
    expect(textAt(doc, '/a/0')).toBe('t');
    expect(doc.position(doc.locate('/a')?.offset ?? -1)).toEqual({ line: 1, column: 3 });
  });
});

describe('JsonDocument.locateNearest', () => {
  it('falls back to the deepest enclosing node that exists', () => {
    expect(strict.locateNearest('/paths/~1tasks~1{id}/get/parameters/0/description')).toEqual({
      pointer: '/paths/~1tasks~1{id}/get/parameters/0',
      range: strict.locate('/paths/~1tasks~1{id}/get/parameters/0'),
    });
    expect(strict.locateNearest('/missing/deeper')?.pointer).toBe('');
  });

  it('returns the pointer itself when it exists', () => {
    expect(strict.locateNearest('/swagger')?.pointer).toBe('/swagger');
  });

  it('gives the same places for pointers prepared at once as for pointers located one by one', () => {
    const pointersOf = (value: unknown, at: string, out: string[]) => {
      out.push(at, `${at}/missing`);
      if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) pointersOf(v, `${at}/${escapeSegment(k)}`, out);
      return out;
    };
    const texts = fc.tuple(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 1, 2, '\t'), fc.boolean());
    fc.assert(
      fc.property(texts, ([value, indent, bom]) => {
        const text = `${bom ? '\uFEFF' : ''}${JSON.stringify(value, null, indent)}`;
        const pointers = pointersOf(value, '', []);
        const prepared = new JsonDocument('p.json', text);
        prepared.prepare(pointers);
        const single = new JsonDocument('s.json', text);
        for (const pointer of pointers)
          expect(prepared.locateNearest(pointer)).toEqual(single.locateNearest(pointer));
      }),
    );
    // Duplicate keys: the last one counts, in both.
    const text = '{"a": [{"x": [1]}, {"b": {}}], "a": [[], {"b": {"c": [2]}}], "d": {"e": []}}';
    const pointers = ['/a/1/b/c/0', '/a/0', '/d/e', '/d/e/0', '/a/1/b/x'];
    const prepared = new JsonDocument('p.json', text);
    prepared.prepare(pointers);
    for (const pointer of pointers)
      expect(prepared.locateNearest(pointer)).toEqual(
        new JsonDocument('s.json', text).locateNearest(pointer),
      );
  });

  it('locates thousands of members of a large object in linear time', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}`);
    const doc = new JsonDocument('big.json', JSON.stringify(Object.fromEntries(keys.map((k) => [k, { k }]))));
    const started = performance.now();
    const found = keys.filter((k) => doc.locateNearest(`/${k}/missing`)?.pointer === `/${k}`);
    // Each lookup used to rescan the object from its start: 20,000 × 300 kB took tens of seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(found).toHaveLength(keys.length);
  });
});

describe('JsonDocument in tolerant mode', () => {
  const text = '// note\n{\n  "a": [1, 2,],\n  /* x */ "b": {"c": true,},\n}';
  const doc = new JsonDocument('t.json', text);

  it('reads the value and reports each slip', () => {
    expect(doc.strict).toBe(false);
    expect(doc.value).toEqual({ a: [1, 2], b: { c: true } });
    expect(doc.issues.map((i) => i.kind).sort()).toEqual([
      'comment',
      'comment',
      'trailing-comma',
      'trailing-comma',
      'trailing-comma',
    ]);
  });

  it('locates members and items', () => {
    expect(textAt(doc, '/a')).toBe('"a"');
    expect(textAt(doc, '/a/1')).toBe('2');
    expect(textAt(doc, '/b/c')).toBe('"c"');
    expect(doc.locate('/a/2')).toBeUndefined();
    expect(doc.locateNearest('/b/c/d')?.pointer).toBe('/b/c');
  });

  it('locates every node of broken text where jsonc-parser parses it', () => {
    // Every pointer of jsonc-parser's tree (the last of equal keys, as in the value) and its range.
    const ranges = (node: Node | undefined, pointer: string, out: Map<string, number>) => {
      if (node?.type === 'object') {
        const last = new Map<unknown, Node>();
        for (const property of node.children ?? []) last.set(property.children?.[0]?.value, property);
        for (const [key, property] of last) {
          const at = `${pointer}/${escapeSegment(String(key))}`;
          out.set(at, property.offset);
          ranges(property.children?.[1], at, out);
        }
      } else if (node?.type === 'array') {
        node.children?.forEach((item, i) => {
          out.set(`${pointer}/${i}`, item.offset);
          ranges(item, `${pointer}/${i}`, out);
        });
      }
      return out;
    };
    const slips = fc.constantFrom('', ',', ':', '{', '}', '[', ']', '"k"', '/* c */', '1');
    fc.assert(
      fc.property(fc.json(), fc.nat(), slips, (json, where, slip) => {
        const at = where % (json.length + 1);
        const text = json.slice(0, at) + slip + json.slice(at + 1);
        const doc = new JsonDocument('t.json', text);
        if (doc.strict) return;
        for (const [pointer, offset] of ranges(parseTree(text), '', new Map()))
          expect(doc.locate(pointer)?.offset).toBe(offset);
      }),
    );
  });

  it('reads trailing commas and raw control characters in strings as jsonc-parser does', () => {
    // These two are read by JSON.parse once repaired; what jsonc-parser gives is the reference.
    const slip = fc.constantFrom(',', '\t', '\u0001', ',\n');
    fc.assert(
      fc.property(fc.json(), fc.nat(), slip, (json, where, inserted) => {
        const closers = [...json.matchAll(/[}\]]|"(?:[^"\\]|\\.)*"/g)]
          .filter((m) => (inserted.startsWith(',') ? m[0].length === 1 : m[0].length > 1))
          .map((m) => (m.index as number) + (inserted.startsWith(',') ? 0 : 1));
        // jsonc-parser's `parse` sets a `__proto__` key as a prototype (the test above).
        if (closers.length === 0 || json.includes('"__proto__"')) return;
        const at = closers[where % closers.length] as number;
        const text = json.slice(0, at) + inserted + json.slice(at);
        const errors: ParseError[] = [];
        const expected = parse(text, errors, { allowTrailingComma: false });
        const doc = new JsonDocument('t.json', text);
        expect(doc.value).toEqual(expected);
        expect(doc.issues.map((i) => i.offset)).toEqual([...new Set(errors.map((e) => e.offset))]);
      }),
    );
  });

  it('keeps a `__proto__` key as an own property instead of replacing the prototype', () => {
    const d = new JsonDocument('p.json', '{"__proto__": {"polluted": true}, "a": 1,}');
    const value = d.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value.polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
  });

  it('reads the same value as JSON.parse for a `__proto__` key in strict JSON', () => {
    const d = new JsonDocument('p.json', '{"__proto__": {"polluted": true}}');
    expect(Object.hasOwn(d.value as object, '__proto__')).toBe(true);
    expect(d.issues).toEqual([]);
  });
});

describe('JsonDocument duplicate keys', () => {
  it.each([
    ['{"a": 1, "a": 2}', [['/a', 9, 3]]],
    [
      '{"x": {"l": [0, {"b": 1, "b": 2}]}, "x": 1}',
      [
        ['/x/l/1/b', 25, 3],
        ['/x', 36, 3],
      ],
    ],
    ['{"\\u0061": 1, "a": 2}', [['/a', 14, 3]]],
    ['{"a/b~": 1, "a/b~": 2}', [['/a~1b~0', 12, 6]]],
    ['[{"k": 1, "k": 2,}]', [['/0/k', 10, 3]]],
    ['{"a": 1, "b": 2}', []],
  ])('reports them in %s with their pointer and place', (text, expected) => {
    const issues = new JsonDocument('d.json', text).issues.filter((i) => i.kind === 'duplicate-key');
    expect(issues.map((i) => [i.pointer, i.offset, i.length])).toEqual(expected);
  });
});

describe('JsonDocument nesting limit', () => {
  const nested = (depth: number) => `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`;

  it.each([
    ['strict', nested(50_000)],
    ['tolerant', `${nested(50_000)},`],
    ['unclosed', `{"a": ${'[{"b":'.repeat(30_000)}`],
    ['with duplicate keys', `{"a": ${'{"b":'.repeat(10_000)}1${'}'.repeat(10_000)}, "a": 1}`],
  ])('refuses %s text nested thousands of levels deep without overflowing the stack', (_, text) => {
    const doc = new JsonDocument('deep.json', text);
    expect(doc.value).toBeUndefined();
    expect(doc.issues).toEqual([
      expect.objectContaining({ kind: 'syntax', message: expect.stringMatching(/more than 256 levels/) }),
    ]);
    expect(doc.locate('')).toEqual({ offset: 0, length: 1 });
    expect(doc.locate('/a')).toBeUndefined();
  });

  it(`reads text nested ${MAX_NESTING} levels deep`, () => {
    const doc = new JsonDocument('deep.json', nested(MAX_NESTING - 1));
    expect(doc.issues).toEqual([]);
    expect(doc.locate(`/a${'/0'.repeat(MAX_NESTING - 2)}`)).toBeDefined();
  });

  it('does not count brackets inside strings and comments', () => {
    const brackets = '['.repeat(10_000);
    const doc = new JsonDocument('s.json', `{"a": "${brackets}", /* ${brackets} */ "b": 1}`);
    expect(doc.value).toEqual({ a: brackets, b: 1 });
  });

  it('reports where the limit is crossed', () => {
    const doc = new JsonDocument('deep.json', `{\n"a": ${'['.repeat(MAX_NESTING + 5)}`);
    const [issue] = doc.issues;
    // The opening `{` on line 1 is the first level.
    expect(doc.position(issue?.offset ?? -1)).toEqual({ line: 2, column: 5 + MAX_NESTING });
  });
});

describe('JsonDocument.position', () => {
  const doc = new JsonDocument('p.json', '{\n  "a": 1,\r\n  "b": 2\n}');

  it.each([
    [0, 1, 1],
    [2, 2, 1],
    [4, 2, 3],
    [13, 3, 1],
    [22, 4, 1],
  ])('puts offset %i at line %i, column %i', (offset, line, column) => {
    expect(doc.position(offset)).toEqual({ line, column });
  });

  it('positions located members', () => {
    expect(doc.position(doc.locate('/b')?.offset ?? -1)).toEqual({ line: 3, column: 3 });
  });

  // Strict text takes its line starts from the structure scan; the others count them apart.
  it('counts lines past a byte order mark and beyond the first 256', () => {
    const text = `\ufeff{\n${Array.from({ length: 600 }, (_, i) => `  "k${i}": ${i}`).join(',\n')}\n}`;
    const strict = new JsonDocument('many.json', text);
    expect(strict.strict).toBe(true);
    expect(strict.position(strict.locate('/k599')?.offset ?? -1)).toEqual({ line: 601, column: 3 });
    expect(strict.position(text.length - 1)).toEqual({ line: 602, column: 1 });
  });

  it('counts lines in repaired text as in strict text', () => {
    const repaired = new JsonDocument('raw.json', '{\n  "a": "one\ttwo",\n  "b": [2,],\n  "c": 3\n}');
    expect(repaired.issues.map((i) => i.kind)).toEqual(['control-character', 'trailing-comma']);
    expect(repaired.strict).toBe(false);
    expect(repaired.position(repaired.locate('/c')?.offset ?? -1)).toEqual({ line: 4, column: 3 });
  });
});

describe('JsonDocument on empty and broken text', () => {
  it('reports an empty file and locates nothing', () => {
    const doc = new JsonDocument('e.json', '  \n');
    expect(doc.issues.map((i) => i.kind)).toEqual(['empty']);
    expect(doc.locate('')).toBeUndefined();
    expect(doc.locateNearest('/a')).toBeUndefined();
  });

  it('keeps what precedes a truncation', () => {
    const doc = new JsonDocument('t.json', '{"a": {"b": [1, 2');
    expect(doc.value).toEqual({ a: { b: [1, 2] } });
    expect(doc.issues.every((i) => i.kind === 'syntax')).toBe(true);
    expect(textAt(doc, '/a/b/1')).toBe('2');
  });
});

describe('JsonDocument trailing commas next to comments', () => {
  it('reports a trailing comma followed by a comment as a trailing comma, not a syntax error', () => {
    const doc = new JsonDocument('c.json', '{\n  "a": [1, 2, // last\n  ],\n  "b": 1, /* end */\n}');
    expect(doc.issues.map((i) => i.kind).sort()).toEqual([
      'comment',
      'comment',
      'trailing-comma',
      'trailing-comma',
    ]);
    expect(doc.value).toEqual({ a: [1, 2], b: 1 });
  });
});
