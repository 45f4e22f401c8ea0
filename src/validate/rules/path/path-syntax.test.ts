import { describe, expect, it } from 'vitest';
import { messages, pointers, withOperation } from '../../testing.ts';
import containsUnsupportedCharacters from './operation-path-contains-unsupported-characters.ts';
import mayNotContainQueryOrFragment from './operation-path-may-not-contain-query-or-fragment.ts';
import mustStartWithSlash from './operation-path-must-start-with-slash.ts';
import templateNotValid from './operation-path-template-not-valid.ts';
import variablesContainDefaults from './operation-path-variables-contain-defaults.ts';

const at = (path: string) => ({ swagger: withOperation({}, path) });

describe('operation-path-must-start-with-slash', () => {
  it('reports a path without the leading slash, at the path', () => {
    expect(messages(mustStartWithSlash, at('tasks'))).toEqual([
      'The path `tasks` is not valid; it must start with a `/` character.',
    ]);
    expect(pointers(mustStartWithSlash, at('tasks'))).toEqual(['/paths/tasks']);
  });
  it('accepts paths that start with a slash and vendor extensions under paths', () => {
    expect(messages(mustStartWithSlash, at('/tasks'))).toEqual([]);
    expect(messages(mustStartWithSlash, at('x-generated'))).toEqual([]);
  });
});

describe('operation-path-may-not-contain-query-or-fragment', () => {
  it.each([
    ['/tasks?status=open', '?'],
    ['/tasks#top', '#'],
  ])('reports %s', (path, char) => {
    expect(messages(mayNotContainQueryOrFragment, at(path))).toEqual([
      `The path \`${path}\` is not valid; it must not contain a query part or fragment identifier (\`${char}\`).`,
    ]);
  });
  it('accepts URL-encoded characters', () => {
    expect(messages(mayNotContainQueryOrFragment, at('/tasks%3Fopen'))).toEqual([]);
  });
});

describe('operation-path-contains-unsupported-characters', () => {
  it('reports a wildcard', () => {
    expect(pointers(containsUnsupportedCharacters, at('/files/*'))).toEqual(['/paths/~1files~1*']);
  });
  it('accepts a path parameter instead', () => {
    expect(messages(containsUnsupportedCharacters, at('/files/{path}'))).toEqual([]);
  });
});

describe('operation-path-template-not-valid', () => {
  it.each([
    ['/tasks/{id', 'a `{` is never closed'],
    ['/tasks/id}', 'a `}` closes no variable'],
    ['/tasks/{a{b}}', 'a `{` opens inside another variable'],
    ['/tasks/{a/b}', 'a variable spans more than one URL segment'],
    ['/tasks/{}', 'a variable has no name'],
  ])('reports %s: %s', (path, what) => {
    const [message] = messages(templateNotValid, at(path));
    expect(message).toContain(what);
    expect(message).toContain('must be contained within a single URL segment');
  });
  it.each(['/tasks/{id}', "/Projects('{name}')/Run", '/a/{x}.{y}'])('accepts %s', (path) => {
    expect(messages(templateNotValid, at(path))).toEqual([]);
  });
});

describe('operation-path-variables-contain-defaults', () => {
  it('reports a variable with a default value', () => {
    expect(messages(variablesContainDefaults, at('/tasks/{status=open}'))).toEqual([
      'The path template `/tasks/{status=open}` sets a default value in `{status=open}`; path template variables cannot set default values with character `=`.',
    ]);
  });
  it('accepts `=` outside a variable (OData-style keys)', () => {
    expect(messages(variablesContainDefaults, at('/Country/IncludeTranslation={flag}'))).toEqual([]);
  });
});
