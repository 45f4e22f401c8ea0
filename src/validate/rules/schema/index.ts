import type { Rule } from '../../rule.ts';
import additionalPropertyNotAllowedAdjacentToRef from './additional-property-not-allowed-adjacent-to-ref.ts';
import arrayDuplicateValue from './array-duplicate-value.ts';
import arrayHasNoItems from './array-has-no-items.ts';
import bodySchemaCountExceedsMaxAllowed from './body-schema-count-exceeds-max-allowed.ts';
import defaultValueMustMatchType from './default-value-must-match-type.ts';
import definitionUnused from './definition-unused.ts';
import discriminatorMustBeARequiredStringProperty from './discriminator-must-be-a-required-string-property.ts';
import duplicateEnumValuesInExtension from './duplicate-enum-values-in-extension.ts';
import emptyObjectSchema from './empty-object-schema.ts';
import enumMustContainAtLeastOneElement from './enum-must-contain-at-least-one-element.ts';
import exampleValueMismatch from './example-value-mismatch.ts';
import exclusiveMaximumRequiresMaximum from './exclusive-maximum-requires-maximum.ts';
import exclusiveMinimumRequiresMinimum from './exclusive-minimum-requires-minimum.ts';
import filterFunctionsPropertyEmpty from './filter-functions-property-empty.ts';
import filterFunctionsPropertyHasDuplicates from './filter-functions-property-has-duplicates.ts';
import filterFunctionsPropertyInInputSchema from './filter-functions-property-in-input-schema.ts';
import filterFunctionsPropertyInvalidValue from './filter-functions-property-invalid-value.ts';
import internalPropertyWithDefaultOptional from './internal-property-with-default-optional.ts';
import invalidCustomEditorExtensionDictionaryValue from './invalid-custom-editor-extension-dictionary-value.ts';
import invalidEnumValue from './invalid-enum-value.ts';
import invalidEnumValuesExtensionValue from './invalid-enum-values-extension-value.ts';
import invalidStringBinaryProperty from './invalid-string-binary-property.ts';
import jsonPointerNotValid from './json-pointer-not-valid.ts';
import maxItemsMustBeGreaterThanOrEqualToZero from './max-items-must-be-greater-than-or-equal-to-zero.ts';
import maxLengthMustBeGreaterThanOrEqualToZero from './max-length-must-be-greater-than-or-equal-to-zero.ts';
import maxPropertiesMustBeGreaterThanOrEqualToZero from './max-properties-must-be-greater-than-or-equal-to-zero.ts';
import minItemsMustBeGreaterThanOrEqualToZero from './min-items-must-be-greater-than-or-equal-to-zero.ts';
import minItemsShouldBeLessThanOrEqualToMaxItems from './min-items-should-be-less-than-or-equal-to-max-items.ts';
import minLengthMustBeGreaterThanOrEqualToZero from './min-length-must-be-greater-than-or-equal-to-zero.ts';
import minLengthShouldBeLessThanOrEqualToMaxLength from './min-length-should-be-less-than-or-equal-to-max-length.ts';
import minPropertiesMustBeGreaterThanOrEqualToZero from './min-properties-must-be-greater-than-or-equal-to-zero.ts';
import minimumShouldBeLessThanOrEqualToMaximum from './minimum-should-be-less-than-or-equal-to-maximum.ts';
import missingEnumValuesDisplayName from './missing-enum-values-display-name.ts';
import multipleOfMustBeGreaterThanZero from './multiple-of-must-be-greater-than-zero.ts';
import operationSchemaCountExceedsMaxAllowed from './operation-schema-count-exceeds-max-allowed.ts';
import patternLooksLikeFormatOrLiteral from './pattern-looks-like-format-or-literal.ts';
import patternShouldBeValidRegularExpression from './pattern-should-be-valid-regular-expression.ts';
import propertyMustBeRequired from './property-must-be-required.ts';
import requiredLoopInSchemaNotAllowed from './required-loop-in-schema-not-allowed.ts';
import requiredPropertyArrayEmpty from './required-property-array-empty.ts';
import requiredPropertyDefinitionMissing from './required-property-definition-missing.ts';
import requiredPropertyNotOnObject from './required-property-not-on-object.ts';
import requiredReadOnlyPropertyNotAllowedAsInput from './required-read-only-property-not-allowed-as-input.ts';
import requiredValueEmpty from './required-value-empty.ts';
import responsePropertySummaryRequired from './response-property-summary-required.ts';
import schemaRefLoopNotAllowed from './schema-ref-loop-not-allowed.ts';
import schemaReferenceNotFound from './schema-reference-not-found.ts';
import schemaReferenceNotValid from './schema-reference-not-valid.ts';
import schemaTooDeep from './schema-too-deep.ts';
import schemaTypeFileNotValid from './schema-type-file-not-valid.ts';
import schemaVisibilityNotInEnum from './schema-visibility-not-in-enum.ts';
import swaggerKeywordNotSupported from './swagger-keyword-not-supported.ts';
import totalSchemaCountExceedsMaxAllowed from './total-schema-count-exceeds-max-allowed.ts';
import uniqueItemsNotSupported from './unique-items-not-supported.ts';
import unrecognizedTypeFormat from './unrecognized-type-format.ts';

export default [
  additionalPropertyNotAllowedAdjacentToRef,
  arrayDuplicateValue,
  arrayHasNoItems,
  bodySchemaCountExceedsMaxAllowed,
  defaultValueMustMatchType,
  definitionUnused,
  discriminatorMustBeARequiredStringProperty,
  duplicateEnumValuesInExtension,
  emptyObjectSchema,
  enumMustContainAtLeastOneElement,
  exampleValueMismatch,
  exclusiveMaximumRequiresMaximum,
  exclusiveMinimumRequiresMinimum,
  filterFunctionsPropertyEmpty,
  filterFunctionsPropertyHasDuplicates,
  filterFunctionsPropertyInInputSchema,
  filterFunctionsPropertyInvalidValue,
  internalPropertyWithDefaultOptional,
  invalidCustomEditorExtensionDictionaryValue,
  invalidEnumValue,
  invalidEnumValuesExtensionValue,
  invalidStringBinaryProperty,
  jsonPointerNotValid,
  maxItemsMustBeGreaterThanOrEqualToZero,
  maxLengthMustBeGreaterThanOrEqualToZero,
  maxPropertiesMustBeGreaterThanOrEqualToZero,
  minItemsMustBeGreaterThanOrEqualToZero,
  minItemsShouldBeLessThanOrEqualToMaxItems,
  minLengthMustBeGreaterThanOrEqualToZero,
  minLengthShouldBeLessThanOrEqualToMaxLength,
  minPropertiesMustBeGreaterThanOrEqualToZero,
  minimumShouldBeLessThanOrEqualToMaximum,
  missingEnumValuesDisplayName,
  multipleOfMustBeGreaterThanZero,
  operationSchemaCountExceedsMaxAllowed,
  patternLooksLikeFormatOrLiteral,
  patternShouldBeValidRegularExpression,
  propertyMustBeRequired,
  requiredLoopInSchemaNotAllowed,
  requiredPropertyArrayEmpty,
  requiredPropertyDefinitionMissing,
  requiredPropertyNotOnObject,
  requiredReadOnlyPropertyNotAllowedAsInput,
  requiredValueEmpty,
  responsePropertySummaryRequired,
  schemaRefLoopNotAllowed,
  schemaReferenceNotFound,
  schemaReferenceNotValid,
  schemaTooDeep,
  schemaTypeFileNotValid,
  schemaVisibilityNotInEnum,
  swaggerKeywordNotSupported,
  totalSchemaCountExceedsMaxAllowed,
  uniqueItemsNotSupported,
  unrecognizedTypeFormat,
] satisfies Rule[] as Rule[];
