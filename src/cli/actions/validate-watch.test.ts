import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchValidate } from './validate-watch.ts';

const example = new URL('../../../examples/tasklane', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'flowport-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves once `read()` matches, polling; fails after `ms`. */
async function until(read: () => string, pattern: RegExp, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pattern.test(read())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${pattern} in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('validate --watch', () => {
  it('validates once, then the connector whose files change, until stopped', async () => {
    const connector = join(dir, 'tasklane');
    cpSync(example, connector, { recursive: true });
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    };
    const stop = new AbortController();
    const running = watchValidate(
      [connector],
      { format: 'text', failOn: 'error', quiet: false, frames: false, color: false },
      io,
      stop.signal,
    );
    await until(() => stderr, /watching 1 connector for changes; Ctrl-C to stop\./);
    expect(stdout).toMatch(/✔ 1 connector checked: no problems\./);

    // A response section removed: the connector is validated again, and says what it finds.
    const file = join(connector, 'apiDefinition.swagger.json');
    const swagger = JSON.parse(readFileSync(file, 'utf8'));
    delete swagger.paths['/projects'].get.responses;
    writeFileSync(file, JSON.stringify(swagger, null, 2));
    await until(() => stdout, /\] .*tasklane changed\n[\s\S]*✖ 1 problem \(1 error/);

    // Files of flowport's own do not count as changes.
    const runs = () => stdout.split('changed\n').length;
    const before = runs();
    mkdirSync(join(connector, '.flowportcache'));
    writeFileSync(join(connector, '.flowportcache', 'entry.json'), '{}');
    await new Promise((r) => setTimeout(r, 600));
    expect(runs()).toBe(before);
    // …while the connector's own files do.
    writeFileSync(
      join(connector, 'readme.md'),
      `${readFileSync(join(connector, 'readme.md'), 'utf8')}\nMore.\n`,
    );
    await until(() => String(runs()), new RegExp(`^${before + 1}$`));
    stop.abort();
    expect(await running).toBe(0);
  });
});
