/**
 * Ctrl-C during `spec-automation run`: the first press stops after the current step with
 * the state saved; the second stops at once (exit 130) and says how to continue.
 */
import type { CliIO } from '../io.js';
import type { RunProgress } from './progress.js';
import { EXIT_INTERRUPTED } from './report.js';

/** Listens for Ctrl-C (or `io.signal`); `signal` aborts on the first, `dispose` stops listening. */
export function onInterrupt(io: CliIO, progress: RunProgress, stoppedAtOnce: () => string): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = () => {
    if (!controller.signal.aborted) progress.warn('Stopping after the current step (the state is saved after every step); press Ctrl-C again to stop at once.');
    controller.abort();
  };
  if (io.signal?.aborted) controller.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  let presses = 0;
  const onSigint = () => {
    presses += 1;
    if (presses === 1) return onAbort();
    io.stderr.write(stoppedAtOnce());
    process.exit(EXIT_INTERRUPTED);
  };
  if (!io.signal) process.on('SIGINT', onSigint);

  return {
    signal: controller.signal,
    dispose() {
      if (!io.signal) process.off('SIGINT', onSigint);
      io.signal?.removeEventListener('abort', onAbort);
    },
  };
}
