/**
 * cURL commands (browser DevTools "Copy as cURL (bash)", API docs, Postman's code export) read as
 * exchanges. Files named by options (`-d @body.json`, `-F name=<file`, `-H @file`) are read when a
 * reader is given (`flowport init`: beside the commands' file), else they become loss items, as do
 * `-K` and `-T` always.
 */

import { type Draft, formDecode, OPTIONS, type Option, SHORT, type Use } from './curl-options.ts';
import type { Exchange, ExchangeBody, Exchanges, SkippedInput } from './exchange.ts';
import { readShellLine, type ShellToken } from './shell-words.ts';

const COMMAND = /^\s*(?:\$\s+)?curl(?:\s|$)/;
const BLANK_OR_COMMENT = /^\s*(?:#|$)/;
const boundary = (line: string) => BLANK_OR_COMMENT.test(line) || COMMAND.test(line);

/** True when the first line that is neither blank nor a `#` comment starts with `curl ` (or `$ curl `). */
export function looksLikeCurl(text: string): boolean {
  for (let at = 0; at < text.length; ) {
    const eol = text.indexOf('\n', at);
    const line = text.slice(at, eol < 0 ? text.length : eol).trim();
    if (line && !line.startsWith('#')) return COMMAND.test(line);
    if (eol < 0) break;
    at = eol + 1;
  }
  return false;
}

export interface CurlOptions {
  /** Reads a file an option names (`-d @body.json`); undefined when it cannot. Without it, none is read. */
  readonly readFile?: (path: string) => string | undefined;
}

/**
 * Reads every cURL command of `text`, one exchange per URL. A `# comment` line directly above a
 * command names it; other lines, and options that cannot be followed, are listed in `skipped`.
 * @example
 * readCurl(`# Create an item\ncurl -u key: https://api.example.com/items -d name=Pen`).exchanges[0]
 * // { pointer: '/line/2', name: 'Create an item', method: 'POST', url: URL('https://api.example.com/items'),
 * //   headers: [{ name: 'Authorization', value: 'Basic a2V5Og==' }],
 * //   body: { mimeType: 'application/x-www-form-urlencoded', text: 'name=Pen',
 * //           fields: [{ name: 'name', value: 'Pen' }] } }
 */
export function readCurl(text: string, options: CurlOptions = {}): Exchanges {
  const source = text.replace(/\r\n?/g, '\n');
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let [lo, hi] = [1, starts.length];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid - 1]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineText = (n: number) => source.slice(starts[n - 1], (starts[n] ?? source.length + 1) - 1);
  const exchanges: Exchange[] = [];
  const skipped: SkippedInput[] = [];
  const refuse = (n: number, why: string) =>
    skipped.push({
      pointer: `/line/${n}`,
      construct: 'curl command',
      action: `The cURL command on line ${n} ${why}.`,
    });
  let name: string | undefined;
  let ignored: [number, number] | undefined;
  const flushIgnored = () => {
    if (!ignored) return;
    const [first, last] = ignored;
    const hint = /^\s*-/.test(lineText(first)) ? ' (is a `\\` missing at the end of the line above?)' : '';
    const lines =
      first === last ? `Line ${first} is not a cURL command` : `Lines ${first}–${last} are not cURL commands`;
    skipped.push({ pointer: `/line/${first}`, construct: 'line', action: `${lines}${hint}; ignored.` });
    ignored = undefined;
  };
  let n = 1;
  while (n <= starts.length) {
    const line = lineText(n);
    const comment = BLANK_OR_COMMENT.test(line);
    if (!comment && !COMMAND.test(line)) {
      ignored = [ignored?.[0] ?? n, n];
      name = undefined;
      n++;
      continue;
    }
    flushIgnored();
    if (comment) {
      name = /^\s*#!/.test(line) ? undefined : line.trim().replace(/^#+\s*/, '') || undefined;
      n++;
      continue;
    }
    if (/\^\s*$/.test(line) || line.includes('^"')) {
      refuse(n, 'is a Windows cmd export (`^` escapes); left out: copy it as cURL (bash) instead');
      while (n < starts.length && /\^\s*$/.test(lineText(n))) n++;
      n++;
    } else {
      const shell = readShellLine(source, starts[n - 1]! + line.indexOf('curl'));
      if (shell.unterminated === undefined) {
        readCommands(shell.tokens, {
          readFile: options.readFile,
          pointer: `/line/${n}`,
          line: n,
          name,
          lineAt,
          exchanges,
          skipped,
        });
        n = lineAt(shell.end - 1) + 1;
      } else {
        const open = lineAt(shell.unterminated);
        refuse(n, `has an unterminated quote (opened on line ${open}); left out`);
        // Lines up to the next blank line, comment or command belong to the broken one.
        n = open + 1;
        while (n <= starts.length && !boundary(lineText(n))) n++;
      }
    }
    name = undefined;
  }
  flushIgnored();
  return { exchanges, skipped };
}

interface Reading {
  readonly readFile: CurlOptions['readFile'];
  readonly pointer: string;
  readonly line: number;
  readonly name: string | undefined;
  readonly lineAt: (offset: number) => number;
  readonly exchanges: Exchange[];
  readonly skipped: SkippedInput[];
}

/** A command line's commands: `curl a; curl b` holds two, `curl a | jq .` one and ignored shell text. */
function readCommands(tokens: readonly ShellToken[], at: Reading): void {
  let words: ShellToken[] = [];
  let before: string | undefined;
  const end = (after: string | undefined) => {
    if (before === undefined || (/^(?:;|&&?|\|\|)$/.test(before) && words[0]?.text === 'curl'))
      readCommand(words, before === undefined ? at : { ...at, name: undefined });
    else if (words.length)
      at.skipped.push({
        pointer: at.pointer,
        construct: 'line',
        action: `The shell text after \`${before}\` on line ${at.lineAt(words[0]!.start)} is not cURL; ignored.`,
      });
    words = [];
    before = after;
  };
  for (const token of tokens) {
    if (token.kind === 'operator') end(token.text);
    else words.push(token);
  }
  end(undefined);
}

function readCommand(words: readonly ShellToken[], at: Reading): void {
  const d: Draft = {
    head: false,
    get: false,
    upload: false,
    sends: false,
    json: false,
    urls: [],
    headers: [],
    data: [],
    query: [],
    form: [],
  };
  const use = (flag: string, word: ShellToken): Use => ({
    flag,
    get line() {
      return at.lineAt(word.start);
    },
    skip: (construct, action) => at.skipped.push({ pointer: at.pointer, construct, action }),
    reads: at.readFile !== undefined,
    read: (path) => at.readFile?.(path),
  });
  let options = true;
  for (let k = 1; k < words.length; k++) {
    const word = words[k]!;
    const text = word.text;
    if (!options || !text.startsWith('-') || text === '-') {
      d.urls.push(text);
      continue;
    }
    if (text === '--') {
      options = false;
      continue;
    }
    const next = () => words[++k]?.text;
    const apply = (flag: string, option: Option | undefined, value: () => string | undefined) => {
      const u = use(flag, word);
      if (!option) return u.skip('curl option', `Unknown option \`${flag}\` on line ${u.line}; ignored.`);
      const v = option.arg ? value() : '';
      if (v === undefined)
        return u.skip('curl option', `\`${flag}\` on line ${u.line} has no value; ignored.`);
      option.apply?.(d, v, u);
    };
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq > 0 ? text.slice(2, eq) : text.slice(2);
      if (OPTIONS.has(text.slice(2))) apply(text, OPTIONS.get(text.slice(2)), next);
      else if (eq > 0 && OPTIONS.get(name)?.arg)
        apply(`--${name}`, OPTIONS.get(name), () => text.slice(eq + 1));
      else if (OPTIONS.get(name.replace(/^no-/, ''))?.arg !== false) apply(`--${name}`, undefined, next);
      continue;
    }
    for (let p = 1; p < text.length; p++) {
      const option = OPTIONS.get(SHORT.get(text[p]!) ?? '');
      apply(`-${text[p]}`, option, () => text.slice(p + 1) || next());
      if (option?.arg) break;
    }
  }
  finish(d, at);
}

function finish(d: Draft, at: Reading): void {
  const say = (action: string) => at.skipped.push({ pointer: at.pointer, construct: 'curl command', action });
  if (d.form.length && d.data.length) {
    say(`The cURL command on line ${at.line} mixes \`-d\` and \`-F\`, which curl refuses; left out.`);
    return;
  }
  if (!d.urls.length) {
    say(`The cURL command on line ${at.line} has no URL; left out.`);
    return;
  }
  const typed = new Set(d.headers.filter((h) => !h.implicit).map((h) => h.name.toLowerCase()));
  // curl leaves out a header it makes (`-u`, `-A`, `--json`…) when one of that name is given with `-H`.
  const headers = d.headers
    .filter(
      (h) => !(h.implicit && typed.has(h.name.toLowerCase())) && !(h.implicit === 'basic' && d.otherAuth),
    )
    .map(({ name, value }) => ({ name, value }));
  const contentType = headers.findLast((h) => h.name.toLowerCase() === 'content-type')?.value;
  const query = [...(d.get ? d.data : []), ...d.query].join('&');
  const body = d.get ? undefined : bodyOf(d, contentType);
  const method = d.method ?? (d.head ? 'HEAD' : d.get ? 'GET' : d.upload ? 'PUT' : d.sends ? 'POST' : 'GET');
  for (const raw of d.urls) {
    const url = toUrl(raw);
    if (!url) {
      say(`A URL of the cURL command on line ${at.line} is not an HTTP(S) URL; that request was left out.`);
      continue;
    }
    if (query) url.search = url.search ? `${url.search}&${query}` : query;
    at.exchanges.push({
      pointer: at.pointer,
      method,
      url,
      headers: headers.map((h) => ({ ...h })),
      ...(body && { body }),
      ...(at.name !== undefined && { name: at.name }),
    });
  }
}

function bodyOf(d: Draft, contentType: string | undefined): ExchangeBody | undefined {
  if (d.form.length) return { mimeType: contentType ?? 'multipart/form-data', text: '', fields: d.form };
  if (!d.data.length) return undefined;
  const text = d.data.join(d.json ? '' : '&');
  const mimeType = contentType ?? 'application/x-www-form-urlencoded';
  if (mimeType.split(';')[0]!.trim().toLowerCase() !== 'application/x-www-form-urlencoded')
    return { mimeType, text };
  const fields = text
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.includes('=') ? pair.indexOf('=') : pair.length;
      return { name: formDecode(pair.slice(0, eq)), value: formDecode(pair.slice(eq + 1)) };
    });
  return { mimeType, text, fields };
}

/** curl's URL guess: no scheme means `http://`; the fragment is never sent. */
function toUrl(raw: string): URL | undefined {
  const url = URL.parse(/^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  url.hash = '';
  return url;
}
