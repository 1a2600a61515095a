"""DataLoader with worker processes against torch: the same batches as num_workers=0 and as
torch's workers, WorkerInfo contents and per-worker seeds (torch, NumPy and Python generators),
iterable-dataset sharding, worker_init_fn, persistent workers, and errors raised in workers.

Two workers and tiny datasets keep this fast. Expected values come from torch live when
installed, else from tests/golden/data/workers.json (`python3 -m tests.test_data_workers`).
"""

import collections
import importlib
import json
import multiprocessing
import os
import pathlib
import random
import re
import signal
import time
import warnings

import numpy
import pytest

import numtorch
from tests.test_data_scenarios import describe, outcome

GOLDEN_PATH = pathlib.Path(__file__).parent / "golden" / "data" / "workers.json"
# Some datasets and init functions here are local objects: fork (where there is one) spares
# pickling them, whatever the platform's default start method.
CONTEXT = "fork" if "fork" in multiprocessing.get_all_start_methods() else None

Sample = collections.namedtuple("Sample", ["index", "payload"])


class InfoDataset:
    """Map-style: each sample reports which worker made it and that worker's generators."""

    def __init__(self, lib, n=6):
        self.lib = lib
        self.n = n
        self.calls = 0

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        T = importlib.import_module(self.lib)
        info = T.utils.data.get_worker_info()
        self.calls += 1
        return {
            "index": i,
            "worker": [info.id, info.num_workers, info.seed, info.dataset is self],
            "draws": [
                T.rand(()).item(),
                int(numpy.random.randint(1 << 30)),
                random.randrange(1 << 30),
            ],
            "calls": self.calls,
            "sample": Sample(i, T.full((2,), float(i))),
        }


class FailingDataset:
    """Map-style: sample `bad` raises `error(message)`; os._exit for error None."""

    def __init__(self, bad, error, message):
        self.bad, self.error, self.message = bad, error, message

    def __len__(self):
        return 6

    def __getitem__(self, i):
        if i == self.bad:
            if self.error is None:
                os._exit(3)
            raise self.error(*self.message)
        return i


class SlowDataset:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        time.sleep(1.0)
        return i


class _ShardsBody:
    """Iterable over range(start, end), split across workers by get_worker_info()."""

    def __init__(self, start, end, split=True):
        self.start, self.end, self.split = start, end, split

    def __iter__(self):
        info = self.get_worker_info()
        if info is None or not self.split:
            return iter(range(self.start, self.end))
        per_worker = -(-(self.end - self.start) // info.num_workers)
        lo = self.start + info.id * per_worker
        return iter(range(lo, min(lo + per_worker, self.end)))

    def __len__(self):
        return self.end - self.start


def _shards_class(lib):
    """Shards over `lib`'s IterableDataset, a module-level class (picklable by name)."""
    name = f"Shards_{lib}"
    if name not in globals():
        T = importlib.import_module(lib)
        body = {
            "__module__": __name__,
            "__qualname__": name,
            "get_worker_info": staticmethod(T.utils.data.get_worker_info),
        }
        globals()[name] = type(name, (_ShardsBody, T.utils.data.IterableDataset), body)
    return globals()[name]


def _lib(T):
    return T.__name__


def _init_shard(worker_id):
    """worker_init_fn: keep every other item of this worker's copy."""
    info = numpy_free_info()
    info.dataset.start += worker_id
    info.dataset.step = 2


def numpy_free_info():
    for name in ("numtorch", "torch"):
        module = importlib.sys.modules.get(name)
        if module is not None and module.utils.data.get_worker_info() is not None:
            return module.utils.data.get_worker_info()
    raise AssertionError("not in a worker")


def _loader(T, dataset, **options):
    if options.get("num_workers"):
        options.setdefault("multiprocessing_context", CONTEXT)
    return T.utils.data.DataLoader(dataset, **options)


def _scenarios():
    def map_style(T, seed=0):
        T.manual_seed(seed)
        data = InfoDataset(_lib(T))
        loader = _loader(T, data, batch_size=2, shuffle=True, num_workers=2)
        epochs = [list(loader), list(loader)]
        return epochs + [T.randint(0, 1 << 30, (2,)), T.utils.data.get_worker_info()]

    def same_as_single_process(T):
        D = T.utils.data
        data = D.TensorDataset(T.arange(9) * 3, T.arange(9.0).reshape(9, 1))
        out = []
        for options in [{"batch_size": 2}, {"batch_size": 4, "drop_last": True}, {}]:
            T.manual_seed(5)
            serial = list(D.DataLoader(data, shuffle=True, **options))
            T.manual_seed(5)
            parallel = list(_loader(T, data, shuffle=True, num_workers=2, **options))
            out.append([describe(serial) == describe(parallel), parallel])
        return out

    def options(T):
        T.manual_seed(3)
        data = InfoDataset(_lib(T), n=5)
        g = T.Generator().manual_seed(11)
        return [
            list(_loader(T, data, batch_size=2, num_workers=2, prefetch_factor=1)),
            list(_loader(T, data, batch_size=None, num_workers=2, generator=g)),
            sorted(
                b["index"].tolist()
                for b in _loader(T, data, batch_size=2, num_workers=2, in_order=False)
            ),
            len(_loader(T, data, batch_size=2, num_workers=2)),
        ]

    def persistent(T):
        T.manual_seed(1)
        data = InfoDataset(_lib(T))
        loader = _loader(
            T, data, batch_size=2, shuffle=True, num_workers=2, persistent_workers=True
        )
        first = list(loader)
        second = list(loader)
        return [first, second, data.calls, T.randint(0, 1 << 30, (2,))]

    def iterable(T):
        Shards = _shards_class(_lib(T))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            duplicated = _loader(T, Shards(0, 5, split=False), batch_size=2, num_workers=2)
            reported = len(duplicated)
            duplicated = list(duplicated)
        messages = [str(w.message).split(" was reported to be ")[1] for w in caught]
        persistent = _loader(
            T, Shards(10, 17), batch_size=2, num_workers=2, persistent_workers=True
        )
        return [
            list(_loader(T, Shards(0, 7), batch_size=2, num_workers=2)),
            list(_loader(T, Shards(0, 7), batch_size=3, num_workers=2, drop_last=True)),
            list(_loader(T, Shards(0, 3), batch_size=None, num_workers=2)),
            [reported, duplicated, messages],
            [list(persistent), list(persistent)],
        ]

    def init_fn(T):
        def stepped_iter(self):
            return iter(range(self.start, self.end, getattr(self, "step", 1)))

        Shards = _shards_class(_lib(T))
        data = Shards(0, 6, split=False)
        original = Shards.__iter__
        Shards.__iter__ = stepped_iter
        try:
            loader = _loader(T, data, batch_size=2, num_workers=2, worker_init_fn=_init_shard)
            return [list(loader), getattr(data, "step", None)]
        finally:
            Shards.__iter__ = original

    return {
        "map_style.seed0": map_style,
        "map_style.seed42": lambda T: map_style(T, 42),
        "same_as_single_process": same_as_single_process,
        "options": options,
        "persistent": persistent,
        "iterable": iterable,
        "init_fn": init_fn,
    }


SCENARIOS = _scenarios()


def run(name, T):
    return outcome(SCENARIOS[name], T)


try:
    import torch
    import torch.utils.data  # noqa: F401
except ImportError:
    torch = None


def _expected(name):
    if torch is not None:
        return run(name, torch)
    return json.loads(GOLDEN_PATH.read_text())[name]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name):
    assert json.loads(json.dumps(run(name, numtorch))) == json.loads(json.dumps(_expected(name)))


def _worker_error(T, dataset, **options):
    """(type name, first line, last line) of what iterating with 2 workers raises."""
    iterator = iter(_loader(T, dataset, batch_size=2, num_workers=2, **options))
    try:
        with pytest.raises(Exception) as caught:
            list(iterator)
    finally:
        # An iterator left to the garbage collector would be inherited by later workers.
        iterator._shutdown_workers()
    lines = str(caught.value).strip().split("\n")
    return type(caught.value).__name__, lines[0], lines[-1]


ERROR_CASES = {
    "value_error": (lambda: FailingDataset(3, ValueError, ("bad index 3",)), {}),
    "key_error": (lambda: FailingDataset(0, KeyError, ("missing",)), {}),
    "two_args": (lambda: FailingDataset(4, UnicodeDecodeError, ("a", b"b", 0, 1, "c")), {}),
    "init_fn": (lambda: FailingDataset(-1, ValueError, ()), {"worker_init_fn": lambda i: 1 / i}),
}


@pytest.mark.parametrize("name", sorted(ERROR_CASES))
def test_worker_error(name):
    make, options = ERROR_CASES[name]
    got = _worker_error(numtorch, make(), **options)
    if torch is not None:
        assert got == _worker_error(torch, make(), **options)
    else:
        assert list(got) == json.loads(GOLDEN_PATH.read_text())["errors"][name]
    assert got[1].startswith("Caught ")


def test_worker_error_traceback_names_the_failing_line():
    iterator = iter(
        numtorch.utils.data.DataLoader(FailingDataset(1, ValueError, ("x",)), num_workers=2)
    )
    with pytest.raises(ValueError) as caught:
        list(iterator)
    iterator._shutdown_workers()
    message = str(caught.value)
    assert message.startswith("Caught ValueError in DataLoader worker process 1.\n")
    assert "Original Traceback (most recent call last):" in message
    assert "raise self.error(*self.message)" in message


def _raises_in_pass(loader, pattern):
    iterator = iter(loader)
    try:
        with pytest.raises(RuntimeError, match=pattern):
            list(iterator)
    finally:
        iterator._shutdown_workers()


def test_timeout():
    loader = numtorch.utils.data.DataLoader(SlowDataset(), num_workers=1, timeout=0.2)
    _raises_in_pass(loader, r"^DataLoader timed out after 0.2 seconds$")


class KilledDataset(FailingDataset):
    """Sample 2 kills its worker with SIGKILL."""

    def __getitem__(self, i):
        if i == 2:
            os.kill(os.getpid(), signal.SIGKILL)
        return i


def _death(T, dataset):
    """What a pass raises when a worker dies, pids replaced by N."""
    iterator = iter(_loader(T, dataset, batch_size=2, num_workers=2))
    started = time.monotonic()
    try:
        with pytest.raises(RuntimeError) as caught:
            list(iterator)
    finally:
        iterator._shutdown_workers()
    elapsed = time.monotonic() - started
    messages = [str(caught.value), str(caught.value.__cause__)]
    return [re.sub(r"pid(\(s\))? \d+", r"pid\1 N", m) for m in messages], elapsed


DEATHS = {
    "exit_code": lambda: FailingDataset(2, None, ()),
    "killed": lambda: KilledDataset(0, None, ()),
}


@pytest.mark.skipif(not hasattr(signal, "SIGCHLD"), reason="needs SIGCHLD")
@pytest.mark.parametrize("name", sorted(DEATHS))
def test_worker_dies(name):
    messages, elapsed = _death(numtorch, DEATHS[name]())
    assert elapsed < 4  # found by the SIGCHLD handler, not the 5-second liveness poll
    assert messages[0] == "DataLoader worker (pid(s) N) exited unexpectedly"
    if torch is not None:
        assert messages == _death(torch, DEATHS[name]())[0]
    else:
        assert messages == json.loads(GOLDEN_PATH.read_text())["deaths"][name]


def test_main_process_has_no_worker_info():
    assert numtorch.utils.data.get_worker_info() is None


def test_generate_state_is_torchs():
    from numtorch.utils.data.worker import _generate_state

    if torch is None:
        pytest.skip("torch not installed")
    from torch.utils.data._utils.worker import _generate_state as torch_generate_state

    for base in (0, 1, 2**32 - 1, 2**32, 2**63 - 1, 6709761423161562512):
        for worker in (0, 1, 7):
            assert _generate_state(base, worker) == torch_generate_state(base, worker)


def test_workers_shut_down_after_a_pass():
    loader = numtorch.utils.data.DataLoader(range(4), num_workers=2)
    iterator = iter(loader)
    assert [int(b) for b in iterator] == [0, 1, 2, 3]
    assert all(not w.is_alive() for w in iterator._workers)


def _record():
    golden = {name: run(name, torch) for name in sorted(SCENARIOS)}
    golden["errors"] = {
        name: list(_worker_error(torch, make(), **options))
        for name, (make, options) in sorted(ERROR_CASES.items())
    }
    golden["deaths"] = {name: _death(torch, make())[0] for name, make in sorted(DEATHS.items())}
    GOLDEN_PATH.write_text(json.dumps(golden, indent=0) + "\n")
    print(f"wrote {len(golden)} entries to {GOLDEN_PATH}")


if __name__ == "__main__":
    import torch  # noqa: F811
    import torch.utils.data  # noqa: F401

    _record()


def test_spawned_workers_give_the_same_batches():
    """Workers started fresh (spawn): the dataset, collate function and seeds travel pickled."""
    D = numtorch.utils.data
    data = D.TensorDataset(numtorch.arange(7) * 2, numtorch.arange(7.0))
    numtorch.manual_seed(9)
    serial = [describe(b) for b in D.DataLoader(data, batch_size=3, shuffle=True)]
    numtorch.manual_seed(9)
    loader = D.DataLoader(
        data, batch_size=3, shuffle=True, num_workers=2, multiprocessing_context="spawn"
    )
    assert [describe(b) for b in loader] == serial
