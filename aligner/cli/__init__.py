"""The `align` command: parses options, calls the library, prints. It computes nothing itself.

One module per command (pairs, detect, coverage), the options they share in options.py, and the
plumbing every command needs (exit codes, writing output) in plumbing.py.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from . import coverage, detect, pairs

DEFAULT_COMMAND = "pairs"


class _DefaultCommandGroup(TyperGroup):
    """Lets `align FILE` mean `align pairs FILE`, while `align detect FILE` still works."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args:
            # Bare `align`: help on a terminal, otherwise read the post from standard input.
            args = ["--help"] if sys.stdin is None or sys.stdin.isatty() else [DEFAULT_COMMAND]
        elif args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultCommandGroup,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: it prints in half the time and pipes cleanly
    context_settings={"help_option_names": ["-h", "--help"]},
    help="""Align the English and Vietnamese paragraphs of a bilingual post.

`align FILE` is short for `align pairs FILE`.

\b
Examples:
  align post.txt                      pairs side by side in a table
  align post.txt --format tsv         english<TAB>vietnamese, one pair per line
  align post.txt --format jsonl --all every paragraph, paired or not
  align detect post.txt               the language of every paragraph
  cat post.txt | align - -f csv -o pairs.csv
""",
)


app.command(DEFAULT_COMMAND)(pairs.command)
app.command("detect")(detect.command)
app.command("coverage")(coverage.command)


def main() -> None:
    """Entry point of the `align` command."""
    app()
