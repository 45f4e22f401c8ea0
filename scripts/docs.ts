import { writeFileSync } from 'node:fs';
import { renderRulesIndex } from '../src/validate/rule-docs.ts';

writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex());
console.log('docs/rules/README.md written');
