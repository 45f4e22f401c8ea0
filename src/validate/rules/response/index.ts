import type { Rule } from '../../rule.ts';
import defaultResponseHasSchema from './default-response-has-schema.ts';
import defaultResponseOnly from './default-response-only.ts';
import responseDescriptionRequired from './response-description-required.ts';
import responseExampleMustBeProducedByOperation from './response-example-must-be-produced-by-operation.ts';
import responseHeadersAreNotUnique from './response-headers-are-not-unique.ts';
import responseMustBeDefaultOrHttpStatusCode from './response-must-be-default-or-http-status-code.ts';
import responseRefLoopNotAllowed from './response-ref-loop-not-allowed.ts';
import responseReferenceNotFound from './response-reference-not-found.ts';
import responseReferenceNotValid from './response-reference-not-valid.ts';
import responseSchemaRequired from './response-schema-required.ts';
import schemaDefinitionSetIncorrectly from './schema-definition-set-incorrectly.ts';

export default [
  defaultResponseHasSchema,
  defaultResponseOnly,
  responseDescriptionRequired,
  responseExampleMustBeProducedByOperation,
  responseHeadersAreNotUnique,
  responseMustBeDefaultOrHttpStatusCode,
  responseRefLoopNotAllowed,
  responseReferenceNotFound,
  responseReferenceNotValid,
  responseSchemaRequired,
  schemaDefinitionSetIncorrectly,
] satisfies Rule[] as Rule[];
