"""Persistence of FR-4: tasks.json in the user's data directory, written atomically."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .model import Task

FILE_NAME = "tasks.json"
ENV_OVERRIDE = "TASKLET_DATA"


@dataclass
class LoadResult:
    """The loaded tasks, and a message for the user when the file could not be read."""

    tasks: list[Task]
    warning: str | None = None


def default_path() -> Path:
    """tasks.json in the user's data directory; TASKLET_DATA overrides the whole path."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return _data_home("APPDATA", Path.home() / "AppData" / "Roaming") / "tasklet" / FILE_NAME
    return _data_home("XDG_DATA_HOME", Path.home() / ".local" / "share") / "tasklet" / FILE_NAME


def _data_home(variable: str, fallback: Path) -> Path:
    value = os.environ.get(variable)
    return Path(value) if value else fallback


def backup_path(path: Path) -> Path:
    """Where a corrupt file is moved: tasks.json -> tasks.json.bak."""
    return path.with_name(path.name + ".bak")


def _task_from_json(data: Any) -> Task:
    if not isinstance(data, dict):
        raise ValueError("a task must be an object")
    title, done, created, task_id = (
        data.get("title"),
        data.get("done"),
        data.get("created"),
        data.get("id"),
    )
    if not isinstance(title, str) or not isinstance(done, bool):
        raise ValueError("a task needs a string title and a boolean done")
    if not isinstance(created, str) or not isinstance(task_id, int):
        raise ValueError("a task needs an integer id and an ISO created time")
    return Task(id=task_id, title=title, done=done, created=datetime.fromisoformat(created))


def _task_to_json(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "title": task.title,
        "done": task.done,
        "created": task.created.isoformat(),
    }


def load(path: Path) -> LoadResult:
    """Reads the tasks; a missing file is an empty list, a corrupt one is moved aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadResult(tasks=[])
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, list):
            raise ValueError("the file must hold a list of tasks")
        return LoadResult(tasks=[_task_from_json(item) for item in data])
    except ValueError as error:
        backup = backup_path(path)
        os.replace(path, backup)
        return LoadResult(
            tasks=[],
            warning=f"{path.name} could not be read ({error}); it was moved to {backup.name}.",
        )


def save(path: Path, tasks: list[Task]) -> None:
    """Writes the tasks atomically: a crash mid-write leaves the previous file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps([_task_to_json(t) for t in tasks], indent=2, ensure_ascii=False)
    fd, temp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
