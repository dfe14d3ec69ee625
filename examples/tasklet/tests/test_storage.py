"""FR-4: tasks.json round trip, atomic write, corrupt files moved aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tasklet import storage
from tasklet.model import TaskList


@pytest.mark.req("FR-4")
def test_save_and_load_round_trip(data_path: Path) -> None:
    tasks = TaskList()
    tasks.add("Buy milk")
    tasks.set_done(tasks.add("Café ☕").id)
    storage.save(data_path, list(tasks.tasks))
    loaded = storage.load(data_path)
    assert loaded.warning is None
    assert loaded.tasks == list(tasks.tasks)
    assert [p.name for p in data_path.parent.iterdir()] == ["tasks.json"]


@pytest.mark.req("FR-4")
def test_missing_file_loads_empty(data_path: Path) -> None:
    assert storage.load(data_path) == storage.LoadResult(tasks=[])


@pytest.mark.req("FR-4")
@pytest.mark.parametrize("content", ["{not json", '{"a": 1}', '[{"title": 3}]', "\udcff"])
def test_corrupt_file_is_moved_aside(data_path: Path, content: str) -> None:
    data_path.parent.mkdir(parents=True)
    data_path.write_bytes(content.encode("utf-8", "surrogateescape"))
    loaded = storage.load(data_path)
    assert loaded.tasks == []
    assert loaded.warning is not None and "tasks.json.bak" in loaded.warning
    assert not data_path.exists()
    assert storage.backup_path(data_path).read_bytes() == content.encode("utf-8", "surrogateescape")


@pytest.mark.req("FR-4")
def test_default_path_is_overridable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(storage.ENV_OVERRIDE, str(tmp_path / "mine.json"))
    assert storage.default_path() == tmp_path / "mine.json"
    monkeypatch.delenv(storage.ENV_OVERRIDE)
    assert storage.default_path().name == "tasks.json"


@pytest.mark.req("FR-4")
def test_file_is_plain_json(data_path: Path) -> None:
    tasks = TaskList()
    tasks.add("a")
    storage.save(data_path, list(tasks.tasks))
    [entry] = json.loads(data_path.read_text(encoding="utf-8"))
    assert entry["title"] == "a" and entry["done"] is False
