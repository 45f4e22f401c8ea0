import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../../connector/load.ts';
import { runRules } from '../../engine.ts';
import { messages, runRule, swagger } from '../../testing.ts';
import braces from './script-braces.ts';
import cls from './script-class.ts';
import className from './script-class-name.ts';
import fileName from './script-file-name.ts';
import formatting from './script-formatting-ambiguous.ts';
import httpClient from './script-http-client.ts';
import size from './script-size.ts';
import timeout from './script-timeout.ts';
import usings from './script-usings.ts';

const apiProperties = { properties: { iconBrandColor: '#123456' } };
const body = (code: string) =>
  `public class Script : ScriptBase\n{\n    public override async Task<HttpResponseMessage> ExecuteAsync()\n    {\n${code}\n    }\n}\n`;
const VALID = body(
  '        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);',
);
const files = (script: string) => ({ swagger: swagger(), apiProperties, script });

describe('script-size', () => {
  it('reports a script over 1 MB', () => {
    const big = `${VALID}//${'x'.repeat(1024 * 1024)}`;
    expect(messages(size, files(big))).toEqual(['`script.csx` is 1.00 MB; custom code may be at most 1 MB.']);
  });
  it('accepts a small script', () => {
    expect(runRule(size, files(VALID))).toEqual([]);
  });
});

describe('script-class', () => {
  it('reports a script without a ScriptBase class', () => {
    expect(messages(cls, files('public class Helper { }'))).toEqual([
      '`script.csx` declares no class deriving from `ScriptBase`; the platform looks for `public class Script : ScriptBase`.',
    ]);
  });
  it('reports a class without ExecuteAsync', () => {
    const [d] = runRule(cls, files('using System;\npublic class Script : ScriptBase { }'));
    expect(d?.message).toMatch(/^Class `Script` in `script\.csx` has no `ExecuteAsync\(\)` method/);
    expect(d?.line).toBe(2);
  });
  it('is not fooled by a class declaration inside a comment', () => {
    expect(messages(cls, files('// public class Script : ScriptBase { ExecuteAsync() }'))).toHaveLength(1);
  });
  it('accepts the documented class', () => {
    expect(runRule(cls, files(VALID))).toEqual([]);
  });
});

describe('script-class-name', () => {
  it('reports a ScriptBase class not named Script', () => {
    expect(messages(className, files(VALID.replace('class Script', 'class script')))).toEqual([
      'The `ScriptBase` class in `script.csx` is named `script`; the documentation requires `Script`.',
    ]);
  });
  it('accepts `Script`', () => {
    expect(runRule(className, files(VALID))).toEqual([]);
  });
});

describe('script-usings', () => {
  it('reports unsupported namespaces with their line', () => {
    const script = `using System;\nusing System.Runtime.Remoting.Contexts;\nusing static System.IO.File;\n${VALID}`;
    const found = runRule(usings, files(script));
    expect(found.map((d) => [d.message, d.line])).toEqual([
      [
        '`script.csx` imports `System.Runtime.Remoting.Contexts`, which is not a supported namespace for custom code.',
        2,
      ],
    ]);
  });
  it('ignores using statements and usings in comments and strings', () => {
    const script = `// using System.Data;\nusing Newtonsoft.Json.Linq;\nusing J = Newtonsoft.Json.JsonConvert;\n${body('using var r = new HttpRequestMessage(); var s = "using Foo;";')}`;
    expect(runRule(usings, files(script))).toEqual([]);
  });
});

describe('script-http-client', () => {
  it('reports a new HttpClient', () => {
    expect(messages(httpClient, files(body('var client = new HttpClient();')))).toEqual([
      expect.stringMatching(/creates its own `HttpClient`/),
    ]);
  });
  it('accepts Context.SendAsync', () => {
    expect(runRule(httpClient, files(VALID))).toEqual([]);
  });
});

describe('script-formatting-ambiguous', () => {
  it('reports bare Formatting.None and suggests the qualified name', () => {
    const [d, ...rest] = runRule(
      formatting,
      files(body('var s = JsonConvert.SerializeObject(o, Formatting.None);')),
    );
    expect(rest).toEqual([]);
    expect(d?.message).toMatch(/^`Formatting\.None` in `script\.csx` is ambiguous/);
    expect(d?.fix).toBe('Write `Newtonsoft.Json.Formatting.None`.');
  });
  it('accepts qualified names', () => {
    const code = body(
      'var a = Newtonsoft.Json.Formatting.Indented; var b = Json.Formatting.None; // Formatting.None',
    );
    expect(runRule(formatting, files(code))).toEqual([]);
  });
});

describe('script-braces', () => {
  it('reports an unclosed brace', () => {
    const found = runRule(braces, files(VALID.replace(/}\n$/, '')));
    expect(found.map((d) => d.message)).toEqual([
      '`script.csx` ends with 1 unclosed `{`; the last one opened is here.',
    ]);
  });
  it('reports a stray closing brace with its position', () => {
    const [d] = runRule(braces, files(`${VALID}}`));
    expect(d?.message).toBe('This `}` in `script.csx` closes no open brace.');
    expect(d?.line).toBe(8);
  });
  it('reports a string that never ends', () => {
    expect(messages(braces, files(body('var s = @"open;')))).toEqual([
      '`script.csx` has a string or comment that never ends.',
    ]);
  });
  it('ignores braces in strings, chars, comments and interpolations', () => {
    const code = body(
      [
        'var a = "{"; var b = \'}\'; /* { */ // }',
        'var c = $"{{literal}} {a.Length} {(a == "}" ? 1 : 2)} {DateTime.Now:yyyy-MM-dd}";',
        'var d = @"multi',
        'line {"" }";',
        'var e = $@"{a}}}";',
      ].join('\n'),
    );
    expect(runRule(braces, files(code))).toEqual([]);
  });
});

describe('script-timeout', () => {
  it('reports fixed delays of 5 seconds or more', () => {
    const code = body(
      'await Task.Delay(10000); Thread.Sleep(500); await Task.Delay(TimeSpan.FromSeconds(30));',
    );
    expect(messages(timeout, files(code))).toEqual([
      '`script.csx` waits 10 s here; custom code is cancelled after 5 seconds.',
      '`script.csx` waits 30 s here; custom code is cancelled after 5 seconds.',
    ]);
  });
  it('accepts short delays', () => {
    expect(runRule(timeout, files(body('await Task.Delay(1000);')))).toEqual([]);
  });
});

describe('script-file-name', () => {
  const run = (names: string[]) => {
    const encoder = new TextEncoder();
    const connector = connectorFromFiles(
      names.map((name) => ({ name, bytes: encoder.encode(name.endsWith('.json') ? '{}' : VALID) })),
    );
    return runRules(connector, [{ rule: fileName, severity: 'warning' }], 'recommended').diagnostics.map(
      (d) => d.message,
    );
  };
  it('reports custom code under another name', () => {
    expect(run(['apiProperties.json', 'Script.cs'])).toEqual([
      'Custom code in `Script.cs` is not picked up; paconn and the certification package only take `script.csx`.',
    ]);
  });
  it('reports a second code file next to script.csx', () => {
    expect(run(['apiProperties.json', 'script.csx', 'helpers.cs'])).toEqual([
      expect.stringMatching(/^`helpers\.cs` is a second custom-code file/),
    ]);
  });
  it('accepts a single script.csx', () => {
    expect(run(['apiProperties.json', 'script.csx'])).toEqual([]);
  });
});
