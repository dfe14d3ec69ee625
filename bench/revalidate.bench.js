// Re-validation benchmark (issue #7, item 6): `revalidateRepository` — validation of
// every spec, the traceability scan of every test and code file, drift against the lock
// file, the Spec health report — on a generated repository on disk with 200 specs and
// 20,000 test functions (target < 5 s), then on 2× the input (400 specs, 40,000 test
// functions): the ratio of the two shows whether it grows linearly (≈ 2.0).
// Baseline, measured here on the same files: reading every file and running one regex
// for `req("…")` over it, the least any scan must do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIB = new URL('../lib/', import.meta.url);
let mods;
try {
  mods = {
    fs: await import(new URL('adapters/fs-spec-source.js', LIB).href),
    config: await import(new URL('pipeline/config/schema.js', LIB).href),
    revalidate: await import(new URL('pipeline/revalidate/index.js', LIB).href),
    drift: await import(new URL('pipeline/drift/index.js', LIB).href),
    spec: await import(new URL('pipeline/spec/index.js', LIB).href),
    render: await import(new URL('reporting/spec-health.js', LIB).href),
  };
} catch {
  console.error('lib/ is missing or stale: run `npm run build:lib` (npm run bench does).');
  process.exit(2);
}

const REQS_PER_SPEC = 10;
const TESTS_PER_FILE = 20;
const RUNS = 5;
const WARMUP_RUNS = 2;
const TARGET_MS = 5000;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function prd(i) {
  const reqs = Array.from({ length: REQS_PER_SPEC }, (_, j) => `- FR-${i * REQS_PER_SPEC + j + 1}: Requirement ${j + 1} of product area ${i}: the user can do thing ${j} within 200 ms.`).join('\n');
  return `---\ntype: prd\nid: PRD-${i}\ntitle: Product area ${i}\nstatus: approved\n---\n\n# Product area ${i}\n\n## Goals and Background Context\n\nArea ${i} of the product.\n\n## Requirements\n\n### Functional\n\n${reqs}\n\n### Non Functional\n\n- NFR-${i + 1}: Pages of area ${i} render in under 300 ms.\n\n## Epic List\n\n- Epic 1: Area ${i}.\n`;
}

function functionalSpec(i) {
  const reqs = Array.from(
    { length: REQS_PER_SPEC },
    (_, j) => `### FR-${i * REQS_PER_SPEC + j + 1}: Behaviour ${j + 1}\n\n**Acceptance criteria:**\n\n1. WHEN the user does thing ${j} in area ${i}, THE app SHALL respond within 200 ms.\n2. WHEN thing ${j} fails, THE app SHALL show a message that names the cause.\n`,
  ).join('\n');
  return `---\ntype: functional-spec\nid: FS-${i}\ntitle: Area ${i} functional spec\nstatus: approved\n---\n\n# Area ${i} functional spec\n\n## Overview\n\nBehaviour of area ${i}.\n\n## User Scenarios\n\n- A user works in area ${i}.\n\n## Functional Requirements\n\n${reqs}\n`;
}

function testFile(f, specs, totalReqs) {
  const parts = ['"""Generated tests."""', '', 'import pytest', ''];
  for (let t = 0; t < TESTS_PER_FILE; t++) {
    const n = f * TESTS_PER_FILE + t;
    const id = (n * 7919) % (totalReqs + Math.ceil(totalReqs / 100)) + 1; // ~1% cite ids no spec defines
    const style = n % 10;
    if (style < 7) parts.push(`@pytest.mark.req("FR-${id}")`, `def test_case_${n}() -> None:`, `    assert ${n} == ${n}`, '');
    else if (style < 9) parts.push(`def test_fr_${id}_case_${n}() -> None:`, `    """Checks FR-${id}."""`, `    assert True`, '');
    else parts.push(`class TestCase${n}:`, `    # Covers FR-${id}`, `    def test_method(self) -> None:`, `        assert True`, '');
  }
  return parts.join('\n');
}

/** Writes the repository: specs (half PRDs, half functional specs), tests, a little code, and a lock for 3 of 4 specs (1 in 8 of them since edited). */
function generate(specCount) {
  const dir = mkdtempSync(join(tmpdir(), 'revalidate-bench-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'tests'));
  mkdirSync(join(dir, 'app'));
  const config = mods.config.defaultConfig();
  let lock;
  for (let i = 0; i < specCount; i++) {
    const path = `docs/spec-${i}.md`;
    const text = i % 2 === 0 ? prd(i) : functionalSpec(i);
    writeFileSync(join(dir, path), text);
    if (i % 4 === 3) continue;
    const implemented = i % 8 === 0 ? text.replace('Requirement 1 ', 'Requirement one ') : text;
    const spec = mods.spec.parseSpec(path, new TextEncoder().encode(implemented), config.specs);
    lock = mods.drift.recordImplementation(lock, mods.drift.lockEntryOf(spec, { pr: { number: i + 1 }, implementedAt: '2026-10-01T00:00:00Z' }));
  }
  mkdirSync(join(dir, '.spec-automation'));
  writeFileSync(join(dir, '.spec-automation', 'lock.json'), lock);
  const testCount = specCount * 100;
  const files = testCount / TESTS_PER_FILE;
  for (let f = 0; f < files; f++) writeFileSync(join(dir, 'tests', `test_gen_${f}.py`), testFile(f, specCount, specCount * REQS_PER_SPEC));
  for (let c = 0; c < specCount / 2; c++) writeFileSync(join(dir, 'app', `module_${c}.py`), `"""Module ${c} (FR-${c + 1})."""\n\n\ndef f_${c}() -> int:\n    # FR-${c + 2}\n    return ${c}\n`);
  return { dir, testCount, files: files + specCount + specCount / 2 };
}

async function naiveScan(dir, specCount) {
  const re = /req\("([^"]+)"\)/g;
  let hits = 0;
  const files = [...Array.from({ length: specCount }, (_, i) => `docs/spec-${i}.md`), ...Array.from({ length: (specCount * 100) / TESTS_PER_FILE }, (_, f) => `tests/test_gen_${f}.py`)];
  for (const f of files) hits += (await readFile(join(dir, f), 'utf8')).match(re)?.length ?? 0;
  return hits;
}

async function measure(specCount) {
  const repo = generate(specCount);
  const config = mods.config.defaultConfig();
  const source = mods.fs.createFsSpecSource(repo.dir);
  const times = [];
  const baseline = [];
  let report;
  const cpu = [];
  // Untimed runs first: the JIT compiles the hot paths, so the 1× figures are not the warm-up's.
  for (let w = 0; w < WARMUP_RUNS; w++) await mods.revalidate.revalidateRepository(source, config);
  for (let r = 0; r < RUNS; r++) {
    globalThis.gc?.();
    let t0 = performance.now();
    const c0 = process.cpuUsage();
    report = await mods.revalidate.revalidateRepository(source, config);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    t0 = performance.now();
    await naiveScan(repo.dir, specCount);
    baseline.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const issue = mods.render.renderSpecHealthIssue(report);
  const renderMs = performance.now() - t0;
  rmSync(repo.dir, { recursive: true, force: true });
  return { specCount, testCount: repo.testCount, files: repo.files, median: median(times), best: Math.min(...times), cpu: Math.min(...cpu), baseline: median(baseline), renderMs, report, issueBytes: Buffer.byteLength(issue) };
}

const one = await measure(200);
const two = await measure(400);
const rss = process.memoryUsage().rss;

const states = (r) => Object.entries(r.report.specs.reduce((m, s) => ({ ...m, [s.drift.state]: (m[s.drift.state] ?? 0) + 1 }), {})).map(([k, v]) => `${v} ${k}`).join(', ');
console.log(`Re-validation of a generated repository on disk, ${RUNS} runs: wall-clock median (best), and the least CPU time of a run`);
console.log('(on a shared machine wall-clock time is noisy; CPU time is the steadier figure for the growth ratio)\n');
console.log('| input | files | revalidateRepository | CPU time | target | baseline: read + one regex | ratio to baseline |');
console.log('|---|---|---|---|---|---|---|');
for (const m of [one, two]) {
  console.log(`| ${m.specCount} specs, ${m.testCount.toLocaleString('en-US')} test functions | ${m.files.toLocaleString('en-US')} | ${fmt(m.median)} (${fmt(m.best)}) | ${fmt(m.cpu)} | ${m.specCount === 200 ? `< ${fmt(TARGET_MS)}` : ''} | ${fmt(m.baseline)} | ${(m.median / m.baseline).toFixed(1)}× |`);
}
const ratio = two.cpu / one.cpu;
console.log(`\nGrowth for 2× input: ${ratio.toFixed(2)}× CPU time, ${(two.best / one.best).toFixed(2)}× best wall-clock time (linear = 2.00)`);
console.log(`Report, 1× input: ${one.report.traceability.tested.toLocaleString('en-US')} of ${one.report.traceability.needingTests.toLocaleString('en-US')} requirements tested, ${one.report.traceability.testFunctions.toLocaleString('en-US')} test functions, ${one.report.stale.length} stale citations; drift: ${states(one)}; ${one.report.findings.length.toLocaleString('en-US')} findings`);
console.log(`Spec health issue body, 1× input: rendered in ${fmt(one.renderMs)}, ${one.issueBytes.toLocaleString('en-US')} bytes (limit 65,535)`);
console.log(`Peak RSS of this process: ${(rss / 1024 / 1024).toFixed(0)} MB`);

if (one.report.traceability.testFunctions !== one.testCount) {
  console.error(`\nThe scan found ${one.report.traceability.testFunctions} test functions, not ${one.testCount}: the benchmark measured the wrong thing.`);
  process.exitCode = 1;
}
if (one.median > TARGET_MS) {
  console.error(`\nOver the target: ${fmt(one.median)} > ${fmt(TARGET_MS)} for 200 specs and 20,000 test functions.`);
  process.exitCode = 1;
}
if (ratio > 2.6) {
  console.error(`\nGrowth is not linear: ${ratio.toFixed(2)}× for 2× input.`);
  process.exitCode = 1;
}
