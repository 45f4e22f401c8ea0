import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { parseSmokeRows, smokeVerdict } from './smoke-evidence.ts';

const connector = memoryConnector({
  swagger: '2.0',
  info: { title: 'T', version: '1' },
  paths: {
    '/a': { get: { operationId: 'ListA', responses: { '200': { description: 'OK' } } } },
    '/b': { post: { operationId: 'CreateB', responses: { '200': { description: 'OK' } } } },
    '/c': {
      get: {
        operationId: 'Hidden',
        'x-ms-visibility': 'internal',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/d': {
      get: {
        operationId: 'NoTest',
        'x-ms-no-generic-test': true,
        responses: { '200': { description: 'OK' } },
      },
    },
  },
});

const row = (operationId: string, ok: boolean, status: number | null = ok ? 200 : 500, mock = false) => ({
  operationId,
  status,
  ok,
  skipped: false,
  error: undefined,
  schemaDifferences: undefined,
  mock,
});

describe('smokeVerdict', () => {
  it('is done when every action a user sees answered 2xx (internal ones and those marked not to test aside)', () => {
    expect(smokeVerdict(connector, [row('ListA', true), row('CreateB', true)])).toEqual({
      state: 'done',
      notes: [],
      called: 2,
    });
  });

  it('fails on an action that did not answer 2xx, and stays open for actions the run left out', () => {
    expect(smokeVerdict(connector, [row('ListA', true), row('CreateB', false, 422)]).notes).toEqual([
      '`CreateB` answered 422',
    ]);
    expect(smokeVerdict(connector, [row('ListA', true), row('CreateB', false)]).state).toBe('failed');
    const partial = smokeVerdict(connector, [row('ListA', true)]);
    expect(partial).toMatchObject({ state: 'to-confirm', notes: ['`CreateB` is not in the smoke run'] });
  });

  it('never ticks the item from a run against flowport’s mock: it shows the swagger, not the API', () => {
    const mocked = smokeVerdict(connector, [row('ListA', true, 200, true), row('CreateB', true, 200, true)]);
    expect(mocked.state).toBe('to-confirm');
    expect(mocked.notes).toEqual([
      "the smoke run was answered by flowport's mock of the swagger (`smoke --mock`), not by the API: run `flowport smoke <connector> --base-url <your API> --format json`",
    ]);
  });
});

describe('parseSmokeRows', () => {
  it('reads the rows of `flowport smoke --format json`', () => {
    expect(
      parseSmokeRows(
        [{ operationId: 'ListA', status: null, ok: false, ms: 3, error: 'UPSTREAM_TIMEOUT: slow' }],
        's.json',
      ),
    ).toEqual([
      {
        operationId: 'ListA',
        status: null,
        ok: false,
        skipped: false,
        error: 'UPSTREAM_TIMEOUT: slow',
        schemaDifferences: undefined,
        mock: false,
      },
    ]);
  });

  it('counts the schema differences of a row (warnings only)', () => {
    const findings = [{ severity: 'warning' }, { severity: 'info' }, { severity: 'warning' }];
    const [read] = parseSmokeRows(
      [{ operationId: 'ListA', status: 200, ok: true, schema: { findings } }],
      's.json',
    );
    expect(read?.schemaDifferences).toBe(2);
  });

  it.each([
    [{ rows: [] }, 's.json is not a JSON array of smoke rows'],
    [[{ operationId: 'ListA' }], 's.json has no `operationId` and `ok` in row 1'],
  ])('refuses %j, naming the file and what to give', (value, message) => {
    expect(() => parseSmokeRows(value, 's.json')).toThrow(message);
    expect(() => parseSmokeRows(value, 's.json')).toThrow('flowport smoke <connector> --format json');
  });
});
