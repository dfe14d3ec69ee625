from __future__ import annotations

import pytest
from PyQt6.QtWidgets import QApplication

from tasklet.window import status_label


@pytest.mark.req("FR-5")
def test_status_label(qapp: QApplication) -> None:
    assert status_label("3 open").text() == "3 open"


def test_qt_runs_offscreen(qapp: QApplication) -> None:
    assert qapp.platformName() == "offscreen"
