/**
 * docs/ci.md's recipes stay true: every YAML block parses, and every `npx flowport …` command in them
 * names a command and options flowport has (read from its own `--help`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.ts';

const page = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/```(yaml|sh)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1] as string,
  text: m[2] as string,
}));

/** The `npx flowport …` commands of a block: `run:` and `script:` values of YAML, lines of shell. */
function commands(block: { lang: string; text: string }): string[] {
  const found: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.includes('npx flowport ')) found.push(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  if (block.lang === 'yaml') visit(parse(block.text));
  else for (const line of block.text.split('\n')) if (line.startsWith('npx flowport ')) found.push(line);
  return found.map((c) => c.replace(/#.*$/, '').trim());
}

async function help(command: string): Promise<{ code: number; text: string }> {
  let text = '';
  const io = { stdout: { write: (s: string) => (text += s) }, stderr: { write: (s: string) => (text += s) } };
  return { code: await main([command, '--help'], io), text };
}

describe('docs/ci.md', () => {
  it('has YAML that parses and commands whose options exist', async () => {
    expect(blocks.filter((b) => b.lang === 'yaml').length).toBeGreaterThanOrEqual(3);
    const all = blocks.flatMap(commands);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const line of all) {
      const [, sub, ...rest] = line.slice('npx '.length).split(/\s+/);
      const { code, text } = await help(sub as string);
      expect(code, line).toBe(0);
      for (const option of rest.filter((t) => t.startsWith('--')))
        expect(text, `${line}: ${option}`).toMatch(new RegExp(`${option}(?=[\\s,=]|$)`, 'm'));
    }
  });
});
