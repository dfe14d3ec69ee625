/**
 * The gate results of a commit as the state machine takes them: the action's results
 * blocks read back from its check runs, every configured gate accounted for. A gate the
 * configuration enables but no check run reports, or whose block cannot be read, is a
 * gate that could not run (`error`): the run never turns ready on results it did not see.
 */
import { readGateResults } from '../github/gate-results.js';
import type { Config } from '../pipeline/config/schema.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { gateResultOfBlock } from '../reporting/results-block.js';
import type { AppClient } from './context.js';
import type { RepoRef } from '../github/types.js';

/** Gate names the configuration enables. */
export function enabledGates(config: Config): string[] {
  return Object.entries(config.gates)
    .filter(([, g]) => g !== false && g.enabled !== false)
    .map(([name]) => name)
    .sort();
}

function errorResult(gate: string, message: string, hint?: string): GateResult {
  return { gate, tool: gate, status: 'error', exitCode: null, durationMs: 0, fromCache: false, command: [], diagnostics: [], error: { message, ...(hint ? { hint } : {}) } };
}

export async function gateResultsOf(
  client: AppClient,
  repo: RepoRef,
  sha: string,
  config: Config,
  trustedApps: readonly string[],
): Promise<{ results: GateResult[]; requests: number; links: Map<string, string> }> {
  const { gates, requests } = await readGateResults(client, repo, sha, { trustedAppSlugs: trustedApps });
  // Each gate's check run page, for the state comment's gate line.
  const links = new Map<string, string>();
  for (const g of gates) if (g.url) links.set(g.gate, g.url);
  const results: GateResult[] = [];
  for (const g of gates) {
    if (g.status !== 'completed') {
      results.push(errorResult(g.gate, `the check run of ${g.gate} did not complete (status ${g.status})`));
    } else if (g.results.ok) {
      results.push(gateResultOfBlock(g.results.block));
    } else {
      results.push(errorResult(g.gate, `the results of ${g.gate} could not be read: ${g.results.error.message}`));
    }
  }
  const reported = new Set(results.map((r) => r.gate));
  const workflow = config.app.gatesWorkflow;
  for (const gate of enabledGates(config)) {
    if (!reported.has(gate)) {
      results.push(
        errorResult(
          gate,
          `no results for the gate ${gate} on ${sha.slice(0, 7)}`,
          `the workflow "${workflow}" must run the spec-automation action with every gate .github/spec-automation.yml enables`,
        ),
      );
    }
  }
  return { results: results.sort((a, b) => a.gate.localeCompare(b.gate)), requests, links };
}
