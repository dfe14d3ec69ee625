/**
 * Issue 11: "Re-run" of an old validate check run ignored `app.branches`, so a commit on a
 * branch that no longer starts runs could start one. A re-run is judged like a push.
 */
import { describe, expect, it } from 'vitest';
import { checkRunActionPayload, greetingRepo, pushPayload, replay, SPEC_BRANCH, SPEC_PATH, trackAppHarnesses } from '../contract/app/harness.js';

const harness = trackAppHarnesses();

describe('"Re-run" of the validate check run', () => {
  it('starts nothing when the configuration no longer lets the branch start runs', async () => {
    const repo = greetingRepo();
    const files = { ...repo.files, '.github/spec-automation.yml': 'agent:\n  maxIterationz: 3\n' };
    const h = await harness({ repo: { files }, model: await replay('greeting-loop.jsonl') });
    h.fake.state.permissions.set('ada', 'admin');
    const before = h.fake.head('main')!;
    const pushed = h.fake.commit('main', { [SPEC_PATH]: repo.spec }, 'Add the spec');
    await h.deliver('push', pushPayload(h.fake, { before, after: pushed, added: [SPEC_PATH] }));
    const check = h.fake.github.state.checkRuns.find((r) => r.name === 'spec-automation / validate')!;
    expect(check.conclusion).toBe('failure');
    // Fixed, but now only release branches start runs.
    h.fake.commit('main', { '.github/spec-automation.yml': `${repo.files['.github/spec-automation.yml']!}app:\n  branches: ['release/**']\n` }, 'Runs start from release branches only');
    await h.deliver('check_run', checkRunActionPayload(h.fake, { id: check.id, name: check.name, head_sha: pushed, external_id: 'main' }, 'rerequested', 'ada'));
    expect(h.fake.pullFor(SPEC_BRANCH)).toBeUndefined();
    expect(h.fake.head(SPEC_BRANCH)).toBeUndefined();
    expect(h.logs.join('')).toContain('Re-run of the validation on a branch that starts no runs');
  });
});
