/**
 * Requirement → test traceability, as data: where tests and code cite requirement ids,
 * and per spec which requirements have tests, which have none, and which citations
 * point at ids no spec defines any more.
 */

/** How a citation was written. */
export type CitationVia =
  /** `@pytest.mark.req("FR-12")` (the project-wide convention; marker name from `traceability.marker`). */
  | 'marker'
  /** The test's own name: `test_fr_12_export`, `test_FR12`, `TestFR12`. */
  | 'name'
  /** A docstring (or any string statement) of the test, its class or its module. */
  | 'docstring'
  /** A `#` comment in or just above the test. */
  | 'comment'
  /** A `traceability.patterns` regex. */
  | 'pattern'
  /** Any mention in a file that is not Python (tests in other languages put the id in the test's name or description). */
  | 'text';

/** One mention of a requirement id in a test or code file. */
export interface Citation {
  /** As written (`FR-012`, `login`), or rebuilt from a test name (`FR-12`). */
  id: string;
  /** `FR:12` (spec-formats §2: FR12 = FR-12 = FR-012); for text that is no requirement id, the text itself. */
  canonicalId: string;
  /** Repo-relative, forward slashes. */
  path: string;
  /** 1-based. */
  line: number;
  via: CitationVia;
  /** The test it belongs to (`test_add`, `TestWindow::test_add`), when there is one. */
  test?: string;
}

/** A file the scan did not read, and why. */
export interface SkippedFile {
  path: string;
  reason: 'too-large' | 'binary' | 'unreadable' | 'over-limit';
}

/** A problem with the traceability configuration (a bad pattern or marker name). */
export interface TraceabilityProblem {
  /** `traceability.patterns[2]`. */
  key: string;
  message: string;
}

/** Everything the scan found in the repository's test and code files. */
export interface TraceIndex {
  /** Citations in test files (`traceability.tests`), in path and line order. */
  tests: Citation[];
  /** Citations in code files (`traceability.code` minus the test files). */
  code: Citation[];
  testFiles: number;
  codeFiles: number;
  /** Test functions and methods found (Python: `def test…`). */
  testFunctions: number;
  skipped: SkippedFile[];
  problems: TraceabilityProblem[];
}

/** One requirement of a spec and what cites it. */
export interface RequirementTrace {
  /** As the spec writes it. */
  id: string;
  canonicalId: string;
  kind: string;
  /** Line in the spec (or in `file`, for BMAD shards). */
  line: number;
  file?: string;
  text: string;
  tests: Citation[];
  code: Citation[];
  /** False for kinds in `traceability.ignoreKinds` (user journeys, success metrics…). */
  needsTest: boolean;
}

/** Traceability of one spec document. */
export interface SpecTrace {
  path: string;
  requirements: RequirementTrace[];
  /** Requirements that need a test and have none, in spec order. */
  untested: RequirementTrace[];
  tested: number;
}

/** Why a citation is stale. */
export type StaleReason =
  /** No spec of the repository defines the id. */
  | 'unknown'
  /** Only superseded, deprecated or rejected specs define it. */
  | 'inactive';

/** A test (or code) citation of an id no active spec defines. */
export interface StaleCitation {
  citation: Citation;
  reason: StaleReason;
  /** For `inactive`: the specs that still define it. */
  definedIn: string[];
  /** True for code files (a comment or docstring), false for tests. */
  inCode: boolean;
}

/** The repository's traceability: per spec, plus the stale citations. */
export interface TraceabilityReport {
  specs: SpecTrace[];
  stale: StaleCitation[];
  totals: {
    requirements: number;
    needingTests: number;
    tested: number;
    untested: number;
    testFiles: number;
    codeFiles: number;
    testFunctions: number;
    citations: number;
  };
}
