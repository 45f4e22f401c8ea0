import type { Rule } from '../../rule.ts';
import apiPropertiesRoot from './api-properties-root.ts';
import apiPropertiesUnknownKey from './api-properties-unknown-key.ts';
import brandColorForbidden from './brand-color-forbidden.ts';
import brandColorIndependentPublisher from './brand-color-independent-publisher.ts';
import brandColorNearWhite from './brand-color-near-white.ts';
import brandColorRequired from './brand-color-required.ts';
import brandColorShortHex from './brand-color-short-hex.ts';
import capabilitiesValues from './capabilities-values.ts';
import committedSecret from './committed-secret.ts';
import connectionParameterName from './connection-parameter-name.ts';
import connectionParameterSets from './connection-parameter-sets.ts';
import connectionParameterSetsMixed from './connection-parameter-sets-mixed.ts';
import connectionParameterType from './connection-parameter-type.ts';
import connectionParameterUiDefinition from './connection-parameter-ui-definition.ts';
import oauthAadSettings from './oauth-aad-settings.ts';
import oauthClientSecret from './oauth-client-secret.ts';
import oauthIdentityProvider from './oauth-identity-provider.ts';
import oauthIdentityProviderUnknown from './oauth-identity-provider-unknown.ts';
import oauthRedirectMode from './oauth-redirect-mode.ts';
import policyConnectionParameterUnknown from './policy-connection-parameter-unknown.ts';
import policyInstanceInvalid from './policy-instance-invalid.ts';
import policyOperationUnknown from './policy-operation-unknown.ts';
import policyReadsUndeclaredParameter from './policy-reads-undeclared-parameter.ts';
import policyRouteWithoutOperations from './policy-route-without-operations.ts';
import policyTemplateParameters from './policy-template-parameters.ts';
import policyTemplateUnknown from './policy-template-unknown.ts';
import publisherRequired from './publisher-required.ts';
import scriptOperationsCoverage from './script-operations-coverage.ts';
import scriptOperationsUnknown from './script-operations-unknown.ts';
import scriptOperationsWithoutScript from './script-operations-without-script.ts';
import stackOwnerRequired from './stack-owner-required.ts';

export default [
  apiPropertiesRoot,
  apiPropertiesUnknownKey,
  brandColorForbidden,
  brandColorIndependentPublisher,
  brandColorNearWhite,
  brandColorRequired,
  brandColorShortHex,
  capabilitiesValues,
  committedSecret,
  connectionParameterName,
  connectionParameterSetsMixed,
  connectionParameterSets,
  connectionParameterType,
  connectionParameterUiDefinition,
  oauthAadSettings,
  oauthClientSecret,
  oauthIdentityProviderUnknown,
  oauthIdentityProvider,
  oauthRedirectMode,
  policyConnectionParameterUnknown,
  policyInstanceInvalid,
  policyOperationUnknown,
  policyReadsUndeclaredParameter,
  policyRouteWithoutOperations,
  policyTemplateParameters,
  policyTemplateUnknown,
  publisherRequired,
  scriptOperationsCoverage,
  scriptOperationsUnknown,
  scriptOperationsWithoutScript,
  stackOwnerRequired,
] satisfies Rule[] as Rule[];
