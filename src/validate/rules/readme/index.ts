import type { Rule } from '../../rule.ts';
import introSections from './intro-sections.ts';
import readmeDeploymentInstructions from './readme-deployment-instructions.ts';
import readmeImageLinks from './readme-image-links.ts';
import readmeMissing from './readme-missing.ts';
import readmeOauthCredentials from './readme-oauth-credentials.ts';
import readmeOperationsCoverage from './readme-operations-coverage.ts';
import readmePublisherMatch from './readme-publisher-match.ts';
import readmeSections from './readme-sections.ts';

export default [
  introSections,
  readmeDeploymentInstructions,
  readmeImageLinks,
  readmeMissing,
  readmeOauthCredentials,
  readmeOperationsCoverage,
  readmePublisherMatch,
  readmeSections,
] satisfies Rule[] as Rule[];
