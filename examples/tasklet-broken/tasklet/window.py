"""A status label; the type error below is only visible when PyQt6 resolves."""

from __future__ import annotations

from PyQt6.QtWidgets import QLabel


def status_label(text: str) -> QLabel:
    label = QLabel()
    label.setText(len(text))
    return label
