import { describe, expect, it } from 'vitest';
import {
  differentInitials,
  endsLikeSentence,
  isSingleWord,
  sameDisplayText,
  titleCaseViolation,
} from './display-name-style.ts';

describe('titleCaseViolation', () => {
  it.each([
    ['Due Date', undefined],
    ['Name of the List', undefined],
    ['of the List', 'of'],
    ['iPhone and eBay IDs', undefined],
    ['Start Date (UTC)', undefined],
    ['Folder/file Path', 'file'],
    ['API version header', 'version'],
    ['2nd Page', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(titleCaseViolation(text)).toBe(expected);
  });
});

describe('endsLikeSentence', () => {
  it.each([
    ['The date.', true],
    ['Is it?', true],
    ['Say "hi!"', true],
    ['The date (UTC).', true],
    ['The date', false],
    ['Ends with colon:', false],
  ])('%j → %s', (text, expected) => {
    expect(endsLikeSentence(text)).toBe(expected);
  });
});

describe('isSingleWord and sameDisplayText', () => {
  it('tell one word from several', () => {
    expect(isSingleWord(' Optional ')).toBe(true);
    expect(isSingleWord('Two words')).toBe(false);
  });
  it('compare text as a reader would', () => {
    expect(sameDisplayText('Due Date', 'due  date.')).toBe(true);
    expect(sameDisplayText('Due Date', 'The due date.')).toBe(false);
  });
});

describe('differentInitials', () => {
  it('tells texts apart by a first letter or digit, ignoring case', () => {
    expect(differentInitials('Name', 'Title')).toBe(true);
    expect(differentInitials('name', 'Name.')).toBe(false);
    expect(differentInitials('1 day', 'One day')).toBe(true);
  });
  it('says nothing when a text opens with anything else', () => {
    expect(differentInitials(' Name', 'Title')).toBe(false);
    expect(differentInitials('Émail', 'Email')).toBe(false);
    expect(differentInitials('', 'Email')).toBe(false);
  });
});
