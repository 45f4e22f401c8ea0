import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import type { Piece } from './ast.ts';
import { isLiteral, parseTemplate, singleExpression } from './parse.ts';

/** A compact rendering of the pieces: text as is, expressions as `⟨name(args)accessors⟩`. */
function shape(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const e = p.expression;
      if (e.kind === 'originalMethod') return '⟨method⟩';
      const acc = e.accessors.map((a) => (a.kind === 'index' ? `[${a.index}]` : `.${a.name}`)).join('');
      return `⟨${p.form === 'bare' ? '' : `${p.form}:`}${e.name}(${e.args.join('|')})${acc}⟩`;
    })
    .join('');
}

describe('parseTemplate', () => {
  const good: [string, string, string][] = [
    ['literal text stays one piece', 'application/json', 'application/json'],
    ['an expression before literal text', "@headers('test')moo", '⟨headers(test)⟩moo'],
    ['literal text before an expression', "moo@headers('test')", 'moo⟨headers(test)⟩'],
    [
      'dots after a text function are literal host text',
      "https://@header('test').abc.xyz:@header('port')",
      'https://⟨headers(test)⟩.abc.xyz:⟨headers(port)⟩',
    ],
    ['a default argument', "@connectionParameters('cat','')", '⟨connectionParameters(cat|)⟩'],
    [
      'spaces around arguments',
      "@connectionParameters( 'apiKey' , 'x' )",
      '⟨connectionParameters(apiKey|x)⟩',
    ],
    [
      'token sub-parameters',
      "@connectionParameters('token:customHost')",
      '⟨connectionParameters(token:customHost)⟩',
    ],
    [
      'adjacent expressions',
      "@queryParameters('domain')@connectionParameters('cat')",
      '⟨queryParameters(domain)⟩⟨connectionParameters(cat)⟩',
    ],
    ['property accessors on body', '@body().peopleObject.location', '⟨body().peopleObject.location⟩'],
    ['bracketed property names', "@body()['@odata.etag']", '⟨body().@odata.etag⟩'],
    ['index accessors', '@body().value[0].id', '⟨body().value[0].id⟩'],
    [
      'interpolation without an inner at sign',
      'lastModifiedDateTime gt @{triggerBody().value[0].lastModifiedDateTime}',
      'lastModifiedDateTime gt ⟨interpolation:triggerBody().value[0].lastModifiedDateTime⟩',
    ],
    ['interpolation with an inner at sign', "@{ @headers('x') }", '⟨interpolation:headers(x)⟩'],
    [
      'setproperty braces inside text',
      '{@body().firstName} {@body().lastName}',
      '⟨braces:body().firstName⟩ ⟨braces:body().lastName⟩',
    ],
    ['braces not followed by an expression are literal', '[{"type": 1}]', '[{"type": 1}]'],
    ['path placeholders are literal', '/get/{id}', '/get/{id}'],
    ['the original method', '@Request.OriginalHTTPMethod', '⟨method⟩'],
    ['typographic quotes', '@headers(‘test’)', '⟨headers(test)⟩'],
    ['doubled quotes inside a string', "@headers('it''s')", "⟨headers(it's)⟩"],
    ['a doubled at sign is one literal at sign', 'a@@b', 'a@b'],
    ['an at sign without a call is literal', 'user@example.com and %40', 'user@example.com and %40'],
    ['function names are matched without case', "@Headers('x')", '⟨headers(x)⟩'],
    ['the empty template', '', ''],
  ];
  for (const [name, source, expected] of good) {
    it(`parses ${name}`, () => {
      expect(shape(parseTemplate(source).pieces)).toBe(expected);
    });
  }

  const bad: [string, string, number, string][] = [
    ['an unknown function', "/graphs/@queryParamters('graphID')", 10, 'unknown function `queryParamters`'],
    ['an unterminated string', "@headers('x)", 10, 'unterminated string'],
    ['a missing closing parenthesis', "@headers('x'", 13, 'expected `)`'],
    ['an unquoted argument', '@headers(x)', 10, 'single-quoted'],
    ['too many arguments', "@headers('a','b','c')", 2, 'takes 1 or 2 argument(s), not 3'],
    ['arguments to body', "@body('x')", 2, 'takes 0 argument(s), not 1'],
    ['no argument to headers', '@headers()', 2, 'takes 1 or 2 argument(s), not 0'],
    ['an unterminated interpolation', '@{body().x', 11, 'expected `}`'],
    ['an unterminated accessor', "@body()['x'", 12, 'expected `]`'],
    ['an accessor that is neither a name nor an index', '@body()[x]', 9, 'inside `[…]`'],
    ['an interpolation without a function', '@{ 42 }', 4, 'expected a function name'],
  ];
  for (const [name, source, column, reason] of bad) {
    it(`rejects ${name} with the column`, () => {
      let error: unknown;
      try {
        parseTemplate(source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FlowportError);
      expect((error as FlowportError).code).toBe('EXPRESSION_INVALID');
      expect((error as FlowportError).message).toContain(`column ${column}:`);
      expect((error as FlowportError).message).toContain(reason);
      expect((error as FlowportError).message).toMatch(/\.$/);
    });
  }

  it('records the source and column of each expression', () => {
    const piece = parseTemplate("Bearer @headers('Authorization')").pieces[1];
    expect(piece?.kind === 'expression' && piece.expression).toMatchObject({
      source: "@headers('Authorization')",
      column: 8,
    });
  });

  it('finds the single expression only when nothing else is written', () => {
    expect(singleExpression(parseTemplate('@body().x'))).toBeDefined();
    expect(singleExpression(parseTemplate('{@body().x}'))).toBeDefined();
    expect(singleExpression(parseTemplate('@{body().x}'))).toBeUndefined();
    expect(singleExpression(parseTemplate(' @body().x'))).toBeUndefined();
    expect(isLiteral(parseTemplate('a@b'))).toBe(true);
    expect(isLiteral(parseTemplate("@headers('a')"))).toBe(false);
  });
});
