import { connectorFromFiles } from '../connector/load.ts';
import type { ConnectorKind } from '../connector/model.ts';
import { type Diagnostic, summarize } from './diagnostic.ts';
import { runRules, type ValidationResult } from './engine.ts';
import type { Rule } from './rule.ts';

/** Files of an in-memory connector for rule tests; objects are serialised with 2-space indents. */
export interface TestFiles {
  readonly swagger?: unknown;
  readonly apiProperties?: unknown;
  readonly readme?: string;
  readonly intro?: string;
  readonly script?: string;
  readonly icon?: Uint8Array;
  readonly settings?: unknown;
  readonly kind?: ConnectorKind;
}

const encoder = new TextEncoder();
const asBytes = (v: unknown) =>
  v instanceof Uint8Array ? v : encoder.encode(typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** Runs one rule over an in-memory connector and returns its findings. */
export function runRule(rule: Rule, files: TestFiles): Diagnostic[] {
  const names: [keyof TestFiles, string][] = [
    ['swagger', 'apiDefinition.swagger.json'],
    ['apiProperties', 'apiProperties.json'],
    ['readme', 'readme.md'],
    ['intro', 'intro.md'],
    ['script', 'script.csx'],
    ['icon', 'icon.png'],
    ['settings', 'settings.json'],
  ];
  const raw = names
    .filter(([k]) => files[k] !== undefined)
    .map(([k, name]) => ({ name, bytes: asBytes(files[k]) }));
  const connector = connectorFromFiles(raw, { source: 'test', kind: files.kind ?? 'unknown' });
  const result = runRules(connector, [{ rule, severity: rule.severity }], 'recommended');
  return [...result.diagnostics];
}

/** Messages of one rule's findings, for table-driven tests. */
export function messages(rule: Rule, files: TestFiles): string[] {
  return runRule(rule, files).map((d) => d.message);
}

/** Pointers of one rule's findings. */
export function pointers(rule: Rule, files: TestFiles): (string | undefined)[] {
  return runRule(rule, files).map((d) => d.pointer);
}

/** A small, valid swagger document to start rule tests from; `extra` is merged at the top level. */
export function swagger(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: {
      title: 'Contoso Tasks',
      description:
        'Contoso Tasks keeps the to-do lists of small teams and lets flows create and close tasks.',
      version: '1.0',
      contact: {
        name: 'Contoso Support',
        url: 'https://contoso.example.com/support',
        email: 'support@contoso.example.com',
      },
    },
    host: 'api.contoso.example.com',
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {},
    definitions: {},
    ...extra,
  };
}

/** A swagger with one operation at `path`/`method`, merged with `op`. */
export function withOperation(
  op: Record<string, unknown>,
  path = '/tasks',
  method = 'get',
  extra: Record<string, unknown> = {},
) {
  return swagger({
    paths: {
      [path]: {
        [method]: {
          operationId: 'ListTasks',
          summary: 'List tasks',
          description: 'Lists the tasks of the current user.',
          responses: { '200': { description: 'OK', schema: { type: 'array', items: { type: 'string' } } } },
          ...op,
        },
      },
    },
    ...extra,
  });
}

/**
 * A swagger `--fix` has changes for: `GET /tasks/{id}` with `summary`, and a path parameter without
 * `x-ms-url-encoding` whose `x-ms-summary` is `parameterSummary`. Serialised with `indent` spaces.
 */
export function fixableSwagger(summary: string, parameterSummary: string, indent = 2): string {
  const doc = {
    swagger: '2.0',
    info: { title: 'Tasks', description: 'Manage tasks.', version: '1.0' },
    host: 'api.example.com',
    paths: {
      '/tasks/{id}': {
        get: {
          operationId: 'GetTask',
          summary,
          parameters: [
            { name: 'id', in: 'path', required: true, type: 'string', 'x-ms-summary': parameterSummary },
          ],
          responses: { 200: { description: 'OK' } },
        },
      },
    },
  };
  return `${JSON.stringify(doc, null, indent)}\n`;
}

/** A warning with every field set, for reporter tests; `over` replaces some of them. */
export function sampleDiagnostic(over: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId: 'operation-summary-missing',
    microsoftId: undefined,
    category: 'operation',
    severity: 'warning',
    message: 'Operation `ListTasks` has no `summary`.',
    fix: 'Add a `summary`.',
    fileKind: 'swagger',
    file: 'tasks/apiDefinition.swagger.json',
    pointer: '/paths/~1tasks/get',
    line: 12,
    column: 7,
    length: 5,
    ...over,
  };
}

/** A `certification` result of `source` holding `diagnostics`, for reporter tests. */
export function sampleResult(source: string, diagnostics: readonly Diagnostic[]): ValidationResult {
  return { source, preset: 'certification', diagnostics, summary: summarize(diagnostics) };
}
