import type { Rule } from '../../rule.ts';
import duplicateOperationPath from './duplicate-operation-path.ts';
import operationPathContainsUnsupportedCharacters from './operation-path-contains-unsupported-characters.ts';
import operationPathMayNotContainQueryOrFragment from './operation-path-may-not-contain-query-or-fragment.ts';
import operationPathMustStartWithSlash from './operation-path-must-start-with-slash.ts';
import operationPathTemplateNotValid from './operation-path-template-not-valid.ts';
import operationPathVariablesContainDefaults from './operation-path-variables-contain-defaults.ts';
import partialDuplicateOperationPath from './partial-duplicate-operation-path.ts';
import pathItemEmpty from './path-item-empty.ts';
import pathItemRefNotSupported from './path-item-ref-not-supported.ts';
import pathItemUnknownKey from './path-item-unknown-key.ts';
import pathRedefined from './path-redefined.ts';

export default [
  operationPathMustStartWithSlash,
  operationPathMayNotContainQueryOrFragment,
  operationPathContainsUnsupportedCharacters,
  operationPathTemplateNotValid,
  operationPathVariablesContainDefaults,
  pathRedefined,
  duplicateOperationPath,
  partialDuplicateOperationPath,
  pathItemRefNotSupported,
  pathItemEmpty,
  pathItemUnknownKey,
] satisfies Rule[] as Rule[];
