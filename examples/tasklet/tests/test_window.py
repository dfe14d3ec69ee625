"""The main window, driven offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QApplication

from tasklet import storage
from tasklet.model import TaskFilter
from tasklet.window import MainWindow


@pytest.fixture
def window(qapp: QApplication, data_path: Path) -> MainWindow:
    return MainWindow(data_path)


def add(window: MainWindow, title: str) -> None:
    window.title_edit.setText(title)
    window.add_button.click()


def titles(window: MainWindow) -> list[str]:
    shown: list[str] = []
    for row in range(window.task_list.count()):
        item = window.task_list.item(row)
        assert item is not None
        shown.append(item.text())
    return shown


@pytest.mark.req("FR-1")
def test_add_from_the_title_field(window: MainWindow) -> None:
    add(window, "  Buy milk ")
    assert titles(window) == ["Buy milk"]
    assert window.title_edit.text() == ""
    assert window.error_label.text() == ""


@pytest.mark.req("FR-1")
def test_invalid_title_is_refused_with_a_message(window: MainWindow) -> None:
    add(window, "   ")
    assert titles(window) == []
    assert window.error_label.text() == "A task needs a title."


@pytest.mark.req("FR-2")
def test_check_box_marks_done_and_open_again(window: MainWindow) -> None:
    add(window, "a")
    item = window.task_list.item(0)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    assert window.tasks.tasks[0].done
    item = window.task_list.item(0)
    assert item is not None
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not window.tasks.tasks[0].done


@pytest.mark.req("FR-3")
def test_delete_selected(window: MainWindow) -> None:
    add(window, "a")
    add(window, "b")
    window.task_list.setCurrentRow(0)
    window.delete_button.click()
    assert titles(window) == ["b"]


@pytest.mark.req("FR-4")
def test_tasks_persist_across_windows(qapp: QApplication, data_path: Path) -> None:
    first = MainWindow(data_path)
    add(first, "survives")
    second = MainWindow(data_path)
    assert titles(second) == ["survives"]


@pytest.mark.req("FR-4")
def test_corrupt_file_starts_empty_with_a_warning(qapp: QApplication, data_path: Path) -> None:
    data_path.parent.mkdir(parents=True)
    data_path.write_text("garbage", encoding="utf-8")
    window = MainWindow(data_path)
    assert titles(window) == []
    assert "tasks.json.bak" in window.status_bar.currentMessage()
    assert storage.backup_path(data_path).exists()


@pytest.mark.req("FR-5")
def test_status_bar_counts_open_tasks(window: MainWindow) -> None:
    for title in ("a", "b", "c", "d"):
        add(window, title)
    window.tasks.set_done(window.tasks.tasks[0].id)
    window.refresh()
    assert window.open_label.text() == "3 open"


@pytest.mark.req("FR-6")
def test_filter_box(window: MainWindow) -> None:
    add(window, "open one")
    add(window, "done one")
    window.tasks.set_done(window.tasks.tasks[1].id)
    window.filter_box.setCurrentIndex(window.filter_box.findData(TaskFilter.OPEN))
    assert titles(window) == ["open one"]
    window.filter_box.setCurrentIndex(window.filter_box.findData(TaskFilter.DONE))
    assert titles(window) == ["done one"]
    window.filter_box.setCurrentIndex(window.filter_box.findData(TaskFilter.ALL))
    assert titles(window) == ["open one", "done one"]
