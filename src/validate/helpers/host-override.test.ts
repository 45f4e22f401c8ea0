import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swagger } from '../testing.ts';
import { hostOverridden } from './host-override.ts';

const encode = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'OK' } } });
const doc = swagger({ paths: { '/a': { get: op('A') }, '/b': { get: op('B') } } });

function connector(policies: unknown[], script?: string) {
  const files = [
    { name: 'apiDefinition.swagger.json', bytes: encode(doc) },
    { name: 'apiProperties.json', bytes: encode({ properties: { policyTemplateInstances: policies } }) },
  ];
  if (script) files.push({ name: 'script.csx', bytes: encode(script) });
  return connectorFromFiles(files, { source: 'test' });
}
const hostUrl = (operations?: string[]) => ({
  templateId: 'dynamichosturl',
  parameters: {
    'x-ms-apimTemplateParameter.urlTemplate': "https://@connectionParameters('host')",
    ...(operations && { 'x-ms-apimTemplate-operationName': operations }),
  },
});

describe('hostOverridden', () => {
  it('is true when a dynamichosturl policy applies to all operations', () => {
    expect(hostOverridden(connector([hostUrl()]))).toBe(true);
  });
  it('is true when policies list every operation', () => {
    expect(hostOverridden(connector([hostUrl(['A']), hostUrl(['b'])]))).toBe(true);
  });
  it('is true when custom code runs for every operation', () => {
    expect(hostOverridden(connector([], 'public class Script : ScriptBase {}'))).toBe(true);
  });
  it('is false when some operation still calls the swagger host', () => {
    expect(hostOverridden(connector([hostUrl(['A'])]))).toBe(false);
    expect(hostOverridden(connector([]))).toBe(false);
  });
});
