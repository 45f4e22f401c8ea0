import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../connector/json.ts';
import { FlowportError } from '../../errors.ts';
import { evaluateTemplate, renderTemplate, toText } from './evaluate.ts';
import { parseTemplate } from './parse.ts';
import { EMPTY_SCOPE, type ExpressionScope } from './scope.ts';

const lookup = (values: Record<string, string>) => (name: string) =>
  Object.hasOwn(values, name) ? values[name] : undefined;

function scope(body: JsonValue | undefined = undefined): ExpressionScope {
  return {
    ...EMPTY_SCOPE,
    header: lookup({ test: 'foo', port: '1234' }),
    queryParameter: lookup({ domain: 'pqr', version: 'v2' }),
    connectionParameter: lookup({ cat: 'bar', subPath: 'path', 'token:customHost': '.eu' }),
    body: () => body,
    item: () => ({ id: 7 }),
    triggerBody: () => ({ value: [{ lastModifiedDateTime: '2024-01-01T00:00:00Z' }] }),
    originalMethod: () => 'PATCH',
  };
}

const text = (source: string, body?: JsonValue) => renderTemplate(parseTemplate(source), scope(body));

describe('evaluateTemplate', () => {
  const docs: [string, string][] = [
    ["@headers('test')moo", 'foomoo'],
    ["moo@headers('test')", 'moofoo'],
    ["@connectionParameters('cat','')", 'bar'],
    ["@connectionParameters('name','')", ''],
    ["@queryParameters('domain')@connectionParameters('cat')", 'pqrbar'],
    ["@connectionParameters('dog','default')", 'default'],
    ["https://@header('test').abc.xyz:@header('port')", 'https://foo.abc.xyz:1234'],
    [
      "https://@header('test').abc.@queryParameters('domain')/@connectionParameters('subPath')",
      'https://foo.abc.pqr/path',
    ],
    ["https://@header('test123','default').abc.xyz", 'https://default.abc.xyz'],
    ["https://mail.zoho@connectionParameters('token:customHost')", 'https://mail.zoho.eu'],
  ];
  for (const [source, expected] of docs) {
    it(`gives ${JSON.stringify(expected)} for the documented template ${source}`, () => {
      expect(text(source)).toBe(expected);
    });
  }

  it('gives an empty string for a missing value without a default', () => {
    expect(text("x@headers('absent')y")).toBe('xy');
    expect(evaluateTemplate(parseTemplate("@connectionParameters('absent')"), scope())).toBe('');
  });

  it('keeps the JSON type of a template that is one expression', () => {
    const body = { n: 30, list: [1, 2], obj: { a: true } };
    expect(evaluateTemplate(parseTemplate('@body().n'), scope(body))).toBe(30);
    expect(evaluateTemplate(parseTemplate('{@body().list}'), scope(body))).toEqual([1, 2]);
    expect(evaluateTemplate(parseTemplate('@{body().n}'), scope(body))).toBe('30');
    expect(evaluateTemplate(parseTemplate('n=@body().n'), scope(body))).toBe('n=30');
    expect(evaluateTemplate(parseTemplate('@body().obj x'), scope(body))).toBe('{"a":true} x');
  });

  it('joins setproperty braces with the text around them', () => {
    expect(text('{@body().firstName} {@body().lastName}', { firstName: 'John', lastName: 'Smith' })).toBe(
      'John Smith',
    );
  });

  it('reads bracketed names, indexes, the item and the trigger body', () => {
    expect(text("@body()['@odata.etag']", { '@odata.etag': 'W/"1"' })).toBe('W/"1"');
    expect(text('@item().id')).toBe('7');
    expect(text('gt @{triggerBody().value[0].lastModifiedDateTime}')).toBe('gt 2024-01-01T00:00:00Z');
    expect(text('@Request.OriginalHTTPMethod')).toBe('PATCH');
  });

  it('gives a missing last property as missing, not as an error', () => {
    expect(evaluateTemplate(parseTemplate('@body().absent'), scope({}))).toBeUndefined();
    expect(evaluateTemplate(parseTemplate('@body().list[5]'), scope({ list: [] }))).toBeUndefined();
  });

  for (const [name, source, body] of [
    ['a null value', '@body().summary.amount', { summary: null }],
    ['a missing value', '@body().summary.amount', {}],
    ['text', '@body().summary.amount', { summary: 'x' }],
    ['a missing body', '@body().a', undefined],
  ] as const) {
    it(`fails with POLICY_FAILED when navigating through ${name}`, () => {
      let error: unknown;
      try {
        text(source, body as JsonValue | undefined);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FlowportError);
      expect((error as FlowportError).code).toBe('POLICY_FAILED');
      expect((error as FlowportError).message).toContain('@body()');
    });
  }

  it('never reads inherited properties', () => {
    expect(text('@body().constructor', {})).toBe('');
    expect(text("@body()['__proto__']", {})).toBe('');
  });

  it('renders values as text with JSON for objects and nothing for null', () => {
    expect([toText(null), toText(undefined), toText(3), toText(false), toText([1])]).toEqual([
      '',
      '',
      '3',
      'false',
      '[1]',
    ]);
  });

  it('rewrites literal text and values separately when asked', () => {
    const out = renderTemplate(parseTemplate("/a/{id}/@headers('test')"), scope(), {
      literal: (t) => t.replace('{id}', 'ID'),
      value: (t) => `<${t}>`,
    });
    expect(out).toBe('/a/ID/<foo>');
  });
});
