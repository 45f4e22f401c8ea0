import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { JsonValue } from '../../connector/json.ts';
import { loadConnector } from '../../connector/load.ts';
import type { Connector, Operation } from '../../connector/model.ts';
import { withResponseSchema } from '../../convert/response-schema-edit.ts';
import { schemaFromSamples } from '../../convert/sample-schema.ts';
import { FlowportError } from '../../errors.ts';
import { createRuntime } from '../../runtime/runtime.ts';
import type { Io } from '../commands/validate.ts';
import { EXIT } from '../exit.ts';
import { type ConnectionFlags, parseConnection, parseParams, readText } from '../invoke-flags.ts';
import { isCallFailure, maskerFor } from './run.ts';

export interface ResponseSchemaFlags extends ConnectionFlags {
  sample: string[];
  status?: string;
  param: string[];
  body?: string;
  baseUrl?: string;
  allPages: boolean;
  write: boolean;
  force: boolean;
}

function sampleOf(file: string): JsonValue {
  const text = readText('--sample', file);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as JsonValue;
  } catch (cause) {
    throw new FlowportError(
      'USAGE',
      `${file} is not JSON; give an answer of the operation saved as JSON to --sample.`,
      {
        cause,
      },
    );
  }
}

/** The operation's answer, called as `flowport run` would, as the sample; its status too. */
async function calledSample(
  connector: Connector,
  operation: Operation,
  flags: ResponseSchemaFlags,
  io: Io,
): Promise<{ value: JsonValue; status: number }> {
  const connection = parseConnection(flags);
  const mask = maskerFor(connector, connection, flags.token ?? process.env.FLOWPORT_TOKEN);
  const runtime = createRuntime(connector, { ...(flags.baseUrl && { baseUrl: flags.baseUrl }) });
  try {
    const args = parseParams(operation, flags.param, flags.body);
    const result = await runtime.invoke(operation.id ?? operation.label, args, {
      connection,
      allPages: flags.allPages,
    });
    const { status, body } = result.response;
    if (!result.ok || body.kind !== 'json')
      throw new FlowportError(
        'USAGE',
        !result.ok
          ? `\`${operation.label}\` answered ${status}, not 2xx: check the arguments and the connection (\`flowport run\` shows the answer).`
          : `\`${operation.label}\` answered ${status} without a JSON body; there is no schema to infer.`,
      );
    io.stderr.write(`flowport: \`${operation.label}\` answered ${status}; its body is the sample.\n`);
    return { value: body.value, status };
  } catch (error) {
    if (isCallFailure(error)) throw new FlowportError('USAGE', mask(error.message), { cause: error });
    throw error;
  } finally {
    await runtime.close();
  }
}

/**
 * `flowport response-schema <connector> <operationId>`: infers the response schema from sample
 * answers (files, or the operation called now), prints it, and with `--write` puts it in the swagger.
 */
export async function runResponseSchema(
  connectorPath: string,
  operationId: string,
  flags: ResponseSchemaFlags,
  io: Io,
): Promise<number> {
  const connector = await loadConnector(connectorPath);
  const operation = connector.operation(operationId);
  if (!operation)
    throw new FlowportError(
      'OPERATION_NOT_FOUND',
      `The connector has no operation \`${operationId}\`; \`flowport operations ${connectorPath}\` lists them.`,
    );
  let samples: JsonValue[];
  let status = flags.status;
  if (flags.sample.length > 0) samples = flags.sample.map(sampleOf);
  else {
    const called = await calledSample(connector, operation, flags, io);
    samples = [called.value];
    status ??= String(called.status);
  }
  status ??= '200';
  if (!/^[1-5]\d\d$|^default$/.test(status))
    throw new FlowportError(
      'USAGE',
      `\`--status ${status}\` must be an HTTP status code (\`200\`) or \`default\`.`,
    );
  const { schema, notes } = schemaFromSamples(samples);
  io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  for (const note of notes) io.stderr.write(`flowport: note: ${note}\n`);
  const declared = operation.responses.find((r) => r.status === status);
  if (!flags.write) {
    io.stderr.write(
      `flowport: the schema of response \`${status}\` of \`${operation.label}\`${declared?.schema ? ' (it has one already)' : ''}; --write puts it in the swagger.\n`,
    );
    return EXIT.ok;
  }
  const file = connector.files.swagger;
  if (!file || connector.sourceType === 'zip' || !statSync(file.path, { throwIfNoEntry: false })?.isFile())
    throw new FlowportError('USAGE', '--write needs a connector folder or swagger file on disk, not a zip.');
  if (declared?.schema && !flags.force)
    throw new FlowportError(
      'USAGE',
      `Response \`${status}\` of \`${operation.label}\` has a schema already; --force replaces it (run \`flowport breaking\` after: a changed response schema can break flows).`,
    );
  const before = readFileSync(file.path, 'utf8');
  const after = withResponseSchema(before, operation, status, schema);
  if (after === undefined)
    throw new FlowportError(
      'USAGE',
      `\`${operation.label}\` has no \`responses\` object to add response \`${status}\` to; add one, then run again.`,
    );
  writeFileSync(file.path, after);
  const shared = declared?.ref
    ? ` (the shared response \`${declared.ref}\`, used by every operation that refers to it)`
    : '';
  io.stderr.write(
    `flowport: wrote the schema of response \`${status}\` of \`${operation.label}\` into ${file.name}${shared}. Add a \`description\` to each property; \`flowport validate\` lists them.\n`,
  );
  return EXIT.ok;
}
