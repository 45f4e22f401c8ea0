/** Draws the example connector's icon: 230×230, brand colour background, a white check mark. */
import { writeFileSync } from 'node:fs';
import { drawIcon } from '../src/convert/icon.ts';

const [out = 'examples/tasklane/icon.png', hex = '#2f6f4f'] = process.argv.slice(2);
writeFileSync(out, drawIcon(hex, 'check'));
console.log(`${out} written`);
