const P = 'x-ms-apimTemplateParameter.';

/**
 * The policy templates the platform knows (runtime spec §7.4), lower-cased, with the parameter keys
 * each one requires: the paconn schema's `required` lists, `x-ms-apimTemplate-policySection` for
 * `setheader` (runtime spec §7.4.1), and the corpus for the three templates the schema lacks.
 */
export const POLICY_TEMPLATES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    setheader: [`${P}name`, `${P}value`, 'x-ms-apimTemplate-policySection'],
    setqueryparameter: [`${P}name`, `${P}value`],
    dynamichosturl: [`${P}urlTemplate`],
    routerequesttoendpoint: [`${P}newPath`],
    setproperty: [
      `${P}newPropertyParentPathTemplate`,
      `${P}newPropertySubPathTemplate`,
      `${P}propertyValuePathTemplate`,
    ],
    setvaluefromurl: [`${P}parameterTemplate`, `${P}parameterValueUrl`, `${P}parameterValuePathTemplate`],
    convertarraytoobject: [`${P}propertyParentPath`, `${P}keyWithinCollectionPath`, `${P}newPropertyPath`],
    convertobjecttoarray: [`${P}propertyParentPath`, `${P}newPropertyPath`],
    stringtoarray: [
      `${P}propertyParentPath`,
      `${P}delimiterList`,
      `${P}childPropertyName`,
      `${P}newPropertyPath`,
    ],
    stringreplace: [
      `${P}propertyParentPath`,
      `${P}sourceString`,
      `${P}replacementString`,
      `${P}newPropertyPath`,
    ],
    setconnectionstatustounauthenticated: [`${P}statusCode`],
    updatenextlink: [`${P}nextLinkPropertyName`],
    pollingtrigger: [`${P}triggerConfig`, `${P}triggerDataPath`],
    encodepropertyvalue: [`${P}propertyParentPath`, `${P}newPropertyPath`],
    moveproperties: [`${P}srcParentPath`, `${P}dstParentPath`],
    dynamicsubdomain: [`${P}urlTemplate`],
  }),
);

/** How findings name a policy instance: its title and template, e.g. ``Policy `Set key` (`setheader`)``. */
export function policyLabel(policy: {
  title: string | undefined;
  rawTemplateId: string | undefined;
}): string {
  const template = policy.rawTemplateId?.trim() ? policy.rawTemplateId : '(no templateId)';
  return policy.title?.trim() ? `Policy \`${policy.title}\` (\`${template}\`)` : `Policy \`${template}\``;
}
