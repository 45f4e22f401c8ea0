/**
 * The curl options `readCurl` knows: what each does to the request being read, which take an
 * argument, and which are ignored or refused. Files options name are read through `Use.read` when
 * there is a reader (`-K` and `-T` never).
 */
import type { FormField, Header } from './exchange.ts';
export interface Draft {
  method?: string;
  head: boolean;
  get: boolean;
  upload: boolean;
  /** Data or a form was given, even if only from a file that is not read. */
  sends: boolean;
  json: boolean;
  /** The option that makes `-u` something other than Basic (`--digest`, `--aws-sigv4`). */
  otherAuth?: string;
  readonly urls: string[];
  readonly headers: (Header & { implicit?: 'basic' | true })[];
  readonly data: string[];
  readonly query: string[];
  readonly form: FormField[];
}

/** Where an option was written, to apply it and to say what was left out. */
export interface Use {
  readonly flag: string;
  readonly line: number;
  skip(construct: string, action: string): void;
  /** Whether files can be read at all (`read` given by the caller). */
  readonly reads: boolean;
  /** A named file's text, or undefined when it cannot be read (or files are not read). */
  read(path: string): string | undefined;
}

export interface Option {
  readonly arg: boolean;
  readonly apply?: (d: Draft, value: string, use: Use) => void;
}

export function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Percent-encodes as curl's `--data-urlencode` does: all but `A-Z a-z 0-9 - . _ ~`. */
export function urlencode(s: string): string {
  return encodeURIComponent(s.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A loss item for an option that reads a file; `value` names it, `''` when it may be a secret (`-b`). */
const fileNote = (u: Use, value: string, what: string, unread = false) =>
  u.skip(
    'curl option',
    `\`${[u.flag, value].join(' ').trim()}\` on line ${u.line} reads a file, which ${u.reads && !unread ? "cannot be read (give its path relative to the commands' file)" : 'is not read'}; ${what}.`,
  );

export const set = (d: Draft, patch: Partial<Draft>) => void Object.assign(d, patch);

export function addHeader(d: Draft, name: string, value: string, implicit?: 'basic' | true): void {
  d.headers.push({ name, value, ...(implicit && { implicit }) });
}

/**
 * `-d`/`--data`/`--data-ascii` (`text`: a file's line breaks dropped, as curl drops them),
 * `--data-binary` and `--json` (`binary`: a file as it is), `--data-raw`, `--data-urlencode`.
 */
function data(kind: 'text' | 'binary' | 'raw' | 'urlencode' | 'json'): Option {
  return {
    arg: true,
    apply: (d, value, u) => {
      d.sends = true;
      if (kind === 'json' && !d.json) {
        d.json = true;
        addHeader(d, 'Content-Type', 'application/json', true);
        addHeader(d, 'Accept', 'application/json', true);
      }
      let text: string | undefined = value;
      if (kind === 'urlencode') text = urlencodePair(value, u);
      else if (kind !== 'raw' && value.startsWith('@')) {
        text = u.read(value.slice(1));
        if (text !== undefined && kind === 'text') text = text.replace(/[\r\n]/g, '');
      }
      if (text === undefined) fileNote(u, value, 'that part of the body was left out');
      else d.data.push(text);
    },
  };
}

/**
 * `--data-urlencode` forms: `content`, `=content`, `name=content`, `@file`, `name@file` (the file's
 * text encoded); undefined for a file that is not read.
 */
function urlencodePair(value: string, u: Use): string | undefined {
  const at = value.search(/[@=]/);
  if (value[at] === '@') {
    const content = u.read(value.slice(at + 1));
    return content === undefined ? undefined : `${value.slice(0, at)}${at ? '=' : ''}${urlencode(content)}`;
  }
  return at < 0 ? urlencode(value) : `${value.slice(0, at)}${at ? '=' : ''}${urlencode(value.slice(at + 1))}`;
}

function form(literal: boolean): Option {
  return {
    arg: true,
    apply: (d, value, u) => {
      d.sends = true;
      const eq = value.indexOf('=');
      if (eq < 0)
        return u.skip('curl option', `A \`${u.flag}\` value on line ${u.line} has no \`=\`; ignored.`);
      const name = value.slice(0, eq);
      const rest = value.slice(eq + 1);
      // curl strips `;type=`, `;filename=`… and reads a `"…"` value up to its closing quote.
      const quoted = /^"((?:[^"\\]|\\.)*)"/s.exec(rest)?.[1]?.replace(/\\(.)/gs, '$1');
      const plain = () => quoted ?? rest.replace(/;\s*(?:type|filename|headers|encoder)=.*$/s, '');
      if (literal) d.form.push({ name, value: rest });
      else if (rest.startsWith('@')) d.form.push({ name, value: plain().slice(1), file: true });
      else if (rest.startsWith('<')) {
        const content = u.read(plain().slice(1));
        d.form.push({ name, value: content ?? '' });
        if (content === undefined) fileNote(u, `${name}=${rest}`, `field \`${name}\` was left empty`);
      } else d.form.push({ name, value: plain() });
    },
  };
}

const header = (
  name: string,
  value: (v: string) => string = (v) => v,
  implicit: 'basic' | true = true,
): Option => ({
  arg: true,
  apply: (d, v) => addHeader(d, name, value(v), implicit),
});

const otherAuth = (arg: boolean): Option => ({
  arg,
  apply: (d, _, u) => {
    d.otherAuth ??= u.flag;
  },
});

const refused = (what: string, effect?: (d: Draft) => void): Option => ({
  arg: true,
  apply: (d, value, u) => {
    effect?.(d);
    fileNote(u, value, what, true);
  },
});

const IGNORED_WITH_ARG =
  'output connect-timeout max-time retry retry-delay retry-max-time write-out proxy proxy-user proxy-header ' +
  'cacert capath cert cert-type key key-type pass resolve connect-to limit-rate max-redirs interface ' +
  'dump-header cookie-jar trace trace-ascii stderr unix-socket range continue-at speed-limit speed-time ' +
  'time-cond max-filesize dns-servers expect100-timeout keepalive-time ciphers';
const IGNORED_FLAGS =
  'compressed location location-trusted insecure silent show-error verbose fail fail-with-body http1.0 ' +
  'http1.1 http2 http2-prior-knowledge http3 globoff netrc netrc-optional include no-buffer progress-bar ' +
  'ipv4 ipv6 remote-name remote-header-name raw path-as-is basic tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 ' +
  'ssl ssl-reqd no-keepalive no-progress-meter no-sessionid tcp-nodelay disable junk-session-cookies';

export const OPTIONS = new Map<string, Option>([
  ...IGNORED_WITH_ARG.split(' ').map((name): [string, Option] => [name, { arg: true }]),
  ...IGNORED_FLAGS.split(' ').map((name): [string, Option] => [name, { arg: false }]),
  ['url', { arg: true, apply: (d, v) => void d.urls.push(v) }],
  ['request', { arg: true, apply: (d, v) => set(d, { method: v.toUpperCase() || undefined }) }],
  ['get', { arg: false, apply: (d) => set(d, { get: true }) }],
  ['head', { arg: false, apply: (d) => set(d, { head: true }) }],
  ['data', data('text')],
  ['data-ascii', data('text')],
  ['data-binary', data('binary')],
  ['data-raw', data('raw')],
  ['data-urlencode', data('urlencode')],
  ['json', data('json')],
  ['form', form(false)],
  ['form-string', form(true)],
  [
    'url-query',
    {
      arg: true,
      apply: (d, v, u) => {
        const pair = v.startsWith('+') ? v.slice(1) : urlencodePair(v, u);
        if (pair === undefined) fileNote(u, v, 'that query part was left out');
        else d.query.push(pair);
      },
    },
  ],
  ['user', header('Authorization', (v) => `Basic ${basic(v)}`, 'basic')],
  ['oauth2-bearer', header('Authorization', (v) => `Bearer ${v}`)],
  ['user-agent', header('User-Agent')],
  ['referer', header('Referer', (v) => v.replace(/;auto$/, ''))],
  ['aws-sigv4', otherAuth(true)],
  ['digest', otherAuth(false)],
  ['ntlm', otherAuth(false)],
  ['negotiate', otherAuth(false)],
  ['config', refused('its options were left out')],
  ['upload-file', refused('the request is a `PUT` with no body', (d) => set(d, { upload: true }))],
  [
    'header',
    {
      arg: true,
      apply: (d, v, u) => {
        if (v.startsWith('@')) {
          // A file of headers, one a line (curl reads `-H @file` so).
          const lines = u.read(v.slice(1));
          if (lines === undefined) return fileNote(u, v, 'its headers were left out');
          for (const line of lines.split(/\r?\n/)) {
            const colon = line.indexOf(':');
            if (colon > 0 && line.slice(colon + 1).trim())
              addHeader(d, line.slice(0, colon).trim(), line.slice(colon + 1).trim());
          }
          return;
        }
        const colon = v.indexOf(':');
        // `Name;` sends an empty header; `Name:` only stops curl from sending one of its own.
        if (colon > 0) {
          const value = v.slice(colon + 1).trim();
          if (value) addHeader(d, v.slice(0, colon).trim(), value);
        } else if (/^[^:;]+;\s*$/.test(v)) addHeader(d, v.slice(0, v.indexOf(';')).trim(), '');
        else u.skip('curl option', `A \`${u.flag}\` value on line ${u.line} has no \`:\`; ignored.`);
      },
    },
  ],
  [
    'cookie',
    {
      arg: true,
      apply: (d, v, u) => {
        // A cookie jar holds a browser session's credentials, which a connector never keeps: not read.
        if (!v.includes('=')) return fileNote(u, '', 'its cookies were left out', true);
        const sent = d.headers.find((h) => h.implicit && h.name === 'Cookie');
        if (sent) Object.assign(sent, { value: `${sent.value}; ${v}` });
        else addHeader(d, 'Cookie', v, true);
      },
    },
  ],
]);

export const SHORT = new Map(
  (
    'X request H header d data F form u user b cookie A user-agent e referer G get I head K config ' +
    'T upload-file o output m max-time w write-out x proxy E cert D dump-header c cookie-jar r range ' +
    'U proxy-user C continue-at Y speed-limit y speed-time z time-cond s silent S show-error v verbose ' +
    'k insecure L location i include f fail g globoff n netrc N no-buffer # progress-bar 4 ipv4 6 ipv6 ' +
    'O remote-name J remote-header-name q disable j junk-session-cookies 0 http1.0 1 tlsv1'
  )
    .match(/\S+ \S+/g)!
    .map((pair): [string, string] => [pair[0]!, pair.slice(2)]),
);

/** `user:password` in base64, with `:` added when curl would prompt for the password. */
export function basic(v: string): string {
  return Buffer.from(v.includes(':') ? v : `${v}:`).toString('base64');
}
