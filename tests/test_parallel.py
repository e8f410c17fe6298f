"""aligner.parallel: long per-paragraph maps shared with forked helpers give what a plain map gives.

Forking is only done from a process without other threads, which pytest's process may not
be (the Dask example leaves some behind), so the forking checks run in a fresh interpreter.
"""

import json
import os
import subprocess
import sys
import textwrap
import threading

import aligner.parallel as parallel
from conftest import ROOT, SAMPLES, case_doc


def _fresh(code: str) -> object:
    """Run ``code`` in a new interpreter (cores set to 2) and return what it prints as JSON."""
    prelude = "import aligner.parallel as parallel\nparallel._cores = lambda: 2\n"
    proc = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return json.loads(proc.stdout)


def test_results_come_back_in_order_from_several_processes():
    found = _fresh("""
        import json, os
        results = parallel.parallel_map(lambda x: (os.getpid(), x * x), range(1000), min_items=0)
        print(json.dumps({"squares": [s for _, s in results], "pids": sorted({p for p, _ in results}),
                          "me": os.getpid()}))
    """)
    assert found["squares"] == [x * x for x in range(1000)]
    assert len(found["pids"]) == 2 and found["me"] in found["pids"]  # this process and one helper


def _pid(_: object) -> int:
    return os.getpid()


def test_short_maps_and_threaded_processes_stay_in_this_process(monkeypatch):
    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    assert set(parallel.parallel_map(_pid, range(50))) == {os.getpid()}
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:  # forking beside a running thread could copy a held lock: not done
        pids = parallel.parallel_map(_pid, range(1000), min_items=0)
    finally:
        stop.set()
        helper.join()
    assert set(pids) == {os.getpid()}


def test_alignment_is_the_same_with_tagging_and_features_spread_over_processes():
    paths = [str(case_doc(SAMPLES / name)) for name in ("memoir-mixed-order", "qa-faults")]
    found = _fresh(f"""
        import json
        from aligner import align_file
        def keys(path):
            return [([p.index for p in u.src], [p.index for p in u.tgt], u.score) for u in align_file(path).units]
        alone = [keys(path) for path in {paths!r}]
        parallel.MIN_ITEMS = 0
        assert parallel._can_fork()
        print(json.dumps({{"alone": alone, "shared": [keys(path) for path in {paths!r}]}}))
    """)
    assert found["shared"] == found["alone"]
    assert all(found["alone"])


def test_a_failed_fork_maps_in_place(monkeypatch):
    def no_fork(*_args, **_kwargs):
        raise OSError("Cannot allocate memory")

    monkeypatch.setattr(parallel, "_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    monkeypatch.setattr(parallel.multiprocessing.get_context("fork"), "Pool", no_fork)
    assert parallel.parallel_map(_pid, range(100), min_items=0) == [os.getpid()] * 100
