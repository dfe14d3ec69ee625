/** ruff: `ruff check --output-format=json`; exit 0 clean, 1 findings, 2 tool error. */
import type { GateDefinition } from '../types.js';

export const ruff: GateDefinition = {
  tool: 'ruff',
  parser: 'ruff',
  informationUri: 'https://docs.astral.sh/ruff/',
  launcher: { kind: 'tool', name: 'ruff' },
  // --no-fix: a `fix = true` in the project's config must not let a gate rewrite sources.
  args: () => ['check', '--output-format=json', '--no-fix'],
  installHint: 'Install it in the project: `pip install ruff` (inside .venv), or set gates.ruff.command (e.g. "uv run ruff").',
  lowPriority: true,
  classifyExit: (code) => (code === 0 ? 'ok' : code === 1 ? 'findings' : 'error'),
  versionArgs: ['--version'],
  // ruff-action exports RUFF_OUTPUT_FORMAT=github for later steps.
  unsetEnv: ['RUFF_OUTPUT_FORMAT'],
};
