/**
 * The agent loop: one iteration of "model proposes tool calls, the change set carries
 * them out, the results go back" until the model calls finish or something stops it —
 * a budget, a refusal, responses cut off again and again, or a model error — always with
 * a stated reason. Every stop reason the API has is handled: a response cut off at
 * max_tokens or at the context window never has its half-written tool call carried out
 * (the model is asked to go on in smaller steps), pause_turn is sent back to continue,
 * and a prompt that no longer fits is compacted (compaction.ts) instead of failing. The
 * loop never touches the disk: its product is a change set the caller applies. Where the
 * entry has a working tree (the local loop), the agent may run the gates on the change
 * set with run_gates (self-check.ts); each call is a turn and takes wall time.
 */
import type { AgentConfig } from '../config/schema.js';
import type { GateResult } from '../gate-result.js';
import type { ParsedSpec } from '../spec/model.js';
import { addSpent, budgetsOf, exhaustedBudget, nothingSpent, type BudgetStop, type Spent } from './budgets.js';
import { ChangeSet, type FileChange } from './change-set.js';
import { compactConversation, compactionNote } from './compaction.js';
import { systemClock, type Clock } from './clock.js';
import { renderFailures } from './failures.js';
import { writePolicyOf } from './guards.js';
import { ModelPromptTooLongError, type CacheLifetime, type MessageParam, type ModelPort, type ModelRequest, type ModelResponse, type RequestBlock, type ResponseBlock, type ToolResultBlock, type ToolUseBlock } from './model-port.js';
import { firstMessage, NUDGE, systemPrompt, type AgentMode } from './prompts.js';
import { gateCheckRecord, RUN_GATES_OUTPUT_CHARS, RUN_GATES_TIME_LIMIT_MS, RunStopRequested, type GateCheckPort, type GateCheckRecord } from './self-check.js';
import { runTool, toolResultContent, toolDefinitions, type FinishReport, type RequirementReport, type SelfCheck } from './tools.js';
import { addTokens, costOf, priceFor, pricesOf, tokensOf, ZERO_TOKENS, type TokenTotals } from './usage.js';
import type { WorkspacePort } from './workspace-port.js';

export type AgentStopReason =
  | 'finished'
  | BudgetStop
  | 'max_tokens'
  | 'refusal'
  | 'context_window'
  /** The model ended its turn without a tool call several times in a row. */
  | 'no_finish'
  | 'error';

/** One model call, for the ledger. */
export interface CallRecord {
  turn: number;
  responseId: string;
  stopReason: string | null;
  tokens: TokenTotals;
  costUsd: number;
  durationMs: number;
}

export interface AgentOutcome {
  stopReason: AgentStopReason;
  /** For people: why the loop stopped, with the numbers and what to change. */
  message: string;
  /** From finish; absent when the loop stopped for another reason. */
  summary?: string;
  requirements: RequirementReport[];
  /** This iteration only; add {@link AgentRunInput.spent} for the run. */
  tokens: TokenTotals;
  /** The run_gates calls of this iteration (local loop only). */
  gateChecks: GateCheckRecord[];
  /** 0 when {@link costKnown} is false. */
  costUsd: number;
  /** False when the model has no price (agent.prices): the cost is unknown, the token budget holds. */
  costKnown: boolean;
  /** Model calls plus run_gates calls: each counts against agent.budgets.turns. */
  turns: number;
  calls: CallRecord[];
  /** What to apply: the whole change set, also when the loop stopped early. */
  changes: FileChange[];
  durationMs: number;
  /** Part of durationMs spent waiting for the model. */
  modelMs: number;
}

export type AgentProgress =
  | { type: 'request'; turn: number }
  | { type: 'response'; turn: number; stopReason: string | null; tokens: TokenTotals; costUsd: number }
  | { type: 'tool'; turn: number; name: string; isError: boolean; result: string }
  | { type: 'stop'; stopReason: AgentStopReason; message: string };

export type AgentRunMode = { kind: 'implement' } | { kind: 'fix'; failures: readonly GateResult[] };

export interface AgentRunInput {
  spec: ParsedSpec;
  /** The spec file's text, given to the model as delimited data. */
  specText: string;
  agent: AgentConfig;
  /** pytest marker that cites requirement IDs (`traceability.marker`). */
  marker?: string;
  mode: AgentRunMode;
  /** 1-based. */
  iteration?: number;
  maxIterations?: number;
  /** Budgets already spent by earlier iterations of the run; absent for the first. */
  spent?: Spent;
  /**
   * Files for the repository map. Pass the listing taken at the start of the run to every
   * iteration, so the cached prefix stays byte-identical; default: the workspace's listing.
   */
  repoFiles?: readonly string[];
  /** Files changed on the branch by earlier iterations (fix mode). */
  previousChanges?: readonly string[];
  /**
   * Lifetime of the stable prefix's cache entry: `1h` where the next iteration comes
   * after a CI run (the app), `5m` in the local loop; `agent.cacheLifetime` other than
   * `auto` overrides it. Default `5m`.
   */
  cacheLifetime?: CacheLifetime;
}

export interface AgentDeps {
  model: ModelPort;
  workspace: WorkspacePort;
  /**
   * Where the agent can run the gates on its change set (the local loop): it then gets
   * the run_gates tool. Absent (the app, no checkout): no such tool, and the system
   * prompt says so.
   */
  gates?: GateCheckPort;
  clock?: Clock;
  onProgress?: (event: AgentProgress) => void;
}

/** End-of-turn without a tool call tolerated in a row before the loop gives up. */
export const MAX_NUDGES = 2;

/** Responses cut off (max_tokens, the context window) tolerated in a row before the loop gives up. */
export const MAX_CUTOFFS = 2;

/** Compactions of one iteration's conversation before the loop gives up on fitting it. */
export const MAX_COMPACTIONS = 4;

/** Sent after a response was cut off; any tool call in it was not carried out. */
export function continueSmallerText(reason: 'max_tokens' | 'context_window', maxTokens: number, droppedCalls: readonly string[]): string {
  const cut = reason === 'max_tokens' ? `was cut off at the output limit (max_tokens ${maxTokens})` : "was cut off at the model's context window";
  const calls = droppedCalls.length > 0 ? ` in the middle of a tool call, so ${droppedCalls.join(', ')} was not carried out` : '';
  return `Your last response ${cut}${calls}. Continue with a smaller step: write a large file in parts (write_file with the first part, then edit_file to add the rest), one file per response, and keep explanations short.`;
}

function isToolUse(block: { type: string }): block is ToolUseBlock {
  return block.type === 'tool_use';
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * The messages with a second, moving cache breakpoint on the last block of the last
 * user message, so each turn reads the previous turn's prompt from the cache. Copies:
 * the history itself keeps only the stable breakpoint.
 */
export function withConversationBreakpoint(messages: readonly MessageParam[]): MessageParam[] {
  const out = [...messages];
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i]!;
    if (m.role !== 'user' || m.content.length === 0) continue;
    const last = m.content[m.content.length - 1]!;
    // Only text and tool results take a breakpoint (a user turn holds nothing else).
    if ((last.type !== 'text' && last.type !== 'tool_result') || last.cache_control) break;
    const marked: RequestBlock = { ...last, cache_control: { type: 'ephemeral' } };
    out[i] = { role: 'user', content: [...m.content.slice(0, -1), marked] };
    break;
  }
  return out;
}

/**
 * Runs one iteration of the agent (implement, or fix from gate failures) over the
 * workspace and returns its outcome. Never throws for anything the model or the
 * workspace does; an unexpected exception from a port ends the loop with `error`. The
 * one exception let through is {@link RunStopRequested} from the gates port (Ctrl-C
 * while run_gates ran).
 */
export async function runAgent(input: AgentRunInput, deps: AgentDeps): Promise<AgentOutcome> {
  const clock = deps.clock ?? systemClock;
  const startedMs = clock.now();
  const agent = input.agent;
  const changeSet = new ChangeSet(deps.workspace, writePolicyOf(agent));
  const calls: CallRecord[] = [];
  const gateChecks: GateCheckRecord[] = [];
  let tokens: TokenTotals = ZERO_TOKENS;
  let costUsd = 0;
  let modelMs = 0;
  let finish: FinishReport | undefined;
  // No price: the run goes on with its cost unknown; the token budget still holds.
  const price = priceFor(agent.model, pricesOf(agent));

  const emit = (event: AgentProgress) => {
    try {
      deps.onProgress?.(event);
    } catch {
      // A broken progress display must not stop the agent.
    }
  };
  const end = (stopReason: AgentStopReason, message: string): AgentOutcome => {
    emit({ type: 'stop', stopReason, message });
    return {
      stopReason,
      message,
      ...(finish ? { summary: finish.summary } : {}),
      requirements: finish?.requirements ?? [],
      tokens,
      costUsd,
      costKnown: price !== undefined,
      turns: calls.length + gateChecks.length,
      calls,
      gateChecks,
      changes: changeSet.changes(),
      durationMs: clock.now() - startedMs,
      modelMs,
    };
  };

  const type = input.spec.type;
  if (type === undefined) {
    return end('error', `The type of ${input.spec.path} is unknown, so the agent has no task for it. Set "type:" in its front matter (prd, functional-spec, technical-spec or sprint-change-proposal).`);
  }
  if (type === 'sprint-change-proposal' && !input.spec.changeSet) {
    return end('error', `${input.spec.path} is a sprint change proposal without a computed change set; validate it first so its added, modified and removed requirements are known.`);
  }

  let repoFiles = input.repoFiles;
  if (!repoFiles) {
    try {
      repoFiles = await changeSet.listFiles();
    } catch (error) {
      return end('error', `Could not list the repository's files: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const mode: AgentMode =
    input.mode.kind === 'implement' ? { kind: 'implement' } : { kind: 'fix', failuresText: renderFailures(input.mode.failures, agent.failureBudgetChars).text };
  const cacheLifetime: CacheLifetime = agent.cacheLifetime !== 'auto' ? agent.cacheLifetime : (input.cacheLifetime ?? '5m');
  let messages: MessageParam[] = [
    firstMessage(
      { spec: input.spec, specText: input.specText, repoFiles, cacheLifetime },
      {
        mode,
        iteration: input.iteration ?? 1,
        ...(input.maxIterations !== undefined ? { maxIterations: input.maxIterations } : {}),
        ...(input.previousChanges ? { previousChanges: input.previousChanges } : {}),
      },
    ),
  ];
  const system = [{ type: 'text' as const, text: systemPrompt(type, input.marker ?? 'req', deps.gates !== undefined) }];
  const tools = toolDefinitions(deps.gates);
  const before = input.spent ?? nothingSpent(startedMs);
  const budgets = budgetsOf(agent);
  const spentNow = () => addSpent(before, { turns: calls.length + gateChecks.length, tokens, costUsd });
  const selfCheck: SelfCheck | undefined = deps.gates && {
    port: deps.gates,
    outputChars: Math.min(RUN_GATES_OUTPUT_CHARS, agent.failureBudgetChars),
    run: async (request, cs) => {
      const port = deps.gates!;
      // A call is a turn, and takes wall time: refused when either is used up.
      const exhausted = exhaustedBudget(addSpent(spentNow(), { turns: 1, tokens: ZERO_TOKENS, costUsd: 0 }), { ...budgets, turns: budgets.turns + 1 }, clock.now());
      if (exhausted) return { refused: `run_gates was not run: ${exhausted.message} Call finish with what you have.` };
      const wallLeftMs = budgets.wallMs - (clock.now() - before.startedAtMs);
      const turn = calls.length;
      const started = clock.now();
      try {
        const run = await port.run(cs.changes(), request, { timeLimitMs: Math.max(1000, Math.min(RUN_GATES_TIME_LIMIT_MS, wallLeftMs)), iteration: input.iteration ?? 1 });
        gateChecks.push(gateCheckRecord(turn, request, run, clock.now() - started));
        return run;
      } catch (error) {
        if (error instanceof RunStopRequested) throw error;
        const message = error instanceof Error ? error.message : String(error);
        gateChecks.push(gateCheckRecord(turn, request, undefined, clock.now() - started, message));
        return { refused: `run_gates could not run the gates: ${message}` };
      }
    },
  };
  let nudges = 0;
  let cutoffs = 0;
  let compactions = 0;
  const compact = (): string | undefined => {
    compactions += 1;
    const result = compactConversation(messages);
    if (result.dropped === 0 || compactions > MAX_COMPACTIONS) return undefined;
    messages = result.messages;
    return compactionNote(result.dropped, changeSet.changes().map((c) => c.path));
  };

  for (;;) {
    const spent = spentNow();
    const exhausted = exhaustedBudget(spent, budgets, clock.now());
    if (exhausted) return end(exhausted.stop, exhausted.message);

    const turn = calls.length + 1;
    const request: ModelRequest = { model: agent.model, max_tokens: agent.maxTokens, system, tools, messages: withConversationBreakpoint(messages) };
    emit({ type: 'request', turn });
    const callStarted = clock.now();
    // Retries and their waits happen inside the call; the wall-time budget left bounds them.
    const wallLeftMs = Math.max(1, budgets.wallMs - (callStarted - before.startedAtMs));
    let response: ModelResponse;
    try {
      response = await deps.model.create(request, { signal: AbortSignal.timeout(wallLeftMs) });
    } catch (error) {
      modelMs += clock.now() - callStarted;
      if (error instanceof ModelPromptTooLongError) {
        const note = compact();
        if (note === undefined) {
          return end('context_window', `The prompt no longer fits the model's context window on turn ${turn}, and no older tool result is left to drop (${error.message}); split the specification or lower agent.failureBudgetChars.`);
        }
        messages.push({ role: 'user', content: [{ type: 'text', text: note }] });
        continue;
      }
      return end('error', `The model call failed on turn ${turn}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const durationMs = clock.now() - callStarted;
    modelMs += durationMs;
    const callTokens = tokensOf(response.usage);
    const callCost = price ? costOf(callTokens, price) : 0;
    tokens = addTokens(tokens, callTokens);
    costUsd += callCost;
    calls.push({ turn, responseId: response.id, stopReason: response.stop_reason, tokens: callTokens, costUsd: callCost, durationMs });
    emit({ type: 'response', turn, stopReason: response.stop_reason, tokens: callTokens, costUsd: callCost });

    const content = Array.isArray(response.content) ? response.content : [];

    if (response.stop_reason === 'max_tokens' || response.stop_reason === 'model_context_window_exceeded') {
      // A tool call in a cut-off response may be half-written (a truncated file): never carried out.
      const kept: ResponseBlock[] = content.filter((b) => b.type !== 'tool_use');
      const droppedCalls = content.filter(isToolUse).map((b) => b.name);
      if (kept.length > 0) messages.push({ role: 'assistant', content: kept });
      cutoffs += 1;
      const reason = response.stop_reason === 'max_tokens' ? 'max_tokens' : 'context_window';
      if (cutoffs > MAX_CUTOFFS) {
        return end(
          reason,
          reason === 'max_tokens'
            ? `The model's response was cut off at max_tokens (${agent.maxTokens}) ${cutoffs} times in a row, the last on turn ${turn}; raise agent.maxTokens, or the task is too large for one response.`
            : `The conversation outgrew the model's context window ${cutoffs} times in a row, the last on turn ${turn}; split the specification or lower agent.failureBudgetChars.`,
        );
      }
      const text: RequestBlock[] = [{ type: 'text', text: continueSmallerText(reason, agent.maxTokens, droppedCalls) }];
      if (reason === 'context_window') {
        const note = compact();
        if (note !== undefined) text.push({ type: 'text', text: note });
      }
      messages.push({ role: 'user', content: text });
      continue;
    }
    cutoffs = 0;
    if (content.length > 0) messages.push({ role: 'assistant', content });

    switch (response.stop_reason) {
      case 'refusal':
        return end('refusal', `The model declined to continue on turn ${turn} (stop_reason "refusal"); review the specification.`);
      case 'pause_turn':
        // The API paused a long turn; sending the conversation back as it is lets it continue.
        continue;
      case 'tool_use':
      case 'end_turn':
      case 'stop_sequence':
        break;
      default:
        return end('error', `The model stopped with an unexpected stop_reason ${JSON.stringify(response.stop_reason)} on turn ${turn}.`);
    }

    const uses = content.filter(isToolUse);
    if (uses.length === 0) {
      nudges += 1;
      if (nudges > MAX_NUDGES) {
        return end('no_finish', `The model ended ${nudges} turns in a row without a tool call and never called finish.`);
      }
      messages.push({ role: 'user', content: [{ type: 'text', text: NUDGE }] });
      continue;
    }
    nudges = 0;

    const results: ToolResultBlock[] = [];
    for (const use of uses) {
      const outcome = await runTool(use.name, use.input, changeSet, selfCheck ? { selfCheck } : {});
      if (outcome.finish && !finish) finish = outcome.finish;
      results.push({ type: 'tool_result', tool_use_id: use.id, content: toolResultContent(use.name, outcome), ...(outcome.isError ? { is_error: true } : {}) });
      emit({ type: 'tool', turn, name: use.name, isError: outcome.isError, result: firstLine(outcome.content) });
    }
    messages.push({ role: 'user', content: results });
    if (finish) {
      const checks = gateChecks.length > 0 ? ` and ${gateChecks.length} run_gates call${gateChecks.length === 1 ? '' : 's'}` : '';
      return end('finished', `The agent finished after ${calls.length} turn${calls.length === 1 ? '' : 's'}${checks}, changing ${changeSet.changes().length} files.`);
    }
  }
}
