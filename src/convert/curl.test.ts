import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeCurl, readCurl } from './curl.ts';
import type { Exchange } from './exchange.ts';

const API = 'https://api.brightdesk.test/v2/tickets';

/** The one exchange `command` makes, and the actions of what was skipped. */
function one(command: string): Exchange & { notes: string[] } {
  const read = readCurl(command);
  expect(read.exchanges).toHaveLength(1);
  return { ...read.exchanges[0]!, notes: read.skipped.map((s) => s.action) };
}
const headers = (e: Exchange) => e.headers.map((h) => `${h.name}: ${h.value}`);

const CHROME = String.raw`curl 'https://api.brightdesk.test/v2/tickets?status=open' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln' \
  -H 'content-type: application/json' \
  -b 'session=s3cr3t; theme=dark' \
  -H 'origin: https://app.brightdesk.test' \
  -H 'priority: u=1, i' \
  -H 'sec-ch-ua: "Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
  --data-raw $'{"title":"Printer won\'t start","body":"Line 1\\nLine 2"}' \
  --compressed`;

const FIREFOX = String.raw`curl 'https://api.brightdesk.test/v2/tickets' \
  -X 'POST' \
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0' \
  -H 'Accept: application/json' \
  -H 'Accept-Encoding: gzip, deflate, br' \
  -H 'Content-Type: application/json' \
  -H 'Connection: keep-alive' \
  --data-raw '{"title":"Paper jam","priority":2}'`;

const POSTMAN = String.raw`curl --location --request POST 'https://api.brightdesk.test/v2/tickets' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer {{token}}' \
--data-raw '{
    "title": "Paper jam",
    "priority": 2
}'`;

const STRIPE = String.raw`curl https://api.stripe.com/v1/customers \
  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \
  -d name="Jenny Rosen" \
  -d email="jenny.rosen@example.com"`;

const CMD = String.raw`curl ^"https://api.brightdesk.test/v2/tickets^" ^
  -H ^"accept: application/json^" ^
  -H ^"authorization: Bearer s3cr3t^" ^
  --data-raw ^"^{^\^"title^\^":^\^"Paper jam^\^"^}^" ^
  --compressed`;

describe('cURL exports', () => {
  it('reads a Chrome "Copy as cURL (bash)" command with `$\'…\'` data', () => {
    const e = one(CHROME);
    expect(e.method).toBe('POST');
    expect(e.url.href).toBe(`${API}?status=open`);
    expect(headers(e)).toContain('authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln');
    expect(headers(e)).toContain(
      'sec-ch-ua: "Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"',
    );
    expect(headers(e)[4]).toBe('Cookie: session=s3cr3t; theme=dark');
    expect(e.body?.mimeType).toBe('application/json');
    expect(JSON.parse(e.body?.text ?? '')).toEqual({ title: "Printer won't start", body: 'Line 1\nLine 2' });
    expect(e.notes).toEqual([]);
    expect(e.pointer).toBe('/line/1');
  });

  it('reads a Firefox command with a quoted `-X` and `--data-raw`', () => {
    const e = one(FIREFOX);
    expect(e.method).toBe('POST');
    expect(e.headers.map((h) => h.name)).toEqual([
      'User-Agent',
      'Accept',
      'Accept-Encoding',
      'Content-Type',
      'Connection',
    ]);
    expect(e.body).toEqual({ mimeType: 'application/json', text: '{"title":"Paper jam","priority":2}' });
  });

  it('reads a Postman export with a body over several lines', () => {
    const e = one(POSTMAN);
    expect(e.method).toBe('POST');
    expect(e.url.href).toBe(API);
    expect(headers(e)).toEqual(['Content-Type: application/json', 'Authorization: Bearer {{token}}']);
    expect(JSON.parse(e.body?.text ?? '')).toEqual({ title: 'Paper jam', priority: 2 });
  });

  it('reads API-docs style `-u key:` and `-d a=b -d c=d`', () => {
    const e = one(STRIPE);
    expect(e.method).toBe('POST');
    expect(e.headers).toEqual([
      { name: 'Authorization', value: `Basic ${btoa('sk_test_4eC39HqLyjWDarjtT1zdp7dc:')}` },
    ]);
    expect(e.body).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'name=Jenny Rosen&email=jenny.rosen@example.com',
      fields: [
        { name: 'name', value: 'Jenny Rosen' },
        { name: 'email', value: 'jenny.rosen@example.com' },
      ],
    });
  });

  it('refuses a Windows cmd export, naming the fix, and goes on after it', () => {
    const read = readCurl(`${CMD}\ncurl ${API}`);
    expect(read.exchanges.map((e) => e.pointer)).toEqual(['/line/6']);
    expect(read.skipped).toHaveLength(1);
    expect(read.skipped[0]).toMatchObject({ pointer: '/line/1', construct: 'curl command' });
    expect(read.skipped[0]?.action).toMatch(/Windows cmd.*copy it as cURL \(bash\)/);
  });

  it('reads several commands of a file, named by the comment directly above', () => {
    const read = readCurl(
      [
        '#!/bin/sh',
        '# List tickets',
        `curl ${API} -H 'x-api-key: k'`,
        '',
        '# Get one ticket',
        `$ curl ${API}/T-1001 \\`,
        "  -H 'x-api-key: k'",
        `curl -X DELETE ${API}/T-1001`,
        '# a trailing comment',
      ].join('\n'),
    );
    expect(read.exchanges.map((e) => [e.pointer, e.method, e.name])).toEqual([
      ['/line/3', 'GET', 'List tickets'],
      ['/line/6', 'GET', 'Get one ticket'],
      ['/line/8', 'DELETE', undefined],
    ]);
    expect(read.skipped).toEqual([]);
    expect(read.title).toBeUndefined();
  });

  it('reads Windows line ends (CRLF) like LF ones', () => {
    const read = readCurl(`# One\r\ncurl ${API} \\\r\n  -H 'a: b'\r\n`);
    expect(read.exchanges.map((e) => [e.name, headers(e)])).toEqual([['One', ['a: b']]]);
    expect(read.skipped).toEqual([]);
  });

  it('reports lines that are not commands, with a hint for a missing backslash', () => {
    const read = readCurl(`Run this:\ncurl ${API}\n  -H 'a: b'\n\n{"id": 1}\n{"id": 2}\ncurl ${API} | jq .`);
    expect(read.exchanges).toHaveLength(2);
    expect(read.skipped.map((s) => [s.pointer, s.construct, s.action])).toEqual([
      ['/line/1', 'line', 'Line 1 is not a cURL command; ignored.'],
      [
        '/line/3',
        'line',
        'Line 3 is not a cURL command (is a `\\` missing at the end of the line above?); ignored.',
      ],
      ['/line/5', 'line', 'Lines 5–6 are not cURL commands; ignored.'],
      ['/line/7', 'line', 'The shell text after `|` on line 7 is not cURL; ignored.'],
    ]);
  });

  it('reads commands joined by `;` or `&&` on one line', () => {
    const read = readCurl(`curl ${API}/1 && curl -X DELETE ${API}/2; echo done`);
    expect(read.exchanges.map((e) => `${e.method} ${e.url.pathname}`)).toEqual([
      'GET /v2/tickets/1',
      'DELETE /v2/tickets/2',
    ]);
    expect(read.skipped).toHaveLength(1);
  });

  it('skips a command with an unterminated quote, naming its line, and reads the next one', () => {
    const read = readCurl(`curl ${API} -H 'x-api-key: s3cr3t\n  -d a=b\n\ncurl ${API}/2`);
    expect(read.exchanges.map((e) => e.pointer)).toEqual(['/line/4']);
    expect(read.skipped).toEqual([
      {
        pointer: '/line/1',
        construct: 'curl command',
        action: 'The cURL command on line 1 has an unterminated quote (opened on line 1); left out.',
      },
    ]);
  });
});

describe('cURL options', () => {
  const methods: [string, string][] = [
    [`curl ${API}`, 'GET'],
    [`curl -XPOST ${API}`, 'POST'],
    [`curl --request=patch ${API}`, 'PATCH'],
    [`curl -d a=b ${API}`, 'POST'],
    [`curl -X PUT -d a=b ${API}`, 'PUT'],
    [`curl -F a=b ${API}`, 'POST'],
    [`curl --json '{}' ${API}`, 'POST'],
    [`curl -I ${API}`, 'HEAD'],
    [`curl --head ${API}`, 'HEAD'],
    [`curl -G -d a=b ${API}`, 'GET'],
    [`curl -d @body.json ${API}`, 'POST'],
  ];
  for (const [command, method] of methods)
    it(`sends ${method} for \`${command.replace(API, 'URL')}\``, () => {
      expect(one(command).method).toBe(method);
    });

  it('reads the URL from `--url`, adds `http://` when it has no scheme and drops the fragment', () => {
    expect(one(`curl --url ${API}`).url.href).toBe(API);
    expect(one('curl localhost:3000/api/items?top=5#x').url.href).toBe(
      'http://localhost:3000/api/items?top=5',
    );
  });

  it('makes one exchange per URL with the same options', () => {
    const read = readCurl(`curl -H 'x-api-key: k' ${API}/1 ${API}/2`);
    expect(read.exchanges.map((e) => [e.url.pathname, headers(e)])).toEqual([
      ['/v2/tickets/1', ['x-api-key: k']],
      ['/v2/tickets/2', ['x-api-key: k']],
    ]);
  });

  it('skips a URL it cannot read without saying what it is', () => {
    const read = readCurl(`curl 'http://[s3cr3t' ftp://files.test/a ${API}`);
    expect(read.exchanges).toHaveLength(1);
    expect(read.skipped.map((s) => s.construct)).toEqual(['curl command', 'curl command']);
    expect(JSON.stringify(read.skipped)).not.toContain('s3cr3t');
  });

  it('keeps headers in order and as typed, with empty ones written `Name;`', () => {
    const e = one(`curl ${API} -H 'X-Trace;' --header='Accept:  text/csv ' -H 'Expect:' -H x-Mixed:1`);
    expect(e.headers).toEqual([
      { name: 'X-Trace', value: '' },
      { name: 'Accept', value: 'text/csv' },
      { name: 'x-Mixed', value: '1' },
    ]);
  });

  it('turns `-u`, `-b`, `-A`, `-e` and `--oauth2-bearer` into headers where they are given', () => {
    const e = one(`curl -A 'agent/1' -u 'me:pa:ss' ${API} -b a=1 -e 'https://ref.test/;auto' -b 'c=2; d=3'`);
    expect(headers(e)).toEqual([
      'User-Agent: agent/1',
      `Authorization: Basic ${btoa('me:pa:ss')}`,
      'Cookie: a=1; c=2; d=3',
      'Referer: https://ref.test/',
    ]);
    expect(headers(one(`curl --oauth2-bearer t0k ${API}`))).toEqual(['Authorization: Bearer t0k']);
    expect(headers(one(`curl -u me ${API}`))).toEqual([`Authorization: Basic ${btoa('me:')}`]);
  });

  it('leaves out a header curl makes when `-H` gives one of that name', () => {
    const e = one(
      `curl -u me:pw -A a --json '{}' -H 'authorization: Bearer x' -H 'Content-Type: text/json' ${API}`,
    );
    expect(headers(e)).toEqual([
      'User-Agent: a',
      'Accept: application/json',
      'authorization: Bearer x',
      'Content-Type: text/json',
    ]);
    expect(e.body?.mimeType).toBe('text/json');
  });

  it('does not make a Basic header when `-u` serves another scheme', () => {
    expect(one(`curl --digest -u me:pw ${API}`).headers).toEqual([]);
    expect(one(`curl --aws-sigv4 aws:amz:eu-west-1:s3 -u key:secret ${API}`).headers).toEqual([]);
  });

  it('joins data with `&` and lists the fields of a urlencoded body', () => {
    const e = one(`curl ${API} -d 'a=1&b=x+y' --data-binary c=%41 --data-ascii d --data-raw @raw`);
    expect(e.body).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'a=1&b=x+y&c=%41&d&@raw',
      fields: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'x y' },
        { name: 'c', value: 'A' },
        { name: 'd', value: '' },
        { name: '@raw', value: '' },
      ],
    });
  });

  it('encodes `--data-urlencode` values as curl does', () => {
    const e = one(`curl ${API} --data-urlencode 'q=a b&c' --data-urlencode '=x/y' --data-urlencode "it's"`);
    expect(e.body?.text).toBe('q=a%20b%26c&x%2Fy&it%27s');
    expect(e.body?.fields?.[0]).toEqual({ name: 'q', value: 'a b&c' });
  });

  it('keeps the body type of a Content-Type header and lists no fields for it', () => {
    expect(one(`curl ${API} -H 'Content-Type: text/plain; charset=utf-8' -d 'a=b'`).body).toEqual({
      mimeType: 'text/plain; charset=utf-8',
      text: 'a=b',
    });
  });

  it('moves data into the query with `-G`, after the query of the URL', () => {
    const e = one(`curl -G '${API}?top=5' -d status=open --data-urlencode 'q=a b' --url-query 'x=1'`);
    expect(e.url.search).toBe('?top=5&status=open&q=a%20b&x=1');
    expect(e.body).toBeUndefined();
  });

  it('sets body and JSON headers with `--json`', () => {
    const e = one(`curl --json '{"a":' --json '1}' ${API}`);
    expect(headers(e)).toEqual(['Content-Type: application/json', 'Accept: application/json']);
    expect(e.body).toEqual({ mimeType: 'application/json', text: '{"a":1}' });
  });

  it('lists form fields and strips `;type=`', () => {
    const e = one(
      `curl ${API} -F title=Jam -F 'file=@photo.png;type=image/png' -F 'note=<note.txt' -F 'q="a;b"' --form-string 'raw=@x'`,
    );
    expect(e.body).toEqual({
      mimeType: 'multipart/form-data',
      text: '',
      fields: [
        { name: 'title', value: 'Jam' },
        { name: 'file', value: 'photo.png', file: true },
        { name: 'note', value: '' },
        { name: 'q', value: 'a;b' },
        { name: 'raw', value: '@x' },
      ],
    });
    expect(e.notes).toEqual([
      '`-F note=<note.txt` on line 1 reads a file, which is not read; field `note` was left empty.',
    ]);
  });

  it('refuses what needs a file, and says so', () => {
    const notes = (command: string) => readCurl(command).skipped.map((s) => `${s.construct}: ${s.action}`);
    expect(notes(`curl -d @body.json ${API}`)).toEqual([
      'curl option: `-d @body.json` on line 1 reads a file, which is not read; that part of the body was left out.',
    ]);
    expect(one(`curl -d @body.json -d a=b ${API}`).body?.text).toBe('a=b');
    expect(
      notes(
        `curl -H @headers.txt -b cookies.txt -K api.cfg --json @x.json --data-urlencode msg@m.txt ${API}`,
      ),
    ).toEqual([
      'curl option: `-H @headers.txt` on line 1 reads a file, which is not read; its headers were left out.',
      'curl option: `-b` on line 1 reads a file, which is not read; its cookies were left out.',
      'curl option: `-K api.cfg` on line 1 reads a file, which is not read; its options were left out.',
      'curl option: `--json @x.json` on line 1 reads a file, which is not read; that part of the body was left out.',
      'curl option: `--data-urlencode msg@m.txt` on line 1 reads a file, which is not read; that part of the body was left out.',
    ]);
    const upload = one(`curl -T report.csv ${API}`);
    expect([upload.method, upload.body, upload.notes]).toEqual([
      'PUT',
      undefined,
      ['`-T report.csv` on line 1 reads a file, which is not read; the request is a `PUT` with no body.'],
    ]);
  });

  it('reads the files options name when given a reader, as curl would', () => {
    const files: Record<string, string> = {
      'body.json': '{\n  "title": "Jam",\n  "urgent": true\n}\n',
      'note.txt': 'Line 1\nLine 2',
      'headers.txt': 'X-Api-Key: k1\r\nX-Trace: on\n\nnot a header\n',
      'msg.txt': 'a b&c',
    };
    const readFile = (path: string) => files[path];
    const read = (command: string) => {
      const r = readCurl(command, { readFile });
      expect(r.exchanges).toHaveLength(1);
      return { ...r.exchanges[0]!, notes: r.skipped.map((x) => x.action) };
    };
    // `-d` drops the file's line breaks; `--data-binary` and `--json` keep them.
    expect(read(`curl -H 'Content-Type: application/json' -d @body.json ${API}`).body?.text).toBe(
      '{  "title": "Jam",  "urgent": true}',
    );
    expect(read(`curl --data-binary @body.json -H 'Content-Type: application/json' ${API}`).body?.text).toBe(
      files['body.json'],
    );
    expect(read(`curl --json @body.json ${API}`).body?.text).toBe(files['body.json']);
    expect(read(`curl --data-urlencode msg@msg.txt ${API}`).body?.text).toBe('msg=a%20b%26c');
    expect(read(`curl -F note=\\<note.txt ${API}`).body?.fields).toEqual([
      { name: 'note', value: 'Line 1\nLine 2' },
    ]);
    expect(headers(read(`curl -H @headers.txt ${API}`))).toEqual(['X-Api-Key: k1', 'X-Trace: on']);
    // A file that is not there says so, with the fix; -K, -T and cookie jars are never read.
    expect(read(`curl -d @gone.json -T body.json -b jar.txt ${API}`).notes).toEqual([
      "`-d @gone.json` on line 1 reads a file, which cannot be read (give its path relative to the commands' file); that part of the body was left out.",
      '`-T body.json` on line 1 reads a file, which is not read; the request is a `PUT` with no body.',
      '`-b` on line 1 reads a file, which is not read; its cookies were left out.',
    ]);
  });

  it('consumes the arguments of ignored options and ignores flags, combined or not', () => {
    const e = one(
      `curl -sSL -vk --compressed -o out.json --connect-timeout 5 -m 10 --retry 3 -w '%{http_code}' -x proxy:8080 ` +
        `--cacert ca.pem -E c.pem --key k.pem --resolve a:443:1.2.3.4 --limit-rate 1k --http1.1 --http2 -g -n ` +
        `--netrc --fail -f -i --location --insecure --silent --show-error --verbose --globoff --no-keepalive ${API}`,
    );
    expect([e.url.href, e.headers, e.notes]).toEqual([API, [], []]);
    expect(one(`curl -so/dev/null -XDELETE ${API}`).method).toBe('DELETE');
  });

  it('reports an unknown option by name only and reads on', () => {
    const read = readCurl(`curl --token=s3cr3t -Z ${API} --frobnicate`);
    expect(read.skipped.map((s) => [s.construct, s.action])).toEqual([
      ['curl option', 'Unknown option `--token` on line 1; ignored.'],
      ['curl option', 'Unknown option `-Z` on line 1; ignored.'],
      ['curl option', 'Unknown option `--frobnicate` on line 1; ignored.'],
    ]);
    expect(read.exchanges).toHaveLength(1);
  });

  it('never puts header values, cookies or passwords into skipped items', () => {
    const read = readCurl(
      [
        `curl -H 's3cr3t' -u me:s3cr3t --digest -H 'Authorization: s3cr3t' ${API} -H`,
        `curl -b s3cr3t.txt -F s3cr3t 'http://[s3cr3t'`,
        `curl -F a=b -d s3cr3t ${API}`,
        `curl ${API} -H 'x: s3cr3t`,
      ].join('\n'),
    );
    expect(read.skipped.length).toBeGreaterThan(4);
    expect(read.skipped.map((s) => s.action).join('\n')).not.toContain('s3cr3t');
  });
});

describe('looksLikeCurl', () => {
  const cases: [string, boolean][] = [
    [CHROME, true],
    [`\n# List tickets\n\n$ curl ${API}`, true],
    ['curl\t-s x', true],
    ['{"openapi": "3.0.0"}', false],
    ['openapi: 3.0.0\n# curl https://x', false],
    ['curling is a sport', false],
    ['# only a comment', false],
    ['', false],
  ];
  for (const [text, expected] of cases)
    it(`is ${expected} for ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(looksLikeCurl(text)).toBe(expected);
    });
});

describe('cURL robustness', () => {
  const SAMPLES = [CHROME, FIREFOX, POSTMAN, STRIPE, CMD, `curl -F 'f=@a;type=x' -G -d q ${API}`];
  const PIECES = [
    "'",
    '"',
    '\\',
    '\n',
    '$',
    "$'",
    '^',
    '#',
    '-',
    '--',
    '-X',
    '-H',
    '-d',
    '@',
    '=',
    ';',
    '|',
    ' ',
    '\\u{',
    '\\x',
  ];
  const mutated = fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat({ max: 8 }),
          fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })),
        ),
        {
          maxLength: 6,
        },
      ),
    )
    .map(([text, edits]) =>
      edits.reduce((t, [at, cut, piece]) => {
        const i = at % (t.length + 1);
        return t.slice(0, i) + piece + t.slice(i + cut);
      }, text),
    );
  const input = fc.oneof(
    mutated,
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.string({ maxLength: 60 }).map((s) => `curl ${s}`),
  );

  it('never throws on 500 random or mutated commands, and makes only HTTP(S) exchanges', () => {
    fc.assert(
      fc.property(input, (text) => {
        const read = readCurl(text);
        looksLikeCurl(text);
        for (const e of read.exchanges) {
          expect(['http:', 'https:']).toContain(e.url.protocol);
          expect(e.method).toBe(e.method.toUpperCase());
          expect(e.pointer).toMatch(/^\/line\/\d+$/);
        }
        for (const s of read.skipped) expect(s.action).toMatch(/\.$/);
      }),
      { numRuns: 500 },
    );
  });
});
