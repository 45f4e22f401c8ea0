import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ValidateFlags } from './validate.ts';
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

/** `watchValidate` on a copy of Tasklane in `name`, its output collected; stop it with `stop`. */
function watchCopy(name: string, flags: Partial<ValidateFlags> = {}) {
  const connector = join(dir, name);
  cpSync(example, connector, { recursive: true });
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  };
  const stop = new AbortController();
  const running = watchValidate(
    [connector],
    { format: 'text', failOn: 'error', quiet: false, frames: false, color: false, ...flags },
    io,
    stop.signal,
  );
  return { connector, out, stop, running };
}

describe('validate --watch', () => {
  it('validates once, then the connector whose files change, until stopped', async () => {
    const { connector, out, stop, running } = watchCopy('tasklane');
    await until(() => out.stderr, /watching 1 connector for changes; Ctrl-C to stop\./);
    expect(out.stdout).toMatch(/✔ 1 connector checked: no problems\./);

    // A response section removed: the connector is validated again, and says what it finds (the
    // operation without responses, and the two definitions only its response used).
    const file = join(connector, 'apiDefinition.swagger.json');
    const swagger = JSON.parse(readFileSync(file, 'utf8'));
    delete swagger.paths['/projects'].get.responses;
    writeFileSync(file, JSON.stringify(swagger, null, 2));
    await until(
      () => out.stdout,
      /\] .*tasklane changed\n[\s\S]*✖ 3 problems \(1 error, 0 warnings, 2 info\)/,
    );

    // Files of flowport's own do not count as changes.
    const runs = () => out.stdout.split('changed\n').length;
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

  it('with --fix, fixes the connector each time it is saved, and settles', async () => {
    const { connector, out, stop, running } = watchCopy('tasklane-fix', { fix: true });
    await until(() => out.stderr, /watching 1 connector for changes; Ctrl-C to stop\./);
    const file = join(connector, 'apiDefinition.swagger.json');
    const swagger = JSON.parse(readFileSync(file, 'utf8'));
    const withoutEncoding = () => {
      let n = 0;
      for (const item of Object.values(swagger.paths) as Record<
        string,
        { parameters?: Record<string, unknown>[] }
      >[])
        for (const op of Object.values(item))
          for (const p of op.parameters ?? [])
            if (p.in === 'path' && p['x-ms-url-encoding']) {
              delete p['x-ms-url-encoding'];
              n++;
            }
      return n;
    };
    const removed = withoutEncoding();
    expect(removed).toBeGreaterThan(0);
    writeFileSync(file, JSON.stringify(swagger, null, 2));
    await until(() => out.stderr, new RegExp(`fixed ${removed} findings? in 1 file\\.`));
    const fixed = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.stringify(fixed)).toContain('"x-ms-url-encoding":"single"');
    // Its own write is seen as a change once, with nothing left to fix: no loop.
    await new Promise((r) => setTimeout(r, 1000));
    const fixes = out.stderr.split('fixed ').length - 1;
    expect(fixes).toBe(1);
    stop.abort();
    expect(await running).toBe(0);
  });
});
