import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sampleDiagnostic, sampleResult } from '../testing.ts';
import { formatJunit } from './junit.ts';

const finding = sampleDiagnostic;

const result = sampleResult;

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(xml).testsuites;
};

describe('formatJunit', () => {
  const results = [
    result('tasks', [
      finding({ severity: 'error', ruleId: 'consumes-missing', microsoftId: 'ConsumesMissing' }),
      finding({}),
      finding({ severity: 'info', ruleId: 'operation-visibility-missing' }),
    ]),
    result('clean', []),
  ];

  it('fails a test case per finding at or above --fail-on, and passes connectors without any', () => {
    const doc = parse(formatJunit(results, 'warning'));
    expect(doc).toMatchObject({ tests: '3', failures: '2' });
    const [tasks, clean] = doc.testsuite;
    expect(tasks).toMatchObject({ name: 'tasks', tests: '2', failures: '2' });
    expect(tasks.testcase.map((c: { failure: { type: string } }) => c.failure.type)).toEqual([
      'error',
      'warning',
    ]);
    expect(tasks.testcase[0]).toMatchObject({
      classname: 'tasks',
      name: 'consumes-missing at tasks/apiDefinition.swagger.json:12:7',
      file: 'tasks/apiDefinition.swagger.json',
      line: '12',
    });
    expect(tasks.testcase[0].failure['#text']).toContain('ValuePath: /paths/~1tasks/get');
    // Below the threshold: kept in the suite's output, not failed.
    expect(tasks['system-out']).toContain(
      'info operation-visibility-missing at tasks/apiDefinition.swagger.json:12:7',
    );
    expect(clean).toMatchObject({ tests: '1', failures: '0' });
    expect(clean.testcase[0]).toMatchObject({ name: 'flowport validate (certification)' });
    expect(clean.testcase[0].failure).toBeUndefined();
  });

  it('follows --fail-on: only errors fail with `error`, nothing with `never`', () => {
    expect(parse(formatJunit(results, 'error'))).toMatchObject({ tests: '2', failures: '1' });
    expect(parse(formatJunit(results, 'never'))).toMatchObject({ tests: '2', failures: '0' });
    expect(parse(formatJunit(results, 'info'))).toMatchObject({ tests: '4', failures: '3' });
  });

  it('stays well-formed XML whatever a message holds: markup, quotes, control characters, lone surrogates', () => {
    const nasty = 'a <b> & "c" \u0000\u0007\u001b \ud800 x\ufffe ]]>';
    const xml = formatJunit(
      [result(`dir "<&>"`, [finding({ message: nasty, file: 'd/<&>.json' })])],
      'warning',
    );
    const doc = parse(xml);
    expect(doc.testsuite[0].name).toBe('dir "<&>"');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these characters, escaped or not.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe]|\ud800(?![\udc00-\udfff])/);
    expect(doc.testsuite[0].testcase[0].failure.message).toContain('\ufffd');
  });
});
