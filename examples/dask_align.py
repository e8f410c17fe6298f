#!/usr/bin/env python3
"""Align a folder of posts with Dask: one task per post, records gathered as JSON Lines.

    python3 -m pip install ".[dask]"
    python3 examples/dask_align.py samples/ corpus.jsonl                 # a local cluster
    python3 examples/dask_align.py posts/ corpus.jsonl tcp://scheduler:8786   # a real cluster

`aligner.batch.document_records` takes a path and returns plain dicts, so it ships to any
worker that has `aligner` installed; the records keep the order of the sorted file list.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def align_folder(folder: str | Path, scheduler: str | None = None, pattern: str = "**/*.txt") -> list[dict]:
    """Records of every post under ``folder``, computed on a Dask cluster (local unless named)."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    from aligner.batch import document_records

    paths = [str(p) for p in sorted(Path(folder).glob(pattern))]
    if scheduler:
        client = Client(scheduler)
    else:
        client = Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None))
    try:
        bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 8))).map(document_records)
        return [record for records in bag.compute() for record in records]
    finally:
        client.close()


def main() -> None:
    folder, target = sys.argv[1], sys.argv[2]
    scheduler = sys.argv[3] if len(sys.argv) > 3 else None
    records = align_folder(folder, scheduler)
    Path(target).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records from {len({r['file'] for r in records})} posts written to {target}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
