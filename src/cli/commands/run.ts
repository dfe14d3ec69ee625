/**
 * `spec-automation run <spec>`: the whole dev → QA loop on a local git checkout. The
 * work is in src/cli/run/; this file is the command's entry.
 */
import type { Command } from '../command.js';
import type { CliIO } from '../io.js';
import { RUN_USAGE } from '../run/options.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const [{ runSpec }, { pipelineSpecLoader }] = await Promise.all([import('../run/run-spec.js'), import('../run/pipeline-spec-loader.js')]);
  return runSpec(args, io, { loadSpec: pipelineSpecLoader });
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Implement a spec locally: agent, commit, gates, fix, until every gate passes',
  usage: RUN_USAGE,
  run,
};

export default runCommand;
