import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { policyInstanceCompletions } from './policy-instance-help.ts';

const OPERATIONS = ['ListTasks', 'CreateTask'];

const items = (text: string) => {
  const offset = text.indexOf('|');
  const doc = TextDocument.create('file:///c/apiProperties.json', 'json', 1, text.replace('|', ''));
  return policyInstanceCompletions(doc, offset, () => OPERATIONS);
};
const labels = (text: string) => items(text).map((c) => c.label);
const instance = (inside: string) => `{ "properties": { "policyTemplateInstances": [ ${inside} ] } }`;

describe('policy template instance completion', () => {
  it("offers an instance's keys that are not there yet", () => {
    expect(labels(instance('{ "templateId": "setheader", "|" }'))).toEqual(['title', 'parameters']);
  });

  it('offers the parameters its template reads, marking those the validator requires', () => {
    const found = items(instance('{ "templateId": "setheader", "parameters": { "|" } }'));
    expect(found.map((c) => c.label)).toEqual([
      'x-ms-apimTemplateParameter.name',
      'x-ms-apimTemplateParameter.value',
      'x-ms-apimTemplateParameter.existsAction',
      'x-ms-apimTemplate-policySection',
      'x-ms-apimTemplate-operationName',
    ]);
    const doc = (label: string) => {
      const d = found.find((c) => c.label === label)?.documentation;
      return typeof d === 'object' ? d.value : d;
    };
    expect(doc('x-ms-apimTemplateParameter.name')).toBe('Required for `setheader`.');
    expect(doc('x-ms-apimTemplateParameter.existsAction')).toBe('Optional for `setheader`.');
    expect(doc('x-ms-apimTemplate-policySection')).toMatch(
      /^Where it runs: `Request`, `Response`, `Failure`; `Request` when absent\. Required\.$/,
    );
    // Those written already are not offered again; other templates have their own.
    expect(
      labels(
        instance(
          '{ "templateId": "dynamichosturl", "parameters": { "x-ms-apimTemplateParameter.urlTemplate": "x", "|" } }',
        ),
      ),
    ).toEqual(['x-ms-apimTemplate-policySection', 'x-ms-apimTemplate-operationName']);
    expect(labels(instance('{ "templateId": "pollingtrigger", "parameters": { "|" } }'))).toEqual([
      'x-ms-apimTemplateParameter.triggerConfig',
      'x-ms-apimTemplateParameter.triggerDataPath',
      'x-ms-apimTemplate-operationName',
    ]);
    // Without a known template, the general keys only.
    expect(labels(instance('{ "parameters": { "|" } }'))).toEqual([
      'x-ms-apimTemplate-policySection',
      'x-ms-apimTemplate-operationName',
    ]);
  });

  it("offers the template's sections, existsAction's values and the connector's operations", () => {
    expect(
      labels(
        instance('{ "templateId": "setproperty", "parameters": { "x-ms-apimTemplate-policySection": | } }'),
      ),
    ).toEqual(['Request', 'Response']);
    expect(
      labels(
        instance(
          '{ "templateId": "setheader", "parameters": { "x-ms-apimTemplateParameter.existsAction": "|" } }',
        ),
      ),
    ).toEqual(['override', 'skip', 'append']);
    expect(
      labels(
        instance(
          '{ "templateId": "setheader", "parameters": { "x-ms-apimTemplate-operationName": [ "|" ] } }',
        ),
      ),
    ).toEqual(OPERATIONS);
    expect(labels('{ "properties": { "scriptOperations": [ "ListTasks", | ] } }')).toEqual(OPERATIONS);
  });

  it('offers nothing elsewhere', () => {
    expect(labels('{ "properties": { "iconBrandColor": "|" } }')).toEqual([]);
    expect(
      labels(
        instance('{ "templateId": "setheader", "parameters": { "x-ms-apimTemplateParameter.name": "|" } }'),
      ),
    ).toEqual([]);
  });
});
