"""The main window: title field, task list with check boxes, filter, delete, status bar."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from . import storage
from .model import InvalidTitleError, TaskFilter, TaskList, open_count_text

TASK_ID_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """Shows and edits the task list stored at `data_path` (FR-1 to FR-6)."""

    def __init__(self, data_path: Path) -> None:
        super().__init__()
        self.setWindowTitle("Tasklet")
        self._data_path = data_path
        loaded = storage.load(data_path)
        self._tasks = TaskList(loaded.tasks)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("New task")
        self.title_edit.setMaxLength(1000)
        self.add_button = QPushButton("Add")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.filter_box = QComboBox()
        for which in TaskFilter:
            self.filter_box.addItem(which.value, which)
        self.task_list = QListWidget()
        self.delete_button = QPushButton("Delete")
        self.open_label = QLabel()

        entry_row = QHBoxLayout()
        entry_row.addWidget(self.title_edit)
        entry_row.addWidget(self.add_button)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.filter_box)
        bottom_row.addStretch()
        bottom_row.addWidget(self.delete_button)
        layout = QVBoxLayout()
        layout.addLayout(entry_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.task_list)
        layout.addLayout(bottom_row)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.status_bar = QStatusBar()
        self.status_bar.addPermanentWidget(self.open_label)
        self.setStatusBar(self.status_bar)

        self.add_button.clicked.connect(self.add_task)
        self.title_edit.returnPressed.connect(self.add_task)
        self.delete_button.clicked.connect(self.delete_selected)
        self.filter_box.currentIndexChanged.connect(self.refresh)
        self.task_list.itemChanged.connect(self._on_item_changed)

        self.refresh()
        if loaded.warning:
            self.status_bar.showMessage(loaded.warning)

    @property
    def tasks(self) -> TaskList:
        return self._tasks

    def current_filter(self) -> TaskFilter:
        data = self.filter_box.currentData()
        return data if isinstance(data, TaskFilter) else TaskFilter.ALL

    def add_task(self) -> None:
        """FR-1: adds the typed title, or shows why it was refused."""
        try:
            self._tasks.add(self.title_edit.text())
        except InvalidTitleError as error:
            self.error_label.setText(str(error))
            return
        self.error_label.clear()
        self.title_edit.clear()
        self._save_and_refresh()

    def delete_selected(self) -> None:
        """FR-3: deletes the selected task."""
        item = self.task_list.currentItem()
        if item is None:
            return
        self._tasks.delete(int(item.data(TASK_ID_ROLE)))
        self._save_and_refresh()

    def refresh(self) -> None:
        """Redraws the list for the current filter (FR-6) and the open count (FR-5)."""
        self.task_list.blockSignals(True)
        self.task_list.clear()
        for task in self._tasks.filtered(self.current_filter()):
            item = QListWidgetItem(task.title)
            item.setData(TASK_ID_ROLE, task.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
            self.task_list.addItem(item)
        self.task_list.blockSignals(False)
        self.open_label.setText(open_count_text(self._tasks.open_count()))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        """FR-2: a check box marks the task done, clearing it opens it again."""
        done = item.checkState() == Qt.CheckState.Checked
        self._tasks.set_done(int(item.data(TASK_ID_ROLE)), done)
        self._save_and_refresh()

    def _save_and_refresh(self) -> None:
        storage.save(self._data_path, list(self._tasks.tasks))
        self.refresh()
