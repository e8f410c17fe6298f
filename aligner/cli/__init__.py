"""The `align` command: parses options, calls the library, prints. It computes nothing itself.

One module per command (pairs, detect, coverage), the options they share in options.py, and the
plumbing every command needs (exit codes, writing output) in plumbing.py.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import coverage, detect, pairs

DEFAULT_COMMAND = "pairs"
GROUP_OPTIONS = ("--help", "-h", "--version", "-V")


class _DefaultCommandGroup(TyperGroup):
    """Lets `align FILE` mean `align pairs FILE`, while `align detect FILE` still works."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args:
            # Bare `align`: help on a terminal, otherwise read the post from standard input.
            args = ["--help"] if sys.stdin is None or sys.stdin.isatty() else [DEFAULT_COMMAND]
        elif args[0] not in self.commands and args[0] not in GROUP_OPTIONS:
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Run the command; a usage error is one line on stderr (`align: error: …`, exit 2),
        not click's three-line block, so it reads like every other error of the tool."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        from .plumbing import usage_error_line

        try:
            status = super().main(*args, standalone_mode=False, **kwargs)
        except typer.Abort:
            print("align: interrupted", file=sys.stderr)
            sys.exit(130)
        except Exception as exc:  # click's ClickException family; anything else goes on up
            line = usage_error_line(exc)
            if line is None:
                raise
            print(line, file=sys.stderr)
            sys.exit(getattr(exc, "exit_code", 2))
        sys.exit(status if isinstance(status, int) else 0)


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
  align post.txt                       pairs side by side, untranslated marked
  align post.txt --format tsv | cut -f2
                                       the Vietnamese side of each pair
  align post.txt -f jsonl --all        every paragraph, paired or not
  align en.txt vi.txt --pair           a text and its translation in two files
  align coverage post.txt --min-coverage 0.95
                                       is the translation complete? (exit 1 if not)
  align detect post.txt                the language of every paragraph
  cat post.txt | align - -f csv -o pairs.csv
""",
)


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"align {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                                                   help="Print the version and exit.")] = False) -> None:
    """Options before the command name (the command's own options come after it)."""


app.command(DEFAULT_COMMAND)(pairs.command)
app.command("detect")(detect.command)
app.command("coverage")(coverage.command)


def main() -> None:
    """Entry point of the `align` command."""
    app()
