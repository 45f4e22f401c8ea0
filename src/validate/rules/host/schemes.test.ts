import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, swagger } from '../../testing.ts';
import schemeHttp from './scheme-http.ts';
import schemeNotSupported from './scheme-not-supported.ts';
import schemeNotValid from './scheme-not-valid.ts';
import schemesArrayEmpty from './schemes-array-empty.ts';

const withSchemes = (schemes: unknown) => swagger({ schemes });

describe('schemes-array-empty', () => {
  it('reports `schemes: []`', () => {
    const found = runRule(schemesArrayEmpty, { swagger: withSchemes([]) });
    expect(found.map((d) => [d.pointer, d.message])).toEqual([
      ['/schemes', 'The `schemes` array requires at least one value.'],
    ]);
  });
  it('accepts a non-empty list and a missing one', () => {
    expect(messages(schemesArrayEmpty, { swagger: withSchemes(['https']) })).toEqual([]);
    const doc = swagger();
    delete doc.schemes;
    expect(messages(schemesArrayEmpty, { swagger: doc })).toEqual([]);
  });
});

describe('scheme-not-valid', () => {
  it('reports protocols other than http and https', () => {
    const found = runRule(schemeNotValid, { swagger: withSchemes(['https', 'HTTPS', 'ftp']) });
    expect(found.map((d) => d.pointer)).toEqual(['/schemes/1', '/schemes/2']);
    expect(found[1]?.message).toBe(
      'The scheme `ftp` is not valid; `schemes` must only contain transfer protocols from the list `http`, `https`.',
    );
  });
  it('leaves WebSocket schemes to scheme-not-supported', () => {
    expect(messages(schemeNotValid, { swagger: withSchemes(['http', 'https', 'wss']) })).toEqual([]);
  });
});

describe('scheme-not-supported', () => {
  it('reports ws and wss', () => {
    expect(pointers(schemeNotSupported, { swagger: withSchemes(['https', 'ws', 'wss']) })).toEqual([
      '/schemes/1',
      '/schemes/2',
    ]);
  });
  it('accepts https', () => {
    expect(messages(schemeNotSupported, { swagger: withSchemes(['https']) })).toEqual([]);
  });
});

describe('scheme-http', () => {
  it('warns about plain http, alone or next to https', () => {
    expect(messages(schemeHttp, { swagger: withSchemes(['http']) })).toEqual([
      'The connector calls its backend over plain `http`; certified connectors should use `https`.',
    ]);
    expect(pointers(schemeHttp, { swagger: withSchemes(['https', 'http']) })).toEqual(['/schemes/1']);
  });
  it('accepts https only', () => {
    expect(messages(schemeHttp, { swagger: withSchemes(['https']) })).toEqual([]);
  });
});
