import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/flowport.js', import.meta.url).pathname;
// Debian's system Node (20 on this machine and CI's): older than flowport supports.
const systemNode = '/usr/bin/node';
const version = existsSync(systemNode)
  ? spawnSync(systemNode, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const tooOld = /^(1\d|2[01])\.|^22\.([0-9]|1[01])\./.test(version);

describe.skipIf(!tooOld)(`bin/flowport.js on an older Node.js (${systemNode} ${version || 'absent'})`, () => {
  it('says which Node.js it needs, exits 2 and prints no stack trace', () => {
    const got = spawnSync(systemNode, [bin, 'validate', '.'], { encoding: 'utf8' });
    expect(got.status).toBe(2);
    expect(got.stderr).toMatch(/needs Node\.js 22\.12 or newer; this is v\d+.*\[NODE_TOO_OLD\]/);
    expect(got.stderr).not.toMatch(/\n\s+at /);
    expect(got.stdout).toBe('');
  });
});
