import { describe, expect, it } from 'vitest';
import { scanPython } from '../../../src/pipeline/traceability/scan-python.js';
import { tokenizePython } from '../../../src/pipeline/traceability/python-tokens.js';

const OPTIONS = { kind: 'test' as const, marker: ['req'], patterns: [] };

function cited(text: string, options = OPTIONS) {
  return scanPython('tests/test_x.py', text, options).citations.map((c) => [c.canonicalId, c.line, c.via, c.test ?? null]);
}

describe('tokenizePython', () => {
  it('tells strings and comments apart and joins bracketed lines into one statement', () => {
    const { lines, comments } = tokenizePython(['x = "# not a comment"  # FR-1 real', '@pytest.mark.req(', '    "FR-2",', ')', "s = '''", '# inside a string', "'''"].join('\n'));
    expect(comments).toEqual([{ text: ' FR-1 real', line: 1, ownLine: false }]);
    expect(lines.map((l) => [l.startLine, l.endLine, l.indent])).toEqual([
      [1, 1, 0],
      [2, 4, 0],
      [5, 7, 0],
    ]);
    expect(lines[0]!.tokens.find((t) => t.kind === 'string')!.value).toBe('# not a comment');
  });

  it('survives unterminated strings, stray brackets and CRLF without throwing', () => {
    expect(() => tokenizePython('x = """never closed\r\n(((\r\n')).not.toThrow();
    expect(tokenizePython(')))\n]]\nx = 1\n').lines.map((l) => l.startLine)).toEqual([1, 2, 3]);
    const crlf = tokenizePython('def test_a():\r\n    pass\r\n# FR-3\r\n');
    expect(crlf.comments).toEqual([{ text: ' FR-3', line: 3, ownLine: true }]);
  });
});

describe('scanPython', () => {
  it('reads the marker convention: one id, several ids, dotted and bare `mark`, multi-line, parametrize marks', () => {
    const text = `import pytest
from pytest import mark


@pytest.mark.req("FR-7")
def test_export(tmp_path) -> None:
    pass


@pytest.mark.req("FR-1", 'NFR-2')
@pytest.mark.parametrize("x", [1, 2])
# a comment between decorators
async def test_two(x: int) -> None:
    pass


@mark.req(
    "FR-007",
)
class TestExport:
    def test_in_class(self) -> None:
        pass

    @pytest.mark.parametrize("v", [pytest.param(1, marks=pytest.mark.req("FR-9"))])
    def test_param(self, v: int) -> None:
        assert v


@pytest.mark.requirement("FR-8")
def test_other_marker() -> None:
    pass


@pytest.mark.req()
def test_no_id() -> None:
    x = "FR-5"  # data, not a citation
`;
    expect(cited(text)).toEqual([
      ['FR:7', 5, 'marker', 'test_export'],
      ['FR:1', 10, 'marker', 'test_two'],
      ['NFR:2', 10, 'marker', 'test_two'],
      ['FR:7', 18, 'marker', 'TestExport'],
      ['FR:9', 24, 'marker', 'TestExport::test_param'],
    ]);
    expect(scanPython('t.py', text, OPTIONS).testFunctions).toBe(6);
  });

  it('reads the alternatives: test names, docstrings, comments in and above a test, module markers', () => {
    const text = `"""Storage tests (FR-4)."""
import pytest

pytestmark = pytest.mark.req("NFR-3")


def test_fr_12_export_writes_csv():
    pass


def test_FR13():
    """Covers NFR-1 and
    FR-14a."""


# FR-15: the comment block above a test belongs to it
def test_with_comment_above():
    x = 1  # FR-16
    assert x


class TestNFR4Startup:
    def test_fast(self):
        pass


def test_add_200_characters():
    pass


def helper_fr_17():
    pass
`;
    expect(cited(text)).toEqual([
      ['FR:4', 1, 'docstring', null],
      ['NFR:3', 4, 'marker', null],
      ['FR:12', 7, 'name', 'test_fr_12_export_writes_csv'],
      ['FR:13', 11, 'name', 'test_FR13'],
      ['NFR:1', 12, 'docstring', 'test_FR13'],
      ['FR:14a', 13, 'docstring', 'test_FR13'],
      ['FR:15', 16, 'comment', 'test_with_comment_above'],
      ['FR:16', 18, 'comment', 'test_with_comment_above'],
      ['NFR:4', 22, 'name', 'TestNFR4Startup'],
    ]);
  });

  it('uses the configured marker name and patterns', () => {
    const text = `@pytest.mark.covers("FR-2")
def test_a():
    pass

def test_b():
    # Covers: fr-3
    pass
`;
    const re = /Covers: ([\w-]+)/g;
    expect(cited(text, { kind: 'test', marker: ['covers'], patterns: [re] as RegExp[] } as never)).toEqual([
      ['FR:2', 1, 'marker', 'test_a'],
      ['FR:3', 6, 'pattern', 'test_b'],
    ]);
  });

  it('keeps a marker argument that is no id as an unknown citation, so typos surface', () => {
    expect(cited('@pytest.mark.req("login")\ndef test_a():\n    pass\n')).toEqual([['login', 1, 'marker', 'test_a']]);
  });

  it('in code files reads docstrings and comments only', () => {
    const code = `"""Storage (FR-4)."""
def save():  # NFR-3: no network
    x = "FR-9"
`;
    expect(cited(code, { kind: 'code', marker: [], patterns: [] } as never)).toEqual([
      ['FR:4', 1, 'docstring', null],
      ['NFR:3', 2, 'comment', null],
    ]);
  });
});
