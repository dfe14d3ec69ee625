"""Tasklet: a small to-do list desktop app."""

__version__ = "1.0.0"
