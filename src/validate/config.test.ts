import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config.ts';

const dir = mkdtempSync(join(tmpdir(), 'flowport-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseConfig', () => {
  it('takes a preset and rule settings by flowport or Microsoft id, on and off included', () => {
    expect(
      parseConfig(
        {
          preset: 'certification',
          rules: { ConsumesMissing: 'off', 'readme-sections': 'on', 'json-strict': 'info' },
        },
        'f.json',
      ),
    ).toEqual({
      preset: 'certification',
      rules: { ConsumesMissing: 'off', 'readme-sections': 'on', 'json-strict': 'info' },
      path: 'f.json',
    });
  });

  it('names the key and the fix of a bad config', () => {
    const bad = (value: unknown) => () => parseConfig(value, 'f.json');
    expect(bad([])).toThrow('f.json: the config must be a JSON object.');
    expect(bad({ presets: 'x' })).toThrow('unknown key `presets`; use `preset`, `rules` or `customRules`.');
    expect(bad({ preset: 'strict' })).toThrow('`preset` must be one of `recommended`, `certification`');
    expect(bad({ rules: { 'no-such-rule': 'off' } })).toThrow('`rules.no-such-rule` names no rule');
    expect(bad({ rules: { 'json-strict': 'loud' } })).toThrow(
      '`rules.json-strict` must be "error", "warning", "info", "off" or "on" (the rule\'s own severity).',
    );
  });
});

describe('loadConfig', () => {
  it('finds flowport.config.json or a package.json "flowport" key from a folder upwards', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'connectors', 'tasks'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ flowport: { preset: 'certification' } }));
    expect(loadConfig({ dir: join(project, 'connectors', 'tasks') })).toMatchObject({
      preset: 'certification',
      path: `${join(project, 'package.json')}#flowport`,
    });
    writeFileSync(
      join(project, 'connectors', 'flowport.config.json'),
      JSON.stringify({ rules: { 'json-strict': 'off' } }),
    );
    expect(loadConfig({ dir: join(project, 'connectors', 'tasks') })).toMatchObject({
      rules: { 'json-strict': 'off' },
    });
    expect(() => loadConfig({ file: join(dir, 'missing.json') })).toThrow('the config file does not exist.');
  });
});
