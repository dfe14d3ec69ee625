/**
 * `node lib/app/worker.js` (`npm run start:worker`): works the jobs in Postgres, receives
 * no webhooks; serves `/healthz` and `/metrics` on PORT. Needs DATABASE_URL.
 * The young generation is capped before the app's modules load: a worker mostly waits
 * on GitHub and the model (see src/adapters/young-generation.ts).
 */
import { keepYoungGenerationSmall } from '../adapters/young-generation.js';

keepYoungGenerationSmall();
const { main } = await import('./main.js');

main(['worker', ...process.argv.slice(2)]).catch((error: unknown) => {
  process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
