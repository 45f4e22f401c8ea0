import type { Rule } from '../../rule.ts';
import additionalPropertyNotAllowed from './additional-property-not-allowed.ts';
import connectorFileMissing from './connector-file-missing.ts';
import connectorFileName from './connector-file-name.ts';
import extensionNameMisspelled from './extension-name-misspelled.ts';
import extensionNameNotValid from './extension-name-not-valid.ts';
import jsonDuplicateKey from './json-duplicate-key.ts';
import jsonStrict from './json-strict.ts';
import jsonSyntax from './json-syntax.ts';
import jsonTypeIncorrect from './json-type-incorrect.ts';
import rootPropertyRequired from './root-property-required.ts';
import specificationVersionIncorrect from './specification-version-incorrect.ts';
import swaggerFileTooLarge from './swagger-file-too-large.ts';
import swaggerTextTooLong from './swagger-text-too-long.ts';
import tagRedefined from './tag-redefined.ts';

export default [
  jsonSyntax,
  jsonStrict,
  jsonDuplicateKey,
  connectorFileMissing,
  connectorFileName,
  rootPropertyRequired,
  specificationVersionIncorrect,
  jsonTypeIncorrect,
  additionalPropertyNotAllowed,
  extensionNameNotValid,
  extensionNameMisspelled,
  tagRedefined,
  swaggerFileTooLarge,
  swaggerTextTooLong,
] satisfies Rule[] as Rule[];
