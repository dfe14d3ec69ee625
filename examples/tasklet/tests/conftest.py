"""Shared fixtures: one QApplication, offscreen so the tests run without a display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Imported after the platform is chosen, so Qt never looks for a display.
from PyQt6.QtWidgets import QApplication


@pytest.fixture(scope="session")
def qapp() -> Iterator[QApplication]:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    yield app


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "tasks.json"
