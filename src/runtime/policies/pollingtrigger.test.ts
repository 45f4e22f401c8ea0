import { describe, expect, it } from 'vitest';
import { FlowportError } from '../../errors.ts';
import pollingtrigger, {
  evaluateTriggerState,
  isPollingTrigger,
  triggerItems,
  triggerNextLinkProperty,
} from './pollingtrigger.ts';
import setheader from './setheader.ts';
import { compiled, diagnosticsOf, instance, instancesFrom } from './testing.ts';

const [graphSecurity, feathery] = instancesFrom([
  {
    templateId: 'pollingtrigger',
    type: 'PollingTrigger',
    title: 'Polling trigger for new alerts',
    parameters: {
      'x-ms-apimTemplate-operationName': ['OnAllNewAlerts'],
      'x-ms-apimTemplateParameter.triggerConfig': {
        $filter: 'lastModifiedDateTime gt @{triggerBody().value[0].lastModifiedDateTime}',
      },
      'x-ms-apimTemplateParameter.triggerDataPath': '@triggerBody().value',
    },
  },
  {
    templateId: 'PollingTrigger',
    type: 'PollingTrigger',
    title: 'Feathery submissions',
    parameters: {
      'x-ms-apimTemplateParameter.triggerConfig': {
        last_requested_at: '@{triggerBody().requested_at}',
        'x-ms-triggerConfig-nextLink': 'next',
      },
      'x-ms-apimTemplateParameter.triggerDataPath': '@triggerBody().results',
    },
  },
]);

describe('pollingtrigger', () => {
  it('compiles the MicrosoftGraphSecurity trigger into the trigger section without hooks', () => {
    const policy = compiled(pollingtrigger, graphSecurity!);
    expect(policy.section).toBe('trigger');
    expect(policy.request).toBeUndefined();
    expect(policy.response).toBeUndefined();
    expect(isPollingTrigger(policy)).toBe(true);
    expect(policy.appliesTo('OnAllNewAlerts')).toBe(true);
  });

  it('computes the next filter from the newest item', () => {
    const policy = compiled(pollingtrigger, graphSecurity!);
    const body = {
      value: [
        { lastModifiedDateTime: '2024-05-02T10:00:00Z' },
        { lastModifiedDateTime: '2024-05-01T00:00:00Z' },
      ],
    };
    expect(evaluateTriggerState(policy, body)).toEqual({
      $filter: 'lastModifiedDateTime gt 2024-05-02T10:00:00Z',
    });
    expect(triggerItems(policy, body)).toHaveLength(2);
  });

  it('gives no state when there are no trigger items', () => {
    const policy = compiled(pollingtrigger, graphSecurity!);
    expect(evaluateTriggerState(policy, { value: [] })).toBeUndefined();
    expect(evaluateTriggerState(policy, {})).toBeUndefined();
    expect(triggerItems(policy, { value: 'x' })).toEqual([]);
  });

  it('reads a root-level value and the next-link key (Feathery Forms)', () => {
    const policy = compiled(pollingtrigger, feathery!);
    expect(evaluateTriggerState(policy, { requested_at: 'T', results: [{}] })).toEqual({
      last_requested_at: 'T',
    });
    expect(triggerNextLinkProperty(policy)).toBe('next');
    expect(triggerNextLinkProperty(compiled(pollingtrigger, graphSecurity!))).toBe('@odata.nextLink');
  });

  it('leaves out a key whose expression fails, so the previous value is kept', () => {
    const policy = compiled(
      pollingtrigger,
      instance('pollingtrigger', {
        triggerConfig: { after: '@{triggerBody().files[0].meta.created}', per_page: '1' },
        triggerDataPath: '@triggerBody().files',
      }),
    );
    expect(evaluateTriggerState(policy, { files: [{ meta: null }] })).toEqual({ per_page: '1' });
  });

  it('refuses a policy of another template', () => {
    const other = compiled(setheader, instance('setheader', { name: 'a', value: 'b' }));
    expect(() => triggerItems(other, {})).toThrow(FlowportError);
  });

  for (const [name, p] of [
    ['a missing trigger configuration', { triggerDataPath: '@triggerBody().value' }],
    [
      'a trigger configuration that is not an object',
      { triggerConfig: 'since', triggerDataPath: '@triggerBody().value' },
    ],
    ['a missing data path', { triggerConfig: { since: 'x' } }],
    [
      'a non-text configuration value',
      { triggerConfig: { since: 3 }, triggerDataPath: '@triggerBody().value' },
    ],
    [
      'a bad configuration expression',
      { triggerConfig: { since: '@{triggerBody().value[0]' }, triggerDataPath: '@triggerBody().value' },
    ],
  ] as const) {
    it(`reports ${name}`, () => {
      expect(diagnosticsOf(pollingtrigger, instance('pollingtrigger', p))).toHaveLength(1);
    });
  }
});
