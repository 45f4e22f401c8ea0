import type { Rule } from '../../rule.ts';
import connectorMetadataCasing from './connector-metadata-casing.ts';
import connectorMetadataPropertiesMissing from './connector-metadata-properties-missing.ts';
import connectorMetadataRequired from './connector-metadata-required.ts';
import connectorMetadataUrlNotValid from './connector-metadata-url-not-valid.ts';
import invalidConnectorCategory from './invalid-connector-category.ts';
import tooManyConnectorCategories from './too-many-connector-categories.ts';

export default [
  connectorMetadataRequired,
  connectorMetadataPropertiesMissing,
  connectorMetadataCasing,
  connectorMetadataUrlNotValid,
  invalidConnectorCategory,
  tooManyConnectorCategories,
] satisfies Rule[] as Rule[];
