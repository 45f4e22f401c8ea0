import type { Rule } from '../../rule.ts';
import connectorFileMissing from './connector-file-missing.ts';
import connectorFileName from './connector-file-name.ts';
import jsonDuplicateKey from './json-duplicate-key.ts';
import jsonStrict from './json-strict.ts';
import jsonSyntax from './json-syntax.ts';

export default [
  jsonSyntax,
  jsonStrict,
  jsonDuplicateKey,
  connectorFileMissing,
  connectorFileName,
] satisfies Rule[] as Rule[];
