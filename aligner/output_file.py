"""Write a file the tool produces (-o, the two Moses files, reports) without harming what is there.

One module, so that every file the tool writes follows the same rules, which are easy to get
wrong one place at a time:

- A regular file, or a path that does not exist yet, is written to a temporary file in the same
  folder and renamed over it: an interrupted run never leaves half a file. A new file gets the
  mode a plain ``open()`` would give it (``0o666 & ~umask``); an existing one keeps its mode and,
  where the user may set it, its owner.
- Anything else that exists (a character or block device such as /dev/null, a FIFO, a socket,
  /dev/stdout) is opened and written in place: renaming over it would replace the device with a
  plain file. /dev/stdout, /dev/stderr and /dev/fd/N write through the descriptor they name,
  so they share its position (and its append mode) as a shell redirection would.
- No input is ever the target: compared by device and inode, so paths reached through symlinks
  or hard links, and standard input redirected from a file, are caught.
- Every OSError becomes one AlignerError naming the path and the reason, and no temporary file
  is left behind.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import AlignerError

# Output is handed to the kernel in pieces of about this many bytes.
_CHUNK = 1 << 16
# /dev/stdout and the like: paths that name one of this process's descriptors.
_DESCRIPTOR_PATH = re.compile(r"/dev/(?:fd/(\d+)|(stdin|stdout|stderr))|/proc/(?:self|thread-self|(\d+))/fd/(\d+)")
_STANDARD = {"stdin": 0, "stdout": 1, "stderr": 2}


def input_identities(sources: Iterable[str]) -> set[tuple[int, int]]:
    """(device, inode) of every input that still exists; ``-`` is standard input, when it is a file."""
    found: set[tuple[int, int]] = set()
    for source in sources:
        try:
            info = os.fstat(0) if source == "-" else os.stat(source)
        except (OSError, ValueError):
            continue  # standard input closed, or an input that is gone: nothing to protect
        if source != "-" or stat.S_ISREG(info.st_mode):
            found.add((info.st_dev, info.st_ino))
    return found


def write_output(target: Path, pieces: Iterable[str], sources: Iterable[str]) -> None:
    """Write the pieces (UTF-8) to target by the rules above; AlignerError when that cannot be done."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise AlignerError(write_failure_reason(target, exc)) from None
    if info is not None and (info.st_dev, info.st_ino) in input_identities(sources):
        raise AlignerError(f"{target}: refusing to overwrite the input file")
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise AlignerError(f"{target}: is a directory, not a file")
    try:
        descriptor = _named_descriptor(target)
        if descriptor is not None:
            _write_to_descriptor(descriptor, pieces)
        elif info is not None and not stat.S_ISREG(info.st_mode):
            _write_in_place(target, pieces)
        else:
            _write_atomically(target, info, pieces)
    except BrokenPipeError:
        raise  # the reader of a FIFO went away: the CLI ends quietly, as for standard output
    except OSError as exc:
        raise AlignerError(write_failure_reason(target, exc)) from None


def _named_descriptor(target: Path) -> int | None:
    """The descriptor of this process that /dev/stdout, /dev/fd/N or /proc/self/fd/N (or a symlink
    to one) names, or None: writing through it keeps the position a shell redirection set."""
    current = os.path.abspath(target)
    for _ in range(40):  # as many symlinks as the kernel follows
        current = os.path.join(os.path.realpath(os.path.dirname(current)), os.path.basename(current))
        match = _DESCRIPTOR_PATH.fullmatch(current)
        if match:
            fd, name, pid, proc_fd = match.groups()
            if pid is not None and int(pid) != os.getpid():
                return None  # another process's descriptor: open it like any other special file
            return int(fd or proc_fd) if name is None else _STANDARD[name]
        if not os.path.islink(current):
            return None
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return None


def _write_to_descriptor(descriptor: int, pieces: Iterable[str]) -> None:
    """Write through a duplicate of one of our descriptors, after what Python has buffered for it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and stream.fileno() == descriptor:
                stream.flush()
        except (AttributeError, OSError, ValueError):
            pass  # not a real file (a test runner's buffer)
    handle = os.dup(descriptor)
    try:
        _write_pieces(handle, pieces)
    finally:
        os.close(handle)


def _write_in_place(target: Path, pieces: Iterable[str]) -> None:
    """Open a device, FIFO or socket that exists and write to it; it is never replaced or removed."""
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        _write_pieces(handle, pieces)
    finally:
        os.close(handle)


def _write_atomically(target: Path, existing: os.stat_result | None, pieces: Iterable[str]) -> None:
    """Write a temporary file beside target (beside the file a symlink names, so the link stays),
    give it target's mode (or the umask's), and rename it over target."""
    real = Path(os.path.realpath(target))
    if not real.parent.is_dir():
        raise AlignerError(f"{target}: folder {real.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", dir=real.parent)
    try:
        try:
            if existing is not None:
                _keep_owner(handle, existing)
            os.fchmod(handle, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
            _write_pieces(handle, pieces)
            os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, real)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _keep_owner(handle: int, existing: os.stat_result) -> None:
    """Give the new file the old one's owner and group, where the user may (root may; others may not)."""
    if (existing.st_uid, existing.st_gid) == (os.getuid(), os.getgid()):
        return
    try:
        os.fchown(handle, existing.st_uid, existing.st_gid)
    except PermissionError:
        pass  # only root may give a file away; it then belongs to the user who rewrote it


def _umask() -> int:
    """The process's umask (it can only be read by setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_pieces(handle: int, pieces: Iterable[str]) -> None:
    """Encode the pieces as UTF-8 and write them in chunks, as they come."""
    chunk: list[bytes] = []
    size = 0
    for piece in pieces:
        data = piece.encode("utf-8")
        chunk.append(data)
        size += len(data)
        if size >= _CHUNK:
            _write_bytes(handle, b"".join(chunk))
            chunk, size = [], 0
    if chunk:
        _write_bytes(handle, b"".join(chunk))


def _write_bytes(handle: int, data: bytes) -> None:
    """Write all of data (os.write may take only part of it, on a pipe or a FIFO)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def write_failure_reason(target: Path, exc: OSError) -> str:
    """One line naming the path and why it could not be written."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{target}: permission denied"
    if exc.errno == errno.EISDIR:
        return f"{target}: is a directory, not a file"
    if exc.errno == errno.ENOENT:
        return f"{target}: folder {Path(os.path.abspath(target)).parent} does not exist"
    return f"{target}: cannot be written ({exc.strerror or exc})"
