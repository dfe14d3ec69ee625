/**
 * The app's own check run `spec-automation / validate` on a pushed commit: every
 * finding of the spec validation annotated on its spec line (through the same check-run
 * renderer and writer as the gates), and which specs start a run. Posted only when the
 * commit touched spec files or the configuration is invalid.
 */
import { postCheckRun } from '../github/check-runs.js';
import type { GitHubTree } from '../github/workspace.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GateResult } from '../pipeline/gate-result.js';
import type { ParsedSpec } from '../pipeline/spec/model.js';
import { renderCheckRun } from '../reporting/check-run.js';
import { codeSpan, tableCell } from '../reporting/markdown.js';
import type { Config } from '../pipeline/config/schema.js';
import type { RepoSession, Runtime } from './context.js';
import { gitHubSpecSource } from '../github/spec-source.js';
import type { RepositoryValidation } from '../pipeline/spec/index.js';

export interface ValidationEnv {
  session: RepoSession;
  runtime: Runtime;
  config: Config;
}

/** Why a spec does or does not start a run, for the check run's text. */
export function runDecision(spec: ParsedSpec, config: Config, agentProblem?: string): { starts: boolean; why: string } {
  if (!config.app.enabled) return { starts: false, why: 'the app is disabled (app.enabled: false)' };
  if (!spec.type) return { starts: false, why: 'its type is unknown: set `type:` in its front matter' };
  if (spec.diagnostics.some((d) => d.severity === 'error')) return { starts: false, why: 'it has errors' };
  if (!spec.executable) {
    const status = spec.meta.status ?? 'no status';
    return { starts: false, why: `its status is ${status}; runs start for ${config.specs.executableStatuses.join(', ')}` };
  }
  // The app's host has no model credentials (checked at start-up): say so here, where
  // the person who pushed looks, instead of failing the run later.
  if (agentProblem) return { starts: false, why: `the agent cannot run: ${agentProblem}; then re-run this check` };
  return { starts: true, why: 'valid and executable' };
}

/** Posts the validate check run for `diagnostics` on `sha`. Failures are logged, not thrown. */
export async function postValidationCheck(env: ValidationEnv, sha: string, diagnostics: readonly Diagnostic[], specs: readonly ParsedSpec[], startedMs: number): Promise<void> {
  const errors = diagnostics.some((d) => d.severity === 'error');
  const gate: GateResult = {
    gate: 'validate',
    tool: 'spec-automation',
    status: errors ? 'failed' : 'passed',
    exitCode: null,
    durationMs: Math.max(0, env.runtime.deps.now() - startedMs),
    fromCache: false,
    command: [],
    diagnostics: [...diagnostics],
  };
  const plan = renderCheckRun(gate, { sha });
  const rows = specs.map((s) => {
    const d = runDecision(s, env.config, env.runtime.deps.modelProblem);
    return `| ${codeSpan(s.path)} | ${tableCell(s.type ?? 'unknown')} | ${tableCell(s.meta.status ?? '—')} | ${d.starts ? '▶️ starts a run' : tableCell(d.why)} |`;
  });
  const text = rows.length > 0 ? ['| Spec | Type | Status | Run |', '|---|---|---|---|', ...rows].join('\n') : undefined;
  const redact = (s: string) => env.runtime.deps.redactor.redact(s);
  try {
    await postCheckRun(env.session.client, env.session.repo, { ...plan, output: { ...plan.output, summary: redact(plan.output.summary), ...(text ? { text: redact(text) } : {}) } }, { headSha: sha, now: () => new Date(env.runtime.deps.now()) });
  } catch (error) {
    env.runtime.log.warn('Could not post the validate check run', { sha, error: error instanceof Error ? error.message : String(error) });
  }
}

/** Validates the spec files among `paths` of `tree` and posts the check run when there was anything to check. */
export async function postValidation(env: ValidationEnv, tree: GitHubTree, paths: readonly string[]): Promise<RepositoryValidation> {
  const started = env.runtime.deps.now();
  const validation = await env.runtime.deps.specs.validate(gitHubSpecSource(tree), env.config.specs, paths);
  if (validation.specs.length > 0 || validation.diagnostics.length > 0) {
    await postValidationCheck(env, tree.commitSha, validation.diagnostics, validation.specs, started);
  }
  return validation;
}
