import { describe, expect, it } from 'vitest';
import { runRule, swagger } from '../../testing.ts';
import swaggerFileTooLarge from './swagger-file-too-large.ts';
import swaggerTextTooLong from './swagger-text-too-long.ts';

/** A valid swagger padded with a long description to about `size` characters. */
const padded = (size: number) =>
  JSON.stringify(swagger({ definitions: { Big: { type: 'string', description: 'x'.repeat(size) } } }));

describe('swagger-file-too-large', () => {
  it('reports a file of 1 MB or more with its size', () => {
    const [d, ...rest] = runRule(swaggerFileTooLarge, { swagger: padded(1024 * 1024) });
    expect(rest).toEqual([]);
    expect(d?.message).toMatch(/^The swagger file is 1,04\d,\d{3} bytes \(1\.00 MB\); the limit is 1 MB\.$/);
  });
  it('counts bytes, not characters', () => {
    const text = JSON.stringify(swagger({ definitions: { Big: { description: 'é'.repeat(600_000) } } }));
    expect(text.length).toBeLessThan(1024 * 1024);
    expect(runRule(swaggerFileTooLarge, { swagger: text })).toHaveLength(1);
  });
  it('accepts a smaller file', () => {
    expect(runRule(swaggerFileTooLarge, { swagger: padded(900_000) })).toEqual([]);
  });
});

describe('swagger-text-too-long', () => {
  it('warns above 500,000 characters', () => {
    const [d] = runRule(swaggerTextTooLong, { swagger: padded(500_000) });
    expect(d?.message).toMatch(
      /^The swagger text has 50\d,\d{3} characters; a connector in a Dataverse solution/,
    );
  });
  it('accepts a text of 500,000 characters or fewer', () => {
    expect(runRule(swaggerTextTooLong, { swagger: padded(499_000) })).toEqual([]);
  });
});
