"""The one exception type of the library; the CLI turns it into a message and an exit code."""

from __future__ import annotations


class AlignerError(Exception):
    """A problem with the user's input or request, worded for the user.

    ``exit_code`` follows the CLI's convention: 2 for bad usage or unreadable input.
    """

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
