import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { apiPropertiesCompletions } from './api-properties-help.ts';

const labels = (text: string) => {
  const offset = text.indexOf('|');
  const doc = TextDocument.create('file:///c/apiProperties.json', 'json', 1, text.replace('|', ''));
  return apiPropertiesCompletions(doc, offset).map((c) => c.label);
};

describe('apiProperties.json completion', () => {
  it('offers the keys of properties that are not there yet', () => {
    const found = labels('{ "properties": { "iconBrandColor": "#123456", "|" } }');
    expect(found).toContain('connectionParameters');
    expect(found).toContain('policyTemplateInstances');
    expect(found).not.toContain('iconBrandColor');
  });

  it("offers a connection parameter's keys, its uiDefinition's, constraints' and oAuthSettings'", () => {
    expect(labels('{ "properties": { "connectionParameters": { "api_key": { "|" } } } }')).toEqual([
      'type',
      'uiDefinition',
      'oAuthSettings',
      'allowedValues',
      'defaultValue',
    ]);
    expect(
      labels('{ "properties": { "connectionParameters": { "k": { "uiDefinition": { "|" } } } } }'),
    ).toContain('constraints');
    expect(
      labels(
        '{ "properties": { "connectionParameters": { "k": { "uiDefinition": { "constraints": { "|" } } } } } }',
      ),
    ).toEqual(['required', 'hidden', 'clearText', 'tabIndex', 'allowedValues']);
    expect(
      labels('{ "properties": { "connectionParameters": { "token": { "oAuthSettings": { "|" } } } } }'),
    ).toContain('identityProvider');
    // The same in a set of connection parameters (multi-auth).
    expect(
      labels(
        '{ "properties": { "connectionParameterSets": { "values": [ { "parameters": { "k": { "|" } } } ] } } }',
      ),
    ).toContain('type');
  });

  it('offers the values validation accepts', () => {
    expect(labels('{ "properties": { "connectionParameters": { "k": { "type": "|" } } } }')).toEqual([
      'string',
      'securestring',
      'int',
      'bool',
      'oauthSetting',
      'gatewaySetting',
    ]);
    expect(
      labels(
        '{ "properties": { "connectionParameters": { "token": { "oAuthSettings": { "identityProvider": "|" } } } } }',
      ),
    ).toContain('oauth2generic');
    expect(labels('{ "properties": { "capabilities": [ "|" ] } }')).toContain('triggers');
    expect(labels('{ "properties": { "publisher": "|" } }')).toEqual([]);
  });
});
