/**
 * A loopback HTTP double of the GitHub REST API for tests that run code the way it
 * runs for real (the bundled action in a subprocess, the Probot app): a node:http
 * server on 127.0.0.1 and a random port, whose handlers are keyed by the same route
 * strings `octokit.request()` takes (`'POST /repos/{owner}/{repo}/check-runs'`).
 * Every request is checked against GitHub's OpenAPI description first (an invalid one
 * gets 404/422, as GitHub would answer, and is recorded as a violation), and every
 * exchange is written to a request log a test can read like a conversation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkGraphQLRequest } from './graphql.js';
import { GitHubRequestError, checkRequest, errorResponseFor } from './openapi.js';

/** What a handler gets. */
export interface DoubleRequest {
  method: string;
  /** Path without the query, e.g. `/repos/o/r/check-runs`. */
  path: string;
  /** The matched route, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

/** What a handler returns. `body` is sent as JSON unless it is a string. */
export interface DoubleResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type DoubleHandler = (request: DoubleRequest) => DoubleResponse | Promise<DoubleResponse>;

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  route?: string;
  body: unknown;
  status: number;
  response: unknown;
}

export interface GitHubDouble {
  /** `http://127.0.0.1:<port>`: pass as Octokit `baseUrl` or `GITHUB_API_URL`. */
  url: string;
  log: LogEntry[];
  violations: GitHubRequestError[];
  /** Adds or replaces handlers while the server runs. */
  on(route: string, handler: DoubleHandler): void;
  /** One line per exchange: `POST /repos/o/r/check-runs → 201`. */
  transcript(): string[];
  close(): Promise<void>;
}

export interface GitHubDoubleOptions {
  handlers?: Record<string, DoubleHandler>;
  /** Largest request body accepted, in bytes (GitHub's own limits are far below 25 MB). */
  maxBodyBytes?: number;
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new Error(`request body above ${max} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: DoubleResponse): void {
  const isText = typeof response.body === 'string';
  const payload = response.body === undefined ? '' : isText ? (response.body as string) : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-github-request-id': 'DOUBLE',
    ...response.headers,
  });
  res.end(response.status === 204 || response.status === 304 ? undefined : payload);
}

/** Starts the double; `await double.close()` when done. */
export async function startGitHubDouble(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
  const handlers = new Map(Object.entries(options.handlers ?? {}));
  const maxBodyBytes = options.maxBodyBytes ?? 25 * 1024 * 1024;
  const log: LogEntry[] = [];
  const violations: GitHubRequestError[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    const entry: LogEntry = { method, path: url.pathname, query, body: undefined, status: 0, response: undefined };
    log.push(entry);
    let text: string;
    try {
      text = await readBody(req, maxBodyBytes);
    } catch (error) {
      entry.status = 413;
      send(res, { status: 413, body: { message: (error as Error).message } });
      return;
    }
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    entry.body = body;
    let matched;
    try {
      // GraphQL is not in the REST description; ./graphql.ts checks the operations used.
      matched = method === 'POST' && url.pathname.replace(/^\/api/, '') === '/graphql' ? checkGraphQLRequest(body) : checkRequest(method, url.pathname + url.search, body);
    } catch (error) {
      if (!(error instanceof GitHubRequestError)) throw error;
      violations.push(error);
      const response = errorResponseFor(error);
      entry.status = response.status;
      entry.response = response.body;
      send(res, response);
      return;
    }
    entry.route = matched.route;
    const handler = handlers.get(matched.route);
    const response: DoubleResponse = handler
      ? await handler({ method, path: url.pathname, route: matched.route, params: matched.params, query, headers: req.headers, body })
      : { status: 404, body: { message: `Not Found (the GitHub double has no handler for ${matched.route})`, status: '404' } };
    entry.status = response.status;
    entry.response = response.body;
    send(res, response);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: `GitHub double handler failed: ${String(error)}` } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    violations,
    on(route, handler) {
      handlers.set(route, handler);
    },
    transcript() {
      return log.map((e) => `${e.method} ${e.path}${Object.keys(e.query).length > 0 ? `?${new URLSearchParams(e.query).toString()}` : ''} → ${e.status}`);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
