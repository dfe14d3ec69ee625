/**
 * Live progress of the gates in the job log: one line per state change (gates run in
 * parallel, so their lines interleave; groups would not), in the words the CLI uses.
 */
import type { GateProgressEvent } from '../gates/index.js';
import { renderStatusChange, type GateLiveState } from '../reporting/text/gates.js';
import { failedFirstNote } from '../reporting/shards.js';

/**
 * A progress handler for `runGates` that writes each change through `log`.
 *
 * @param log where a line goes (`core.info`)
 * @param now the clock, for elapsed times
 */
export function createProgressLog(log: (line: string) => void, now: () => number = Date.now): (event: GateProgressEvent) => void {
  const states = new Map<string, GateLiveState>();
  return (event) => {
    if (event.kind === 'planned') {
      for (const gate of event.gates) states.set(gate, { gate, phase: 'queued' });
      log(event.gates.length === 0 ? 'gates: none to run' : `gates: ${event.gates.join(', ')}`);
      return;
    }
    const state = states.get(event.gate) ?? { gate: event.gate, phase: 'queued' };
    states.set(event.gate, state);
    if (event.kind === 'failed-first') {
      state.failedFirst = event.tests;
      log(`gates: ${event.gate}: ${failedFirstNote(event.tests)}`);
    } else if (event.kind === 'started') {
      Object.assign(state, { phase: 'running', startedAt: now() });
      log(`gates: ${event.gate} started: ${event.command.join(' ')}`);
    } else {
      Object.assign(state, { phase: 'done', result: event.result });
      log(renderStatusChange(state, now()).trimEnd());
    }
  };
}
