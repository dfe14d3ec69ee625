/**
 * Issue 11: the agent must not be able to turn a failing gate green by rewriting the
 * configuration (`pytest: {args: ["-k", "no_such_test"], noTests: pass}`), in any
 * spelling a case-insensitive file system takes for it, nor write a composite action, a
 * cache entry or the lock file. Through the app harness: a hand-written session tries
 * each, then implements the spec; the commit on the spec branch must hold only the code.
 */
import { describe, expect, it } from 'vitest';
import type { ModelPort, ModelRequest } from '../../src/pipeline/agent/model-port.js';
import { greetingRepo, pushSpec, replay, SPEC_BRANCH, stateOf, trackAppHarnesses } from '../contract/app/harness.js';

const harness = trackAppHarnesses();

/** The replayed model, keeping every request so the test can read the tool results the agent got. */
function recording(model: ModelPort): { model: ModelPort; requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return { requests, model: { create: (request) => (requests.push(structuredClone(request)), model.create(request)) } };
}

function toolResults(request: ModelRequest): string[] {
  return request.messages.flatMap((m) => (m.role === 'user' && typeof m.content !== 'string' ? m.content : [])).flatMap((b) => (b.type === 'tool_result' ? [typeof b.content === 'string' ? b.content : JSON.stringify(b.content)] : []))
    // The text inside <tool_output tool="…">…</tool_output>.
    .map((text) => text.replace(/^<tool_output[^>]*>\n/, '').replace(/\n<\/tool_output>$/, ''));
}

describe('the agent rewriting what decides the verdict, through the app', () => {
  it('refuses the configuration file in every spelling, .github/actions, .spec-automation and the lock file; commits only the code', async () => {
    const { files, spec } = greetingRepo();
    const { model, requests } = recording(await replay('agent-config-rewrite.jsonl'));
    const h = await harness({ repo: { files }, model });
    const configBefore = h.fake.filesAt('main').get('.github/spec-automation.yml');
    await pushSpec(h, spec);

    expect(stateOf(h.fake, 1).phase).toBe('qa');
    const branch = h.fake.filesAt(SPEC_BRANCH);
    expect(branch.get('.github/spec-automation.yml')).toBe(configBefore);
    const written = [...branch.keys()].filter((p) => !h.fake.filesAt('main').has(p));
    // The code and the app's own lock entry, nothing the agent was refused.
    expect(written.sort()).toEqual(['.spec-automation/lock.json', 'greeting/greet.py', 'tests/test_greet.py']);
    expect(branch.get('.spec-automation/lock.json')).not.toBe('{}\n');

    const results = toolResults(requests[1]!);
    expect(results.slice(0, 6)).toEqual([
      expect.stringMatching(/^"\.github\/spec-automation\.yml" is protected: the agent never writes the spec-automation configuration file/),
      expect.stringMatching(/^"\.GitHub\/Spec-Automation\.YML" is protected: the agent never writes the spec-automation configuration file/),
      expect.stringMatching(/^"\.github\/spec-automation\.yaml" is protected/),
      expect.stringMatching(/^"\.github\/actions\/setup\/action\.yml" is protected: the agent never writes composite actions/),
      expect.stringMatching(/^"\.spec-automation\/cache\/config\/forged\.json" is protected/),
      expect.stringMatching(/^"\.spec-automation\/lock\.json" is protected/),
    ]);
  });
});
