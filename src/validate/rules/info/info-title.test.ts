import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import infoTitleEndAlphanumeric from './info-title-end-alphanumeric.ts';
import infoTitleLength from './info-title-length.ts';
import infoTitleRequired from './info-title-required.ts';
import infoTitleRestrictedWords from './info-title-restricted-words.ts';
import infoValueInEnglish, { notEnglish } from './info-value-in-english.ts';

/** The test swagger with `info` fields replaced (`undefined` removes one). */
const withInfo = (fields: Record<string, unknown>) => {
  const doc = swagger();
  doc.info = { ...(doc.info as object), ...fields };
  return doc;
};

describe('info-title-required', () => {
  it('reports a missing title at `/info`', () => {
    expect(pointers(infoTitleRequired, { swagger: withInfo({ title: undefined }) })).toEqual(['/info']);
    expect(messages(infoTitleRequired, { swagger: withInfo({ title: undefined }) })).toEqual([
      'The `title` property is required.',
    ]);
  });
  it('reports a blank title', () => {
    expect(messages(infoTitleRequired, { swagger: withInfo({ title: '  ' }) })).toEqual([
      'The `title` property must not be empty.',
    ]);
  });
  it('accepts a title', () => {
    expect(messages(infoTitleRequired, { swagger: swagger() })).toEqual([]);
  });
});

describe('info-title-length', () => {
  it('reports a title over 30 characters', () => {
    const title = 'Contoso Task Management Service';
    expect(messages(infoTitleLength, { swagger: withInfo({ title }) })).toEqual([
      `The title \`${title}\` is 31 characters long and goes over the character limit of 30.`,
    ]);
  });
  it('accepts 30 characters', () => {
    expect(messages(infoTitleLength, { swagger: withInfo({ title: 'C'.repeat(30) }) })).toEqual([]);
  });
});

describe('info-title-restricted-words', () => {
  it.each([
    ['Contoso API', '`API`'],
    ['Contoso APIs Connector', '`API`, `Connector`'],
    ['Contoso for PowerApps', '`Power Apps`'],
    ['Contoso Dataverse Sync', '`Dataverse`'],
  ])('reports `%s`', (title, words) => {
    expect(messages(infoTitleRestrictedWords, { swagger: withInfo({ title }) })).toEqual([
      `The title \`${title}\` contains at least one of the restricted words: ${words}.`,
    ]);
  });
  it.each(['Contoso Rapid', 'SignatureAPI', 'IA-Connect Office', 'Hashtag API'])(
    'accepts `%s` (whole words only; grandfathered titles)',
    (title) => {
      expect(messages(infoTitleRestrictedWords, { swagger: withInfo({ title }) })).toEqual([]);
    },
  );
});

describe('info-title-end-alphanumeric', () => {
  it.each(['Contoso.', 'Contoso ', 'Contoso\n', 'Contoso!'])('reports %j', (title) => {
    expect(pointers(infoTitleEndAlphanumeric, { swagger: withInfo({ title }) })).toEqual(['/info/title']);
  });
  it('names the offending character', () => {
    expect(messages(infoTitleEndAlphanumeric, { swagger: withInfo({ title: 'Contoso.' }) })).toEqual([
      'The title `Contoso.` ends with "."; the value must end with an alphanumeric character.',
    ]);
  });
  it.each(['Contoso 365', 'Asite (Canada)', 'Café'])('accepts %j', (title) => {
    expect(messages(infoTitleEndAlphanumeric, { swagger: withInfo({ title }) })).toEqual([]);
  });
});

describe('info-value-in-english', () => {
  it('reports a title and description in a non-Latin script', () => {
    const doc = withInfo({
      title: 'Контосо Задачи',
      description: 'Сервис для управления задачами небольших команд.',
    });
    expect(messages(infoValueInEnglish, { swagger: doc })).toEqual([
      'The `title` value must be written in English.',
      'The `description` value must be written in English.',
    ]);
  });
  it('accepts English with a few foreign letters', () => {
    expect(notEnglish('Measures latency in µs and supports the Ελληνικά locale for Greek customers.')).toBe(
      false,
    );
    expect(messages(infoValueInEnglish, { swagger: swagger() })).toEqual([]);
  });
});
