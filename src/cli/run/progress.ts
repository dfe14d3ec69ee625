/**
 * Live progress of a local run on the terminal (stderr): each iteration's agent turns
 * with tokens and cost, the tools it calls, its commit, then the gates with their
 * status, and every phase change. On an interactive terminal the gate lines are
 * redrawn in place and a waiting line shows while the model thinks; in a log (CI,
 * a pipe) every change is one line.
 */
import type { AgentProgress } from '../../pipeline/agent/loop.js';
import type { ModelPort, ModelResponse } from '../../pipeline/agent/model-port.js';
import { costOf, type Price, type TokenTotals } from '../../pipeline/agent/usage.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import type { WorkflowState } from '../../pipeline/workflow/state.js';
import { formatDuration, renderLiveStatus, renderStatusChange, type GateLiveState } from '../../reporting/text/gates.js';
import { failedFirstNote } from '../../reporting/shards.js';
import type { GateProgressEvent } from '../../gates/index.js';
import { paint, type Colour } from '../../reporting/text/style.js';
import { LiveBlock } from '../live-block.js';
import { formatCount } from '../../pipeline/format-count.js';

export interface ProgressSink {
  write(text: string): unknown;
}

const int = formatCount;
const usd = (n: number) => `$${n.toFixed(4)}`;

/** What a tool call was about, from the model's tool_use input: a path or a pattern. */
export function toolTarget(name: string, input: unknown): string {
  if (!input || typeof input !== 'object') return '';
  const i = input as Record<string, unknown>;
  const pick = (key: string) => (typeof i[key] === 'string' ? (i[key] as string) : undefined);
  const gates = Array.isArray(i.gates) ? i.gates.filter((g): g is string => typeof g === 'string').join(',') : undefined;
  const target =
    name === 'search' ? pick('pattern') : name === 'list_files' ? (pick('directory') ?? pick('pattern')) : name === 'run_gates' ? (pick('test') ?? gates) : name === 'finish' ? undefined : pick('path');
  if (target === undefined) return '';
  const oneLine = target.replace(/\s+/g, ' ');
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

export class RunProgress {
  readonly #out: ProgressSink;
  readonly #interactive: boolean;
  readonly #color: boolean;
  readonly #price: Price | undefined;
  readonly #block: LiveBlock;
  /** Tool calls of the last response, in order: the loop reports results in the same order. */
  #pendingTools: { name: string; target: string }[] = [];
  #waitingLine = false;
  #runTokens: TokenTotals = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };
  #gateStates: GateLiveState[] = [];
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param options.interactive stderr is a terminal: redraw the gate lines in place, show a waiting line
   * @param options.color colour codes (NO_COLOR, FORCE_COLOR: decided by the caller for this stream)
   * @param options.columns the terminal's width now, to keep redrawn lines from wrapping
   */
  constructor(out: ProgressSink, options: { interactive: boolean; color?: boolean; columns?: () => number | undefined; price?: Price }) {
    this.#out = out;
    this.#interactive = options.interactive;
    this.#color = options.color ?? options.interactive;
    this.#price = options.price;
    this.#block = new LiveBlock(out, options.columns);
  }

  #paint(text: string, colour: Colour): string {
    return paint(colour, text, this.#color);
  }

  #clearWaiting(): void {
    if (this.#waitingLine) this.#out.write('\r\u001b[K');
    this.#waitingLine = false;
  }

  line(text: string): void {
    this.#clearWaiting();
    this.#out.write(`${text}\n`);
  }

  note(text: string): void {
    this.line(this.#paint(text, 'gray'));
  }

  warn(text: string): void {
    this.line(this.#paint(`! ${text}`, 'yellow'));
  }

  /** Wraps the model port so the tool calls of each response can be shown with their targets. */
  watch(model: ModelPort): ModelPort {
    return {
      create: async (request) => {
        const response: ModelResponse = await model.create(request);
        this.#pendingTools = (Array.isArray(response.content) ? response.content : []).flatMap((b) => (b.type === 'tool_use' ? [{ name: b.name, target: toolTarget(b.name, b.input) }] : []));
        return response;
      },
    };
  }

  iterationStarted(state: WorkflowState, mode: 'implement' | 'fix', iteration: number): void {
    const total = state.budget.maxIterations + 1;
    const what = mode === 'implement' ? `implement ${state.spec.id}` : 'fix the gate failures';
    this.line('');
    this.line(this.#paint(`▶ Iteration ${iteration + 1} of at most ${total}: ${what}`, 'bold'));
  }

  /** Handles the agent loop's progress events. */
  readonly agent = (event: AgentProgress): void => {
    switch (event.type) {
      case 'request':
        if (this.#interactive) {
          this.#clearWaiting();
          this.#out.write(this.#paint(`  turn ${event.turn}  waiting for the model…`, 'gray'));
          this.#waitingLine = true;
        }
        break;
      case 'response': {
        const t = event.tokens;
        this.#runTokens = {
          inputTokens: this.#runTokens.inputTokens + t.inputTokens,
          outputTokens: this.#runTokens.outputTokens + t.outputTokens,
          cacheWriteTokens: this.#runTokens.cacheWriteTokens + t.cacheWriteTokens,
          cacheReadTokens: this.#runTokens.cacheReadTokens + t.cacheReadTokens,
        };
        const total = this.#price ? `, run ${usd(costOf(this.#runTokens, this.#price))}` : '';
        this.line(
          `  turn ${String(event.turn).padStart(2)}  ${String(event.stopReason ?? 'null').padEnd(8)}  in ${int(t.inputTokens)} + cache write ${int(t.cacheWriteTokens)} / read ${int(t.cacheReadTokens)}, out ${int(t.outputTokens)}  ${this.#price ? `${usd(event.costUsd)}${total}` : `cost unknown, run ${int(this.#runTokens.inputTokens + this.#runTokens.outputTokens + this.#runTokens.cacheWriteTokens + this.#runTokens.cacheReadTokens)} tokens`}`,
        );
        break;
      }
      case 'tool': {
        const call = this.#pendingTools.shift();
        const target = call && call.name === event.name && call.target ? ` ${call.target}` : '';
        const mark = event.isError ? this.#paint('✗', 'red') : this.#paint('✓', 'green');
        const detail = event.isError ? `: ${event.result}` : '';
        this.line(`      ${mark} ${event.name}${target}${detail}`);
        break;
      }
      case 'stop':
        this.line(`  agent ${event.stopReason === 'finished' ? this.#paint('finished', 'green') : this.#paint(event.stopReason, 'red')}: ${event.message}`);
        break;
    }
  };

  committed(sha: string, files: number, subject: string): void {
    this.line(`  committed ${sha.slice(0, 7)} (${files} file${files === 1 ? '' : 's'}): ${subject}`);
  }

  /** Handles the gates engine's progress events. */
  readonly gate = (event: GateProgressEvent): void => {
    const now = Date.now();
    if (event.kind === 'planned') {
      this.#clearWaiting();
      this.#gateStates = event.gates.map((gate) => ({ gate, phase: 'queued' }));
      this.#block.detach();
      this.line(`  gates: ${event.gates.join(', ') || '(none)'}`);
      if (this.#interactive) {
        this.#timer = setInterval(() => this.#drawGates(), 250);
        this.#timer.unref();
        this.#drawGates();
      }
      return;
    }
    const state = this.#gateStates.find((s) => s.gate === event.gate);
    if (!state) return;
    if (event.kind === 'failed-first') state.failedFirst = event.tests;
    else if (event.kind === 'started') Object.assign(state, { phase: 'running', startedAt: now });
    else Object.assign(state, { phase: 'done', result: event.result });
    if (this.#interactive) this.#drawGates();
    else if (event.kind === 'failed-first') this.#out.write(`  gates: ${event.gate}: ${failedFirstNote(event.tests)}\n`);
    else this.#out.write(`  ${renderStatusChange(state, now)}`);
  };

  #drawGates(): void {
    this.#block.draw(renderLiveStatus(this.#gateStates, Date.now(), { color: this.#color }));
  }

  /** After a gate run: the verdict and the first failures, so the person watching sees what the agent will be told. */
  gatesFinished(run: GatesRun): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#interactive) this.#drawGates();
    const verdict = run.conclusion === 'success' ? this.#paint('all gates passed', 'green') : this.#paint(`gates ${run.conclusion === 'error' ? 'could not run' : 'failed'}`, 'red');
    this.line(`  ${verdict} in ${formatDuration(run.durationMs)}`);
    const shown: string[] = [];
    for (const g of run.gates) {
      if (g.status === 'error') shown.push(`${g.gate}: ${g.error?.message.split('\n')[0] ?? 'tool error'}`);
      for (const c of g.tests?.cases ?? []) {
        if (c.outcome === 'failed' || c.outcome === 'error') shown.push(`${g.gate}: ${c.outcome.toUpperCase()} ${c.id}${c.message ? ` — ${c.message.split('\n')[0]}` : ''}`);
      }
      if (g.status === 'failed' && !g.tests) {
        for (const d of g.diagnostics.filter((d) => d.severity !== 'info')) shown.push(`${g.gate}: ${d.path}:${d.range.start.line} ${d.rule} ${d.message.split('\n')[0]}`);
      }
    }
    for (const s of shown.slice(0, 8)) this.line(`    ${s.length > 200 ? `${s.slice(0, 199)}…` : s}`);
    if (shown.length > 8) this.line(`    … ${shown.length - 8} more`);
  }

  /** The gates were stopped by Ctrl-C: their results are discarded, the commit is checked again on resume. */
  gatesInterrupted(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.line(this.#paint('  gates interrupted: their results are discarded; --resume runs them again', 'yellow'));
  }

  /** A phase change of the workflow. */
  phase(state: WorkflowState): void {
    const colour = state.phase === 'ready' ? 'green' : state.phase === 'needs-human' || state.phase === 'failed' ? 'red' : 'blue';
    this.line(this.#paint(`  → ${state.phase}${state.reason ? `: ${state.reason}` : ''}`, colour));
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#clearWaiting();
  }
}
