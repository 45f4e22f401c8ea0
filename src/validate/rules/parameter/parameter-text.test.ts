import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import descriptionRequired from './parameter-description-required.ts';
import descriptionSentence from './parameter-description-sentence.ts';
import internalRequiredDefault from './parameter-internal-required-default.ts';
import summaryCharacters from './parameter-summary-characters.ts';
import summaryEqualsDescription from './parameter-summary-equals-description.ts';
import summaryRequired from './parameter-summary-required.ts';
import summaryTitleCase from './parameter-summary-title-case.ts';
import summaryTooLong from './parameter-summary-too-long.ts';

const good = {
  name: 'dueDate',
  in: 'query',
  type: 'string',
  'x-ms-summary': 'Due Date',
  description: 'Only tasks due before this date are returned.',
};
const param = (extra: Record<string, unknown>) => ({ ...good, ...extra });
const files = (p: unknown, op: Record<string, unknown> = {}) => ({
  swagger: withOperation({ parameters: [p], ...op }),
});

describe('parameter-summary-required', () => {
  it('reports a visible parameter without x-ms-summary, where Microsoft does', () => {
    const f = files(param({ 'x-ms-summary': undefined }));
    expect(messages(summaryRequired, f)).toEqual([
      'Parameter `dueDate` of operation `ListTasks` has no `x-ms-summary`; the `x-ms-summary` property is required.',
    ]);
    expect(pointers(summaryRequired, f)).toEqual(['/paths/~1tasks/get/parameters/0']);
  });
  it('reports a body whose schema is a primitive (it is shown as one field)', () => {
    const body = {
      name: 'content',
      in: 'body',
      description: 'The file.',
      schema: { type: 'string', format: 'binary' },
    };
    expect(messages(summaryRequired, files(body))).toHaveLength(1);
  });
  it.each([
    ['internal parameters', param({ 'x-ms-summary': undefined, 'x-ms-visibility': 'internal' }), {}],
    [
      'parameters of internal operations',
      param({ 'x-ms-summary': undefined }),
      { 'x-ms-visibility': 'internal' },
    ],
    [
      'object bodies (their properties are shown instead)',
      { name: 'body', in: 'body', schema: { type: 'object', properties: {} } },
      {},
    ],
    [
      'array bodies (their items are shown instead)',
      { name: 'body', in: 'body', schema: { type: 'array', items: { $ref: '#/definitions/Task' } } },
      {},
    ],
    ['parameters that have one', good, {}],
  ])('does not ask it of %s', (_what, p, op) => {
    expect(messages(summaryRequired, files(p, op))).toEqual([]);
  });
});

describe('parameter-description-required', () => {
  it('reports a visible parameter without description', () => {
    expect(messages(descriptionRequired, files(param({ description: undefined })))).toEqual([
      'Parameter `dueDate` of operation `ListTasks` has no `description`; the `description` property is required.',
    ]);
  });
  it('reports a shared parameter once, at its definition', () => {
    const doc = swagger({
      paths: {
        '/a': { get: { operationId: 'A', parameters: [{ $ref: '#/parameters/Due' }], responses: {} } },
        '/b': { get: { operationId: 'B', parameters: [{ $ref: '#/parameters/Due' }], responses: {} } },
      },
      parameters: { Due: param({ description: undefined }) },
    });
    expect(pointers(descriptionRequired, { swagger: doc })).toEqual(['/parameters/Due']);
  });
  it('accepts a described parameter', () => {
    expect(messages(descriptionRequired, files(good))).toEqual([]);
  });
});

describe('parameter-summary-too-long', () => {
  it('reports a summary over 80 characters', () => {
    const [message] = messages(summaryTooLong, files(param({ 'x-ms-summary': 'Due '.repeat(21).trim() })));
    expect(message).toBe(
      'The `x-ms-summary` of parameter `dueDate` of operation `ListTasks` is 83 characters long; keep it to 80.',
    );
  });
  it('accepts 80 characters', () => {
    expect(messages(summaryTooLong, files(param({ 'x-ms-summary': 'D'.repeat(80) })))).toEqual([]);
  });
});

describe('parameter-summary-title-case', () => {
  it('reports a sentence-case summary and names the word', () => {
    expect(messages(summaryTitleCase, files(param({ 'x-ms-summary': 'Due date' })))).toEqual([
      'The `x-ms-summary` `Due date` of parameter `dueDate` of operation `ListTasks` is not in title case (`date`).',
    ]);
  });
  it.each([['Name of the List'], ['Start Date (UTC)'], ['iPhone Model'], ['ID'], ['Page 2']])(
    'accepts `%s`',
    (s) => {
      expect(messages(summaryTitleCase, files(param({ 'x-ms-summary': s })))).toEqual([]);
    },
  );
});

describe('parameter-summary-characters', () => {
  it('reports punctuation in the summary', () => {
    expect(messages(summaryCharacters, files(param({ 'x-ms-summary': 'Due_Date.' })))).toEqual([
      'The `x-ms-summary` `Due_Date.` of parameter `dueDate` of operation `ListTasks` contains `_` `.`; use only letters, digits, spaces and parentheses.',
    ]);
  });
  it('accepts letters, digits, spaces, parentheses and hyphens inside words', () => {
    expect(messages(summaryCharacters, files(param({ 'x-ms-summary': 'Start Date 2 (UTC)' })))).toEqual([]);
    expect(messages(summaryCharacters, files(param({ 'x-ms-summary': 'Follow-up E-mail' })))).toEqual([]);
  });
  it('reports a dangling hyphen', () => {
    expect(messages(summaryCharacters, files(param({ 'x-ms-summary': 'Due - Date' })))).toHaveLength(1);
  });
});

describe('parameter-description-sentence', () => {
  it('reports a description without final punctuation', () => {
    expect(pointers(descriptionSentence, files(param({ description: 'The due date' })))).toEqual([
      '/paths/~1tasks/get/parameters/0/description',
    ]);
  });
  it.each([['Tasks due before this date.'], ['Is it done?'], ['The date (UTC).'], ['Optional']])(
    'accepts `%s`',
    (d) => {
      expect(messages(descriptionSentence, files(param({ description: d })))).toEqual([]);
    },
  );
});

describe('parameter-summary-equals-description', () => {
  it('reports a description that repeats the summary', () => {
    expect(messages(summaryEqualsDescription, files(param({ description: 'Due date.' })))).toEqual([
      'The `description` of parameter `dueDate` of operation `ListTasks` repeats its `x-ms-summary` `Due Date`.',
    ]);
  });
  it('accepts a description that explains more', () => {
    expect(messages(summaryEqualsDescription, files(good))).toEqual([]);
  });
});

describe('parameter-internal-required-default', () => {
  const internal = param({ 'x-ms-visibility': 'internal', required: true });
  it('reports an internal required parameter without default', () => {
    expect(messages(internalRequiredDefault, files(internal))).toEqual([
      'Parameter `dueDate` of operation `ListTasks` is internal and required but has no `default`; nobody can supply its value.',
    ]);
  });
  it.each([
    ['it has a default', { ...internal, default: 'today' }],
    ['it is optional', { ...internal, required: false }],
    ['the platform fills it in', { ...internal, 'x-ms-notification-url': true }],
  ])('accepts it when %s', (_why, p) => {
    expect(messages(internalRequiredDefault, files(p))).toEqual([]);
  });
});
