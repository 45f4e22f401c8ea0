import type { Rule } from '../../rule.ts';
import dynamicExtensionDefinitionNotAllowedInParameter from './dynamic-extension-definition-not-allowed-in-parameter.ts';
import dynamicListExtensionRequiredForAmbiguousReferences from './dynamic-list-extension-required-for-ambiguous-references.ts';
import dynamicListExtensionRequiredForNonParameterReferences from './dynamic-list-extension-required-for-non-parameter-references.ts';
import dynamicListParameterInvalid from './dynamic-list-parameter-invalid.ts';
import dynamicOperationNotFound from './dynamic-operation-not-found.ts';
import dynamicPropertiesExtensionRequiredForAmbiguousReferences from './dynamic-properties-extension-required-for-ambiguous-references.ts';
import dynamicPropertiesExtensionRequiredForNonParameterReferences from './dynamic-properties-extension-required-for-non-parameter-references.ts';
import dynamicPropertiesExtensionRequiredForPropertiesValuePath from './dynamic-properties-extension-required-for-properties-value-path.ts';
import dynamicPropertiesItemValuePathMismatch from './dynamic-properties-item-value-path-mismatch.ts';
import dynamicTreeExtensionMissing from './dynamic-tree-extension-missing.ts';
import dynamicValuesOperationRequired from './dynamic-values-operation-required.ts';
import invokedOperationShouldProduceArray from './invoked-operation-should-produce-array.ts';
import invokedOperationShouldProduceProperty from './invoked-operation-should-produce-property.ts';
import operationMissingRequiredProperty from './operation-missing-required-property.ts';
import operationParameterNameIsAmbiguous from './operation-parameter-name-is-ambiguous.ts';
import operationParameterNameNotFound from './operation-parameter-name-not-found.ts';
import operationParameterRequiredMismatch from './operation-parameter-required-mismatch.ts';
import operationParameterStaticTypeMismatch from './operation-parameter-static-type-mismatch.ts';
import operationParameterTypeMismatch from './operation-parameter-type-mismatch.ts';
import selectedItemValuePathNotAllowedInThisPosition from './selected-item-value-path-not-allowed-in-this-position.ts';
import sourcePropertyInternal from './source-property-internal.ts';

export default [
  dynamicExtensionDefinitionNotAllowedInParameter,
  dynamicListExtensionRequiredForAmbiguousReferences,
  dynamicListExtensionRequiredForNonParameterReferences,
  dynamicPropertiesExtensionRequiredForAmbiguousReferences,
  dynamicPropertiesExtensionRequiredForNonParameterReferences,
  dynamicPropertiesExtensionRequiredForPropertiesValuePath,
  dynamicPropertiesItemValuePathMismatch,
  dynamicTreeExtensionMissing,
  invokedOperationShouldProduceArray,
  invokedOperationShouldProduceProperty,
  operationMissingRequiredProperty,
  operationParameterNameIsAmbiguous,
  operationParameterNameNotFound,
  operationParameterRequiredMismatch,
  operationParameterStaticTypeMismatch,
  operationParameterTypeMismatch,
  selectedItemValuePathNotAllowedInThisPosition,
  sourcePropertyInternal,
  dynamicValuesOperationRequired,
  dynamicOperationNotFound,
  dynamicListParameterInvalid,
] satisfies Rule[] as Rule[];
