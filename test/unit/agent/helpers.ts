// Test doubles and builders for the agent: a ParsedSpec builder, an in-memory base tree,
// a scripted model port, API-shaped responses and a fake clock.
import { WorkspaceError } from '../../../src/pipeline/agent/guards.js';
import type { ModelPort, ModelRequest, ModelResponse, ResponseBlock, StopReason, Usage } from '../../../src/pipeline/agent/model-port.js';
import type { BaseFile, WorkspacePort } from '../../../src/pipeline/agent/workspace-port.js';
import { agentSchema, type AgentConfig } from '../../../src/pipeline/config/schema.js';
import type { ParsedSpec, Requirement } from '../../../src/pipeline/spec/model.js';

export function requirement(id: string, text: string, line = 10): Requirement {
  const n = id.replace(/\D+/g, '');
  return { id, canonicalId: `${id.replace(/[-\d]+$/, '')}:${Number(n)}`, kind: id.replace(/[-\d]+$/, ''), text, raw: `- **${id}** ${text}`, line, sectionPath: ['Requirements'], form: 'list' };
}

/** A functional spec with FR-1 and FR-2 unless overridden. */
export function buildSpec(overrides: Partial<ParsedSpec> = {}): ParsedSpec {
  return {
    path: 'docs/greeting-spec.md',
    type: 'functional-spec',
    typeSource: 'front-matter',
    typeConfidence: 1,
    typeEvidence: { scores: { prd: 0, 'functional-spec': 10, 'technical-spec': 0, 'sprint-change-proposal': 0 }, reasons: [], confident: true },
    contentHash: 'a'.repeat(64),
    meta: { id: 'greeting', title: 'Greeting', status: 'approved', owners: [], supersedes: [], related: [], tags: [], implements: [], extra: {}, lines: {}, source: 'front-matter' },
    title: 'Greeting',
    sections: [],
    requirements: [requirement('FR-1', 'greet(name) returns "Hello, <name>!"'), requirement('FR-2', 'an empty name is refused with ValueError', 11)],
    stories: [],
    acceptanceCriteria: [],
    tasks: [],
    markers: [],
    refs: [],
    companions: [],
    executable: true,
    diagnostics: [],
    ...overrides,
  };
}

export const SPEC_TEXT = `---
type: functional-spec
id: greeting
status: approved
---
# Greeting

## Requirements

- **FR-1** greet(name) returns "Hello, <name>!"
- **FR-2** an empty name is refused with ValueError
`;

/** Agent configuration with test-friendly overrides. */
export function agentConfig(overrides: Record<string, unknown> = {}): AgentConfig {
  return agentSchema.parse(overrides);
}

/** A base tree in memory. Values: text, or `{ binary: size }`, or `{ tooLarge: size }`, or `{ escape: true }` (a symlink leading outside). */
export class MemoryTree implements WorkspacePort {
  readonly reads: string[] = [];
  constructor(readonly files: Record<string, string | { binary: number } | { tooLarge: number } | { escape: true }>) {}

  async listFiles(): Promise<string[]> {
    return Object.keys(this.files).sort();
  }

  async readFile(path: string): Promise<BaseFile | undefined> {
    this.reads.push(path);
    const f = this.files[path];
    if (f === undefined) return undefined;
    if (typeof f === 'string') return { kind: 'text', text: f, bytes: Buffer.byteLength(f) };
    if ('binary' in f) return { kind: 'binary', bytes: f.binary };
    if ('tooLarge' in f) return { kind: 'too-large', bytes: f.tooLarge };
    throw new WorkspaceError('outside-root', `"${path}" leads outside the repository through a symbolic link.`, path);
  }
}

let nextId = 0;
/** A `msg_…`-style id, unique per call. */
export function messageId(): string {
  nextId += 1;
  return `msg_01TEST${String(nextId).padStart(18, '0')}`;
}

export function usage(input: number, output: number, cacheWrite = 0, cacheRead = 0): Usage {
  return { input_tokens: input, output_tokens: output, cache_creation_input_tokens: cacheWrite, cache_read_input_tokens: cacheRead };
}

export function toolUse(id: string, name: string, input: unknown): ResponseBlock {
  return { type: 'tool_use', id, name, input };
}

export function text(t: string): ResponseBlock {
  return { type: 'text', text: t };
}

/** A response in the real API's shape. */
export function response(content: ResponseBlock[], stop: StopReason | null = content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn', u: Usage = usage(1000, 200)): ModelResponse {
  return { id: messageId(), type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content, stop_reason: stop, stop_sequence: null, usage: u };
}

/** A model that serves scripted responses in order and keeps the requests it got (deep copies). */
export class ScriptedModel implements ModelPort {
  readonly requests: ModelRequest[] = [];
  #i = 0;
  constructor(
    readonly script: Array<ModelResponse | Error | ((request: ModelRequest) => ModelResponse)>,
    readonly onCall?: () => void,
  ) {}

  async create(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(structuredClone(request));
    this.onCall?.();
    const next = this.script[this.#i];
    this.#i += 1;
    if (next === undefined) throw new Error(`ScriptedModel: no response scripted for call ${this.#i}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(request) : structuredClone(next);
  }
}

export class FakeClock {
  constructor(public ms = Date.UTC(2026, 0, 1)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** The standard happy path: read, write code, write test, finish. */
export function happyScript(): ModelResponse[] {
  return [
    response([text('Let me look at the package.'), toolUse('toolu_01A', 'list_files', {})], 'tool_use', usage(3000, 100, 2500, 0)),
    response(
      [
        toolUse('toolu_02A', 'write_file', { path: 'greeting/greet.py', content: 'def greet(name: str) -> str:\n    if not name:\n        raise ValueError("name is empty")\n    return f"Hello, {name}!"\n' }),
        toolUse('toolu_02B', 'write_file', {
          path: 'tests/test_greet.py',
          content:
            'import pytest\n\nfrom greeting.greet import greet\n\n\n@pytest.mark.req("FR-1")\ndef test_greet() -> None:\n    assert greet("Ada") == "Hello, Ada!"\n\n\n@pytest.mark.req("FR-2")\ndef test_empty() -> None:\n    with pytest.raises(ValueError):\n        greet("")\n',
        }),
      ],
      'tool_use',
      usage(300, 400, 200, 2500),
    ),
    response(
      [
        toolUse('toolu_03A', 'finish', {
          summary: 'Added greet() and its tests.',
          requirements: [
            { id: 'FR-1', files: ['greeting/greet.py'], tests: ['tests/test_greet.py::test_greet'] },
            { id: 'FR-2', files: ['greeting/greet.py'], tests: ['tests/test_greet.py::test_empty'] },
          ],
        }),
      ],
      'tool_use',
      usage(500, 150, 400, 2700),
    ),
  ];
}

export const BASE_FILES = {
  'README.md': '# Greeting\n',
  'greeting/__init__.py': '',
  'pyproject.toml': '[project]\nname = "greeting"\n\n[tool.pytest.ini_options]\nmarkers = ["req(id): requirement covered"]\n',
};
