import { describe, expect, it } from 'vitest';
import { messages, pointers, runRule, withOperation } from '../../testing.ts';
import operationUnknown from './policy-operation-unknown.ts';
import parameters from './policy-template-parameters.ts';
import templateUnknown from './policy-template-unknown.ts';

const files = (...policies: unknown[]) => ({
  swagger: withOperation({}),
  apiProperties: { properties: { iconBrandColor: '#123456', policyTemplateInstances: policies } },
});
const setHeader = (extra: Record<string, unknown> = {}) => ({
  templateId: 'setheader',
  title: 'Set content type',
  parameters: {
    'x-ms-apimTemplateParameter.name': 'Content-Type',
    'x-ms-apimTemplateParameter.value': 'application/json',
    'x-ms-apimTemplate-policySection': 'Request',
    ...extra,
  },
});

describe('policy-template-unknown', () => {
  it('reports an unknown and a missing template id', () => {
    expect(
      messages(templateUnknown, files({ templateId: 'setHeaders', parameters: {} }, { parameters: {} })),
    ).toEqual([
      'Policy template `setHeaders` is unknown; the instance would not be applied.',
      'Policy template instance has no `templateId`.',
    ]);
  });
  it.each([
    'setheader',
    'SetProperty',
    'dynamicHostUrl',
    'moveproperties',
    'dynamicsubdomain',
    'setconnectionstatustounauthenticated',
  ])('accepts `%s`', (templateId) => {
    expect(runRule(templateUnknown, files({ templateId, parameters: {} }))).toEqual([]);
  });
});

describe('policy-template-parameters', () => {
  it('reports missing required parameters', () => {
    const policy = {
      templateId: 'setproperty',
      parameters: { 'x-ms-apimTemplateParameter.newPropertyParentPathTemplate': '@body()' },
    };
    expect(messages(parameters, files(policy))).toEqual([
      'Policy `setproperty` lacks `x-ms-apimTemplateParameter.newPropertySubPathTemplate`, `x-ms-apimTemplateParameter.propertyValuePathTemplate`.',
    ]);
  });
  it('reports a parameter spelled in the wrong case', () => {
    const policy = {
      templateId: 'dynamichosturl',
      parameters: { 'x-ms-apimTemplateParameter.urltemplate': 'https://x' },
    };
    expect(messages(parameters, files(policy))).toEqual([
      'Policy `dynamichosturl` spells `x-ms-apimTemplateParameter.urlTemplate` as `x-ms-apimTemplateParameter.urltemplate`; parameter names are case-sensitive.',
    ]);
  });
  it('accepts a complete instance and ignores unknown templates', () => {
    expect(runRule(parameters, files(setHeader(), { templateId: 'nope' }))).toEqual([]);
  });
});

describe('policy-operation-unknown', () => {
  it('reports unknown operations and case mismatches', () => {
    const policy = setHeader({ 'x-ms-apimTemplate-operationName': ['ListTasks', 'listtasks', 'Gone'] });
    expect(messages(operationUnknown, files(policy))).toEqual([
      'Policy `Set content type` (`setheader`) lists operation `listtasks`; the operationId is `ListTasks` (case-sensitive), so the policy does not apply to it.',
      'Policy `Set content type` (`setheader`) lists operation `Gone`, which is not an operationId of the swagger.',
    ]);
    expect(pointers(operationUnknown, files(policy))[1]).toBe(
      '/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/2',
    );
  });
  it('accepts existing operations and an absent filter', () => {
    expect(
      runRule(
        operationUnknown,
        files(setHeader({ 'x-ms-apimTemplate-operationName': ['ListTasks'] }), setHeader()),
      ),
    ).toEqual([]);
  });
});
