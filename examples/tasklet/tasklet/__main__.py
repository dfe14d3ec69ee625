"""`python -m tasklet [--data PATH]`: starts the app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PyQt6.QtWidgets import QApplication

from . import storage
from .window import MainWindow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tasklet", description="A small to-do list.")
    parser.add_argument("--data", type=Path, help="the tasks file (default: %(default)s)",
                        default=storage.default_path())
    args = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    window = MainWindow(args.data)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
