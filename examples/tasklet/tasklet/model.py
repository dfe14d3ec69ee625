"""Tasks and the task list: the rules of FR-1, FR-2, FR-3, FR-5 and FR-6, free of Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum

MAX_TITLE_LENGTH = 200


class InvalidTitleError(ValueError):
    """A title that is empty after trimming, or longer than MAX_TITLE_LENGTH (FR-1)."""


class TaskFilter(Enum):
    """Which tasks the list shows (FR-6)."""

    ALL = "All"
    OPEN = "Open"
    DONE = "Done"


@dataclass
class Task:
    """One to-do item."""

    id: int
    title: str
    done: bool = False
    created: datetime = field(default_factory=lambda: datetime.now(UTC))


def validate_title(title: str) -> str:
    """Returns the trimmed title, or raises InvalidTitleError with a message for the user."""
    trimmed = title.strip()
    if not trimmed:
        raise InvalidTitleError("A task needs a title.")
    if len(trimmed) > MAX_TITLE_LENGTH:
        raise InvalidTitleError(
            f"A title has at most {MAX_TITLE_LENGTH} characters (this one has {len(trimmed)})."
        )
    return trimmed


class TaskList:
    """The user's tasks, in the order they were added."""

    def __init__(self, tasks: list[Task] | None = None) -> None:
        self._tasks: list[Task] = list(tasks or [])
        self._next_id = max((t.id for t in self._tasks), default=0) + 1

    @property
    def tasks(self) -> tuple[Task, ...]:
        return tuple(self._tasks)

    def add(self, title: str) -> Task:
        """Adds an open task (FR-1); raises InvalidTitleError for an invalid title."""
        task = Task(id=self._next_id, title=validate_title(title))
        self._next_id += 1
        self._tasks.append(task)
        return task

    def get(self, task_id: int) -> Task:
        for task in self._tasks:
            if task.id == task_id:
                return task
        raise KeyError(task_id)

    def set_done(self, task_id: int, done: bool = True) -> Task:
        """Marks a task done, or open again (FR-2)."""
        task = self.get(task_id)
        task.done = done
        return task

    def delete(self, task_id: int) -> None:
        """Deletes a task (FR-3)."""
        self._tasks.remove(self.get(task_id))

    def open_count(self) -> int:
        """Tasks not done yet, for the status bar (FR-5)."""
        return sum(1 for t in self._tasks if not t.done)

    def filtered(self, which: TaskFilter) -> list[Task]:
        """The tasks a filter shows (FR-6)."""
        if which is TaskFilter.OPEN:
            return [t for t in self._tasks if not t.done]
        if which is TaskFilter.DONE:
            return [t for t in self._tasks if t.done]
        return list(self._tasks)


def open_count_text(count: int) -> str:
    """The status bar text of FR-5: "3 open"."""
    return f"{count} open"
