import { afterEach, describe, expect, it } from 'vitest';
import { compareConnectors } from '../breaking/compare.ts';
import { readFolder } from '../connector/files.ts';
import { connectorFromFiles } from '../connector/load.ts';
import { convert } from '../convert/convert.ts';
import { isFlowportError } from '../errors.ts';
import {
  type ConnectorValidator,
  createBackgroundValidator,
  inProcessValidator,
  rememberingValidator,
} from './background.ts';
import { filesDiff } from './fix-diff.ts';
import { fixFiles } from './fix-files.ts';
import { fixableSwagger } from './testing.ts';
import { validateConnector } from './validate.ts';

const tasklane = readFolder(new URL('../../examples/tasklane', import.meta.url).pathname);
const fixable = [
  {
    name: 'apiDefinition.swagger.json',
    bytes: new TextEncoder().encode(fixableSwagger('get the tasks', 'Task ID:')),
  },
];
const options = { preset: 'certification', source: 'tasklane' } as const;

/** A worker module given as source text. */
const workerOf = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

const opened: ConnectorValidator[] = [];
const open = (validator: ConnectorValidator) => {
  opened.push(validator);
  return validator;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((v) => v.close()));
});

describe('createBackgroundValidator', () => {
  it('gives the findings validateConnector gives on the calling thread', async () => {
    const validator = open(createBackgroundValidator());
    for (const files of [tasklane, fixable]) {
      const result = await validator.validate(files, options);
      const here = validateConnector(connectorFromFiles(files, { source: 'tasklane' }), {
        preset: 'certification',
      });
      expect(result).toEqual(here);
    }
  });

  it('converts an API description as convert does, and a refusal comes back as the FlowportError it was', async () => {
    const validator = open(createBackgroundValidator());
    const text = 'curl https://api.contoso.com/v1/things/42 -H "X-Api-Key: k"';
    const there = await validator.convert?.(text, { source: 'calls.sh', preset: false });
    const here = convert(text, { source: 'calls.sh', preset: false });
    expect(there?.swagger).toEqual(here.swagger);
    expect(there?.files['apiDefinition.swagger.json']).toEqual(here.files['apiDefinition.swagger.json']);
    const refused = await validator.convert?.('{"name":"x"}', { source: 'x.json' }).catch((e: unknown) => e);
    expect(isFlowportError(refused) && refused.code).toBe('CONVERT_INPUT_INVALID');
  });

  it('fixes as fixFiles does, with the diff only when asked for', async () => {
    const validator = open(createBackgroundValidator());
    const here = fixFiles(fixable, options);
    expect(here.fixed).toBeGreaterThan(0);
    const plain = await validator.fix(fixable, options);
    expect(plain).toEqual(here);
    expect(plain.diff).toBeUndefined();
    const withDiff = await validator.fix(fixable, { ...options, diff: true });
    expect(withDiff.diff).toBe(filesDiff(fixable, here.files, here.changed));
    expect(withDiff.diff).toContain('+++ b/apiDefinition.swagger.json');
  });

  it('compares two versions as compareConnectors does', async () => {
    const validator = open(createBackgroundValidator());
    const swagger = tasklane.find((f) => f.name === 'apiDefinition.swagger.json');
    const doc = JSON.parse(new TextDecoder().decode(swagger?.bytes));
    const [path] = Object.keys(doc.paths);
    delete doc.paths[path as string];
    const changed = tasklane.map((f) =>
      f === swagger ? { name: f.name, bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)) } : f,
    );
    const before = { files: tasklane, source: 'tasklane version 1' };
    const after = { files: changed, source: 'tasklane version 2' };
    const result = await validator.compare(before, after);
    expect(result).toEqual(
      compareConnectors(
        connectorFromFiles(before.files, { source: before.source }),
        connectorFromFiles(after.files, { source: after.source }),
      ),
    );
    expect(result.changes.some((c) => c.kind === 'operation-deleted')).toBe(true);
  });

  it('leaves the event loop free while the worker validates', async () => {
    // Ticks of the event loop between asking and the answer: none when the work runs on this thread.
    const ticksDuring = async (validator: ConnectorValidator) => {
      let ticks = 0;
      let running = true;
      const tick = () => {
        if (!running) return;
        ticks++;
        setImmediate(tick);
      };
      setImmediate(tick);
      await validator.validate(tasklane, options);
      running = false;
      return ticks;
    };
    expect(await ticksDuring(inProcessValidator())).toBe(0);
    expect(await ticksDuring(open(createBackgroundValidator()))).toBeGreaterThan(0);
  });

  it('answers requests made at once, each with its own result', async () => {
    const validator = open(createBackgroundValidator());
    const [a, b, c] = await Promise.all([
      validator.validate(tasklane, options),
      validator.validate(fixable, options),
      validator.validate(tasklane, { preset: 'recommended', source: 'other' }),
    ]);
    expect(a?.source).toBe('tasklane');
    expect(b?.diagnostics.some((d) => d.edit)).toBe(true);
    expect(c?.preset).toBe('recommended');
    expect(c?.source).toBe('other');
  });

  it('validates on the calling thread once its worker is lost, after saying so', async () => {
    const lost: Error[] = [];
    const validator = open(
      createBackgroundValidator({ worker: workerOf('process.exit(3)'), onLost: (e) => lost.push(e) }),
    );
    const here = validateConnector(connectorFromFiles(tasklane, { source: 'tasklane' }), {
      preset: 'certification',
    });
    expect(await validator.validate(tasklane, options)).toEqual(here);
    expect(await validator.validate(tasklane, options)).toEqual(here);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.message).toMatch(/exit code 3/);
  });

  it('validates on the calling thread when its worker cannot start', async () => {
    const lost: Error[] = [];
    const validator = open(
      createBackgroundValidator({
        worker: new URL('file:///no/such/flowport-worker.mjs'),
        onLost: (e) => lost.push(e),
      }),
    );
    const result = await validator.validate(fixable, options);
    expect(result.diagnostics.some((d) => d.edit)).toBe(true);
    expect(lost).toHaveLength(1);
  });

  it('rejects with the worker’s error, keeping a flowport error code', async () => {
    const validator = open(
      createBackgroundValidator({
        worker: workerOf(
          `const { parentPort } = await import('node:worker_threads');
           parentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: { message: 'bad config', code: 'CONFIG_INVALID' } }));`,
        ),
      }),
    );
    const error = await validator.validate(tasklane, options).catch((e: unknown) => e);
    expect(isFlowportError(error) && error.code).toBe('CONFIG_INVALID');
    expect((error as Error).message).toBe('bad config');
  });

  it('refuses work once closed', async () => {
    const validator = createBackgroundValidator();
    await validator.validate(fixable, options);
    await validator.close();
    await expect(validator.validate(fixable, options)).rejects.toThrow(/closed/);
  });
});

describe('rememberingValidator', () => {
  /** An inner validator that counts its validations. */
  function counting() {
    const inner = inProcessValidator();
    const calls: string[] = [];
    const validator: ConnectorValidator = {
      ...inner,
      validate: (files, o) => {
        calls.push(`${o.preset}:${o.source}`);
        return inner.validate(files, o);
      },
    };
    return { validator, calls };
  }

  it('validates the same files, preset and source once', async () => {
    const { validator, calls } = counting();
    const remembering = rememberingValidator(validator);
    const first = await remembering.validate(tasklane, options);
    expect(await remembering.validate([...tasklane].reverse(), options)).toBe(first);
    expect(calls).toHaveLength(1);
    await remembering.validate(tasklane, { ...options, preset: 'recommended' });
    await remembering.validate(tasklane, { ...options, source: 'elsewhere' });
    const changed = tasklane.map((f) =>
      f.name === 'readme.md' ? { name: f.name, bytes: new TextEncoder().encode('# Changed') } : f,
    );
    await remembering.validate(changed, options);
    expect(calls).toHaveLength(4);
  });

  it('forgets the least recently used beyond its size, and failures at once', async () => {
    const { validator, calls } = counting();
    const remembering = rememberingValidator(validator, 2);
    const a = { ...options, source: 'a' };
    const b = { ...options, source: 'b' };
    const c = { ...options, source: 'c' };
    await remembering.validate(fixable, a);
    await remembering.validate(fixable, b);
    await remembering.validate(fixable, a); // a is now the most recent
    await remembering.validate(fixable, c); // drops b
    await remembering.validate(fixable, a);
    expect(calls).toEqual(['certification:a', 'certification:b', 'certification:c']);
    await remembering.validate(fixable, b);
    expect(calls.at(-1)).toBe('certification:b');

    let fail = true;
    const flaky = rememberingValidator({
      ...inProcessValidator(),
      validate: (files, o) =>
        fail ? Promise.reject(new Error('down')) : inProcessValidator().validate(files, o),
    });
    await expect(flaky.validate(fixable, a)).rejects.toThrow('down');
    fail = false;
    await expect(flaky.validate(fixable, a)).resolves.toMatchObject({ source: 'a' });
  });
});
