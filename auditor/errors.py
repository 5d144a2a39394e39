"""Errors the user can cause and fix: the CLI prints them as one line, never a traceback."""
from __future__ import annotations


class AuditorError(Exception):
    """Base class of every error meant for the user."""


class InputError(AuditorError):
    """An input path that cannot be read as an article (missing, empty, binary, malformed...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoArticlesError(AuditorError):
    """Nothing usable was left after skipping bad inputs."""


class ModelError(AuditorError):
    """The embedding or parsing model cannot be loaded offline."""
