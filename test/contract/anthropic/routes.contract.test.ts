// The model routes that speak the Messages API over plain HTTP, each at its documented
// endpoint, with the answer streamed as server-sent events: a gateway at
// ANTHROPIC_BASE_URL (bearer token), Microsoft Foundry
// (https://{resource}.services.ai.azure.com/anthropic/v1/messages, x-api-key), Google
// Vertex AI (…/publishers/anthropic/models/{model}:streamRawPredict, Google OAuth, the
// version in the body), and Amazon Bedrock (AWS event-stream frames).
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelPort } from '../../../src/adapters/anthropic/anthropic-model.js';
import type { ModelRequest } from '../../../src/pipeline/agent/model-port.js';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { OAuth2Client } from 'google-auth-library';
import { sseBody, SSE_HEADERS, streamEvents, type ApiMessage } from './sse.js';

afterEach(() => {
  nock.cleanAll();
});

const REQUEST: ModelRequest = {
  model: 'claude-sonnet-5-5',
  max_tokens: 1024,
  system: [{ type: 'text', text: 'You are a test.' }],
  tools: [{ name: 'finish', description: 'Ends the task.', input_schema: { type: 'object', properties: { summary: { type: 'string' } } } }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Say done.' }] }],
};

function answer(model: string): ApiMessage {
  return {
    id: 'msg_01RouteTest000000000001',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'tool_use', id: 'toolu_01RouteTest0000000001', name: 'finish', input: { summary: 'done' } }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

interface Seen {
  headers: Headers;
  body: Record<string, unknown>;
}

function serve(origin: string, path: string, model: string, seen: Seen[]): nock.Scope {
  return nock(origin)
    .post(path)
    .reply(async (request: Request) => {
      seen.push({ headers: request.headers, body: (await request.json()) as Record<string, unknown> });
      return [200, sseBody(streamEvents(answer(model))), SSE_HEADERS];
    });
}

describe('model routes over HTTP', () => {
  it('a gateway at ANTHROPIC_BASE_URL gets the streamed request with the bearer token', async () => {
    const seen: Seen[] = [];
    const scope = serve('http://gateway.local:4000', '/v1/messages', 'my-local-model', seen);
    const port = createModelPort({ provider: 'auto', env: { ANTHROPIC_BASE_URL: 'http://gateway.local:4000', ANTHROPIC_AUTH_TOKEN: 'gw-token-1' }, timeoutMs: 5000, maxRetries: 0 });
    const response = await port.create({ ...REQUEST, model: 'my-local-model' });
    expect(scope.isDone()).toBe(true);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer gw-token-1');
    expect(seen[0]!.headers.get('x-api-key')).toBeNull();
    expect(seen[0]!.body).toMatchObject({ model: 'my-local-model', stream: true, max_tokens: 1024 });
    expect(response).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'finish', input: { summary: 'done' } }], usage: { input_tokens: 12, output_tokens: 7 } });
  });

  it('Microsoft Foundry: the resource\'s /anthropic/v1/messages endpoint with x-api-key', async () => {
    const seen: Seen[] = [];
    const scope = serve('https://my-res.services.ai.azure.com', '/anthropic/v1/messages', 'claude-sonnet-5-5', seen);
    const port = createModelPort({ provider: 'foundry', env: { ANTHROPIC_FOUNDRY_RESOURCE: 'my-res', ANTHROPIC_FOUNDRY_API_KEY: 'foundry-key-1' }, timeoutMs: 5000, maxRetries: 0 });
    const response = await port.create(REQUEST);
    expect(scope.isDone()).toBe(true);
    expect(seen[0]!.headers.get('x-api-key')).toBe('foundry-key-1');
    expect(seen[0]!.body).toMatchObject({ model: 'claude-sonnet-5-5', stream: true });
    expect(response.content).toEqual([{ type: 'tool_use', id: 'toolu_01RouteTest0000000001', name: 'finish', input: { summary: 'done' } }]);
  });

  it('Foundry\'s 401 says which variable to check', async () => {
    nock('https://my-res.services.ai.azure.com')
      .post('/anthropic/v1/messages')
      .reply(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid api key' } }, { 'content-type': 'application/json' });
    const port = createModelPort({ provider: 'foundry', env: { ANTHROPIC_FOUNDRY_RESOURCE: 'my-res', ANTHROPIC_FOUNDRY_API_KEY: 'wrong' }, timeoutMs: 5000, maxRetries: 0 });
    await expect(port.create(REQUEST)).rejects.toThrow(/Microsoft Foundry error 401 authentication_error: invalid api key.*check ANTHROPIC_FOUNDRY_API_KEY/);
  });

  it('a prompt that no longer fits is told apart from other invalid requests', async () => {
    nock('http://gateway.local:4000')
      .post('/v1/messages')
      .reply(400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } }, { 'content-type': 'application/json' });
    const port = createModelPort({ provider: 'anthropic', env: { ANTHROPIC_BASE_URL: 'http://gateway.local:4000', ANTHROPIC_AUTH_TOKEN: 't' }, timeoutMs: 5000, maxRetries: 0 });
    await expect(port.create(REQUEST)).rejects.toMatchObject({ name: 'ModelPromptTooLongError' });
  });
});

/** Bedrock's stream: AWS event-stream frames, each a chunk whose `bytes` are one API event (base64 JSON). */
function bedrockBody(message: ApiMessage): Buffer {
  const codec = new EventStreamCodec((b) => new TextDecoder().decode(b), (s) => new TextEncoder().encode(s));
  const frames = streamEvents(message).map((e) =>
    Buffer.from(
      codec.encode({
        headers: {
          ':event-type': { type: 'string', value: 'chunk' },
          ':message-type': { type: 'string', value: 'event' },
          ':content-type': { type: 'string', value: 'application/json' },
        },
        body: new TextEncoder().encode(JSON.stringify({ bytes: Buffer.from(JSON.stringify(e.data)).toString('base64') })),
      }),
    ),
  );
  return Buffer.concat(frames);
}

describe('Amazon Bedrock', () => {
  it('streams from /model/{model id}/invoke-with-response-stream with the Bedrock API key, the version in the body', async () => {
    const seen: Seen[] = [];
    const scope = nock('https://bedrock-runtime.eu-central-1.amazonaws.com')
      .post('/model/anthropic.claude-sonnet-5-5/invoke-with-response-stream')
      .reply(async (request: Request) => {
        seen.push({ headers: request.headers, body: (await request.json()) as Record<string, unknown> });
        return [200, bedrockBody(answer('claude-sonnet-5-5')), { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'req-bedrock-1' }];
      });
    const port = createModelPort({ provider: 'bedrock', env: { AWS_REGION: 'eu-central-1', AWS_BEARER_TOKEN_BEDROCK: 'bedrock-key-1' }, timeoutMs: 5000, maxRetries: 0 });
    const response = await port.create(REQUEST);
    expect(scope.isDone()).toBe(true);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer bedrock-key-1');
    // The model is in the path, the API version in the body.
    expect(seen[0]!.body['model']).toBeUndefined();
    expect(seen[0]!.body['anthropic_version']).toEqual(expect.any(String));
    expect(seen[0]!.headers.get('anthropic-version')).toBeNull();
    expect(response).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'finish', input: { summary: 'done' } }] });
  });
});

/** Google credentials without the network: an OAuth client holding an access token that has not expired. */
function googleToken(token: string): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token, token_type: 'Bearer', expiry_date: Date.now() + 3_600_000 });
  return client;
}

describe('Google Vertex AI', () => {
  const env = { CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'my-gcp-project' };

  it('streams from streamRawPredict with the model in the path, anthropic_version "vertex-2023-10-16" in the body, and the Google token', async () => {
    const seen: Seen[] = [];
    const scope = serve(
      'https://us-east5-aiplatform.googleapis.com',
      '/v1/projects/my-gcp-project/locations/us-east5/publishers/anthropic/models/claude-haiku-4-5@20251001:streamRawPredict',
      'claude-haiku-4-5-20251001',
      seen,
    );
    const port = createModelPort({ provider: 'vertex', env, timeoutMs: 5000, maxRetries: 0, vertexAuthClient: googleToken('ya29.fake-token-1') });
    // The Claude API's dated id becomes Vertex's `@` form.
    const response = await port.create({ ...REQUEST, model: 'claude-haiku-4-5-20251001' });
    expect(scope.isDone()).toBe(true);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer ya29.fake-token-1');
    expect(seen[0]!.headers.get('x-api-key')).toBeNull();
    expect(seen[0]!.headers.get('anthropic-version')).toBeNull();
    expect(seen[0]!.body['model']).toBeUndefined();
    expect(seen[0]!.body).toMatchObject({ anthropic_version: 'vertex-2023-10-16', stream: true, max_tokens: 1024, messages: REQUEST.messages });
    expect(response).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'finish', input: { summary: 'done' } }], usage: { input_tokens: 12, output_tokens: 7 } });
  });

  it('the global location uses the global host; an ANTHROPIC_API_KEY in the environment never reaches Google', async () => {
    const seen: Seen[] = [];
    const scope = serve('https://aiplatform.googleapis.com', '/v1/projects/p-2/locations/global/publishers/anthropic/models/claude-sonnet-5-5:streamRawPredict', 'claude-sonnet-5-5', seen);
    const port = createModelPort({
      provider: 'vertex',
      env: { CLOUD_ML_REGION: 'global', ANTHROPIC_VERTEX_PROJECT_ID: 'p-2', ANTHROPIC_API_KEY: 'sk-ant-must-not-leak' },
      timeoutMs: 5000,
      maxRetries: 0,
      vertexAuthClient: googleToken('ya29.fake-token-2'),
    });
    await port.create(REQUEST);
    expect(scope.isDone()).toBe(true);
    expect(JSON.stringify([...seen[0]!.headers])).not.toContain('sk-ant-must-not-leak');
  });

  it('a 403 from Vertex names the route and what to check', async () => {
    nock('https://us-east5-aiplatform.googleapis.com')
      .post('/v1/projects/my-gcp-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-5-5:streamRawPredict')
      .reply(403, { error: { code: 403, message: 'Permission denied on resource project my-gcp-project.', status: 'PERMISSION_DENIED' } }, { 'content-type': 'application/json' });
    const port = createModelPort({ provider: 'vertex', env, timeoutMs: 5000, maxRetries: 0, vertexAuthClient: googleToken('ya29.fake-token-3') });
    await expect(port.create(REQUEST)).rejects.toThrow(/Vertex AI error 403.*check the Google credentials/);
  });
});
