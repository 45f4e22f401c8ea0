import { describe, expect, it } from 'vitest';
import { normaliseOperationId, operationIdFor } from './operation-id.ts';
import { cleanSummary, sentence, titleCase } from './text.ts';

describe('display texts', () => {
  const titles = [
    ['page_size', 'Page Size'],
    ['userId', 'User ID'],
    ['X-Rate-Limit', 'X Rate Limit'],
    ['name_of_the_thing', 'Name of the Thing'],
  ];
  for (const [input, output] of titles)
    it(`titleCase(${input}) is ${output}`, () => {
      expect(titleCase(input ?? '')).toBe(output);
    });

  const summaries = [
    ['Lists **all** pets. Paged.', 'Lists all pets'],
    ['Get A Pet By ID', 'Get a pet by ID'],
    ['Delete /pets/{id} & friends?', 'Delete pets id friends'],
    ['  ', ''],
    // Xero's summary: an abbreviation inside parentheses ends no sentence.
    [
      'Deletes a connection for this user (i.e. disconnect a tenant)',
      'Deletes a connection for this user (i.e. disconnect a tenant)',
    ],
    ['Lists the pets, e.g. cats and dogs. Paged.', 'Lists the pets, e.g. cats and dogs'],
    ['Ships to the U.S. only. More text.', 'Ships to the U.S. only'],
    [
      'Removes a tag (see the docs. They say more). Then more.',
      'Removes a tag (see the docs. they say more)',
    ],
  ];
  for (const [input, output] of summaries)
    it(`cleanSummary(${JSON.stringify(input)}) is ${JSON.stringify(output)}`, () => {
      expect(cleanSummary(input ?? '')).toBe(output);
    });

  it('cuts long summaries at a word boundary within 80 characters', () => {
    const s = cleanSummary('word '.repeat(40));
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s.endsWith('word')).toBe(true);
  });

  it('ends a description like a sentence', () => {
    expect(sentence('Returns the pet')).toBe('Returns the pet.');
    expect(sentence('Really?')).toBe('Really?');
  });
});

describe('operationIds', () => {
  const ids = [
    ['listPets', 'listPets'],
    ['zones.dns-records.list', 'ZonesDnsRecordsList'],
    ['get_user_by_id', 'GetUserById'],
    ['2fa-enable', 'Op2faEnable'],
  ];
  for (const [input, output] of ids)
    it(`normalises ${input} to ${output}`, () => {
      expect(normaliseOperationId(input ?? '')).toBe(output);
    });

  it('names an operation without id from its method and path', () => {
    expect(operationIdFor('get', '/users/{user_id}/posts')).toBe('GetUsersPostsByUserId');
  });
});
