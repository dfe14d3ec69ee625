// Webhook payloads from @octokit/webhooks-examples, the event data the action and app receive.
import { createRequire } from 'node:module';
import type { PullRequestOpenedEvent } from '@octokit/webhooks-types';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: { action?: string }[] }[];

/** A `pull_request.opened` payload (Codertocat/Hello-World#2), deep-copied so tests can edit it. */
export function pullRequestOpened(): PullRequestOpenedEvent {
  const found = examples.find((e) => e.name === 'pull_request')?.examples.find((e) => e.action === 'opened');
  if (!found) throw new Error('@octokit/webhooks-examples has no pull_request.opened example');
  return structuredClone(found) as PullRequestOpenedEvent;
}

/** The same pull request, opened from a fork (the head repository is someone else's). */
export function pullRequestFromFork(): PullRequestOpenedEvent {
  const event = pullRequestOpened();
  event.pull_request.head.repo = { ...event.pull_request.head.repo!, fork: true, full_name: 'outsider/Hello-World', owner: { ...event.pull_request.head.repo!.owner, login: 'outsider' } };
  return event;
}
