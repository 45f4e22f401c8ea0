import type { JsonObject } from '../connector/json.ts';
import type { Losses } from './loss.ts';
import type { SwaggerParts } from './openapi3.ts';

export function postmanRequestCount(_collection: JsonObject): number {
  return 0;
}

export function convertPostman(_collection: JsonObject, _losses: Losses): SwaggerParts {
  return { swagger: { swagger: '2.0', info: {}, paths: {} }, connectionParameters: {}, policies: [] };
}
