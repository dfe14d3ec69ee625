// Writes schema/spec-automation.schema.json from the zod configuration schema (compiled
// in lib/); `--check` fails instead when the committed file differs, as check-dist does
// for dist/. Run through `npm run schema`, which compiles lib/ first.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { configJsonSchemaText } from '../lib/pipeline/config/json-schema.js';

const file = new URL('../schema/spec-automation.schema.json', import.meta.url);
const text = configJsonSchemaText();
if (process.argv.includes('--check')) {
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (committed !== text) {
    console.error('schema/spec-automation.schema.json is out of date with src/pipeline/config/schema.ts. Run `npm run schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/spec-automation.schema.json matches the configuration schema.');
} else {
  mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
  writeFileSync(file, text);
  console.log('wrote schema/spec-automation.schema.json');
}
