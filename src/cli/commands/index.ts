import type { CommandLoader } from '../command.js';

/** Every CLI command, by name. A new command is a file and a line here. */
export const COMMANDS: Record<string, { summary: string; load: CommandLoader }> = {
  validate: { summary: 'Find, parse and validate spec documents (PRD, functional/technical spec, change proposal)', load: async () => (await import('./validate.js')).validateCommand },
  run: { summary: 'Implement a spec locally: agent, commit, gates, fix, until every gate passes', load: async () => (await import('./run.js')).runCommand },
  gates: { summary: 'Run the quality gates (ruff, basedpyright, pytest, any command) in parallel, cached', load: async () => (await import('./gates.js')).gatesCommand },
  status: { summary: 'Spec health: validation, drift against the lock file, requirement → test traceability', load: async () => (await import('./status.js')).statusCommand },
};
