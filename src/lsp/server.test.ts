import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL } from './code-actions.ts';
import { inProcessClient, type TestClient, uri } from './testing.ts';

const example = new URL('../../examples/tasklane', import.meta.url).pathname;
const STATUS = '"description": "Only return tasks with this status.",';

let client: TestClient | undefined;
afterEach(() => client?.dispose());

/** A workspace holding a copy of the example connector, where the certification preset applies. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'flowport-lsp-'));
  const folder = join(root, 'certified-connectors', 'Tasklane');
  cpSync(example, folder, { recursive: true });
  const swagger = join(folder, 'apiDefinition.swagger.json');
  return { root, folder, swagger, text: readFileSync(swagger, 'utf8') };
}

async function started(root: string, initializationOptions?: unknown) {
  client = inProcessClient();
  const init = await client.initialize({ rootPath: root, initializationOptions });
  return { client, init };
}

describe('flowport lsp', () => {
  it('says what it can do', async () => {
    const { root } = workspace();
    const { init } = await started(root);
    expect(init.serverInfo?.name).toBe('flowport');
    expect(init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', FIX_ALL] });
  });

  it("publishes the findings of the editor's unsaved text, at their place, with the rule and its page", async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    client.open(swagger, text.replace(STATUS, '"description": "Only return tasks with this status",'));
    const found = await client.diagnostics(swagger);
    const d = found.find((x) => x.code === 'parameter-description-sentence');
    const line = text.split('\n').findIndex((l) => l.includes(STATUS));
    expect(d?.range.start.line).toBe(line);
    expect(d?.source).toBe('flowport');
    expect(d?.severity).toBeGreaterThan(0);
    expect(d?.codeDescription?.href).toMatch(/\/docs\/rules\/parameter-description-sentence\.md$/);
    // The file on disk was not changed: the finding comes from the open text alone.
    expect(readFileSync(swagger, 'utf8')).toBe(text);
  });

  it('clears findings once the text is right again, and publishes the other files of the connector too', async () => {
    const { root, folder, swagger, text } = workspace();
    const { client } = await started(root);
    client.open(swagger, text.replace(STATUS, '"description": "Only return tasks with this status",'));
    expect((await client.diagnostics(swagger)).length).toBeGreaterThan(0);
    // The readme is not open, but it is part of the connector: its (empty) findings are published.
    expect(await client.diagnostics(join(folder, 'readme.md'))).toEqual([]);
    client.change(swagger, text, 2);
    expect(await client.diagnostics(swagger, { accept: (p) => p.version === 2 })).toEqual([]);
  });

  it('offers the --fix change as a quick fix, and all of them as fix-all', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    const broken = text.replace(STATUS, '"description": "Only return tasks with this status",');
    client.open(swagger, broken);
    const found = await client.diagnostics(swagger);
    const d = found.filter((x) => x.code === 'parameter-description-sentence');
    const actions = await client.codeActions(swagger, d);
    const quick = actions.find((a) => a.kind === 'quickfix');
    expect(quick?.title).toMatch(/^Fix parameter-description-sentence/);
    const document = TextDocument.create(uri(swagger), 'json', 1, broken);
    expect(TextDocument.applyEdits(document, quick?.edit?.changes?.[uri(swagger)] ?? [])).toBe(text);
    const all = actions.find((a) => a.kind === FIX_ALL);
    expect(all?.title).toBe('Fix all 1 fixable flowport finding in this file');
    expect(TextDocument.applyEdits(document, all?.edit?.changes?.[uri(swagger)] ?? [])).toBe(text);
    // Asked only for fix-all (as editors do on save): no quick fixes.
    const onSave = await client.codeActions(swagger, [], [FIX_ALL]);
    expect(onSave.map((a) => a.kind)).toEqual([FIX_ALL]);
  });

  it('offers no fix for findings of an older text', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    client.open(swagger, text.replace(STATUS, '"description": "Only return tasks with this status",'));
    const d = (await client.diagnostics(swagger)).filter((x) => x.code === 'parameter-description-sentence');
    client.change(swagger, `\n${text}`, 2);
    expect(await client.codeActions(swagger, d)).toEqual([]);
  });

  it('reports malformed JSON at its place and keeps serving', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    const broken = text.replace('"x-ms-summary": "Status",', '"x-ms-summary": "Status"');
    client.open(swagger, broken);
    const found = await client.diagnostics(swagger);
    const syntax = found.find((d) => String(d.code).startsWith('json-'));
    expect(syntax?.message).toMatch(/comma/);
    expect(syntax?.range.start.line).toBe(
      broken.split('\n').findIndex((l) => l.includes('"x-ms-summary": "Status"')) + 1,
    );
    client.change(swagger, text, 2);
    expect(await client.diagnostics(swagger, { accept: (p) => p.version === 2 })).toEqual([]);
  });

  it('shows the findings of a missing file on the swagger', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowport-lsp-'));
    const folder = join(root, 'certified-connectors', 'Tasklane');
    mkdirSync(folder, { recursive: true });
    const swagger = join(folder, 'apiDefinition.swagger.json');
    const text = readFileSync(join(example, 'apiDefinition.swagger.json'), 'utf8');
    writeFileSync(swagger, text);
    const { client } = await started(root);
    client.open(swagger, text);
    const found = await client.diagnostics(swagger);
    const missing = found.find((d) => d.code === 'readme-missing');
    expect(missing?.range.start).toEqual({ line: 0, character: 0 });
  });

  it('applies flowport.config.json, and names a malformed one without stopping', async () => {
    const { root, swagger, text } = workspace();
    const broken = text.replace(STATUS, '"description": "Only return tasks with this status",');
    writeFileSync(
      join(root, 'flowport.config.json'),
      JSON.stringify({ rules: { 'parameter-description-sentence': 'off' } }),
    );
    const { client } = await started(root);
    client.open(swagger, broken);
    expect((await client.diagnostics(swagger)).map((d) => d.code)).not.toContain(
      'parameter-description-sentence',
    );
    client.close(swagger);

    writeFileSync(join(root, 'flowport.config.json'), JSON.stringify({ rulez: {} }));
    client.open(swagger, broken, 3);
    // Closing validated the file on disk too: the findings of the text opened again are version 3's.
    const found = await client.diagnostics(swagger, { accept: (p) => p.version === 3 });
    expect(found.map((d) => d.code)).toContain('parameter-description-sentence');
    expect(client.messages.at(-1)?.message).toMatch(/flowport\.config\.json: unknown key `rulez`/);
  });

  it('honours the preset the editor passes', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root, { preset: 'recommended' });
    // Certification asks for sentences; recommended does not (see the tests above for the default).
    client.open(swagger, text.replace(STATUS, '"description": "Only return tasks with this status",'));
    expect((await client.diagnostics(swagger)).map((d) => d.code)).not.toContain(
      'parameter-description-sentence',
    );
  });

  it("names a wrong preset and goes on with the folder's own", async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root, { preset: 'certfication' });
    expect(client.messages.at(-1)?.message).toMatch(/`preset` is "certfication"; use one of/);
    client.open(swagger, text.replace(STATUS, '"description": "Only return tasks with this status",'));
    expect((await client.diagnostics(swagger)).map((d) => d.code)).toContain(
      'parameter-description-sentence',
    );
  });

  it('leaves files that are no connector alone', async () => {
    const { root, swagger, text } = workspace();
    const notes = join(root, 'notes.json');
    writeFileSync(notes, '{ "a": 1, }');
    const { client } = await started(root);
    // A readme alone is any project's, not a connector's.
    const readme = join(root, 'README.md');
    writeFileSync(readme, '# Notes\n');
    client.open(notes, '{ "a": 1, }');
    client.open(readme, '# Notes\n');
    client.open(swagger, text);
    await client.diagnostics(swagger);
    expect(client.published.map((p) => p.uri)).not.toContain(uri(notes));
    expect(client.published.map((p) => p.uri)).not.toContain(uri(readme));
  });

  it('answers outline, go-to-definition and references for an open swagger, and only for a swagger', async () => {
    const { root, folder, swagger, text } = workspace();
    const { client } = await started(root);
    client.open(swagger, text);
    const readme = join(folder, 'readme.md');
    client.open(readme, readFileSync(readme, 'utf8'));
    const c = client.connection;
    const symbols = await c.sendRequest<{ name: string }[]>('textDocument/documentSymbol', {
      textDocument: { uri: uri(swagger) },
    });
    expect(symbols.map((s) => s.name)).toContain('definitions');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"#/definitions/ProjectList"'));
    const character = (lines[line] ?? '').indexOf('#/definitions/ProjectList');
    const target = await c.sendRequest<{ range: { start: { line: number } } } | null>(
      'textDocument/definition',
      {
        textDocument: { uri: uri(swagger) },
        position: { line, character },
      },
    );
    expect(target?.range.start.line).toBe(lines.findIndex((l) => l.startsWith('    "ProjectList": {')));
    const uses = await c.sendRequest<unknown[]>('textDocument/references', {
      textDocument: { uri: uri(swagger) },
      position: { line, character },
      context: { includeDeclaration: false },
    });
    expect(uses).toHaveLength(1);
    expect(
      await c.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(readme) } }),
    ).toEqual([]);
  });

  it('validates again when a settings file is saved, or a closed connector file changes on disk', async () => {
    const { root, folder, swagger, text } = workspace();
    const { client } = await started(root);
    const broken = text.replace(STATUS, '"description": "Only return tasks with this status",');
    client.open(swagger, broken);
    expect((await client.diagnostics(swagger)).map((d) => d.code)).toContain(
      'parameter-description-sentence',
    );

    const config = join(root, 'flowport.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'parameter-description-sentence': 'off' } }));
    let since = client.published.length;
    client.open(config, readFileSync(config, 'utf8'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uri(config) } });
    expect((await client.diagnostics(swagger, { since })).map((d) => d.code)).not.toContain(
      'parameter-description-sentence',
    );

    // The readme is not open: a change on disk (a branch switched) arrives as a watched-file event.
    const readme = join(folder, 'readme.md');
    writeFileSync(readme, '# Tasklane\n');
    since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri(readme), type: 2 }],
    });
    expect((await client.diagnostics(readme, { since })).length).toBeGreaterThan(0);

    // A connector no file of which was opened is left alone.
    const other = join(root, 'certified-connectors', 'Other');
    cpSync(example, other, { recursive: true });
    writeFileSync(join(other, 'readme.md'), '# Other\n');
    since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(join(other, 'readme.md')), type: 2 },
        { uri: uri(readme), type: 2 },
      ],
    });
    await client.diagnostics(readme, { since });
    expect(client.published.slice(since).map((p) => p.uri)).not.toContain(uri(join(other, 'readme.md')));
  });

  it('completes and explains x-ms extensions in an open swagger', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    const typed = text.replace('"x-ms-visibility": "advanced"', '"x-ms-visibility": "advanced", ""');
    client.open(swagger, typed);
    const lines = typed.split('\n');
    const line = lines.findIndex((l) => l.includes('"x-ms-visibility": "advanced", ""'));
    const character = (lines[line] ?? '').lastIndexOf('""') + 1;
    const items = await client.connection.sendRequest<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri: uri(swagger) },
      position: { line, character },
    });
    expect(items.map((i) => i.label)).toContain('x-ms-url-encoding');
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>(
      'textDocument/hover',
      {
        textDocument: { uri: uri(swagger) },
        position: { line, character: (lines[line] ?? '').indexOf('x-ms-visibility') + 2 },
      },
    );
    expect(hover?.contents.value).toMatch(/^\*\*x-ms-visibility\*\*/);
  });

  it('renames a definition with its $refs, and says why it will not rename to a taken name', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    client.open(swagger, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('    "ProjectList": {'));
    const position = { line, character: 6 };
    const c = client.connection;
    const prepared = await c.sendRequest<{ placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: uri(swagger) },
      position,
    });
    expect(prepared.placeholder).toBe('ProjectList');
    const edit = await c.sendRequest<{ changes: Record<string, unknown[]> }>('textDocument/rename', {
      textDocument: { uri: uri(swagger) },
      position,
      newName: 'Projects',
    });
    expect(edit.changes[uri(swagger)]).toHaveLength(
      1 + (text.split('"#/definitions/ProjectList"').length - 1),
    );
    await expect(
      c.sendRequest('textDocument/rename', {
        textDocument: { uri: uri(swagger) },
        position,
        newName: 'Task',
      }),
    ).rejects.toThrow('`definitions` already has `Task`; choose another name.');
  });

  it("completes the operations a policy instance lists from the connector's swagger on disk", async () => {
    const { root, folder, text } = workspace();
    const { client } = await started(root);
    const properties = join(folder, 'apiProperties.json');
    const value = JSON.parse(readFileSync(properties, 'utf8'));
    value.properties.policyTemplateInstances = [
      { templateId: 'setheader', parameters: { 'x-ms-apimTemplate-operationName': ['CURSOR'] } },
    ];
    const typed = JSON.stringify(value, null, 2).replace('"CURSOR"', '""');
    client.open(properties, typed);
    const lines = typed.split('\n');
    const line = lines.findIndex((l) => l.trim() === '""');
    const items = await client.connection.sendRequest<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri: uri(properties) },
      position: { line, character: (lines[line] ?? '').indexOf('""') + 1 },
    });
    const paths = JSON.parse(text).paths as Record<string, Record<string, { operationId?: string }>>;
    const declared = Object.values(paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (typeof op?.operationId === 'string' ? [op.operationId] : [])),
    );
    expect(declared.length).toBeGreaterThan(2);
    expect(items.map((i) => i.label)).toEqual(declared);
  });

  it('takes an operation named in apiProperties.json to the swagger on disk, and says what it is on hover', async () => {
    const { root, folder, swagger, text } = workspace();
    const { client } = await started(root);
    const properties = join(folder, 'apiProperties.json');
    const value = JSON.parse(readFileSync(properties, 'utf8'));
    value.properties.scriptOperations = ['GetTask'];
    const typed = JSON.stringify(value, null, 2);
    client.open(properties, typed);
    const lines = typed.split('\n');
    const line = lines.findIndex((l) => l.includes('"GetTask"'));
    const position = { line, character: (lines[line] ?? '').indexOf('GetTask') + 1 };
    const target = await client.connection.sendRequest<{ uri: string; range: { start: { line: number } } }>(
      'textDocument/definition',
      { textDocument: { uri: uri(properties) }, position },
    );
    expect(target.uri).toBe(uri(swagger));
    expect(target.range.start.line).toBe(
      text.split('\n').findIndex((l) => l.includes('"operationId": "GetTask"')) - 1,
    );
    const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: uri(properties) },
      position,
    });
    expect(hover.contents.value).toMatch(/^\*\*GetTask\*\* · `GET \/tasks\/\{taskId\}`/);
  });

  it("shows flowport.config.json's mistakes as typed, and clears them when it closes", async () => {
    const { root } = workspace();
    const { client } = await started(root);
    const config = join(root, 'flowport.config.json');
    client.open(config, '{ "rules": { "consumes-missing": "loud" } }');
    const found = await client.diagnostics(config);
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/^`rules.consumes-missing` must be/)]);
    const since = client.published.length;
    client.close(config);
    expect(await client.diagnostics(config, { since })).toEqual([]);
  });

  it('offers the rename a misspelt extension suggests, never as fix-all', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    const misspelt = text.replaceAll('"x-ms-visibility"', '"x-ms-visibilty"');
    client.open(swagger, misspelt);
    const found = (await client.diagnostics(swagger)).filter((d) => d.code === 'extension-name-misspelled');
    expect(found).toHaveLength(1);
    const actions = await client.codeActions(swagger, found);
    const rename = actions.find((a) => a.title.startsWith('Rename'));
    expect(rename?.isPreferred).toBeUndefined();
    const document = TextDocument.create(uri(swagger), 'json', 1, misspelt);
    expect(TextDocument.applyEdits(document, rename?.edit?.changes?.[uri(swagger)] ?? [])).toBe(text);
    expect((await client.codeActions(swagger, [], [FIX_ALL])).map((a) => a.kind)).not.toContain(FIX_ALL);
  });

  it('offers removing the overridden member of a duplicated key, never as fix-all', async () => {
    const { root, swagger, text } = workspace();
    const { client } = await started(root);
    const duplicated = text.replace('"swagger": "2.0",', '"swagger": "1.0",\n  "swagger": "2.0",');
    expect(duplicated).not.toBe(text);
    client.open(swagger, duplicated);
    const found = (await client.diagnostics(swagger)).filter((d) => d.code === 'json-duplicate-key');
    expect(found).toHaveLength(1);
    const actions = await client.codeActions(swagger, found);
    const remove = actions.find((a) => a.title.startsWith('Remove the earlier'));
    expect(remove?.title).toBe('Remove the earlier `swagger` (the one no JSON reader keeps)');
    const document = TextDocument.create(uri(swagger), 'json', 1, duplicated);
    expect(TextDocument.applyEdits(document, remove?.edit?.changes?.[uri(swagger)] ?? [])).toBe(text);
    expect((await client.codeActions(swagger, [], [FIX_ALL])).map((a) => a.kind)).not.toContain(FIX_ALL);
  });
});
