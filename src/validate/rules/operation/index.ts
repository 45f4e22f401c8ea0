import type { Rule } from '../../rule.ts';
import operationIdRequired from './operation-id-required.ts';

export default [operationIdRequired] satisfies Rule[] as Rule[];
