// `npm run bench [filter]`: runs every bench/*.bench.js in its own Node process (so peak
// memory figures are per benchmark), in name order, and stops at the first that fails.
// Benchmarks import the compiled code in lib/; `npm run bench` builds it first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(2);
}
for (const file of benches) {
  console.log(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', new URL(file, import.meta.url).pathname], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
