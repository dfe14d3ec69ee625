/**
 * Carries out a run's effects until there is nothing left to do here: the agent runs,
 * its commit goes to the gates, their outcome decides the next step. The CLI drives a
 * run to the end in one process; the app drives it until the gates run elsewhere
 * (`pending`) and picks it up again from the workflow_run event. Both save the state
 * after every transition, so a crash loses at most the step under way.
 */
import type { Phase, GatesOutcome, Ledger, WorkflowState } from './state.js';
import { transition, type Effect, type Transition, type WorkflowEvent } from './transitions.js';
import { appendAll } from '../arrays.js';

/** What one agent iteration produced, after its change set was committed. */
export interface AgentStep {
  stopReason: string;
  summary?: string;
  /** Absent when nothing was committed. */
  commitSha?: string;
  changedFiles: number;
  spent: Partial<Ledger>;
}

export interface RunPorts {
  /** Runs one agent iteration and commits its changes. */
  runAgent(state: WorkflowState, mode: 'implement' | 'fix', iteration: number): Promise<AgentStep>;
  /** Runs (or re-runs) the gates on `headSha`: the outcome, or `pending` when they run elsewhere. */
  runGates(state: WorkflowState, headSha: string, rerun: boolean): Promise<GatesOutcome | 'pending'>;
  markReady(state: WorkflowState): Promise<void>;
  notify(state: WorkflowState, phase: Phase, reason: string): Promise<void>;
  /** Re-validates the spec; returns the event that restarts the run, or undefined to stop. */
  revalidate(state: WorkflowState): Promise<WorkflowEvent | undefined>;
  /** Persists the state (file, or state comment and label). Called after every applied transition. */
  save(state: WorkflowState, event: WorkflowEvent): Promise<void>;
  /** ISO timestamp. */
  now(): string;
}

export type DriveResult =
  | { kind: 'done'; state: WorkflowState }
  /** The gates run elsewhere; the state waits in phase qa. */
  | { kind: 'pending'; state: WorkflowState }
  | { kind: 'aborted'; state: WorkflowState };

/** The effects a saved state still owes: what `--resume` and the app's start-up recovery carry out. */
export function resumeEffects(state: WorkflowState): Effect[] {
  switch (state.phase) {
    case 'developing':
      return [{ type: 'run-agent', mode: 'implement', iteration: state.iteration }];
    case 'fixing':
      return [{ type: 'run-agent', mode: 'fix', iteration: state.iteration }];
    case 'qa':
      return state.headSha ? [{ type: 'run-gates', headSha: state.headSha }] : [];
    default:
      return [];
  }
}

/**
 * Applies `effects` in order, feeding each result back into the state machine.
 * @param signal aborting stops before the next effect; the state stays saved and resumable
 */
export async function drive(state: WorkflowState, effects: readonly Effect[], ports: RunPorts, signal?: AbortSignal): Promise<DriveResult> {
  const queue = [...effects];
  let current = state;

  const apply = async (event: WorkflowEvent): Promise<Transition> => {
    const t = transition(current, event);
    if (t.kind === 'applied') {
      current = t.state;
      await ports.save(current, event);
      appendAll(queue, t.effects);
    }
    return t;
  };

  while (queue.length > 0) {
    if (signal?.aborted) return { kind: 'aborted', state: current };
    const effect = queue.shift()!;
    switch (effect.type) {
      case 'run-agent': {
        const step = await ports.runAgent(current, effect.mode, effect.iteration);
        await apply({ type: 'agent.finished', at: ports.now(), ...step });
        break;
      }
      case 'run-gates':
      case 'rerun-gates': {
        const outcome = await ports.runGates(current, effect.headSha, effect.type === 'rerun-gates');
        if (outcome === 'pending') return { kind: 'pending', state: current };
        await apply({ type: 'gates.completed', at: ports.now(), outcome });
        break;
      }
      case 'mark-ready':
        await ports.markReady(current);
        break;
      case 'notify':
        await ports.notify(current, effect.phase, effect.reason);
        break;
      case 'revalidate': {
        const event = await ports.revalidate(current);
        if (event) await apply(event);
        break;
      }
    }
  }
  return { kind: 'done', state: current };
}
