import { describe, expect, it } from 'vitest';
import { memoryConnector } from '../runtime/testing.ts';
import { descriptionForModel, nameForModel, requiresConfirmation } from './ai-extensions.ts';

function operation(raw: Record<string, unknown>) {
  const connector = memoryConnector({
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    paths: { '/x': { post: { operationId: 'Send', responses: { '200': { description: 'OK' } }, ...raw } } },
  });
  return connector.operation('Send')!;
}

describe('what a connector tells AI models', () => {
  it.each([
    [{ 'x-ms-require-user-confirmation': true }, true],
    [{ 'x-ms-require-user-confirmation': 'true' }, false],
    [
      {
        'x-ms-openai-data': { operations: [{ operationId: 'Send', 'x-ms-require-user-confirmation': true }] },
      },
      true,
    ],
    // An entry for another operation, or asking for no confirmation, does not apply.
    [
      {
        'x-ms-openai-data': {
          operations: [{ operationId: 'Other', 'x-ms-require-user-confirmation': true }],
        },
      },
      false,
    ],
    [
      {
        'x-ms-openai-data': {
          operations: [{ operationId: 'Send', 'x-ms-require-user-confirmation': false }],
        },
      },
      false,
    ],
    [{ 'x-ms-openai-data': { operations: 'all' } }, false],
    [{}, false],
  ])('%j asks for confirmation: %s', (raw, expected) => {
    expect(requiresConfirmation(operation(raw))).toBe(expected);
  });

  it('reads the name and description for models, ignoring blank ones', () => {
    expect(nameForModel({ 'x-ms-name-for-model': ' send_sms ' })).toBe('send_sms');
    expect(nameForModel({ 'x-ms-name-for-model': '  ' })).toBeUndefined();
    expect(descriptionForModel({ 'x-ms-description-for-model': 'Sends one SMS.' })).toBe('Sends one SMS.');
    expect(descriptionForModel({ 'x-ms-description-for-model': 7 })).toBeUndefined();
  });
});
