import type { Rule } from '../../rule.ts';
import packageArchiveUnreadable from './package-archive-unreadable.ts';
import packageAssetsFolder from './package-assets-folder.ts';
import packageAssetsName from './package-assets-name.ts';
import packageAssetsSubfolder from './package-assets-subfolder.ts';
import packageConnectorFiles from './package-connector-files.ts';
import packageConnectorIcon from './package-connector-icon.ts';
import packageConnectorSource from './package-connector-source.ts';
import packageIntroName from './package-intro-name.ts';
import packageIntroSections from './package-intro-sections.ts';
import packageRootFiles from './package-root-files.ts';
import packageRootFolder from './package-root-folder.ts';
import packageSolutionCount from './package-solution-count.ts';
import packageSolutionFiles from './package-solution-files.ts';
import packageSolutionFolders from './package-solution-folders.ts';
import packageSolutionKinds from './package-solution-kinds.ts';
import packageWorkflowFiles from './package-workflow-files.ts';

/** In the order ConnectorPackageValidator checks the levels of the package: outside in. */
export default [
  packageRootFolder,
  packageRootFiles,
  packageIntroName,
  packageIntroSections,
  packageArchiveUnreadable,
  packageAssetsFolder,
  packageAssetsName,
  packageAssetsSubfolder,
  packageSolutionCount,
  packageSolutionFiles,
  packageSolutionFolders,
  packageSolutionKinds,
  packageConnectorFiles,
  packageConnectorIcon,
  packageConnectorSource,
  packageWorkflowFiles,
] satisfies Rule[] as Rule[];
