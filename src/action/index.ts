/**
 * Entry point of the bundled action (dist/index.js): everything happens in `run()`.
 * The young generation is capped before the action's modules load (dynamic import),
 * see src/adapters/young-generation.ts.
 */
import { keepYoungGenerationSmall } from '../adapters/young-generation.js';

keepYoungGenerationSmall();
const { run } = await import('./main.js');
await run();
