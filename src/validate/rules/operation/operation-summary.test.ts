import { describe, expect, it } from 'vitest';
import { messages, pointers, withOperation } from '../../testing.ts';
import operationSummaryCharacters from './operation-summary-characters.ts';
import operationSummaryEnd from './operation-summary-end.ts';
import operationSummaryLength from './operation-summary-length.ts';
import operationSummaryRequired from './operation-summary-required.ts';
import operationSummarySentenceCase from './operation-summary-sentence-case.ts';
import operationSummaryTooLong from './operation-summary-too-long.ts';
import restrictedCharactersInSummary from './restricted-characters-in-summary.ts';

const summary = (text: unknown) => ({ swagger: withOperation({ summary: text }) });
const words = (n: number) => `Get ${'x'.repeat(n - 4)}`;

describe('operation-summary-required', () => {
  it('reports a missing summary at the operation', () => {
    const files = summary(undefined);
    expect(messages(operationSummaryRequired, files)).toEqual([
      'The `summary` property is required; operation `ListTasks` has none.',
    ]);
    expect(pointers(operationSummaryRequired, files)).toEqual(['/paths/~1tasks/get']);
  });
  it('reports a blank summary at the summary', () => {
    expect(pointers(operationSummaryRequired, summary('  '))).toEqual(['/paths/~1tasks/get/summary']);
  });
  it('accepts a summary', () => {
    expect(messages(operationSummaryRequired, summary('List tasks'))).toEqual([]);
  });
});

describe('operation-summary-too-long', () => {
  it('reports a summary of 120 characters', () => {
    expect(messages(operationSummaryTooLong, summary(words(120)))).toEqual([
      'The `summary` of operation `ListTasks` is 120 characters long; it should be fewer than 120 characters for readability.',
    ]);
  });
  it('accepts 119 characters', () => {
    expect(messages(operationSummaryTooLong, summary(words(119)))).toEqual([]);
  });
});

describe('operation-summary-length', () => {
  it('reports 81 characters', () => {
    expect(messages(operationSummaryLength, summary(words(81)))).toEqual([
      'The `summary` of operation `ListTasks` is 81 characters long; certification allows at most 80.',
    ]);
  });
  it('accepts 80 characters and leaves 120 and more to operation-summary-too-long', () => {
    expect(messages(operationSummaryLength, summary(words(80)))).toEqual([]);
    expect(messages(operationSummaryLength, summary(words(120)))).toEqual([]);
  });
});

describe('restricted-characters-in-summary', () => {
  it('reports each restricted character once', () => {
    expect(messages(restrictedCharactersInSummary, summary('Create/update item & tag/label'))).toEqual([
      'The `summary` of operation `ListTasks` contains the restricted characters `/`, `&`; summaries must not contain any of `/\\<>*%&?`.',
    ]);
  });
  it('accepts a summary without them', () => {
    expect(messages(restrictedCharactersInSummary, summary('Create or update item (V2)'))).toEqual([]);
  });
});

describe('operation-summary-characters', () => {
  it('reports other symbols, once each', () => {
    expect(messages(operationSummaryCharacters, summary('Get "from" address #1 for C#'))).toEqual([
      'The `summary` of operation `ListTasks` contains `"`, `#`; summaries should contain only letters, digits, spaces and parentheses.',
    ]);
  });
  it('names invisible characters and backticks by code point', () => {
    expect(messages(operationSummaryCharacters, summary('Get `items`\u00a0now'))).toEqual([
      'The `summary` of operation `ListTasks` contains U+0060, U+00A0; summaries should contain only letters, digits, spaces and parentheses.',
    ]);
  });
  it('accepts letters of any script, digits, parentheses and common punctuation', () => {
    expect(
      messages(operationSummaryCharacters, summary("Get the user's café list - by ID, v2.0: all (beta)")),
    ).toEqual([]);
  });
  it('leaves the restricted characters to restricted-characters-in-summary', () => {
    expect(messages(operationSummaryCharacters, summary('Create/update item?'))).toEqual([]);
  });
});

describe('operation-summary-end', () => {
  it.each([
    ['List tasks.', 'ends with `.`'],
    ['List tasks ', 'ends with whitespace'],
    ['List tasks:', 'ends with `:`'],
  ])('reports %j', (text, what) => {
    expect(messages(operationSummaryEnd, summary(text))).toEqual([
      `The \`summary\` of operation \`ListTasks\` ${what}; it must end with an alphanumeric character.`,
    ]);
  });
  it.each(['List tasks', 'List tasks (deprecated)', 'List tasks V2'])('accepts %j', (text) => {
    expect(messages(operationSummaryEnd, summary(text))).toEqual([]);
  });
  it('leaves a trailing restricted character to restricted-characters-in-summary', () => {
    expect(messages(operationSummaryEnd, summary('Is the task done?'))).toEqual([]);
  });
});

describe('operation-summary-sentence-case', () => {
  it.each([
    ['Get User Profile', 'capitalises `User`, `Profile`'],
    ['LIST ALL TASKS', 'is written in upper case'],
    ['getCompanies', 'starts with the lower-case word `getCompanies`'],
  ])('reports %j', (text, what) => {
    expect(messages(operationSummarySentenceCase, summary(text))).toEqual([
      `The \`summary\` of operation \`ListTasks\` ${what}; operation summaries use sentence case.`,
    ]);
  });
  it.each([
    'Get user profile',
    'Send an email to a Teams channel',
    'Get PDF document by ID',
    'Excel - Set cell value',
    'Create a Contoso Tasks list',
    '(internal) Gets a schema',
    'When a SharePoint item is created',
    'Get Contoso Tasks',
  ])('accepts %j', (text) => {
    expect(messages(operationSummarySentenceCase, summary(text))).toEqual([]);
  });
});
