#!/usr/bin/env node
// Thin launcher: checks the Node version and that the compiled CLI exists, then hands over.
import { existsSync } from 'node:fs';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`spec-automation needs Node.js 22 or newer (this is ${process.version}). Install Node 24: https://nodejs.org/ or \`npm install -g --prefix ~/.node24 node@24\`.`);
  process.exit(2);
}
const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('spec-automation: lib/ is missing. Run `npm run build:lib` (npm install runs it for you).');
  process.exit(2);
}
// Before anything else loads: see src/adapters/young-generation.ts.
const { keepYoungGenerationSmall } = await import(new URL('../lib/adapters/young-generation.js', import.meta.url).href);
keepYoungGenerationSmall();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
