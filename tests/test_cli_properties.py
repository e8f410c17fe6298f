"""Property test of the command: any options, any inputs, any -o target (existing, missing, special
files, folders, the input under another name) end without a traceback, with a documented exit
code, and never change an input or replace a device, a FIFO or a folder.

Devices and FIFOs are made in a temporary folder; the system's /dev is never a target.
Run more examples with ALIGN_FUZZ_EXAMPLES=500 python3 -m pytest tests/test_cli_properties.py
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aligner.cli import app
from conftest import SAMPLES

runner = CliRunner()
EXAMPLES = int(os.environ.get("ALIGN_FUZZ_EXAMPLES", "40"))
POST = (SAMPLES / "faq-short-lines" / "post.txt").read_bytes()
INPUTS = {"post.txt": POST, "empty.txt": b"", "vi.txt": "Thư viện mở cửa hằng ngày, trừ thứ Hai.\n".encode(),
          "utf16.txt": "The river rose.\nNước sông dâng cao.\n".encode("utf-16-le")}
TARGETS = [None, "-", "existing.txt", "new.out", "no/such/folder/out", "folder", "null", "pipe", "post.txt",
           "link.txt", "hard.txt", "vi.txt"]
# Names of one file: the symlink and the hard link reach post.txt.
ALIASES = {"post.txt": {"post.txt", "link.txt", "hard.txt"}, "link.txt": {"post.txt", "link.txt", "hard.txt"},
           "hard.txt": {"post.txt", "link.txt", "hard.txt"}}
FORMATS = {"pairs": ["table", "tsv", "csv", "jsonl", "json", "tmx", "moses", "md", "html"],
           "detect": ["table", "tsv", "jsonl", "json"], "coverage": ["table", "json"]}


@st.composite
def invocations(draw) -> tuple[list[str], str | None]:
    """A command line (paths relative to the folder) and the -o target chosen."""
    command = draw(st.sampled_from(sorted(FORMATS)))
    files = draw(st.lists(st.sampled_from([*INPUTS, "-", "missing.txt"]), min_size=1,
                          max_size=1 if command == "detect" else 3))
    args = [command, *files, "-f", draw(st.sampled_from(FORMATS[command]))]
    options = {
        "-p": st.sampled_from(["auto", "lines", "blocks"]),
        "-e": st.sampled_from(["utf-8", "utf-16-le", "cp1258", "no-such-codec"]),
    }
    if command != "detect":
        options.update({"--src": st.sampled_from(["en", "vi", "fr", "zz"]),
                        "--tgt": st.sampled_from(["vi", "en", "de", "zz"])})
    if command == "pairs":
        options.update({"--level": st.sampled_from(["paragraph", "sentence"]), "--jobs": st.sampled_from(["1", "2"])})
    if command == "coverage":
        options.update({"--min-coverage": st.sampled_from(["0", "0.5", "1"]),
                        "--fail-on": st.sampled_from(["doubtful", "untranslated", "unmatched"]),
                        "--ignore": st.sampled_from(["^Q:", "(unclosed"])})
    for option in draw(st.lists(st.sampled_from(sorted(options)), unique=True, max_size=3)):
        args += [option, draw(options[option])]
    if command == "pairs" and draw(st.booleans()):
        args.append("--all")
    target = draw(st.sampled_from(TARGETS))
    if target is not None:
        args += ["-o", target]
    return args, target


def make_folder(root: Path) -> bool:
    """The inputs and every kind of target; True when a device node could be made."""
    for name, data in INPUTS.items():
        (root / name).write_bytes(data)
    (root / "existing.txt").write_text("old\n", encoding="utf-8")
    (root / "folder").mkdir()
    os.mkfifo(root / "pipe")
    (root / "link.txt").symlink_to(root / "post.txt")
    os.link(root / "post.txt", root / "hard.txt")
    try:
        os.mknod(root / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return True
    except PermissionError:
        (root / "null").write_text("", encoding="utf-8")  # not root: a plain file stands in
        return False


class FifoReader:
    """Holds the FIFO open for reading (so a writer never blocks) and drains it in a thread."""

    def __init__(self, path: Path) -> None:
        self.handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._drain)
        self.thread.start()

    def _drain(self) -> None:
        while not self.stop.is_set():
            try:
                if not os.read(self.handle, 1 << 16):
                    self.stop.wait(0.01)
            except BlockingIOError:
                self.stop.wait(0.01)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        os.close(self.handle)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invocations())
def test_any_command_line_ends_cleanly_and_harms_nothing(invocation):
    args, target = invocation
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        device = make_folder(root)
        reader = FifoReader(root / "pipe")
        cwd = os.getcwd()
        os.chdir(root)
        try:
            result = runner.invoke(app, args, input="The river rose.\n\nNước sông dâng cao.\n")
        finally:
            os.chdir(cwd)
            reader.close()
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output, args
        assert result.exit_code in (0, 1, 2, 141), (args, result.exit_code, result.output)
        inputs = set(args[1:args.index("-f")])
        for name, data in INPUTS.items():
            names = ALIASES.get(name, {name})
            if name in inputs or ALIASES.get(target, {target}).isdisjoint(names):
                assert (root / name).read_bytes() == data, (args, name)  # an input, or not written at all
        if "post.txt" in inputs:
            assert (root / "hard.txt").read_bytes() == POST, args
        assert (root / "link.txt").is_symlink()
        assert stat.S_ISFIFO(os.lstat(root / "pipe").st_mode)
        assert stat.S_ISDIR(os.lstat(root / "folder").st_mode)
        if device:
            assert stat.S_ISCHR(os.lstat(root / "null").st_mode)
        assert not [p.name for p in root.iterdir() if p.name.startswith(".")], args  # no temporary file left
        if result.exit_code == 2 and target is not None:
            assert result.stderr.strip(), args  # an error is said, on stderr
