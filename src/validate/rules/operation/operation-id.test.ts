import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger, withOperation } from '../../testing.ts';
import operationIdNotUnique from './operation-id-not-unique.ts';
import operationIdNotUniqueIgnoringCase from './operation-id-not-unique-ignoring-case.ts';
import operationIdSanitized from './operation-id-sanitized.ts';
import operationIdTooLong from './operation-id-too-long.ts';
import operationIdUnderscore from './operation-id-underscore.ts';

const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'OK' } } });
const twoOps = (a: string, b: string) => ({
  swagger: swagger({ paths: { '/tasks': { get: op(a) }, '/items': { get: op(b) } } }),
});

describe('operation-id-not-unique', () => {
  it('reports the second use of an operationId, at its operationId', () => {
    const files = twoOps('List', 'List');
    expect(messages(operationIdNotUnique, files)).toEqual([
      'The operationId `List` of `GET /items` is used multiple times (also by `GET /tasks`); operation identifiers must be unique.',
    ]);
    expect(pointers(operationIdNotUnique, files)).toEqual(['/paths/~1items/get/operationId']);
  });
  it('accepts distinct ids, even ones differing only in case', () => {
    expect(messages(operationIdNotUnique, twoOps('ListTasks', 'listtasks'))).toEqual([]);
  });
});

describe('operation-id-not-unique-ignoring-case', () => {
  it('reports ids that differ only in letter case', () => {
    expect(messages(operationIdNotUniqueIgnoringCase, twoOps('ListTasks', 'listTasks'))).toEqual([
      'The operationId `listTasks` differs from `ListTasks` only in letter case.',
    ]);
  });
  it('leaves exact duplicates to operation-id-not-unique', () => {
    expect(messages(operationIdNotUniqueIgnoringCase, twoOps('ListTasks', 'ListTasks'))).toEqual([]);
  });
});

describe('operation-id-sanitized', () => {
  it.each([
    ['Get-Items', 'GetItems'],
    ['get items', 'getitems'],
    ['Items.List', 'ItemsList'],
  ])('reports %s, naming its sanitized value', (id, sanitized) => {
    expect(messages(operationIdSanitized, { swagger: withOperation({ operationId: id }) })).toEqual([
      `The operationId \`${id}\` is different from its sanitized value \`${sanitized}\`; avoid non-alphanumeric characters.`,
    ]);
  });
  it('reports an underscore id that collides with another id once sanitized', () => {
    expect(messages(operationIdSanitized, twoOps('GetItems', 'Get_Items'))).toEqual([
      'The operationId `Get_Items` becomes `GetItems` once sanitized, the same name as operation `GetItems`.',
    ]);
  });
  it.each(['GetItems', 'GetItems_V2', 'Items_List'])('accepts %s', (id) => {
    expect(messages(operationIdSanitized, { swagger: withOperation({ operationId: id }) })).toEqual([]);
  });
});

describe('operation-id-underscore', () => {
  it('reports underscores outside a revision suffix', () => {
    expect(
      messages(operationIdUnderscore, { swagger: withOperation({ operationId: 'Tasks_List' }) }),
    ).toEqual([
      'The operationId `Tasks_List` contains `_`; certified connectors use PascalCase ids such as `TasksList`.',
    ]);
  });
  it.each(['ListTasks', 'ListTasks_V2', 'ListTasks_v10', 'List-Tasks'])('accepts %s', (id) => {
    expect(messages(operationIdUnderscore, { swagger: withOperation({ operationId: id }) })).toEqual([]);
  });
});

describe('operation-id-too-long', () => {
  it('reports an operationId of 128 characters', () => {
    const id = 'A'.repeat(128);
    expect(messages(operationIdTooLong, { swagger: withOperation({ operationId: id }) })).toEqual([
      `The operationId \`${'A'.repeat(40)}…\` is 128 characters long; its length must be less than 128.`,
    ]);
  });
  it('accepts 127 characters', () => {
    const id = 'A'.repeat(127);
    expect(messages(operationIdTooLong, { swagger: withOperation({ operationId: id }) })).toEqual([]);
  });
});
