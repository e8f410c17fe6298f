"""Many documents at once: worker processes, input order kept, and one picklable function
from a document to its records (for process pools, Dask or any other scheduler)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .api import align_file
from .errors import AlignerError
from .export import selected_units, unit_record
from .models import Alignment, OnStage, no_stage


@dataclass(frozen=True)
class AlignOptions:
    """Everything `align` needs besides the file; plain values, so it pickles."""

    src_lang: str = "en"
    tgt_lang: str = "vi"
    paragraphs: str = "auto"
    encoding: str | None = None
    input_format: str = "auto"
    level: str = "paragraph"
    dictionary: tuple[tuple[str, str], ...] = ()  # a user's extra lexicon entries (see dictionary.py)


def align_one(path: str, options: AlignOptions = AlignOptions(),
              on_stage: OnStage = no_stage) -> Alignment | AlignerError:
    """Align one file; a user error comes back as a value, so one bad file does not stop a batch."""
    try:
        return align_file(path, options.src_lang, options.tgt_lang, options.paragraphs, options.encoding,
                          options.input_format, options.level, options.dictionary, on_stage=on_stage)
    except AlignerError as exc:
        return exc


def align_many(paths: Sequence[str], options: AlignOptions = AlignOptions(), jobs: int | None = None,
               on_done: Callable[[str], None] | None = None,
               on_stage: OnStage = no_stage) -> Iterator[tuple[str, Alignment | AlignerError]]:
    """Align files with ``jobs`` processes (default: the number of cores), yielding in input order.

    ``on_done`` is told each file as it is finished; ``on_stage`` (models.OnStage) the stages
    within a file, when files are aligned in this process (one job, or one file)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(paths) < 2:
        for path in paths:
            result = align_one(path, options, on_stage)
            if on_done:
                on_done(path)
            yield path, result
        return
    from concurrent.futures import ProcessPoolExecutor  # here: one file needs no pool

    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = [pool.submit(align_one, path, options) for path in paths]
        for path, future in zip(paths, futures):
            result = future.result()
            if on_done:
                on_done(path)
            yield path, result


def document_records(path: str, src_lang: str = "en", tgt_lang: str = "vi", include_all: bool = True,
                     paragraphs: str = "auto", encoding: str | None = None) -> list[dict]:
    """One document to its JSON records, each with a ``file`` field; safe to ship to any worker.

    Raises AlignerError for unreadable input.
    """
    result = align_one(path, AlignOptions(src_lang, tgt_lang, paragraphs, encoding))
    if isinstance(result, AlignerError):
        raise result
    return [dict(unit_record(u, result), file=str(path)) for u in selected_units(result, include_all)]


def combined(alignments: Sequence[Alignment]) -> Alignment:
    """Several alignments as one, units in input order (for one TMX or one Moses corpus)."""
    first = alignments[0]
    units = [u for a in alignments for u in a.units]
    paragraphs = [p for a in alignments for p in a.paragraphs]
    return Alignment(first.src_lang, first.tgt_lang, paragraphs, units, level=first.level, name="several files",
                     min_score=first.min_score)
