import type { Rule } from '../../rule.ts';
import scriptBraces from './script-braces.ts';
import scriptClass from './script-class.ts';
import scriptClassName from './script-class-name.ts';
import scriptFileName from './script-file-name.ts';
import scriptFormattingAmbiguous from './script-formatting-ambiguous.ts';
import scriptHttpClient from './script-http-client.ts';
import scriptSize from './script-size.ts';
import scriptTimeout from './script-timeout.ts';
import scriptUsings from './script-usings.ts';

export default [
  scriptBraces,
  scriptClass,
  scriptClassName,
  scriptFileName,
  scriptFormattingAmbiguous,
  scriptHttpClient,
  scriptSize,
  scriptTimeout,
  scriptUsings,
] satisfies Rule[] as Rule[];
