/**
 * nock for GitHub, with every intercepted request checked against GitHub's OpenAPI
 * description. Use it exactly like `nock('https://api.github.com')`:
 *
 *   const github = mockGitHub();
 *   github.post('/repos/o/r/check-runs').reply(201, { id: 1 });
 *   …
 *   github.assertValid();   // or rely on the afterEach this module registers
 *
 * A request the description does not allow gets GitHub's answer to it (404 for an
 * unknown route, 422 for a bad body), so the code under test sees a failure, and the
 * problem is recorded: {@link GitHubMock.violations}, and `afterEach` fails the test.
 */
import nock from 'nock';
import { afterEach } from 'vitest';
import { checkGraphQLRequest } from './graphql.js';
import { GitHubRequestError, checkRequest, errorResponseFor, type MatchedRoute } from './openapi.js';

export interface RecordedRequest {
  method: string;
  url: string;
  /** `METHOD /template` of the matched operation. */
  route?: string;
  body: unknown;
}

export interface GitHubMock {
  /** The nock scope: `.get/.post/.patch/.put/.delete/.intercept` return checked interceptors. */
  scope: nock.Scope;
  /** Problems found so far (empty when every request was valid). */
  violations: GitHubRequestError[];
  /** Every request that reached an interceptor, in order. */
  requests: RecordedRequest[];
  /** Throws when any request was invalid. */
  assertValid(): void;
}

const active = new Set<GitHubMock>();

afterEach(() => {
  const problems = [...active].flatMap((m) => m.violations);
  active.clear();
  if (problems.length > 0) {
    throw new Error(`Requests GitHub's OpenAPI description does not allow:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
  }
});

type AnyFn = (...args: unknown[]) => unknown;

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function wrapInterceptor(interceptor: nock.Interceptor, mock: GitHubMock, scopeProxy: nock.Scope): nock.Interceptor {
  const proxy: nock.Interceptor = new Proxy(interceptor, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'reply') {
        return (...args: unknown[]) => {
          const [first, second, headers] = args;
          const full = typeof first === 'function' ? (first as AnyFn) : undefined;
          target.reply(async function (this: unknown, req: Request) {
            const text = await req.clone().text();
            const body = parseJson(text);
            let matched: MatchedRoute | undefined;
            try {
              const isGraphQL = req.method === 'POST' && new URL(req.url).pathname.replace(/^\/api/, '') === '/graphql';
              matched = isGraphQL ? checkGraphQLRequest(body) : checkRequest(req.method, req.url, body);
            } catch (error) {
              if (!(error instanceof GitHubRequestError)) throw error;
              mock.violations.push(error);
              mock.requests.push({ method: req.method, url: req.url, body });
              const { status, body: errorBody } = errorResponseFor(error);
              return [status, errorBody];
            }
            mock.requests.push({ method: req.method, url: req.url, route: matched.route, body });
            if (full) return full.call(this, req);
            const replyBody = typeof second === 'function' ? await (second as AnyFn).call(this, req) : second;
            return [typeof first === 'number' ? first : 200, replyBody ?? '', headers ?? {}];
          } as never);
          return scopeProxy;
        };
      }
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as AnyFn).apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/**
 * A nock scope for the GitHub API whose interceptors check every request against
 * GitHub's OpenAPI description.
 *
 * @param baseUrl `https://api.github.com` by default
 */
export function mockGitHub(baseUrl = 'https://api.github.com'): GitHubMock {
  const scope = nock(baseUrl);
  const mock: GitHubMock = {
    scope,
    violations: [],
    requests: [],
    assertValid() {
      if (this.violations.length > 0) throw new Error(this.violations.map((v) => v.message).join('\n'));
    },
  };
  const intercepting = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'merge', 'intercept']);
  const scopeProxy: nock.Scope = new Proxy(scope, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as AnyFn).apply(target, args);
        if (typeof prop === 'string' && intercepting.has(prop)) return wrapInterceptor(result as nock.Interceptor, mock, scopeProxy);
        return result === target ? scopeProxy : result;
      };
    },
  });
  mock.scope = scopeProxy;
  active.add(mock);
  return mock;
}
