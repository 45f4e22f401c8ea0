import { describe, expect, it } from 'vitest';
import { messages, pointers, swagger } from '../../testing.ts';
import infoDescriptionLength from './info-description-length.ts';
import infoDescriptionNotTitle from './info-description-not-title.ts';
import infoDescriptionRequired from './info-description-required.ts';
import infoDescriptionRestrictedWords from './info-description-restricted-words.ts';

const withInfo = (fields: Record<string, unknown>) => {
  const doc = swagger();
  doc.info = { ...(doc.info as object), ...fields };
  return doc;
};

describe('info-description-required', () => {
  it('reports a missing description at `/info`', () => {
    const doc = withInfo({ description: undefined });
    expect(messages(infoDescriptionRequired, { swagger: doc })).toEqual([
      'The `description` property is required.',
    ]);
    expect(pointers(infoDescriptionRequired, { swagger: doc })).toEqual(['/info']);
  });
  it('accepts a description', () => {
    expect(messages(infoDescriptionRequired, { swagger: swagger() })).toEqual([]);
  });
});

describe('info-description-length', () => {
  it.each([
    ['too short', 'Manages tasks.', 14],
    ['too long', 'x'.repeat(501), 501],
  ])('reports a description that is %s', (_, description, n) => {
    expect(messages(infoDescriptionLength, { swagger: withInfo({ description }) })).toEqual([
      `The description is ${n} characters long; the value must be between 30 and 500 characters.`,
    ]);
  });
  it.each([30, 500])('accepts %i characters', (n) => {
    expect(messages(infoDescriptionLength, { swagger: withInfo({ description: 'x'.repeat(n) }) })).toEqual(
      [],
    );
  });
});

describe('info-description-restricted-words', () => {
  it('reports Power Platform product names', () => {
    const description = 'Use Contoso in Power Automate flows and LogicApps workflows to manage tasks.';
    expect(messages(infoDescriptionRestrictedWords, { swagger: withInfo({ description }) })).toEqual([
      'The description contains at least one of the restricted words: `Power Automate`, `Logic Apps`.',
    ]);
  });
  it('accepts a description that names none', () => {
    const description = 'Contoso keeps task lists of small teams; its API lets you create and close tasks.';
    expect(messages(infoDescriptionRestrictedWords, { swagger: withInfo({ description }) })).toEqual([]);
  });
});

describe('info-description-not-title', () => {
  it('warns when the description repeats the title', () => {
    expect(
      messages(infoDescriptionNotTitle, { swagger: withInfo({ description: 'contoso tasks.' }) }),
    ).toEqual(['The description repeats the title; it should be different from the title.']);
  });
  it('accepts a description that says more', () => {
    expect(messages(infoDescriptionNotTitle, { swagger: swagger() })).toEqual([]);
  });
});
