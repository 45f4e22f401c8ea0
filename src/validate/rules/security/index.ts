import type { Rule } from '../../rule.ts';
import oauthSecurityRequirementValueMustBeScopeName from './oauth-security-requirement-value-must-be-scope-name.ts';
import securityApiKeyParameterMissing from './security-api-key-parameter-missing.ts';
import securityDefinitionsMultiple from './security-definitions-multiple.ts';
import securityOauthSettingWithoutOauth2 from './security-oauth-setting-without-oauth2.ts';
import securityOauth2WithoutOauthSetting from './security-oauth2-without-oauth-setting.ts';
import securityRequirementMustBeDefined from './security-requirement-must-be-defined.ts';
import securityRequirementMustHaveEmptyValue from './security-requirement-must-have-empty-value.ts';
import securityRequirementMustHaveValue from './security-requirement-must-have-value.ts';
import securitySchemePropertyNotValid from './security-scheme-property-not-valid.ts';
import securitySchemePropertyRequired from './security-scheme-property-required.ts';
import securitySchemeValueNotValid from './security-scheme-value-not-valid.ts';

export default [
  oauthSecurityRequirementValueMustBeScopeName,
  securityApiKeyParameterMissing,
  securityDefinitionsMultiple,
  securityOauthSettingWithoutOauth2,
  securityOauth2WithoutOauthSetting,
  securityRequirementMustBeDefined,
  securityRequirementMustHaveEmptyValue,
  securityRequirementMustHaveValue,
  securitySchemePropertyNotValid,
  securitySchemePropertyRequired,
  securitySchemeValueNotValid,
] satisfies Rule[] as Rule[];
