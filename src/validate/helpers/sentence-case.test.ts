import { describe, expect, it } from 'vitest';
import { nameWords, sentenceCaseIssue } from './sentence-case.ts';

describe('sentenceCaseIssue', () => {
  it.each([
    ['Get User Profile', { kind: 'title-case', words: ['User', 'Profile'] }],
    ['List All Tasks of a Board', { kind: 'title-case', words: ['All', 'Tasks', 'Board'] }],
    ['GET ALL TASKS', { kind: 'upper-case' }],
    ['remove webhook', { kind: 'lower-case-start', word: 'remove' }],
  ])('finds %j', (text, issue) => {
    expect(sentenceCaseIssue(text)).toEqual(issue);
  });
  it.each([
    'Create a task',
    'Get tasks from Planner', // product name
    'Convert HTML to PDF', // acronyms
    'Get the JSON Schema', // one capitalised word is not enough
    'Word - Extract content by heading', // a new phrase after " - "
    'Send to "Approved" list',
    'iPhone sync status',
    'e-Delivery status',
    '(internal) Get the schema',
  ])('accepts %j', (text) => {
    expect(sentenceCaseIssue(text)).toBeUndefined();
  });
  it('reports a lower-case start after a leading tag', () => {
    expect(sentenceCaseIssue('[Preview] get items')).toEqual({ kind: 'lower-case-start', word: 'get' });
  });
  it('treats the connector name’s words as proper nouns', () => {
    expect(sentenceCaseIssue('Get Acme Widget', nameWords('Acme Widget'))).toBeUndefined();
    expect(sentenceCaseIssue('Get Acme Widget')).toEqual({ kind: 'title-case', words: ['Acme', 'Widget'] });
  });
});
