/**
 * The GitHub test harness: every double of GitHub checks every request against
 * GitHub's OpenAPI description (@octokit/openapi).
 * - checkRequest / matchRoute: the checker itself.
 * - mockGitHub: nock with the checker on every interceptor.
 * - startGitHubDouble: a loopback HTTP server with a request log.
 * - createFakeGitHub / startFakeGitHub: stateful handlers for check runs, reviews, comments, issues.
 */
export { GitHubRequestError, checkRequest, errorResponseFor, matchRoute, type MatchedRoute } from './openapi.js';
export { mockGitHub, type GitHubMock, type RecordedRequest } from './nock.js';
export { startGitHubDouble, type DoubleHandler, type DoubleRequest, type DoubleResponse, type GitHubDouble, type LogEntry } from './double.js';
export { createFakeGitHub, startFakeGitHub, type FakeGitHub, type FakeGitHubState, type FakeCheckRun } from './fake-github.js';
export { checkGraphQLRequest } from './graphql.js';
export { createFakeRepo, startFakeRepo, type FakeRepo, type FakeRepoState, type FakePull, type FakeWorkflowRun } from './fake-repo.js';
