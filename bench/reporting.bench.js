// Reporting benchmark (issue #4, item 8: GitHub requests per run for 0, 50 and 5,000
// findings; target: the minimum the API allows). reportGates runs against an in-process
// stub of `octokit.request` that answers like an empty repository and counts requests
// by route. The minimum is computed from the API's own limits: one lookup of the commit's
// check runs, per gate max(1, ceil(annotations / 50)) writes; for the review, the pages
// of files (only when there are findings), one page of comments and one review. Also the render cost of check runs for 5,000 findings, as a
// ratio to JSON.stringify of the same findings (a baseline measured in this script),
// and the size of what is sent.
import { existsSync } from 'node:fs';

const LIB = new URL('../lib/', import.meta.url);
if (!existsSync(new URL('github/reporter.js', LIB))) {
  console.error('lib/ is missing: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}
const { reportGates } = await import(new URL('github/reporter.js', LIB).href);
const { renderCheckRun } = await import(new URL('reporting/check-run.js', LIB).href);
const { renderJobSummary } = await import(new URL('reporting/job-summary.js', LIB).href);
const { assignFingerprints } = await import(new URL('pipeline/diagnostic.js', LIB).href);

const GATES = ['ruff', 'basedpyright', 'pytest'];
const SHA = 'b'.repeat(40);

function findings(n, gate) {
  const severities = ['error', 'warning', 'info'];
  return assignFingerprints(
    Array.from({ length: n }, (_, i) => ({
      source: gate,
      path: `src/pkg_${i % 40}/module_${i % 7}.py`,
      range: { start: { line: 1 + (i % 300), column: 1 + (i % 9) } },
      severity: severities[i % 3],
      rule: `R${i % 60}`,
      message: `${gate} finding ${i}: something is not quite right here 漢字 🚨`,
    })),
  );
}

function run(total) {
  const per = GATES.map((_, i) => Math.floor(total / GATES.length) + (i < total % GATES.length ? 1 : 0));
  const gates = GATES.map((gate, i) => {
    const diagnostics = findings(per[i], gate);
    return {
      gate,
      tool: gate,
      status: diagnostics.length > 0 ? 'failed' : 'passed',
      exitCode: diagnostics.length > 0 ? 1 : 0,
      durationMs: 1000,
      fromCache: false,
      command: [gate],
      diagnostics,
    };
  });
  return { schemaVersion: 1, startedAt: new Date().toISOString(), durationMs: 3000, conclusion: total > 0 ? 'failure' : 'success', gates };
}

/** A stub of octokit.request: an empty repository whose PR changed the first 100 lines of every file. */
function stubClient() {
  const counts = new Map();
  let bytes = 0;
  let id = 100;
  const files = Array.from({ length: 40 }, (_, p) =>
    Array.from({ length: 7 }, (_, m) => ({
      filename: `src/pkg_${p}/module_${m}.py`,
      status: 'modified',
      patch: `@@ -1,100 +1,100 @@\n${Array.from({ length: 100 }, (_, l) => `+line ${l + 1}`).join('\n')}`,
    })),
  ).flat();
  const request = async (route, params = {}) => {
    counts.set(route, (counts.get(route) ?? 0) + 1);
    bytes += JSON.stringify(params).length;
    if (route.startsWith('GET /repos/{owner}/{repo}/commits/{ref}/check-runs')) return { data: { total_count: 0, check_runs: [] }, headers: {} };
    if (route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files') {
      const page = params.page ?? 1;
      const perPage = params.per_page ?? 30;
      const last = Math.ceil(files.length / perPage);
      return { data: files.slice((page - 1) * perPage, page * perPage), headers: page < last ? { link: `<x?page=${page + 1}>; rel="next"` } : {} };
    }
    if (route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments') return { data: [], headers: {} };
    return { data: { id: ++id, html_url: `https://github.com/o/r/runs/${id}` }, headers: {} };
  };
  return { client: { request }, counts, bytes: () => bytes };
}

function minimum(r) {
  // One lookup of the commit's check runs, then per gate max(1, ceil(annotations / 50)) writes.
  let n = 1;
  for (const g of r.gates) n += Math.max(1, Math.ceil(g.diagnostics.length / 50));
  // comments (1 page, to find our outdated ones) and, when there are findings, the files
  // (280: 3 pages of 100) and one review.
  const any = r.gates.some((g) => g.diagnostics.length > 0);
  return n + 1 + (any ? 3 + 1 : 0);
}

const sink = { writeSummary() {}, annotate() {}, warn() {} };
console.log('GitHub requests per run (3 gates, a pull request with 280 changed files):\n');
console.log('findings  requests  minimum  ratio  by route');
for (const total of [0, 50, 5000]) {
  const r = run(total);
  const stub = stubClient();
  const outcome = await reportGates({ client: stub.client, repo: { owner: 'o', repo: 'r' }, sha: SHA, run: r, pullNumber: 1, sink });
  const sent = [...stub.counts.values()].reduce((a, b) => a + b, 0);
  const min = minimum(r);
  const routes = [...stub.counts.entries()].map(([k, v]) => `${v}× ${k.replace('/repos/{owner}/{repo}', '')}`).join(', ');
  console.log(`${String(total).padStart(8)}  ${String(sent).padStart(8)}  ${String(min).padStart(7)}  ${(sent / min).toFixed(2).padStart(5)}  ${routes}`);
  if (outcome.requests !== sent) console.log(`  (the outcome counted ${outcome.requests})`);
  if (total === 5000) console.log(`\n  request payload sent for 5,000 findings: ${(stub.bytes() / 1024 / 1024).toFixed(1)} MiB`);
}

// Render cost, as a ratio to serializing the same findings (same process, same data).
const big = run(5000);
const all = big.gates.flatMap((g) => g.diagnostics);
const REPEATS = 20;
function median(fn) {
  const samples = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
const baseline = median(() => JSON.stringify(all));
const render = median(() => big.gates.map((g) => renderCheckRun(g, { sha: SHA })));
const summary = median(() => renderJobSummary(big));
console.log(`\nrendering 5,000 findings (median of ${REPEATS}); baseline JSON.stringify = ${baseline.toFixed(1)} ms`);
console.log(`  3 check runs (summary, annotations, results block): ${render.toFixed(1)} ms = ${(render / baseline).toFixed(1)}× baseline`);
console.log(`  job summary (1 MiB bound):                          ${summary.toFixed(1)} ms = ${(summary / baseline).toFixed(1)}× baseline`);
