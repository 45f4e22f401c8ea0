import { describe, expect, it } from 'vitest';
import { connectorFromFiles } from '../../connector/load.ts';
import { swaggerUnreliable } from './swagger-root.ts';

const connector = (text?: string) =>
  connectorFromFiles(
    text === undefined ? [] : [{ name: 'apiDefinition.swagger.json', bytes: new TextEncoder().encode(text) }],
    { source: 'test' },
  );

describe('swaggerUnreliable', () => {
  it('is true without a swagger file, for an empty one and for broken JSON', () => {
    expect(swaggerUnreliable(connector())).toBe(true);
    expect(swaggerUnreliable(connector(' '))).toBe(true);
    expect(swaggerUnreliable(connector('{"swagger": "2.0" "info": {}}'))).toBe(true);
  });
  it('is false for JSON the Power Platform reads, comments and trailing commas included', () => {
    expect(swaggerUnreliable(connector('{"swagger": "2.0"}'))).toBe(false);
    expect(swaggerUnreliable(connector('{"swagger": "2.0", // note\n "info": {}}'))).toBe(false);
    expect(swaggerUnreliable(connector('{"swagger": "2.0",}'))).toBe(false);
  });
});
