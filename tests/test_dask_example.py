"""The Dask example runs on samples/ with a local cluster and agrees with the CLI."""

import importlib.util
import json

import pytest

from conftest import ROOT, SAMPLES, run_align

pytest.importorskip("dask.bag", reason="dask is an optional extra: pip install '.[dask]'")
pytest.importorskip("dask.distributed", reason="dask.distributed is an optional extra: pip install '.[dask]'")


def test_dask_example_aligns_the_samples_like_the_command():
    spec = importlib.util.spec_from_file_location("dask_align", ROOT / "examples" / "dask_align.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    records = module.align_folder(SAMPLES, pattern="qa-*/post.txt")
    posts = sorted(str(p) for p in SAMPLES.glob("qa-*/post.txt"))
    expected = [json.loads(line) for line in run_align(*posts, "-f", "jsonl", "--all").stdout.splitlines()]
    assert records == expected
