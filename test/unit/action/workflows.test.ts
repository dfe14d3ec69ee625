// The workflows this repository runs and the ones users copy call the action with inputs
// and read outputs; a renamed input would only show on GitHub, as a warning nobody reads.
// Each `with:` key must be an input of action.yml, each `steps.<id>.outputs.<name>` an
// output, and each mode's workflow must grant the permissions that mode writes with.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const files = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `${dir}/${f}`),
);

const isThisAction = (uses: string | undefined) => uses === './' || /\/spec-automation@/.test(uses ?? '');

// What each mode writes with (README, "Permissions").
const needs: Record<string, Record<string, string>> = {
  gates: { checks: 'write' },
  validate: { checks: 'write' },
  revalidate: { checks: 'write', issues: 'write' },
};

describe('workflows that use the action', () => {
  it('include the ones the README names', () => {
    expect(files).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/spec-health.yml', 'examples/workflows/spec-automation-gates.yml', 'examples/workflows/spec-automation-revalidate.yml']));
  });

  it.each(files)('%s passes only declared inputs and reads only declared outputs', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const workflow = parse(text) as Workflow;
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps.filter((s) => isThisAction(s.uses))) {
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: job ${name}, input ${input}`).toContain(input);
        const mode = String(step.with?.mode ?? 'gates');
        const granted = { ...workflow.permissions, ...job.permissions };
        for (const [scope, level] of Object.entries(needs[mode] ?? {})) expect(granted[scope], `${file}: job ${name} runs mode ${mode}`).toBe(level);
      }
    }
    const ids = new Set(Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => isThisAction(s.uses) && s.id).map((s) => s.id)));
    for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ids.has(id)) expect(Object.keys(action.outputs), `${file}: steps.${id}.outputs.${output}`).toContain(output);
    }
  });
});
