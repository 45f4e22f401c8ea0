import { describe, expect, it } from 'vitest';
import { classify } from './files.ts';

const file = (name: string) => ({ name, bytes: new TextEncoder().encode('{}') });

describe('classify', () => {
  it('picks connector files by name, case-insensitively, and lists the rest', () => {
    const { files, otherFiles } = classify(
      [file('ApiDefinition.Swagger.json'), file('Intro.MD'), file('x.txt')],
      'c',
    );
    expect(Object.keys(files)).toEqual(['swagger', 'intro']);
    expect(files.swagger?.path).toBe('c/ApiDefinition.Swagger.json');
    expect(otherFiles).toEqual(['x.txt']);
  });

  it('keeps the first of two names that differ only in case', () => {
    const { files, otherFiles } = classify([file('readme.md'), file('README.md')], '');
    expect(files.readme?.name).toBe('readme.md');
    expect(otherFiles).toEqual(['README.md']);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats a file named %s as an ordinary file, not a property of Object.prototype',
    (name) => {
      const { files, otherFiles } = classify([file(name)], '');
      expect(Object.keys(files)).toEqual([]);
      expect(otherFiles).toEqual([name]);
    },
  );
});
