import type { Rule } from '../../rule.ts';
import allowEmptyValueOnlyValidForQueryFormData from './allow-empty-value-only-valid-for-query-form-data.ts';
import bodyParameterPropertyNotValid from './body-parameter-property-not-valid.ts';
import bodyParameterSchemaRequired from './body-parameter-schema-required.ts';
import collectionFormatValueNotSupported from './collection-format-value-not-supported.ts';
import connectionIdParameterNotAllowed from './connection-id-parameter-not-allowed.ts';
import fileParameterMustBeInFormData from './file-parameter-must-be-in-form-data.ts';
import headerParameterNameNotValid from './header-parameter-name-not-valid.ts';
import invalidFormDataParameterName from './invalid-form-data-parameter-name.ts';
import nonBodyParameterSchemaNotValid from './non-body-parameter-schema-not-valid.ts';
import operationMissingPathParameter from './operation-missing-path-parameter.ts';
import operationParametersAreNotUnique from './operation-parameters-are-not-unique.ts';
import operationParametersContainDuplicateParameter from './operation-parameters-contain-duplicate-parameter.ts';
import operationParametersContainMultipleBodyParameters from './operation-parameters-contain-multiple-body-parameters.ts';
import parameterDescriptionRequired from './parameter-description-required.ts';
import parameterDescriptionSentence from './parameter-description-sentence.ts';
import parameterInNotValid from './parameter-in-not-valid.ts';
import parameterInRequired from './parameter-in-required.ts';
import parameterInternalRequiredDefault from './parameter-internal-required-default.ts';
import parameterListContainsFormDataAndBody from './parameter-list-contains-form-data-and-body.ts';
import parameterNameRequired from './parameter-name-required.ts';
import parameterRefLoopNotAllowed from './parameter-ref-loop-not-allowed.ts';
import parameterReferenceNotFound from './parameter-reference-not-found.ts';
import parameterReferenceNotValid from './parameter-reference-not-valid.ts';
import parameterSummaryCharacters from './parameter-summary-characters.ts';
import parameterSummaryEqualsDescription from './parameter-summary-equals-description.ts';
import parameterSummaryRequired from './parameter-summary-required.ts';
import parameterSummaryTitleCase from './parameter-summary-title-case.ts';
import parameterSummaryTooLong from './parameter-summary-too-long.ts';
import parameterTypeRequired from './parameter-type-required.ts';
import parameterUrlEncodingNotValid from './parameter-url-encoding-not-valid.ts';
import parameterVisibilityNotValid from './parameter-visibility-not-valid.ts';
import parametersWithSameNameMustHaveSameTypeAndVisibility from './parameters-with-same-name-must-have-same-type-and-visibility.ts';
import pathParameterMissingEncoding from './path-parameter-missing-encoding.ts';
import pathParameterMustBeRequired from './path-parameter-must-be-required.ts';
import pathParameterNotDefinedInTemplate from './path-parameter-not-defined-in-template.ts';
import pathParametersContainDuplicateParameter from './path-parameters-contain-duplicate-parameter.ts';
import pathParametersContainMultipleBodyParameters from './path-parameters-contain-multiple-body-parameters.ts';
import queryParameterEncodingNotSupported from './query-parameter-encoding-not-supported.ts';
import reservedParameterIsUsed from './reserved-parameter-is-used.ts';
import stringBinaryNotSupportedForFormUrlEncoded from './string-binary-not-supported-for-form-url-encoded.ts';

export default [
  allowEmptyValueOnlyValidForQueryFormData,
  bodyParameterPropertyNotValid,
  bodyParameterSchemaRequired,
  collectionFormatValueNotSupported,
  connectionIdParameterNotAllowed,
  fileParameterMustBeInFormData,
  headerParameterNameNotValid,
  invalidFormDataParameterName,
  nonBodyParameterSchemaNotValid,
  operationMissingPathParameter,
  operationParametersAreNotUnique,
  operationParametersContainDuplicateParameter,
  operationParametersContainMultipleBodyParameters,
  parameterDescriptionRequired,
  parameterDescriptionSentence,
  parameterInNotValid,
  parameterInRequired,
  parameterInternalRequiredDefault,
  parameterListContainsFormDataAndBody,
  parameterNameRequired,
  parameterRefLoopNotAllowed,
  parameterReferenceNotFound,
  parameterReferenceNotValid,
  parameterSummaryCharacters,
  parameterSummaryEqualsDescription,
  parameterSummaryRequired,
  parameterSummaryTitleCase,
  parameterSummaryTooLong,
  parameterTypeRequired,
  parameterUrlEncodingNotValid,
  parameterVisibilityNotValid,
  parametersWithSameNameMustHaveSameTypeAndVisibility,
  pathParameterMissingEncoding,
  pathParameterMustBeRequired,
  pathParameterNotDefinedInTemplate,
  pathParametersContainDuplicateParameter,
  pathParametersContainMultipleBodyParameters,
  queryParameterEncodingNotSupported,
  reservedParameterIsUsed,
  stringBinaryNotSupportedForFormUrlEncoded,
] satisfies Rule[] as Rule[];
