/**
 * Issue 11: 50 `/spec` comments from a non-collaborator got 50 replies and 150+ requests.
 * One reply per user per pull request per hour; after that only the 👎 reaction.
 */
import { describe, expect, it } from 'vitest';
import { REPLY_INTERVAL_MS, ReplyLimiter } from '../../src/app/reply-limit.js';
import { commentPayload, greetingRepo, pushSpec, replay, stateOf, trackAppHarnesses } from '../contract/app/harness.js';

const harness = trackAppHarnesses();

describe('/spec from people without write access', () => {
  it('50 comments get one reply, 50 reactions, and change nothing', async () => {
    const repo = greetingRepo();
    const h = await harness({ repo: { files: repo.files }, model: await replay('greeting-loop.jsonl') });
    h.fake.state.permissions.set('mallory', 'read');
    await pushSpec(h, repo.spec);
    const before = stateOf(h.fake, 1);
    const comments = () => h.fake.github.state.issueComments.filter((c) => c.user.login === 'spec-automation[bot]' && !c.body.includes('<!-- spec-automation:state'));
    const requestsBefore = h.double.log.length;
    const repliesBefore = comments().length;

    for (let i = 0; i < 50; i++) await h.deliver('issue_comment', commentPayload(h.fake, 1, i % 2 === 0 ? '/spec retry --budget 9999' : '/spec cancel', { login: 'mallory' }));

    expect(comments().length - repliesBefore).toBe(1);
    expect(comments().at(-1)!.body).toContain('Only people with write, maintain or admin permission');
    expect(h.fake.state.reactions.filter((r) => r.content === '-1')).toHaveLength(50);
    // A permission check and a reaction per comment, one reply: no more.
    expect(h.double.log.length - requestsBefore).toBe(50 * 2 + 1);
    expect(stateOf(h.fake, 1)).toEqual(before);
  });

  it('the limit is per user and per pull request, and lifts after an hour', () => {
    const limiter = new ReplyLimiter();
    const t = 1_000_000;
    expect(limiter.allow('o/r', 1, 'mallory', t)).toBe(true);
    expect(limiter.allow('o/r', 1, 'Mallory', t + 1000)).toBe(false);
    expect(limiter.allow('o/r', 2, 'mallory', t + 1000)).toBe(true);
    expect(limiter.allow('o/r', 1, 'eve', t + 1000)).toBe(true);
    expect(limiter.allow('o/r', 1, 'mallory', t + REPLY_INTERVAL_MS - 1)).toBe(false);
    expect(limiter.allow('o/r', 1, 'mallory', t + REPLY_INTERVAL_MS)).toBe(true);
  });
});
