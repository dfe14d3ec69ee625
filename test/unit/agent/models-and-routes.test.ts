// Models and prices as data, the model routes and the credential check before any work.
import { describe, expect, it } from 'vitest';
import { checkModelCredentials, resolveRoute, routeModelId } from '../../../src/adapters/anthropic/routes.js';
import { canonicalModelId, DEFAULT_MODEL, DEFAULT_PRICES } from '../../../src/pipeline/agent/models.js';
import { costOf, priceFor, pricesOf, tokensOf } from '../../../src/pipeline/agent/usage.js';
import { parseConfigText } from '../../../src/pipeline/config/load.js';
import { agentConfig } from './helpers.js';

describe('models and prices', () => {
  it('has a price for the default model, and configured prices merge over the built-in ones', () => {
    expect(DEFAULT_PRICES[DEFAULT_MODEL]).toEqual({ input: 2, output: 10, cacheWrite: 2.5, cacheWrite1h: 4, cacheRead: 0.2 });
    const prices = pricesOf(agentConfig({ prices: { 'my-gateway-model': { input: 1, output: 2, cacheWrite: 0, cacheRead: 0 }, 'claude-opus-4-7': { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.4 } } }));
    expect(prices['my-gateway-model']).toEqual({ input: 1, output: 2, cacheWrite: 0, cacheRead: 0 });
    // One configured price does not drop the others…
    expect(prices['claude-sonnet-4-6']).toEqual(DEFAULT_PRICES['claude-sonnet-4-6']);
    // …and a configured one wins over the built-in one.
    expect(prices['claude-opus-4-7']!.input).toBe(4);
  });

  it('prices a Bedrock or Vertex form of a model id by its Claude API id', () => {
    expect(canonicalModelId('us.anthropic.claude-sonnet-4-5-20250929-v1:0')).toBe('claude-sonnet-4-5-20250929');
    expect(canonicalModelId('anthropic.claude-opus-4-6-v1')).toBe('claude-opus-4-6');
    expect(canonicalModelId('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-6')).toBe('claude-sonnet-4-6');
    expect(canonicalModelId('claude-haiku-4-5@20251001')).toBe('claude-haiku-4-5-20251001');
    const prices = pricesOf(agentConfig());
    expect(priceFor('global.anthropic.claude-sonnet-5-5', prices)).toEqual(DEFAULT_PRICES['claude-sonnet-5-5']);
    expect(priceFor('claude-haiku-4-5@20251001', prices)).toEqual(DEFAULT_PRICES['claude-haiku-4-5']);
    expect(priceFor('claude-haiku-5-5', prices)).toBeUndefined();
  });

  it('prices cache writes at their lifetime: the 1-hour write at 2 × input, the 5-minute one at 1.25 ×', () => {
    const tokens = tokensOf({ input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 1_500_000, cache_creation: { ephemeral_5m_input_tokens: 500_000, ephemeral_1h_input_tokens: 1_000_000 } });
    expect(tokens).toMatchObject({ cacheWriteTokens: 1_500_000, cacheWrite1hTokens: 1_000_000 });
    // Sonnet 5.5: $2.50 per million at 5 minutes, $4 at 1 hour.
    expect(costOf(tokens, DEFAULT_PRICES['claude-sonnet-5-5']!)).toBeCloseTo(0.5 * 2.5 + 1 * 4, 10);
    // An older configured price without cacheWrite1h: 1.6 × the 5-minute price.
    expect(costOf(tokens, { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 })).toBeCloseTo(0.5 * 3.75 + 6, 10);
  });

  it('refuses a configured cost budget on a model without a price, at the key, and accepts one with a configured price', () => {
    const bad = parseConfigText('agent:\n  model: my-local-model\n  budgets:\n    costUsd: 5\n');
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics[0]).toMatchObject({ range: { start: { line: 4 } } });
    expect(bad.diagnostics[0]!.message).toContain('model "my-local-model" has no price, so the cost budget cannot be measured');
    const priced = parseConfigText('agent:\n  model: my-local-model\n  prices:\n    my-local-model: { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 }\n  budgets:\n    costUsd: 5\n');
    expect(priced.ok).toBe(true);
    // Without a configured cost budget, an unpriced model is fine: its cost is unknown and the token budget holds.
    expect(parseConfigText('agent:\n  model: my-local-model\n').ok).toBe(true);
  });

  it('says which agent keys exist when one is misspelt', () => {
    const result = parseConfigText('agent:\n  provder: bedrock\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.hint).toBe('Did you mean "provider"?');
  });
});

describe('model routes', () => {
  it('auto picks the route from the environment as the SDKs are pointed', () => {
    expect(resolveRoute('auto', {})).toBe('anthropic');
    expect(resolveRoute('auto', { ANTHROPIC_AUTH_TOKEN: 't' })).toBe('anthropic');
    expect(resolveRoute('auto', { AWS_BEARER_TOKEN_BEDROCK: 'b' })).toBe('bedrock');
    expect(resolveRoute('auto', { CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_API_KEY: 'sk-ant-x' })).toBe('bedrock');
    expect(resolveRoute('auto', { CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p' })).toBe('vertex');
    expect(resolveRoute('auto', { ANTHROPIC_FOUNDRY_RESOURCE: 'r' })).toBe('foundry');
    expect(resolveRoute('vertex', { ANTHROPIC_API_KEY: 'sk-ant-x' })).toBe('vertex');
  });

  it('writes the model id in each route\'s form', () => {
    expect(routeModelId('anthropic', 'claude-sonnet-5-5')).toBe('claude-sonnet-5-5');
    expect(routeModelId('foundry', 'claude-sonnet-5-5')).toBe('claude-sonnet-5-5');
    expect(routeModelId('bedrock', 'claude-sonnet-5-5')).toBe('anthropic.claude-sonnet-5-5');
    expect(routeModelId('bedrock', 'claude-opus-4-6')).toBe('anthropic.claude-opus-4-6-v1');
    expect(routeModelId('bedrock', 'claude-haiku-4-5-20251001')).toBe('anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(routeModelId('bedrock', 'us.anthropic.claude-sonnet-4-6')).toBe('us.anthropic.claude-sonnet-4-6');
    expect(routeModelId('vertex', 'claude-haiku-4-5-20251001')).toBe('claude-haiku-4-5@20251001');
    expect(routeModelId('vertex', 'claude-sonnet-5-5')).toBe('claude-sonnet-5-5');
  });
});

describe('checkModelCredentials', () => {
  const agent = (provider: 'auto' | 'anthropic' | 'bedrock' | 'vertex' | 'foundry') => ({ provider });
  const oneLine = (message: string) => expect(message).not.toContain('\n');

  it('accepts each route with its credentials, naming what it authenticates with and never a secret', () => {
    const cases = [
      [{ ANTHROPIC_API_KEY: 'sk-ant-api03-secret' }, 'anthropic', 'anthropic (ANTHROPIC_API_KEY)'],
      [{ ANTHROPIC_AUTH_TOKEN: 'secret', ANTHROPIC_BASE_URL: 'http://localhost:4000' }, 'anthropic', 'anthropic (ANTHROPIC_AUTH_TOKEN, http://localhost:4000)'],
      [{ AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'AKIA', AWS_SECRET_ACCESS_KEY: 'secret' }, 'bedrock', 'bedrock (eu-central-1, AWS_ACCESS_KEY_ID)'],
      [{ CLOUD_ML_REGION: 'global', ANTHROPIC_VERTEX_PROJECT_ID: 'proj', GOOGLE_APPLICATION_CREDENTIALS: '/k.json' }, 'vertex', 'vertex (proj, global, GOOGLE_APPLICATION_CREDENTIALS)'],
      [{ ANTHROPIC_FOUNDRY_RESOURCE: 'my-res', ANTHROPIC_FOUNDRY_API_KEY: 'secret' }, 'foundry', 'foundry (my-res, ANTHROPIC_FOUNDRY_API_KEY)'],
    ] as const;
    for (const [env, provider, description] of cases) {
      const check = checkModelCredentials(env, agent(provider), { fileExists: (p) => p === '/k.json' });
      expect(check).toEqual({ ok: true, route: provider, description });
      expect(description).not.toContain('secret');
    }
  });

  it('names the route, the variable and how to set it in bash and PowerShell, on one line', () => {
    const cases = [
      [{}, 'auto', 'Model route anthropic (agent.provider): ANTHROPIC_API_KEY is not set', 'export ANTHROPIC_API_KEY=sk-ant-...', '$env:ANTHROPIC_API_KEY="sk-ant-..."'],
      [{ ANTHROPIC_API_KEY: 'gw-123' }, 'anthropic', 'does not look like an Anthropic key', 'export ANTHROPIC_API_KEY=', '$env:ANTHROPIC_API_KEY='],
      [{}, 'bedrock', 'Model route bedrock (agent.provider): no AWS credentials found', 'export AWS_BEARER_TOKEN_BEDROCK=', '$env:AWS_BEARER_TOKEN_BEDROCK='],
      [{ AWS_ACCESS_KEY_ID: 'AKIA' }, 'bedrock', 'AWS_SECRET_ACCESS_KEY is not set, but its pair is', 'export AWS_SECRET_ACCESS_KEY=', '$env:AWS_SECRET_ACCESS_KEY='],
      [{ AWS_REGION: 'Frankfurt', AWS_BEARER_TOKEN_BEDROCK: 'b' }, 'bedrock', 'AWS_REGION "Frankfurt" is not an AWS region name', 'export AWS_REGION=us-east-1', '$env:AWS_REGION="us-east-1"'],
      [{ ANTHROPIC_VERTEX_PROJECT_ID: 'p' }, 'vertex', 'Model route vertex (agent.provider): CLOUD_ML_REGION is not set', 'export CLOUD_ML_REGION=', '$env:CLOUD_ML_REGION='],
      [{ CLOUD_ML_REGION: 'us-east5' }, 'vertex', 'ANTHROPIC_VERTEX_PROJECT_ID is not set', 'export ANTHROPIC_VERTEX_PROJECT_ID=', '$env:ANTHROPIC_VERTEX_PROJECT_ID='],
      [{ CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p' }, 'vertex', 'no Google credentials found; run `gcloud auth application-default login`', 'export GOOGLE_APPLICATION_CREDENTIALS=', '$env:GOOGLE_APPLICATION_CREDENTIALS='],
      [{ ANTHROPIC_FOUNDRY_API_KEY: 'k' }, 'foundry', 'Model route foundry (agent.provider): ANTHROPIC_FOUNDRY_RESOURCE is not set', 'export ANTHROPIC_FOUNDRY_RESOURCE=', '$env:ANTHROPIC_FOUNDRY_RESOURCE='],
      [{ ANTHROPIC_FOUNDRY_RESOURCE: 'https://x.services.ai.azure.com', ANTHROPIC_FOUNDRY_API_KEY: 'k' }, 'foundry', 'is not a resource name', 'export ANTHROPIC_FOUNDRY_RESOURCE=', '$env:ANTHROPIC_FOUNDRY_RESOURCE='],
      [{ ANTHROPIC_FOUNDRY_RESOURCE: 'r' }, 'foundry', 'ANTHROPIC_FOUNDRY_API_KEY is not set', 'export ANTHROPIC_FOUNDRY_API_KEY=', '$env:ANTHROPIC_FOUNDRY_API_KEY='],
    ] as const;
    for (const [env, provider, what, bash, powershell] of cases) {
      const check = checkModelCredentials(env, agent(provider), { fileExists: () => false, home: '/home/u' });
      expect(check.ok, what).toBe(false);
      if (check.ok) continue;
      expect(check.message).toContain(what);
      expect(check.message).toContain(bash);
      expect(check.message).toContain(powershell);
      oneLine(check.message);
    }
  });

  it('finds the AWS shared credentials file and the gcloud application default credentials', () => {
    const files = new Set(['/home/u/.aws/credentials', '/home/u/.config/gcloud/application_default_credentials.json']);
    const probe = { fileExists: (p: string) => files.has(p), home: '/home/u' };
    expect(checkModelCredentials({}, agent('bedrock'), probe)).toMatchObject({ ok: true, description: 'bedrock (us-east-1, shared credentials file)' });
    expect(checkModelCredentials({ CLOUD_ML_REGION: 'us-east5', ANTHROPIC_VERTEX_PROJECT_ID: 'p' }, agent('vertex'), probe)).toMatchObject({ ok: true });
  });
});
