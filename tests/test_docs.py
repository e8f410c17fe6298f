"""The README and docs/ say true things: every command they show runs, and prints what they show.

A ```console block is a session: `$ command` lines, each followed by what it prints. The command
runs with bash from a scratch folder holding `samples/` and `examples/` (so files it writes land there), its
standard output a terminal 100 columns wide (as a reader's would be) and its standard error a
pipe (so no progress display can appear), with the installed `align` first on PATH. What it
prints (standard output, then standard error) must match what the page shows, where a line `…`
stands for lines left out. A command with nothing shown under it must still exit 0, or the status
its comment names ("exits 1"). The README's test command must be the one CI runs.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from conftest import ROOT

# Pages whose commands run here; how-it-works and benchmarks are other people's pages (and the
# benchmarks take minutes).
PAGES = [ROOT / "README.md", *(ROOT / "docs" / name for name in ("usage.md", "formats.md", "coverage-in-ci.md",
                                                                 "quality.md"))]
WIDTH = 100
ELISION = "…"


def sessions(page: Path) -> list[tuple[str, list[str]]]:
    """The (command, shown output lines) of every ```console block of a page."""
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found:
                found[-1][1].append(line)
    return found


COMMANDS = [pytest.param(command, shown, id=f"{page.name}:{command[:60]}")
            for page in PAGES for command, shown in sessions(page)]


def _read_all(fd: int) -> bytes:
    data = b""
    while True:
        try:
            piece = os.read(fd, 1 << 16)
        except OSError:  # the terminal's other end closed
            return data
        if not piece:
            return data
        data += piece


def run_shown(command: str, folder: Path) -> tuple[int, str]:
    """Run a page's command as a reader would at a terminal; its status and what it printed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, WIDTH, 0, 0))
    env = dict(os.environ, TERM="dumb", COLUMNS=str(WIDTH), LINES="50",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    process = subprocess.Popen(["bash", "-c", command], stdin=subprocess.DEVNULL, stdout=slave,
                               stderr=subprocess.PIPE, cwd=folder, env=env)
    os.close(slave)
    out = _read_all(master)
    err = process.stderr.read()
    status = process.wait(timeout=120)
    os.close(master)
    return status, (out.decode("utf-8").replace("\r\n", "\n") + err.decode("utf-8"))


def matches(shown: list[str], printed: str) -> bool:
    """The shown lines are the printed ones, but for a `…` line standing for any lines left out
    (trailing spaces aside)."""
    lines = [line.rstrip() for line in printed.rstrip("\n").split("\n")]
    wanted = [line.rstrip() for line in shown]
    pattern = "".join(r"(?:.*\n)*?" if line == ELISION else re.escape(line) + r"\n" for line in wanted)
    return re.fullmatch(pattern, "\n".join(lines) + "\n") is not None


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("docs")
    (scratch / "samples").symlink_to(ROOT / "samples")
    (scratch / "examples").symlink_to(ROOT / "examples")
    return scratch


@pytest.mark.parametrize("command, shown", COMMANDS)
def test_every_command_shown_prints_what_the_page_shows(command, shown, folder):
    status, printed = run_shown(command, folder)
    expected = re.search(r"#.*\bexits (\d+)", command)
    assert status == (int(expected.group(1)) if expected else 0), printed
    if shown:
        assert matches(shown, printed), f"shown:\n{chr(10).join(shown)}\n\nprinted:\n{printed}"


def test_the_pages_show_commands():
    assert len(COMMANDS) >= 20
    readme = [command for command, _ in sessions(ROOT / "README.md")]
    assert len(readme) == 7  # the table, TSV, and the five commands used most


def _set_up_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .*?)\n```", readme)


def test_the_readme_sets_up_a_virtual_environment_and_tests_as_ci_does():
    install, tests = _set_up_commands()
    for command in (install, tests):
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && python -m pip install ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tail = tests.split(" && ", 2)[2]  # what runs inside the virtual environment
    assert tail == 'python -m pip install ".[test]" && python -m pytest -q'
    assert tail.replace("install ", "install --quiet ") in ci


def test_the_readme_install_command_ends_with_a_command_that_runs(folder):
    install = _set_up_commands()[0]
    command = install.rsplit(" && ", 1)[1]
    assert command == "align samples/library-alternating/post.txt"
    status, printed = run_shown(command, folder)
    assert status == 0 and "pairs:" in printed


def test_the_front_page_is_short_and_links_every_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    before_more = readme.split("\nMore:", 1)[0]
    assert before_more.count("\n") < 80
    for name in ("usage", "formats", "coverage-in-ci", "how-it-works", "benchmarks", "quality"):
        assert f"(docs/{name}.md)" in readme
    for name in ("usage", "formats", "coverage-in-ci", "benchmarks", "quality"):
        assert (ROOT / "docs" / f"{name}.md").exists()


def test_the_front_page_has_no_internal_wording():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"\bissue \d|\.ci/run|session", readme)
