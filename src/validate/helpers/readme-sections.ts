import type { Connector } from '../../connector/model.ts';
import type { Heading, Outline } from './markdown-outline.ts';

/** A section of the readme / intro templates and the heading texts that count as it. */
export interface SectionSpec {
  /** The heading as the template writes it. */
  readonly title: string;
  readonly matches: RegExp;
}

/**
 * Sections of the repository readme templates, matched case-insensitively on the heading text. The
 * alternatives are spellings certified connectors use (`Pre-requisites`, `How to get credentials`,
 * `Known limitations`, `Supported Actions`).
 */
export const README_SECTIONS = {
  publisher: { title: '## Publisher: <name>', matches: /^publishers?\b/ },
  prerequisites: { title: '## Prerequisites', matches: /^(?:pre-?\s?requisites?|requirements)\b/ },
  operations: {
    title: '## Supported Operations',
    matches:
      /^(?:supported |available |connector )?(?:operations|actions|triggers|actions (?:and|&) triggers|triggers (?:and|&) actions|endpoints|methods)\b/,
  },
  credentials: {
    title: '## Obtaining Credentials',
    matches:
      /credential|api[-\s]?keys?\b|authenticat|authoriz|access token|^(?:getting|obtaining|get|obtain) (?:an? |your )?(?:token|key|access)/,
  },
  knownIssues: {
    title: '## Known Issues and Limitations',
    matches: /^(?:known issues?|known limitations?|limitations?)\b/,
  },
  deployment: { title: '## Deployment Instructions', matches: /deploy/ },
} as const satisfies Record<string, SectionSpec>;

/** Sections of the certification package's intro.md (from the six examples in the repository). */
export const INTRO_SECTIONS = {
  prerequisites: README_SECTIONS.prerequisites,
  credentials: { title: '## How to get credentials', matches: README_SECTIONS.credentials.matches },
  knownIssues: { title: '## Known issues and limitations', matches: README_SECTIONS.knownIssues.matches },
} as const satisfies Record<string, SectionSpec>;

/** Headings of any level that count as the section. */
export function findSections(outline: Outline, spec: SectionSpec): Heading[] {
  return outline.headings.filter((h) => spec.matches.test(h.key));
}

/** Whether users must bring credentials: connection parameters, parameter sets or security definitions. */
export function needsCredentials(connector: Connector): boolean {
  const { connectionParameters, parameterSets } = connector.properties;
  return (
    connectionParameters.length > 0 ||
    parameterSets.some((s) => s.parameters.length > 0) ||
    connector.definition.securityDefinitions.length > 0
  );
}
