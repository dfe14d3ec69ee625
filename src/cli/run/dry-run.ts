/**
 * `spec-automation run --dry-run`: the run start's plan (src/pipeline/workflow/start.ts)
 * as text, with the model, budgets, gates and state file it would use; nothing changes.
 */
import { relative } from 'node:path';
import type { RunStartPlan } from '../../pipeline/workflow/start.js';
import { priceFor, pricesOf } from '../../pipeline/agent/usage.js';
import { gateNames, type Prepared } from './prepare.js';
import { formatCount } from '../../pipeline/format-count.js';

export function planText(p: Prepared, plan: RunStartPlan, model: string, dirty: string | undefined, branchState: string): string {
  const c = p.config;
  const { changeSet, requirements } = plan.pullRequest;
  const req = changeSet ? [...changeSet.added.map((id) => `+${id}`), ...changeSet.modified.map((id) => `~${id}`), ...changeSet.removed.map((id) => `-${id}`)] : requirements.map((r) => r.id);
  const lines = [
    `Plan for ${p.specPath} (dry run: nothing was changed)`,
    `  spec        ${p.docId}: ${p.spec.title} (${p.spec.type}, status ${p.spec.meta.status ?? 'none'})`,
    `  requirements ${req.length > 0 ? req.join(', ') : '(none extracted)'}`,
    `  branch      ${p.branch} (${branchState})`,
    `  model       ${model}`,
    `  iterations  1 implementation + up to ${plan.budget.maxIterations} fixes`,
    `  budgets     ${plan.budget.turns} turns, ${formatCount(plan.budget.tokens)} tokens, ${priceFor(c.agent.model, pricesOf(c.agent)) ? `$${plan.budget.costUsd}` : `cost unknown (${c.agent.model} has no price; the token budget holds)`}, ${c.agent.budgets.wallMinutes} min`,
    `  commits     "${plan.startCommitMessage.split('\n', 1)[0]}" (empty, names the spec), then one per iteration`,
    `  gates       ${(p.options.only ?? gateNames(c)).join(', ') || '(none)'}${c.python ? ` (python ${c.python})` : ''}`,
    `  self-check  ${p.options.noRunGates ? 'off (--no-run-gates)' : 'the agent may run the gates on its changes (run_gates; each call is a turn)'}`,
    `  state       ${relative(p.root, p.store.statePath)}${p.saved ? ` (a saved run in phase ${p.saved.state.phase})` : ''}`,
  ];
  if (dirty) lines.push('', `! ${dirty.split('\n')[0]}`);
  return `${lines.join('\n')}\n`;
}
