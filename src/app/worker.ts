/**
 * `node lib/app/worker.js` (`npm run start:worker`): works the jobs in Postgres, receives
 * no webhooks; serves `/healthz` and `/metrics` on PORT. Needs DATABASE_URL.
 */
import { main } from './main.js';

main(['worker', ...process.argv.slice(2)]).catch((error: unknown) => {
  process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
