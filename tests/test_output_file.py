"""-o never harms: special files are written in place, inputs are never targets, errors are one line.

Devices and FIFOs are made in a temporary folder; the system's /dev/null, /dev/stdout and
/dev/stderr are never written by these tests.
"""

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import aligner.output_file as output_file
from aligner.cli import app
from conftest import ROOT, SAMPLES, run_align

runner = CliRunner()
POST = SAMPLES / "library-alternating" / "post.txt"
TSV = run_align(str(POST), "-f", "tsv").stdout


def make_null_device(path: Path) -> Path:
    """A character device like /dev/null (1, 3), made in a temporary folder; skip where we may not."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


def post_copy(folder: Path) -> Path:
    path = folder / "post.txt"
    path.write_bytes(POST.read_bytes())
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files the atomic write would leave (".NAME.xxxx")."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def one_error_line(stderr: str, *wanted: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("align: error: ")
    assert "Traceback" not in stderr
    for text in wanted:
        assert text in lines[0]


def test_a_character_device_stays_a_device(tmp_path):
    device = make_null_device(tmp_path / "null")
    result = run_align(str(POST), "-o", str(device))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert os.stat(device).st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_every_writer_keeps_a_device(tmp_path):
    """-o of detect and coverage, and the report formats, all go through the same module."""
    device = make_null_device(tmp_path / "null")
    for args in (["detect", str(POST)], ["coverage", str(POST)], ["coverage", str(POST), "-f", "json"],
                 [str(POST), "-f", "html"], [str(POST), "-f", "table"]):
        result = runner.invoke(app, [*args, "-o", str(device)])
        assert result.exit_code == 0, (args, result.output)
        assert stat.S_ISCHR(os.stat(device).st_mode)


def test_moses_files_keep_a_device(tmp_path):
    device = make_null_device(tmp_path / "corpus.vi")
    result = runner.invoke(app, [str(POST), "-f", "moses", "-o", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert (tmp_path / "corpus.en").read_text(encoding="utf-8").count("\n") > 5


def read_fifo(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader on a FIFO in a thread, as `cat FIFO` would be."""
    received: list[bytes] = []

    def drain() -> None:
        with open(path, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=drain)
    reader.start()
    return reader, received


def test_a_fifo_receives_the_output(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, received = read_fifo(fifo)
    result = run_align(str(POST), "-f", "tsv", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received == [TSV]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_path_naming_our_standard_output_writes_through_it(tmp_path):
    """/dev/stdout's code path, tried on a symlink of our own to /proc/self/fd/1 with a FIFO as stdout."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, received = read_fifo(fifo)
    with open(fifo, "wb") as stdout:
        result = subprocess.run([sys.executable, "-m", "aligner", str(POST), "-f", "tsv", "-o", str(link)],
                                stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received == [TSV]
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_writing_through_a_descriptor_keeps_its_append_position(tmp_path):
    """`align post.txt -o /dev/stdout >> log` adds to the log: here with our own symlink and a file."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log"
    log.write_bytes(b"earlier line\n")
    with open(log, "ab") as stdout:
        result = subprocess.run([sys.executable, "-m", "aligner", str(POST), "-f", "tsv", "-o", str(link)],
                                stdout=stdout, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert log.read_bytes() == b"earlier line\n" + TSV


@pytest.mark.parametrize("path, descriptor", [
    ("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/fd/5", 5), (f"/proc/{os.getpid()}/fd/7", 7),
    ("/proc/self/fd/3", 3), ("/proc/1/fd/1", None), ("/dev/stdoutx", None), ("out.txt", None),
])
def test_paths_that_name_a_descriptor_are_recognised(path, descriptor):
    # Only reads the path (and the links it passes through); nothing is written.
    assert output_file._named_descriptor(Path(path)) == descriptor


def test_a_folder_is_one_line_and_exit_2(tmp_path):
    source = post_copy(tmp_path)
    result = run_align(str(source), "-o", str(tmp_path))
    assert result.returncode == 2
    one_error_line(result.stderr.decode(), str(tmp_path), "is a directory")
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_one_line_and_exit_2(tmp_path):
    result = run_align(str(POST), "-o", str(tmp_path / "no" / "out.tsv"))
    assert result.returncode == 2
    one_error_line(result.stderr.decode(), "out.tsv", "does not exist")


def test_an_unwritable_folder_is_one_line_and_exit_2(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable, and none can be made here")
        result = run_align(str(POST), "-o", str(folder / "out.tsv"))
        assert result.returncode == 2
        one_error_line(result.stderr.decode(), "out.tsv", "permission denied")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_full_disk_is_one_line_exit_2_and_no_debris(tmp_path, monkeypatch):
    target = tmp_path / "out.tsv"
    target.write_text("old content\n", encoding="utf-8")

    def disk_full(handle: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output_file, "_write_bytes", disk_full)
    result = runner.invoke(app, [str(POST), "-f", "tsv", "-o", str(target)])
    assert result.exit_code == 2
    one_error_line(result.stderr, "out.tsv", "No space left on device")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tsv"]


def test_redirected_standard_input_is_never_the_target(tmp_path):
    source = post_copy(tmp_path)
    with open(source, "rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "aligner", "-", "-o", str(source)], stdin=stdin,
                                capture_output=True)
    assert result.returncode == 2
    one_error_line(result.stderr.decode(), "refusing to overwrite the input file")
    assert source.read_bytes() == POST.read_bytes()


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_the_input_under_another_name_is_never_the_target(tmp_path, link):
    source = post_copy(tmp_path)
    other = tmp_path / "other.txt"
    other.symlink_to(source) if link == "symlink" else os.link(source, other)
    result = run_align(str(source), "-o", str(other))
    assert result.returncode == 2
    one_error_line(result.stderr.decode(), "refusing to overwrite the input file")
    assert source.read_bytes() == POST.read_bytes()


def test_any_of_several_inputs_is_never_the_target(tmp_path):
    source = post_copy(tmp_path)
    result = run_align(str(POST), str(source), "-f", "jsonl", "-o", str(source))
    assert result.returncode == 2
    assert source.read_bytes() == POST.read_bytes()


def test_a_moses_file_may_not_be_the_input(tmp_path):
    source = tmp_path / "corpus.en"
    source.write_bytes(POST.read_bytes())
    result = run_align(str(source), "-f", "moses", "-o", str(tmp_path / "corpus"))
    assert result.returncode == 2
    assert source.read_bytes() == POST.read_bytes()


def run_with_umask(mask: int, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aligner", *args], capture_output=True, stdin=subprocess.DEVNULL,
                          preexec_fn=lambda: os.umask(mask))


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002, 0o077])
def test_a_new_file_gets_the_umask_mode(tmp_path, mask):
    target = tmp_path / "out.tsv"
    result = run_with_umask(mask, str(POST), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_an_existing_file_keeps_its_mode_and_owner(tmp_path):
    target = tmp_path / "out.tsv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    owner = (target.stat().st_uid, target.stat().st_gid)
    if os.geteuid() == 0:
        owner = (12345, 12346)
        os.chown(target, *owner)
    result = run_with_umask(0o077, str(POST), "-f", "tsv", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == TSV
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert (target.stat().st_uid, target.stat().st_gid) == owner


def test_a_symlinked_target_keeps_its_link(tmp_path):
    real = tmp_path / "real.tsv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.tsv"
    link.symlink_to(real)
    result = run_align(str(POST), "-f", "tsv", "-o", str(link))
    assert result.returncode == 0
    assert link.is_symlink() and real.read_bytes() == TSV


def test_only_the_output_module_renames_or_makes_temporary_files():
    """Every file the tool writes goes through aligner/output_file.py."""
    for module in (ROOT / "aligner").glob("*.py"):
        if module.name == "output_file.py":
            continue
        code = module.read_text(encoding="utf-8")
        for call in ("os.replace", "os.rename", "mkstemp", "NamedTemporaryFile", "write_text(", "write_bytes("):
            assert call not in code, f"{module.name} writes a file itself ({call})"


def test_a_socket_is_one_line_exit_2_and_stays_a_socket(tmp_path):
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = run_align(str(POST), "-o", str(path))
    assert result.returncode == 2
    one_error_line(result.stderr.decode(), "sock: cannot be written (No such device or address)")
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_the_documented_error_table_lists_every_output_and_language_message():
    readme = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")  # linked from the README
    for message in ("OUT: refusing to overwrite the input file", "OUT: is a directory, not a file",
                    "OUT: folder DIR does not exist", "OUT: permission denied", "OUT: cannot be written (REASON)",
                    "(No space left on device)", "is not a language code: use an ISO 639-1 code",
                    "--src and --tgt are both", "the lexicon knows English–Vietnamese only",
                    "name it with --encoding utf-16-le (or utf-16-be)", "FAIL: no text found",
                    "FAIL: no English paragraph found", "FAIL: no Vietnamese paragraph found",
                    "FAIL: no English content to measure"):
        assert message in readme, message


@pytest.mark.parametrize("code, wanted", [
    (errno.EACCES, "out.tsv: permission denied"), (errno.EPERM, "out.tsv: permission denied"),
    (errno.EISDIR, "out.tsv: is a directory, not a file"),
    (errno.EROFS, "out.tsv: cannot be written (Read-only file system)"),
    (errno.ENOSPC, "out.tsv: cannot be written (No space left on device)"),
])
def test_each_write_failure_is_worded_with_the_path_and_the_reason(code, wanted):
    # The wording of failures no test here can cause as root (a read-only folder or file system).
    assert output_file.write_failure_reason(Path("out.tsv"), OSError(code, os.strerror(code))) == wanted
