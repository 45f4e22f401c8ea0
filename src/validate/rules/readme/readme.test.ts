import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../../connector/load.ts';
import { runRules } from '../../engine.ts';
import { messages, runRule, swagger, withOperation } from '../../testing.ts';
import deployment from './readme-deployment-instructions.ts';
import imageLinks from './readme-image-links.ts';
import missing from './readme-missing.ts';
import oauth from './readme-oauth-credentials.ts';
import coverage from './readme-operations-coverage.ts';
import publisherMatch from './readme-publisher-match.ts';
import sections from './readme-sections.ts';

const apiKey = {
  api_key: { type: 'securestring', uiDefinition: { displayName: 'API key', description: 'Key.' } },
};
const props = (properties: Record<string, unknown> = {}) => ({
  properties: {
    iconBrandColor: '#da3b01',
    publisher: 'Jane Doe',
    connectionParameters: apiKey,
    ...properties,
  },
});
const TEMPLATE = `# Contoso Tasks
Contoso Tasks keeps the to-do lists of small teams.

## Publisher: Jane Doe

## Prerequisites
A Contoso account.

## Supported Operations
### List tasks
Lists the tasks of the current user.

## Obtaining Credentials
Copy the API key from the Contoso settings page.

## Known Issues and Limitations
None.

## Deployment Instructions
Run \`paconn create\`.
`;
const files = (
  readme: string | undefined,
  properties: Record<string, unknown> = {},
  swaggerDoc = withOperation({}),
) => ({
  swagger: swaggerDoc,
  apiProperties: props(properties),
  ...(readme !== undefined && { readme }),
});

describe('readme-missing', () => {
  it('reports a connector without readme', () => {
    expect(messages(missing, files(undefined))).toEqual(['The connector has no `readme.md`.']);
  });
  it('accepts a readme', () => {
    expect(runRule(missing, files(TEMPLATE))).toEqual([]);
  });
  it('accepts a certification package, which carries intro.md instead', () => {
    const connector = connectorFromFiles([
      { name: 'apiProperties.json', bytes: new TextEncoder().encode('{"properties":{}}') },
      { name: 'intro.md', bytes: new TextEncoder().encode('Contoso.') },
    ]);
    const zip = { ...connector, sourceType: 'zip' as const };
    expect(runRules(zip, [{ rule: missing, severity: 'error' }], 'certification').diagnostics).toEqual([]);
  });
});

describe('readme-sections', () => {
  it('reports every missing section', () => {
    expect(messages(sections, files('## Supported Operations\n### List tasks\n'))).toEqual([
      'The readme has no `# <Title>` heading with the connector name.',
      'The readme has no `## Publisher: <name>` section.',
      'The readme has no `## Prerequisites` section.',
      'The readme has no `## Obtaining Credentials` section.',
      'The readme has no `## Known Issues and Limitations` section.',
    ]);
  });
  it('accepts the spellings certified readmes use, at any heading level', () => {
    const readme = [
      '## Contoso Tasks Connector',
      '# Publisher',
      '### Jane Doe',
      '## Pre-requisites',
      '# Supported Actions',
      '## How to get credentials?',
      '### Known limitations',
    ].join('\n\n');
    expect(runRule(sections, files(readme))).toEqual([]);
  });
  it('does not ask for credentials when the connector needs none', () => {
    const readme = TEMPLATE.replace('## Obtaining Credentials', '## Notes');
    expect(runRule(sections, files(readme, { connectionParameters: {} }))).toEqual([]);
  });
  it('accepts the template', () => {
    expect(runRule(sections, files(TEMPLATE))).toEqual([]);
  });
});

describe('readme-deployment-instructions', () => {
  it('reports a readme without deployment section', () => {
    expect(messages(deployment, files(TEMPLATE.replace('## Deployment Instructions', '## Notes')))).toEqual([
      'The readme has no `## Deployment Instructions` section.',
    ]);
  });
  it('accepts a deployment section', () => {
    expect(
      runRule(
        deployment,
        files(TEMPLATE.replace('## Deployment Instructions', '## Deploying the connector')),
      ),
    ).toEqual([]);
  });
});

describe('readme-publisher-match', () => {
  it('reports a different publisher with its line', () => {
    const [d] = runRule(publisherMatch, files(TEMPLATE, { publisher: 'Contoso Ltd' }));
    expect(d?.message).toBe(
      'The readme names the publisher `Jane Doe` but `apiProperties.json` says `Contoso Ltd`.',
    );
    expect(d?.line).toBe(4);
  });
  it.each(["Publisher: Publisher's Name", "Publisher's Name"])(
    'reports the template placeholder `%s`',
    (heading) => {
      const readme = TEMPLATE.replace('Publisher: Jane Doe', `${heading}\n\nJane Doe`);
      expect(messages(publisherMatch, files(readme))).toEqual([
        "The readme still names the template's `Publisher's Name`; `apiProperties.json` says `Jane Doe`.",
      ]);
    },
  );
  it.each([
    ['accents and "and"', '## Publisher: Clément Olivier & Michał Nowak', 'Clement Olivier and Michal Nowak'],
    ['the name below the heading', '## Publisher\n\n### Jane Doe', 'Jane Doe'],
    ['a longer company name', '## Publisher: Contoso', 'Contoso, Inc.'],
  ])('accepts %s', (_name, heading, publisher) => {
    const readme = TEMPLATE.replace('## Publisher: Jane Doe', heading);
    expect(runRule(publisherMatch, files(readme, { publisher }))).toEqual([]);
  });
  it.each([
    ['a readme of headings and paragraphs', TEMPLATE],
    ['a readme with an image', `${TEMPLATE}\n![Screenshot](shot.png)\n`],
  ])('reads the name from the paragraph below the heading in %s', (_name, template) => {
    const readme = template.replace('## Publisher: Jane Doe', '## Publisher\n\nContoso Ltd');
    const [d] = runRule(publisherMatch, files(readme));
    expect(d?.message).toBe(
      'The readme names the publisher `Contoso Ltd` but `apiProperties.json` says `Jane Doe`.',
    );
    expect(d?.line).toBe(6);
  });
});

describe('readme-operations-coverage', () => {
  const twoOps = swagger({
    paths: {
      '/tasks': {
        get: { operationId: 'ListTasks', summary: 'List tasks', responses: {} },
        post: { operationId: 'CreateTask', summary: 'Create a task', responses: {} },
      },
      '/internal': {
        get: { operationId: 'Ping', summary: 'Ping', 'x-ms-visibility': 'internal', responses: {} },
      },
    },
  });
  it('names operations the section does not mention', () => {
    const [d] = runRule(coverage, files(TEMPLATE, {}, twoOps));
    expect(d?.message).toBe(
      "The readme's Supported Operations section does not mention 1 of 3 operations: `Create a task`.",
    );
    expect(d?.line).toBe(9);
  });
  it('accepts synonyms, plurals, operationIds and skips internal operations', () => {
    const readme = TEMPLATE.replace('### List tasks', '- **Retrieve tasks**\n- `CreateTask` adds one');
    expect(runRule(coverage, files(readme, {}, twoOps))).toEqual([]);
  });
  it('leaves a readme without the section to readme-sections', () => {
    expect(runRule(coverage, files('# Contoso\n', {}, twoOps))).toEqual([]);
  });
});

describe('readme-image-links', () => {
  const run = (readme: string, others: string[]) => {
    const encoder = new TextEncoder();
    const connector = connectorFromFiles(
      [
        { name: 'readme.md', bytes: encoder.encode(readme) },
        ...others.map((name) => ({ name, bytes: new Uint8Array() })),
      ],
      { source: 'c' },
    );
    return runRules(connector, [{ rule: imageLinks, severity: 'warning' }], 'certification').diagnostics.map(
      (d) => [d.message, d.line],
    );
  };
  it('reports missing and wrong-case images', () => {
    const readme = '# X\n\n![run](./FlowRun.png)\n\n<img src="test.PNG" width="300">\n';
    expect(run(readme, ['test.png'])).toEqual([
      ['The readme shows image `./FlowRun.png`, which is not in the connector folder.', 3],
      [
        'The readme shows image `test.PNG` but the file is named `test.png`; GitHub and the docs site match names case-sensitively.',
        5,
      ],
    ]);
  });
  it('accepts present files and skips URLs and sub-folders it cannot see', () => {
    const readme =
      '![a](a.png) ![b](https://x.example.com/b.png) ![c](images/c.png) ![d](../d.png) ![e](data:image/png;base64,AA)';
    expect(run(readme, ['a.png'])).toEqual([]);
  });
});

describe('readme-oauth-credentials', () => {
  const oauthProps = {
    connectionParameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'oauth2' } } },
  };
  it('reports an OAuth connector whose readme does not explain the app registration', () => {
    expect(messages(oauth, files(TEMPLATE, oauthProps))).toEqual([
      "The connector signs in with OAuth, but the readme's credentials section does not explain how to register the OAuth app.",
    ]);
  });
  it('accepts registration steps', () => {
    const readme = TEMPLATE.replace(
      'Copy the API key from the Contoso settings page.',
      '1. Register an app in the Contoso developer portal.\n2. Add the redirect URL `https://global.consent.azure-apim.net/redirect`.\n3. Copy the client ID and client secret.',
    );
    expect(runRule(oauth, files(readme, oauthProps))).toEqual([]);
  });
  it('ignores connectors without OAuth', () => {
    expect(runRule(oauth, files(TEMPLATE))).toEqual([]);
  });
});
