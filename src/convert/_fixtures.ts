import type { JsonObject } from '../connector/json.ts';
import { createOas3Context, type Oas3Context } from './context.ts';
import { createLosses } from './loss.ts';

/** An OpenAPI 3 context over a document with the given component schemas, for unit tests. */
export function testContext(schemas: JsonObject = {}, extra: JsonObject = {}): Oas3Context {
  return createOas3Context({ openapi: '3.0.3', components: { schemas }, ...extra }, createLosses());
}
