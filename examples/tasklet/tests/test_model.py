"""Rules of the task list, without Qt."""

from __future__ import annotations

import pytest

from tasklet.model import (
    MAX_TITLE_LENGTH,
    InvalidTitleError,
    TaskFilter,
    TaskList,
    open_count_text,
)


@pytest.mark.req("FR-1")
def test_add_trims_the_title() -> None:
    tasks = TaskList()
    task = tasks.add("  Buy milk  ")
    assert task.title == "Buy milk"
    assert not task.done
    assert tasks.tasks == (task,)


@pytest.mark.req("FR-1")
@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_add_refuses_an_empty_title(title: str) -> None:
    tasks = TaskList()
    with pytest.raises(InvalidTitleError, match="needs a title"):
        tasks.add(title)
    assert tasks.tasks == ()


@pytest.mark.req("FR-1")
def test_add_accepts_200_characters_and_refuses_201() -> None:
    tasks = TaskList()
    assert len(tasks.add("x" * MAX_TITLE_LENGTH).title) == 200
    with pytest.raises(InvalidTitleError, match="at most 200"):
        tasks.add("x" * (MAX_TITLE_LENGTH + 1))


@pytest.mark.req("FR-2")
def test_mark_done_and_open_again() -> None:
    tasks = TaskList()
    task = tasks.add("Write report")
    tasks.set_done(task.id)
    assert task.done
    tasks.set_done(task.id, done=False)
    assert not task.done


@pytest.mark.req("FR-3")
def test_delete_removes_only_that_task() -> None:
    tasks = TaskList()
    first, second = tasks.add("one"), tasks.add("two")
    tasks.delete(first.id)
    assert tasks.tasks == (second,)
    with pytest.raises(KeyError):
        tasks.delete(first.id)


@pytest.mark.req("FR-5")
def test_open_count_text() -> None:
    tasks = TaskList()
    for title in ("a", "b", "c", "d"):
        tasks.add(title)
    tasks.set_done(tasks.tasks[0].id)
    assert tasks.open_count() == 3
    assert open_count_text(tasks.open_count()) == "3 open"


@pytest.mark.req("FR-6")
def test_filter_all_open_done() -> None:
    tasks = TaskList()
    a, b = tasks.add("a"), tasks.add("b")
    tasks.set_done(b.id)
    assert tasks.filtered(TaskFilter.ALL) == [a, b]
    assert tasks.filtered(TaskFilter.OPEN) == [a]
    assert tasks.filtered(TaskFilter.DONE) == [b]


def test_ids_continue_after_loaded_tasks() -> None:
    tasks = TaskList()
    tasks.add("a")
    reloaded = TaskList(list(tasks.tasks))
    assert reloaded.add("b").id == 2
