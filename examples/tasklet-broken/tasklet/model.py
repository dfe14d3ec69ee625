"""Tasks, with known lint findings and type errors (see README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class Task:
    title: str
    done: bool = False


def open_count_text(tasks: list[Task]) -> str:
    """The status bar text: "3 open". Bug: returns the bare count."""
    count = sum(1 for t in tasks if not t.done)
    if count < 0:
        raise ValueError("negative count")
    return count


def parse_done(value: str) -> bool:
    try:
        return bool(int(value))
    except:
        return False


def first_title(tasks: list[Task]) -> str:
    return tasks[0].titel
