/**
 * Request bodies and responses of one operation from its recorded calls: JSON bodies and answers give
 * schemas made from every sample (`sample-schema.ts`: types and formats, never values); forms give
 * form parameters; other bodies are text or binary.
 */
import type { JsonObject, JsonValue } from '../connector/json.ts';
import { join } from '../connector/pointer.ts';
import type { Exchange, FormField } from './exchange.ts';
import type { Losses } from './loss.ts';
import { ValueTable } from './recorded-values.ts';
import { schemaFromSamples } from './sample-schema.ts';

/** At most this many samples of a body or an answer feed a schema. */
const MAX_SAMPLES = 50;

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-authoritative information',
  204: 'No content',
  206: 'Partial content',
  301: 'Moved permanently',
  302: 'Found',
  304: 'Not modified',
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
};

const isJson = (mimeType: string) => /[/+]json\b/i.test(mimeType);
const isText = (mimeType: string) => /^text\/|[/+]xml\b|csv/i.test(mimeType);
const bare = (mimeType: string) => (mimeType.split(';')[0] ?? '').trim().toLowerCase();

function parsed(text: string | undefined): JsonValue | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function urlencodedFields(text: string): FormField[] {
  return [...new URLSearchParams(text)].map(([name, value]) => ({ name, value }));
}

export interface RequestBody {
  readonly parameters: JsonObject[];
  /** The media type when it is not JSON (`consumes`). */
  readonly consumes?: string;
}

/** The body or form parameters of an operation's calls. */
export function requestBody(method: string, calls: readonly Exchange[], losses: Losses): RequestBody {
  const withBody = calls.filter((c) => c.body && (c.body.text !== '' || (c.body.fields?.length ?? 0) > 0));
  const first = withBody[0];
  if (!first?.body) return { parameters: [] };
  if (method === 'GET' || method === 'HEAD') {
    losses.add(
      join(first.pointer, 'request', 'postData'),
      'request body',
      `dropped; a \`${method}\` operation cannot have a body in a connector`,
    );
    return { parameters: [] };
  }
  const type = bare(first.body.mimeType);
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const table = new ValueTable();
    for (const c of withBody.slice(0, MAX_SAMPLES)) {
      const fields = c.body?.fields ?? urlencodedFields(c.body?.text ?? '');
      table.addSample(fields.map((f) => [f.name, f.value, f.file]));
    }
    return { parameters: table.parameters('formData'), consumes: type };
  }
  if (isJson(type) || type === '') {
    const samples = withBody.map((c) => parsed(c.body?.text)).filter((v) => v !== undefined);
    if (samples.length > 0) {
      const { schema, notes } = schemaFromSamples(samples.slice(0, MAX_SAMPLES));
      for (const note of notes) losses.add(join(first.pointer, 'request', 'postData'), 'request body', note);
      return { parameters: [{ name: 'body', in: 'body', required: true, schema }] };
    }
  }
  const binary = !isText(type) && !isJson(type);
  return {
    parameters: [
      {
        name: 'body',
        in: 'body',
        required: true,
        schema: binary ? { type: 'string', format: 'binary' } : { type: 'string' },
      },
    ],
    consumes: type || 'text/plain',
  };
}

export interface Responses {
  readonly responses: JsonObject;
  /** The media type of the answers when it is not JSON (`produces`). */
  readonly produces?: string;
  /** The successful (2xx) answers that are JSON, parsed. */
  readonly answers: readonly JsonValue[];
}

/**
 * The responses of an operation's calls: the successful ones (2xx) with schemas from their answers;
 * when no call succeeded, the statuses seen, reported.
 */
export function responsesOf(calls: readonly Exchange[], losses: Losses): Responses {
  const answered = calls.filter((c) => c.response);
  const ok = answered.filter((c) => (c.response?.status ?? 0) >= 200 && (c.response?.status ?? 0) < 300);
  const kept = ok.length > 0 ? ok : answered;
  const first = calls[0];
  if (kept.length === 0) {
    if (first)
      losses.add(
        first.pointer,
        'response',
        'no answer recorded; the output has no schema (`flowport smoke --write-schemas` adds one from a real call)',
      );
    return { responses: { 200: { description: 'OK' } }, answers: [] };
  }
  if (ok.length === 0 && first)
    losses.add(
      first.pointer,
      'response',
      `no call succeeded (statuses ${[...new Set(answered.map((c) => c.response?.status))].join(', ')}); the statuses seen are the responses, and the output has no schema of a success`,
    );
  const byStatus = new Map<number, Exchange[]>();
  for (const c of kept) {
    const status = c.response?.status ?? 0;
    const list = byStatus.get(status);
    if (list) list.push(c);
    else byStatus.set(status, [c]);
  }
  const responses: JsonObject = {};
  const answers: JsonValue[] = [];
  let produces: string | undefined;
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    const description = REASONS[status] ?? (status < 300 ? 'OK' : `Status ${status}`);
    const mime = bare(list[0]?.response?.mimeType ?? '');
    const samples = list.map((c) => parsed(c.response?.text)).filter((v) => v !== undefined);
    if (status < 300) answers.push(...samples);
    if (samples.length > 0) {
      const { schema, notes } = schemaFromSamples(samples.slice(0, MAX_SAMPLES));
      for (const note of notes) losses.add(join(list[0]?.pointer ?? '', 'response'), 'response', note);
      responses[String(status)] = { description, schema };
    } else if (
      status !== 204 &&
      mime !== '' &&
      !isJson(mime) &&
      list.some((c) => (c.response?.text ?? '') !== '' || !isText(mime))
    ) {
      responses[String(status)] = {
        description,
        schema: isText(mime) ? { type: 'string' } : { type: 'string', format: 'binary' },
      };
      produces ??= mime;
    } else {
      responses[String(status)] = { description };
      if (status !== 204 && isJson(mime) && list.every((c) => c.response?.text === undefined))
        losses.add(
          join(list[0]?.pointer ?? '', 'response'),
          'response',
          `the recording left out the ${status} answers’ content; the output has no schema (record again with content, e.g. DevTools “Save all as HAR with content”)`,
        );
    }
  }
  return { responses, answers, ...(produces && { produces }) };
}
