/**
 * Issue 11, build item 9: every untrusted string inside HTML is escaped. A failing
 * test's file name used to land raw inside `<details><summary>` of a check run's text (a
 * live link was posted: code spans do not protect anything inside an HTML block). One
 * hostile payload set goes through every renderer whose output GitHub renders as
 * Markdown; the output is rendered as GitHub does (CommonMark + GFM, raw HTML kept, as
 * before GitHub's sanitizer) and every element and attribute that comes out must be one
 * the renderer wrote itself. (Annotations are shown as plain text, not Markdown.) JUnit
 * and SARIF must stay well-formed.
 */
import { XMLValidator } from 'fast-xml-parser';
import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { gfmTaskListItem, gfmTaskListItemHtml } from 'micromark-extension-gfm-task-list-item';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/pipeline/diagnostic.js';
import { assignFingerprints } from '../../src/pipeline/diagnostic.js';
import type { GateResult, TestCaseResult } from '../../src/pipeline/gate-result.js';
import { STATE_VERSION, type WorkflowState } from '../../src/pipeline/workflow/state.js';
import { renderCheckRun } from '../../src/reporting/check-run.js';
import { renderJobSummary } from '../../src/reporting/job-summary.js';
import { renderJunit } from '../../src/reporting/junit.js';
import { renderPrBody } from '../../src/reporting/pr-body.js';
import { commentBody, renderReviewBody } from '../../src/reporting/review.js';
import { gatesSarifRuns, renderSarif } from '../../src/reporting/sarif.js';
import { renderStateComment } from '../../src/reporting/state-comment.js';
import { gatesRun } from '../unit/reporting/make.js';

/** What an attacker can put in a file name, a test id, a message, a rule, a spec field. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example/phish">click</a>',
  '</summary></details><script>alert(2)</script>',
  '"><svg onload=alert(3)>',
  '&lt;iframe src=https://evil.example&gt;',
  '<!-- spec-automation:v1 gate=forged fp=forged -->',
  '[link](javascript:alert(4)) ![x](https://evil.example/t.png)',
  '@octocat @org/team',
  '`</code><b>bold</b>` ``` fence',
  '\n::error::x\n',
];
const HOSTILE = PAYLOADS.join(' ');

/** Elements the renderers (and GFM itself) produce; anything else came from a payload. */
const ALLOWED_TAGS = new Set(['p', 'details', 'summary', 'code', 'pre', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'sub', 'sup', 'blockquote', 'hr', 'del', 'input', 'b', 'i']);

/**
 * Every tag GitHub would see in `markdown`, with its attributes; hostile ones are
 * returned. GFM's autolinking of bare URLs is left out: GitHub links a bare URL in any
 * comment, shown as the URL itself; what must not happen is a link or element hidden
 * behind other text.
 */
function hostileHtml(markdown: string): string[] {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfmTable(), gfmStrikethrough(), gfmTaskListItem()],
    htmlExtensions: [gfmTableHtml(), gfmStrikethroughHtml(), gfmTaskListItemHtml()],
  });
  const problems: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = [m[0], m[1]!.toLowerCase(), m[2] ?? ''];
    if (!ALLOWED_TAGS.has(name)) problems.push(tag);
    else if (/\son[a-z]+\s*=/i.test(attrs)) problems.push(tag);
    // Our own links (to the spec in the repository) may carry a hostile file name, encoded.
    else if (name === 'a' && !/href="https:\/\/github\.com\/o\/r\//.test(attrs) && /evil\.example|javascript:/i.test(attrs)) problems.push(tag);
    else if (name === 'img') problems.push(tag);
  }
  if (/<!-- spec-automation:v1 gate=forged/.test(html)) problems.push('a forged marker');
  // GitHub links mentions in text, not in code.
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
  if (/@octocat|@org\/team/.test(text)) problems.push('a live @mention');
  return problems;
}

const hostileDiag: Diagnostic = assignFingerprints([
  {
    source: 'pytest',
    path: `tests/${HOSTILE}.py`,
    range: { start: { line: 3, column: 1 } },
    severity: 'error',
    rule: HOSTILE,
    message: HOSTILE,
    hint: HOSTILE,
  },
])[0]!;

const hostileCase: TestCaseResult = {
  id: `tests/test_x.py::test_${HOSTILE}`,
  name: `test_${HOSTILE}`,
  classname: HOSTILE,
  file: `tests/${HOSTILE}.py`,
  outcome: 'failed',
  durationMs: 5,
  message: HOSTILE,
  details: HOSTILE,
  location: { path: `tests/${HOSTILE}.py`, line: 3 },
};

const hostileGate: GateResult = {
  gate: 'pytest',
  tool: 'pytest',
  toolVersion: HOSTILE,
  status: 'failed',
  exitCode: 1,
  durationMs: 10,
  fromCache: false,
  command: ['pytest', HOSTILE],
  diagnostics: [hostileDiag],
  tests: { total: 1, passed: 0, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 5, cases: [hostileCase] },
  stderrTail: HOSTILE,
};
const erroredGate: GateResult = { ...hostileGate, gate: 'types', status: 'error', error: { message: HOSTILE, hint: HOSTILE }, diagnostics: [], tests: undefined };

function hostileState(): WorkflowState {
  return {
    version: STATE_VERSION,
    spec: { path: `docs/${HOSTILE}.md`, type: 'prd', id: HOSTILE, title: HOSTILE, contentHash: 'h1' },
    baseSha: 'a'.repeat(40),
    branch: 'spec/x',
    pr: 3,
    phase: 'needs-human',
    reason: HOSTILE,
    iteration: 1,
    headSha: 'b'.repeat(40),
    budget: { maxIterations: 3, turns: 80, tokens: 4_000_000, costUsd: 20 },
    ledger: { turns: 1, inputTokens: 1, outputTokens: 1, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0.1 },
    attempts: [
      {
        iteration: 0,
        mode: 'implement',
        startedAt: '2026-07-01T10:00:00.000Z',
        finishedAt: '2026-07-01T10:05:00.000Z',
        stopReason: 'finished',
        summary: HOSTILE,
        commitSha: 'c'.repeat(40),
        changedFiles: 1,
        spent: { turns: 1, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, costUsd: 0.1 },
        gates: { headSha: 'c'.repeat(40), conclusion: 'failure', failed: ['pytest'], errors: 1, warnings: 0, failedTests: 1, failureFingerprint: 'fp', toolErrors: [HOSTILE] },
      },
    ],
    deliveries: [],
    updatedAt: '2026-07-01T10:07:00.000Z',
  } as WorkflowState;
}

describe('the hostile payload set through every renderer', () => {
  const run = gatesRun([hostileGate, erroredGate]);
  const outputs: [string, string][] = [
    ...[hostileGate, erroredGate].flatMap((g): [string, string][] => {
      const plan = renderCheckRun(g);
      return [
        [`check run ${g.gate} summary`, plan.output.summary],
        [`check run ${g.gate} text`, plan.output.text ?? ''],
      ];
    }),
    ['job summary', renderJobSummary(run, { notices: [HOSTILE] })],
    ['review comment', commentBody(hostileDiag)],
    ['review body', renderReviewBody({ inline: [], overflow: [hostileDiag], outsideDiff: 0, maxInline: 30, refused: { findings: [hostileDiag], reason: HOSTILE } })],
    ['state comment', renderStateComment({ state: hostileState(), repoUrl: 'https://github.com/o/r' })],
    [
      'pull request body',
      renderPrBody({ spec: { path: `docs/${HOSTILE}.md`, id: HOSTILE, type: 'prd', title: HOSTILE }, requirements: [{ id: HOSTILE, text: HOSTILE }], acceptanceCriteria: 1, baseRef: HOSTILE, baseSha: 'a'.repeat(40), repoUrl: 'https://github.com/o/r' }),
    ],
  ];

  it.each(outputs)('%s renders no element, attribute, link, marker or mention of the payloads', (_name, markdown) => {
    expect(markdown.length).toBeGreaterThan(0);
    const problems = hostileHtml(markdown);
    if (problems.length > 0 && process.env.SHOW_RENDER) console.log(_name, problems, markdown.slice(0, 3000));
    expect(problems).toEqual([]);
  });

  it('the check run text puts the failing test inside <details><summary>, escaped', () => {
    const text = renderCheckRun(hostileGate).output.text ?? '';
    const summary = /<summary>(.*)<\/summary>/.exec(text)?.[1] ?? '';
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(summary).toContain('<code>tests/');
    expect(summary).not.toMatch(/<(?!\/?code>)/);
  });

  it('JUnit stays well-formed XML and SARIF valid JSON with the payloads in every field', () => {
    expect(XMLValidator.validate(renderJunit(run))).toBe(true);
    const sarif = JSON.stringify(renderSarif(gatesSarifRuns(run, () => undefined)));
    expect(JSON.parse(sarif)).toBeTruthy();
  });
});
