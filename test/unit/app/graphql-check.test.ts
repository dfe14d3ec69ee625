import { describe, expect, it } from 'vitest';
import { MARK_READY_MUTATION } from '../../../src/github/pull-requests.js';
import { checkGraphQLRequest } from '../../support/github/graphql.js';

describe('the GraphQL check of the test harness', () => {
  it('accepts the mutation the app sends', () => {
    expect(checkGraphQLRequest({ query: MARK_READY_MUTATION, variables: { id: 'PR_kw1' } }).route).toBe('POST /graphql');
  });

  it.each([
    [{ query: MARK_READY_MUTATION }, 'variable $id (ID!) was not provided'],
    [{ query: MARK_READY_MUTATION, variables: { id: 3 } }, 'variable $id must be a string'],
    [{ query: 'mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { isDraftt } } }', variables: { id: 'x' } }, 'field "isDraftt" does not exist on type PullRequest'],
    [{ query: 'mutation($id: ID!) { markPullRequestReadyForReview(input: {}) { clientMutationId } }', variables: { id: 'x' } }, 'pullRequestId (ID!) is required'],
    [{ query: 'mutation($id: String) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { clientMutationId } }', variables: { id: 'x' } }, 'is used where ID! is expected'],
    [{ query: 'mutation { markPullRequestReadyForReview(input: {pullRequestId: $id}) { clientMutationId } }', variables: { id: 'x' } }, 'variable $id is not declared'],
    [{ query: 'mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest } }', variables: { id: 'x' } }, 'needs a selection of fields'],
    [{ query: 'query { viewer { login } }' }, 'only the mutation markPullRequestReadyForReview is modelled'],
    [{ query: 'mutation { oops(' }, 'does not parse'],
    ['not json', 'body must be'],
  ])('refuses %j', (body, problem) => {
    expect(() => checkGraphQLRequest(body)).toThrow(problem);
  });
});
