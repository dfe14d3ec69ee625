/**
 * Keeps V8's young generation near its initial size for the rest of the process.
 *
 * Why: the CLI and the action hold a few tens of MB that live (10,000 findings, their
 * cache entry, the report), and V8 doubles the young generation each time that much
 * survives a scavenge, up to 2 x 16 MB on 64-bit. On a gates run at a real application's
 * scale that reserve was a fifth of the orchestrator's peak RSS (32 of ~150 MB), for
 * no gain: the orchestrator mostly waits for the tools. Measured in `npm run bench
 * gates-scale`: peak RSS about 28 MB lower, CPU time unchanged within noise.
 *
 * How: `--max-semi-space-size` only works on the command line (the heap is sized before
 * any script runs), which the action's `node24` runtime and a user's `node` do not let us
 * pass. `--semi-space-growth-factor` is read each time the young generation would grow,
 * so setting it to 1 at start-up stops most of the growth (V8 still grows it by other
 * paths now and then: 2 to 27 MB seen, against 128 MB without). `v8.setFlagsFromString` after start-up is
 * documented as unsupported for flags in general, so test/unit/adapters/young-generation
 * checks, on the Node that runs the tests, that it still takes effect.
 *
 * Call it from a process entry point only (bin/spec-automation.js, the action's index),
 * never from a library function: it changes the whole process.
 */
import { setFlagsFromString } from 'node:v8';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
