/**
 * `node lib/app/web.js` (`npm run start:web`): receives webhooks and adds their jobs to
 * Postgres; the workers (`npm run start:worker`) run them. Needs DATABASE_URL.
 */
import { main } from './main.js';

main(['web', ...process.argv.slice(2)]).catch((error: unknown) => {
  process.stderr.write(`spec-automation: error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
