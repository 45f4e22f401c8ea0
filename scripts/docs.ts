import { mkdirSync, writeFileSync } from 'node:fs';
import { configSchema } from '../src/validate/config-schema.ts';
import { renderRulesIndex } from '../src/validate/rule-docs.ts';

writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex());
console.log('docs/rules/README.md written');
mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../schemas/flowport.config.schema.json', import.meta.url),
  `${JSON.stringify(configSchema(), null, 2)}\n`,
);
console.log('schemas/flowport.config.schema.json written');
