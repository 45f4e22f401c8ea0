import type { Rule } from '../../rule.ts';
import apiAnnotationExtensionReplacementInfoForNonDeprecatedOperations from './api-annotation-extension-replacement-info-for-non-deprecated-operations.ts';
import apiAnnotationExtensionReplacementInfoMissingApiProperty from './api-annotation-extension-replacement-info-missing-api-property.ts';
import apiAnnotationExtensionReplacementInfoMissingOperationIdProperty from './api-annotation-extension-replacement-info-missing-operation-id-property.ts';
import bodyOrFormDataParameterInFetchOperationNotAllowed from './body-or-form-data-parameter-in-fetch-operation-not-allowed.ts';
import consumesMissing from './consumes-missing.ts';
import mimeTypeNotSupported from './mime-type-not-supported.ts';
import mimeTypeNotValid from './mime-type-not-valid.ts';
import operationDeprecatedLabel from './operation-deprecated-label.ts';
import operationDescriptionDiffersFromSummary from './operation-description-differs-from-summary.ts';
import operationDescriptionRequired from './operation-description-required.ts';
import operationFamilyHasDuplicateRevisions from './operation-family-has-duplicate-revisions.ts';
import operationFamilyHasManyActiveOperations from './operation-family-has-many-active-operations.ts';
import operationFamilyHasManyActiveProductionOperations from './operation-family-has-many-active-production-operations.ts';
import operationFamilyHasManyEmptyRevisions from './operation-family-has-many-empty-revisions.ts';
import operationHasManyResponsesWithSchema from './operation-has-many-responses-with-schema.ts';
import operationIdNotUnique from './operation-id-not-unique.ts';
import operationIdNotUniqueIgnoringCase from './operation-id-not-unique-ignoring-case.ts';
import operationIdRequired from './operation-id-required.ts';
import operationIdSanitized from './operation-id-sanitized.ts';
import operationIdShouldEndWithRevision from './operation-id-should-end-with-revision.ts';
import operationIdTooLong from './operation-id-too-long.ts';
import operationIdUnderscore from './operation-id-underscore.ts';
import operationMustHaveResponse from './operation-must-have-response.ts';
import operationReferenceNotFound from './operation-reference-not-found.ts';
import operationRevisionEmpty from './operation-revision-empty.ts';
import operationShouldHaveSuccessfulResponse from './operation-should-have-successful-response.ts';
import operationStatusAheadOfConnector from './operation-status-ahead-of-connector.ts';
import operationSummaryCharacters from './operation-summary-characters.ts';
import operationSummaryEnd from './operation-summary-end.ts';
import operationSummaryLength from './operation-summary-length.ts';
import operationSummaryRequired from './operation-summary-required.ts';
import operationSummarySentenceCase from './operation-summary-sentence-case.ts';
import operationSummaryTooLong from './operation-summary-too-long.ts';
import operationTriggerNotInEnum from './operation-trigger-not-in-enum.ts';
import operationVisibilityMissing from './operation-visibility-missing.ts';
import operationVisibilityNotInEnum from './operation-visibility-not-in-enum.ts';
import restrictedCharactersInSummary from './restricted-characters-in-summary.ts';
import totalOperationsCountExceedsMaxAllowed from './total-operations-count-exceeds-max-allowed.ts';

export default [
  operationIdRequired,
  apiAnnotationExtensionReplacementInfoForNonDeprecatedOperations,
  apiAnnotationExtensionReplacementInfoMissingApiProperty,
  apiAnnotationExtensionReplacementInfoMissingOperationIdProperty,
  bodyOrFormDataParameterInFetchOperationNotAllowed,
  consumesMissing,
  mimeTypeNotSupported,
  mimeTypeNotValid,
  operationDeprecatedLabel,
  operationDescriptionDiffersFromSummary,
  operationDescriptionRequired,
  operationFamilyHasDuplicateRevisions,
  operationFamilyHasManyActiveOperations,
  operationFamilyHasManyActiveProductionOperations,
  operationFamilyHasManyEmptyRevisions,
  operationHasManyResponsesWithSchema,
  operationIdNotUnique,
  operationIdNotUniqueIgnoringCase,
  operationIdSanitized,
  operationIdShouldEndWithRevision,
  operationIdTooLong,
  operationIdUnderscore,
  operationMustHaveResponse,
  operationReferenceNotFound,
  operationRevisionEmpty,
  operationShouldHaveSuccessfulResponse,
  operationStatusAheadOfConnector,
  operationSummaryCharacters,
  operationSummaryEnd,
  operationSummaryLength,
  operationSummaryRequired,
  operationSummarySentenceCase,
  operationSummaryTooLong,
  operationTriggerNotInEnum,
  operationVisibilityMissing,
  operationVisibilityNotInEnum,
  restrictedCharactersInSummary,
  totalOperationsCountExceedsMaxAllowed,
] satisfies Rule[] as Rule[];
