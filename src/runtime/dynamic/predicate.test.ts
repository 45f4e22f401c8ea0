import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { compilePredicate } from './predicate.ts';

const cases: { expression: string; item: JsonValue; expected: boolean }[] = [
  { expression: '(is_folder eq true)', item: { is_folder: true }, expected: true },
  { expression: '(is_folder eq true)', item: { is_folder: false }, expected: false },
  { expression: '(is_folder eq true)', item: { is_folder: 'true' }, expected: false },
  { expression: '(is_folder eq true)', item: {}, expected: false },
  { expression: 'true', item: {}, expected: true },
  { expression: 'false', item: {}, expected: false },
  { expression: "(type eq 'folder')", item: { type: 'folder' }, expected: true },
  { expression: "(name eq 'it''s')", item: { name: "it's" }, expected: true },
  { expression: '(parent eq null)', item: {}, expected: true },
  { expression: '(parent ne null)', item: { parent: 'x' }, expected: true },
  { expression: '(childCount gt 0)', item: { childCount: 3 }, expected: true },
  { expression: '(childCount gt 0)', item: { childCount: '3' }, expected: false },
  { expression: '(size le 1.5e3)', item: { size: 1500 }, expected: true },
  { expression: '(meta/kind eq 2)', item: { meta: { kind: 2 } }, expected: true },
  { expression: "(kind eq 'dir') or (kind eq 'drive')", item: { kind: 'drive' }, expected: true },
  { expression: "(kind eq 'dir') and (open eq true)", item: { kind: 'dir', open: false }, expected: false },
  { expression: 'a eq 1 or b eq 2 and c eq 3', item: { a: 0, b: 2, c: 3 }, expected: true },
  { expression: 'not (isFile eq true)', item: { isFile: false }, expected: true },
  { expression: 'IS_DIR EQ TRUE', item: { IS_DIR: true }, expected: true },
  { expression: 'hasChildren', item: { hasChildren: true }, expected: true },
  { expression: 'hasChildren', item: { hasChildren: 1 }, expected: false },
  { expression: '(is_folder eq true)', item: 'primitive', expected: false },
];

describe('compilePredicate', () => {
  it.each(cases)('evaluates `$expression` over $item to $expected.', ({ expression, item, expected }) => {
    expect(compilePredicate(expression)(item)).toBe(expected);
  });

  it.each([
    { expression: '', message: /is empty/ },
    { expression: '(is_folder eq true', message: /a `\)` is missing/ },
    { expression: "(name eq 'open)", message: /string is not closed/ },
    { expression: 'is_folder eq', message: /ends too early/ },
    { expression: 'a eq 1 b', message: /text follows the end/ },
    { expression: 'a = 1', message: /unexpected `=`/ },
    { expression: 'eq 1', message: /unexpected `eq`/ },
  ])('rejects `$expression` with `DYNAMIC_LOOKUP_FAILED`.', ({ expression, message }) => {
    expect(() => compilePredicate(expression)).toThrow(FlowportError);
    expect(() => compilePredicate(expression)).toThrow(message);
  });
});
