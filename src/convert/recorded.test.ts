import { describe, expect, it } from 'vitest';
import { type JsonObject, ownObject } from '../connector/json.ts';
import { isFlowportError } from '../errors.ts';
import { convert } from './convert.ts';

interface Call {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly bodyType?: string;
  readonly status?: number;
  readonly answer?: unknown;
  readonly answerType?: string;
}

const SECRET = 'sk_live_9f8e7d6c5b4a';

/** A HAR of the given calls, as a browser saves it. */
function har(calls: readonly Call[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: calls.map((c) => ({
        _resourceType: 'fetch',
        request: {
          method: c.method ?? 'GET',
          url: c.url,
          headers: Object.entries({
            Accept: 'application/json',
            'User-Agent': 'Mozilla/5.0',
            ...c.headers,
          }).map(([name, value]) => ({ name, value })),
          ...(c.body !== undefined && {
            postData: {
              mimeType: c.bodyType ?? 'application/json',
              text: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
            },
          }),
        },
        response: {
          status: c.status ?? 200,
          headers: [],
          content: {
            mimeType: c.answerType ?? 'application/json',
            ...(c.answer !== undefined && {
              text: typeof c.answer === 'string' ? c.answer : JSON.stringify(c.answer),
            }),
          },
        },
      })),
    },
  });
}

const op = (swagger: JsonObject, path: string, method: string) =>
  ownObject(ownObject(ownObject(swagger, 'paths'), path), method) as JsonObject;
const params = (o: JsonObject) =>
  (o.parameters as JsonObject[]).map((p) => `${p.in}:${p.name}:${p.type ?? 'body'}:${p.required}`);

const bearer = { Authorization: `Bearer ${SECRET}` };
const tasks: Call[] = [
  {
    url: 'https://api.tasklane.io/v1/tasks?top=5&done=false',
    headers: bearer,
    answer: { value: [{ id: 1, due: '2026-11-29' }] },
  },
  { url: 'https://api.tasklane.io/v1/tasks?top=10', headers: bearer, answer: { value: [] } },
  {
    url: 'https://api.tasklane.io/v1/tasks/17',
    headers: bearer,
    answer: { id: 17, title: 'Plan', done: false },
  },
  {
    url: 'https://api.tasklane.io/v1/tasks/23',
    headers: bearer,
    answer: { id: 23, title: null, tags: ['a'] },
  },
  {
    method: 'POST',
    url: 'https://api.tasklane.io/v1/tasks',
    headers: bearer,
    body: { title: 'New' },
    status: 201,
    answer: { id: 24 },
  },
  {
    method: 'PATCH',
    url: 'https://api.tasklane.io/v1/tasks/24',
    headers: bearer,
    body: { done: true },
    answer: { id: 24 },
  },
  {
    method: 'DELETE',
    url: 'https://api.tasklane.io/v1/tasks/24',
    headers: bearer,
    status: 204,
    answerType: '',
  },
  { url: 'https://api.tasklane.io/v1/projects/5f2b9c1e8a7d4e00/tasks', headers: bearer, answer: [{ id: 1 }] },
  { url: 'https://api.tasklane.io/v1/users/me', headers: bearer, answer: { name: 'Ada' } },
];

describe('convert: a HAR recording', () => {
  const result = convert(har(tasks), { source: 'tasklane.har' });
  const { swagger } = result;

  it('makes one operation per method and path template, named as REST reads', () => {
    expect(result.format).toBe('har');
    expect(swagger.host).toBe('api.tasklane.io');
    expect(swagger.basePath).toBe('/v1');
    const ids = Object.entries(ownObject(swagger, 'paths') ?? {}).flatMap(([path, item]) =>
      Object.entries(item as JsonObject).map(([m, o]) => `${m} ${path} ${(o as JsonObject).operationId}`),
    );
    expect(ids).toEqual([
      'get /tasks ListTasks',
      'post /tasks CreateTask',
      'get /tasks/{taskId} GetTask',
      'patch /tasks/{taskId} UpdateTask',
      'delete /tasks/{taskId} DeleteTask',
      'get /projects/{projectId}/tasks ListProjectTasks',
      'get /users/me GetUsersMe',
    ]);
    expect(result.stats).toEqual({ inputOperations: 9, keptOperations: 7, skeletons: 0, recorded: true });
    expect(result.summary).toMatch(/^7 operations from 9 recorded API calls/);
    expect(result.report).toContain('| API calls recorded | 9 |');
  });

  it('types parameters from every value sent; required only when every one of several calls sent it', () => {
    expect(params(op(swagger, '/tasks', 'get'))).toEqual([
      'query:top:integer:true',
      'query:done:boolean:false',
    ]);
    expect(params(op(swagger, '/tasks/{taskId}', 'get'))).toEqual(['path:taskId:integer:true']);
    expect(params(op(swagger, '/projects/{projectId}/tasks', 'get'))).toEqual(['path:projectId:string:true']);
  });

  it('types a path parameter a word was folded into as a string', () => {
    const r = convert(
      har([
        { url: 'https://api.example.com/users/42/orders', answer: [] },
        { url: 'https://api.example.com/users/me/orders', answer: [] },
      ]),
      { source: 'a.har' },
    );
    expect(params(op(r.swagger, '/users/{userId}/orders', 'get'))).toEqual(['path:userId:string:true']);
  });

  it('gives JSON bodies and answers schemas made from every sample, values left out', () => {
    const get = op(swagger, '/tasks/{taskId}', 'get');
    const schema = ownObject(ownObject(get.responses as JsonObject, '200'), 'schema');
    expect(Object.keys(ownObject(schema, 'properties') ?? {})).toEqual(['id', 'title', 'done', 'tags']);
    expect(ownObject(ownObject(schema, 'properties'), 'title')).toMatchObject({
      type: 'string',
      'x-nullable': true,
    });
    expect(op(swagger, '/tasks', 'post').responses).toMatchObject({ 201: { description: 'Created' } });
    expect(op(swagger, '/tasks/{taskId}', 'delete').responses).toEqual({
      204: { description: 'No content' },
    });
    const body = (op(swagger, '/tasks', 'post').parameters as JsonObject[]).find((p) => p.in === 'body');
    expect(body?.schema).toMatchObject({ type: 'object', properties: { title: { type: 'string' } } });
    const text = new TextDecoder().decode(result.files['apiDefinition.swagger.json']);
    expect(text).not.toContain('Plan');
    expect(text).not.toContain('Ada');
  });

  it('makes the credential most calls sent the connection’s, and never writes its value', () => {
    expect(swagger.securityDefinitions).toMatchObject({
      bearer_token: { type: 'apiKey', in: 'header', name: 'Authorization' },
    });
    for (const bytes of Object.values(result.files))
      expect(new TextDecoder().decode(bytes)).not.toContain(SECRET);
    expect(result.report).toContain(
      '`Authorization: Bearer …`, sent by 9 of 9 call(s), became the connection’s authentication',
    );
  });

  it('passes certification but for what a recording cannot tell (publisher, contact, website)', () => {
    expect(result.remaining.map((r) => r.rule).sort()).toEqual([
      'connector-metadata-required',
      'info-contact-required',
      'publisher-required',
    ]);
  });
});

describe('convert: what a recording says about the connection', () => {
  const calls = (headers: Record<string, string>, query = '') => [
    { url: `https://api.example.com/items${query}`, headers, answer: [] },
    { url: `https://api.example.com/items/1${query}`, headers, answer: {} },
  ];

  it('reads Basic, API key headers, API keys in the query and other Authorization schemes', () => {
    const basic = convert(har(calls({ Authorization: 'Basic dXNlcjpwYXNz' })), { source: 'a.har' });
    expect(basic.swagger.securityDefinitions).toEqual({ basic_auth: { type: 'basic' } });
    const header = convert(har(calls({ 'X-Api-Key': SECRET })), { source: 'a.har' });
    expect(header.swagger.securityDefinitions).toEqual({
      api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    const query = convert(har(calls({}, `?api_key=${SECRET}`)), { source: 'a.har' });
    expect(query.swagger.securityDefinitions).toEqual({
      api_key: { type: 'apiKey', in: 'query', name: 'api_key' },
    });
    expect(params(op(query.swagger, '/items', 'get'))).toEqual([]);
    const token = convert(har(calls({ Authorization: `Token ${SECRET}` })), { source: 'a.har' });
    expect(token.swagger.securityDefinitions).toMatchObject({
      api_key: { in: 'header', name: 'Authorization' },
    });
    for (const r of [basic, header, query, token])
      for (const bytes of Object.values(r.files))
        expect(new TextDecoder().decode(bytes)).not.toContain(SECRET);
  });

  it('says when no call sent a credential, as browsers’ sanitised HAR exports leave them out', () => {
    const r = convert(har(calls({})), { source: 'a.har' });
    expect(r.swagger.securityDefinitions).toBeUndefined();
    expect(r.report).toContain('no call sent a credential, so the connector has no authentication');
  });

  it('signs users in with OAuth 2 when the recording shows the sign-in, leaving the token requests out', () => {
    const signIn = {
      _resourceType: 'document',
      request: {
        method: 'GET',
        url: 'https://login.example.com/oauth2/authorize?response_type=code&client_id=abc&scope=tasks.read%20offline_access',
        headers: [],
      },
      response: { status: 302, headers: [], content: { mimeType: 'text/html' } },
    };
    const token = {
      request: {
        method: 'POST',
        url: 'https://login.example.com/oauth2/token',
        headers: [],
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: `grant_type=authorization_code&code=c0de&client_id=abc&client_secret=${SECRET}`,
        },
      },
      response: {
        status: 200,
        headers: [],
        content: { mimeType: 'application/json', text: `{"access_token":"${SECRET}"}` },
      },
    };
    const recording = JSON.parse(har(calls({ Authorization: `Bearer ${SECRET}` }))) as {
      log: { entries: unknown[] };
    };
    recording.log.entries.unshift(signIn, token);
    const r = convert(JSON.stringify(recording), { source: 'a.har' });
    expect(r.swagger.securityDefinitions).toEqual({
      oauth2: {
        type: 'oauth2',
        flow: 'accessCode',
        authorizationUrl: 'https://login.example.com/oauth2/authorize',
        tokenUrl: 'https://login.example.com/oauth2/token',
        scopes: { 'tasks.read': 'tasks.read', offline_access: 'offline_access' },
      },
    });
    expect(Object.keys(ownObject(r.swagger, 'paths') ?? {})).toEqual(['/items', '/items/{itemId}']);
    expect(r.report).toContain(
      '1 token request(s) left out: they are the connection’s sign-in, not operations',
    );
    expect(r.report).toContain('is the token the OAuth 2 sign-in gets');
    for (const bytes of Object.values(r.files)) expect(new TextDecoder().decode(bytes)).not.toContain(SECRET);
  });

  it('takes a typed token, and says what is missing, when only token requests were recorded', () => {
    const token = {
      request: {
        method: 'POST',
        url: 'https://login.example.com/token',
        headers: [],
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: 'grant_type=refresh_token&refresh_token=r',
        },
      },
      response: { status: 200, headers: [], content: { mimeType: 'application/json', text: '{}' } },
    };
    const recording = JSON.parse(har(calls({ Authorization: `Bearer ${SECRET}` }))) as {
      log: { entries: unknown[] };
    };
    recording.log.entries.push(token);
    const r = convert(JSON.stringify(recording), { source: 'a.har' });
    expect(r.swagger.securityDefinitions).toMatchObject({
      bearer_token: { in: 'header', name: 'Authorization' },
    });
    expect(r.report).toContain('no sign-in page (an authorization URL is missing): record the sign-in too');
  });

  it('reports browser session cookies and CSRF headers, never writing them', () => {
    const r = convert(har(calls({ Cookie: `session=${SECRET}`, 'X-CSRF-Token': SECRET })), {
      source: 'a.har',
    });
    expect(r.swagger.securityDefinitions).toBeUndefined();
    expect(r.report).toContain('a connector cannot sign in with a browser session');
    expect(r.report).toContain('`X-CSRF-Token` not kept');
    for (const bytes of Object.values(r.files)) expect(new TextDecoder().decode(bytes)).not.toContain(SECRET);
  });

  it('keeps a header every call sends with one value as an internal constant; varying ones as optional', () => {
    const r = convert(
      har([
        {
          url: 'https://api.example.com/a',
          headers: { 'X-Api-Version': '2', 'X-Request-Id': '1' },
          answer: {},
        },
        {
          url: 'https://api.example.com/b',
          headers: { 'X-Api-Version': '2', 'X-Request-Id': '2' },
          answer: {},
        },
      ]),
      { source: 'a.har' },
    );
    expect(op(r.swagger, '/a', 'get').parameters).toEqual([
      expect.objectContaining({
        name: 'X-Api-Version',
        in: 'header',
        default: '2',
        'x-ms-visibility': 'internal',
        required: true,
      }),
      expect.objectContaining({ name: 'X-Request-Id', in: 'header', required: false }),
    ]);
    expect(JSON.stringify(op(r.swagger, '/a', 'get'))).not.toContain('User-Agent');
  });
});

describe('convert: hosts, bodies and answers of a recording', () => {
  it('takes the host most calls went to, reports the others, and takes another with --host', () => {
    const calls = [
      { url: 'https://api.example.com/a', answer: {} },
      { url: 'https://api.example.com/b', answer: {} },
      {
        method: 'POST',
        url: 'https://www.google-analytics.com/collect',
        body: 'v=1',
        bodyType: 'text/plain',
      },
    ];
    const r = convert(har(calls), { source: 'a.har' });
    expect(r.swagger.host).toBe('api.example.com');
    expect(r.report).toContain('call(s) to `www.google-analytics.com` left out');
    expect(convert(har(calls), { source: 'a.har', host: 'www.google-analytics.com' }).swagger.host).toBe(
      'www.google-analytics.com',
    );
    expect(() => convert(har(calls), { source: 'a.har', host: 'nowhere.example' })).toThrow(
      /a\.har has no calls to nowhere\.example; the hosts it has are api\.example\.com \(2\), www\.google-analytics\.com \(1\)/,
    );
  });

  it('refuses a recording without API calls, saying what it held and how to record one', () => {
    const pages = JSON.stringify({
      log: {
        entries: [
          { _resourceType: 'document', request: { method: 'GET', url: 'https://x.example/' }, response: {} },
        ],
      },
    });
    try {
      convert(pages, { source: 'pages.har' });
      expect.unreachable();
    } catch (error) {
      expect(isFlowportError(error) && error.code).toBe('CONVERT_INPUT_INVALID');
      expect((error as Error).message).toMatch(
        /^pages\.har holds no API calls \(1 left out: pages[^.]*\)\. Give the calls the app makes to its API: a HAR saved from DevTools' Network tab \(the Fetch\/XHR requests, with content\), or curl commands copied as cURL \(bash\)\.$/,
      );
    }
  });

  it('makes form bodies form parameters, text answers strings, binary ones files, and drops a GET body', () => {
    const r = convert(
      har([
        {
          method: 'POST',
          url: 'https://api.example.com/notes',
          body: 'title=a&size=3',
          bodyType: 'application/x-www-form-urlencoded',
          answer: {},
        },
        {
          method: 'POST',
          url: 'https://api.example.com/notes',
          body: 'title=b&size=4&tag=x&tag=y',
          bodyType: 'application/x-www-form-urlencoded',
          answer: {},
        },
        { url: 'https://api.example.com/export.csv2', answer: 'a,b\n1,2', answerType: 'text/csv' },
        {
          url: 'https://api.example.com/files/42/content',
          answer: 'JVBERi0=',
          answerType: 'application/pdf',
        },
        { url: 'https://api.example.com/search', body: { q: 'x' }, answer: {} },
      ]),
      { source: 'a.har' },
    );
    const post = op(r.swagger, '/notes', 'post');
    expect(post.consumes).toEqual(['application/x-www-form-urlencoded']);
    expect(params(post)).toEqual([
      'formData:title:string:true',
      'formData:size:integer:true',
      'formData:tag:array:false',
    ]);
    expect(op(r.swagger, '/export.csv2', 'get').responses).toMatchObject({
      200: { schema: { type: 'string' } },
    });
    expect(op(r.swagger, '/files/{fileId}/content', 'get').responses).toMatchObject({
      200: { schema: { type: 'string', format: 'binary' } },
    });
    expect(op(r.swagger, '/files/{fileId}/content', 'get').produces).toEqual(['application/pdf']);
    expect(params(op(r.swagger, '/search', 'get'))).toEqual([]);
    expect(r.report).toContain('a `GET` operation cannot have a body in a connector');
  });

  it('makes a list pageable when its answers carry an absolute nextLink, and names other paging', () => {
    const r = convert(
      har([
        {
          url: 'https://api.example.com/items',
          answer: { value: [{ id: 1 }], '@odata.nextLink': 'https://api.example.com/items?$skip=1' },
        },
        {
          url: 'https://api.example.com/items?$skip=1',
          answer: { value: [{ id: 2 }], '@odata.nextLink': null },
        },
        {
          url: 'https://api.example.com/orders',
          answer: { data: [], next_page_url: 'https://api.example.com/orders?page=2' },
        },
        { url: 'https://api.example.com/events', answer: { events: [], nextPageToken: 'abc' } },
        {
          method: 'POST',
          url: 'https://api.example.com/items',
          body: {},
          answer: { nextLink: 'https://api.example.com/x' },
        },
      ]),
      { source: 'a.har' },
    );
    expect(op(r.swagger, '/items', 'get')['x-ms-pageable']).toEqual({ nextLinkName: '@odata.nextLink' });
    expect(op(r.swagger, '/items', 'post')['x-ms-pageable']).toBeUndefined();
    expect(op(r.swagger, '/orders', 'get')['x-ms-pageable']).toBeUndefined();
    expect(ownObject(r.apiProperties, 'properties')?.policyTemplateInstances).toEqual([
      {
        templateId: 'updatenextlink',
        title: 'Route @odata.nextLink back through the connector',
        parameters: {
          'x-ms-apimTemplate-operationName': ['ListItems'],
          'x-ms-apimTemplateParameter.nextLinkPropertyName': '@odata.nextLink',
        },
      },
    ]);
    expect(r.report).toContain('next page link in `next_page_url`; a connector pages only by');
    expect(r.report).toContain('next page token in `nextPageToken`');
    expect(JSON.stringify(r.swagger)).not.toContain('x-flowport');
  });

  it('names the connector after the API’s domain, or after the file when the host is an address', () => {
    expect(
      ownObject(
        convert(har([{ url: 'https://api.tasklane.io/a', answer: {} }]), { source: 'x.har' }).swagger,
        'info',
      )?.title,
    ).toBe('Tasklane');
    expect(
      ownObject(
        convert(har([{ url: 'http://127.0.0.1:8080/a', answer: {} }]), { source: 'board.har' }).swagger,
        'info',
      )?.title,
    ).toBe('board');
  });

  it('keeps the statuses seen when no call succeeded, and says so', () => {
    const r = convert(
      har([{ url: 'https://api.example.com/secret', status: 401, answer: { error: 'no' } }]),
      { source: 'a.har' },
    );
    expect(op(r.swagger, '/secret', 'get').responses).toMatchObject({ 401: { description: 'Unauthorized' } });
    expect(r.report).toContain('no call succeeded (statuses 401)');
  });
});
