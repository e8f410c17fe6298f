"""Progress on stderr: shown on a terminal (a pseudo-terminal here) while a long input is worked
on, never on a pipe or with -q; the data on stdout is the same byte for byte either way."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import SAMPLES, run_align

POST = (SAMPLES / "library-alternating" / "post.txt").read_bytes()
# A long input: the sample many times over, arriving in pieces over more than a second (the
# display appears once the work has taken a second), as from a slow disk or a network pipe.
LONG = POST * 40
PIECES = 6
PAUSE = 0.3


def _drain(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            data = os.read(fd, 1 << 16)
        except OSError:  # the terminal's other end closed
            return
        if not data:
            return
        into.append(data)


def run_slowly(args: list[str], stderr_on_terminal: bool) -> tuple[int, bytes, bytes]:
    """Run align with LONG fed to stdin piece by piece; stdout is always a pipe, stderr a
    pseudo-terminal or a pipe. Returns (exit status, stdout, stderr)."""
    if stderr_on_terminal:
        master, slave = pty.openpty()
        stderr = slave
    else:
        stderr = subprocess.PIPE
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    process = subprocess.Popen([sys.executable, "-m", "aligner", *args], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=stderr, env=env)
    err: list[bytes] = []
    if stderr_on_terminal:
        os.close(slave)
        reader = threading.Thread(target=_drain, args=(master, err))
    else:
        reader = threading.Thread(target=_drain, args=(process.stderr.fileno(), err))
    out: list[bytes] = []
    out_reader = threading.Thread(target=_drain, args=(process.stdout.fileno(), out))
    reader.start()
    out_reader.start()
    step = -(-len(LONG) // PIECES)
    for start in range(0, len(LONG), step):
        process.stdin.write(LONG[start:start + step])
        process.stdin.flush()
        time.sleep(PAUSE)
    process.stdin.close()
    status = process.wait(timeout=300)
    out_reader.join()
    reader.join()
    if stderr_on_terminal:
        os.close(master)
    return status, b"".join(out), b"".join(err)


@pytest.fixture(scope="module")
def on_terminal():
    return run_slowly(["-", "-f", "jsonl", "--all"], stderr_on_terminal=True)


def test_progress_appears_on_a_terminal_for_a_long_input(on_terminal):
    status, out, err = on_terminal
    assert status == 0
    assert b"reading" in err  # the stage being worked on, by name
    assert b"\x1b[" in err  # drawn and cleared with terminal controls


def test_the_data_is_byte_identical_with_and_without_a_terminal(on_terminal):
    status, out, err = run_slowly(["-", "-f", "jsonl", "--all"], stderr_on_terminal=False)
    assert status == 0 and out == on_terminal[1]
    assert err == b""  # nothing at all on a pipe


def test_quiet_shows_nothing_even_on_a_terminal(on_terminal):
    status, out, err = run_slowly(["-", "-f", "jsonl", "--all", "-q"], stderr_on_terminal=True)
    assert status == 0 and out == on_terminal[1]
    assert err == b""


def _feed_slowly(path: Path) -> None:
    """A shorter post than LONG, still arriving over more than a second."""
    data = POST * 8
    with open(path, "wb") as fifo:  # waits for align to open it
        step = -(-len(data) // PIECES)
        for start in range(0, len(data), step):
            fifo.write(data[start:start + step])
            fifo.flush()
            time.sleep(PAUSE)


def run_many_slowly(folder: Path, jobs: str, stderr_on_terminal: bool) -> tuple[int, bytes, bytes]:
    """Two posts, each a FIFO fed slowly, aligned by ``jobs`` processes."""
    names = []
    for name in ("first", "second"):
        path = folder / f"{name}-{jobs}-{stderr_on_terminal}.txt"
        os.mkfifo(path)
        threading.Thread(target=_feed_slowly, args=(path,), daemon=True).start()
        names.append(str(path))
    master, slave = pty.openpty() if stderr_on_terminal else (None, subprocess.PIPE)
    process = subprocess.Popen([sys.executable, "-m", "aligner", *names, "-f", "tsv", "-j", jobs],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
                               env=dict(os.environ, COLUMNS="100", TERM="xterm"))
    err: list[bytes] = []
    if stderr_on_terminal:
        os.close(slave)
    reader = threading.Thread(target=_drain, args=(master if stderr_on_terminal else process.stderr.fileno(), err))
    reader.start()
    out = process.stdout.read()
    status = process.wait(timeout=300)
    reader.join()
    if stderr_on_terminal:
        os.close(master)
    return status, out, b"".join(err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_counts_files_when_there_are_many(jobs, tmp_path):
    status, out, err = run_many_slowly(tmp_path, jobs, stderr_on_terminal=True)
    assert status == 0 and b"Traceback" not in err
    assert b"of 2" in err  # "file 1 of 2"
    if jobs == "2":  # worker processes and the display's timer together: still the same data
        assert run_many_slowly(tmp_path, jobs, stderr_on_terminal=False) == (0, out, b"")


def test_verbose_prints_the_stage_timings():
    result = run_align(str(SAMPLES / "library-alternating" / "post.txt"), "-f", "tsv", "-v")
    line = result.stderr.decode().strip()
    assert line.startswith("align: timings: reading ")
    for stage in ("splitting", "tagging", "aligning", "writing", "total"):
        assert stage in line


def test_verbose_times_many_files_too():
    posts = [str(SAMPLES / name / "post.txt") for name in ("qa-clean", "qa-faults")]
    result = run_align(*posts, "-f", "tsv", "-v", "--jobs", "1")
    assert "align: timings: reading" in result.stderr.decode()
