"""utils.data against torch: shuffling orders, sampler index streams, random_split subsets and
collated batches (types, dtypes, shapes, values), for the same calls under the same seeds.

Each scenario is `f(T)` with T the library (numtorch or torch); it returns plain data (see
`describe`). Expected values come from torch live when installed, else from
tests/golden/data/scenarios.json, written by `python3 -m tests.test_data_scenarios`.
"""

import collections
import json
import pathlib
import warnings

import numpy
import pytest

import numtorch

GOLDEN_PATH = pathlib.Path(__file__).parent / "golden" / "data" / "scenarios.json"
SEEDS = (0, 1, 42, 123456789)

Point = collections.namedtuple("Point", ["x", "y"])


def describe(value):
    """A JSON-able picture of a batch: container types, tensor dtypes, shapes and values."""
    if (
        hasattr(value, "dtype")
        and hasattr(value, "tolist")
        and not isinstance(value, numpy.ndarray)
    ):
        return ["tensor", str(value.dtype), list(value.shape), value.tolist()]
    if isinstance(value, numpy.ndarray):
        return ["ndarray", value.dtype.str, value.tolist()]
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return [type(value).__name__, [describe(v) for v in value]]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [describe(v) for v in value]]
    if isinstance(value, collections.abc.Mapping):
        return [type(value).__name__, [[k, describe(v)] for k, v in value.items()]]
    if isinstance(value, bytes):
        return ["bytes", value.decode()]
    if value is None or isinstance(value, (bool, int, float, str)):
        return [type(value).__name__, value]
    return ["other", type(value).__name__]


def outcome(fn, *args):
    """`describe(fn(*args))`, or the exception's type and first line."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return describe(fn(*args))
    except Exception as error:
        return ["error", type(error).__name__, str(error).split("\n")[0]]


def _batches(loader):
    return list(loader)


def _dataset(T, n=10):
    return T.utils.data.TensorDataset(T.arange(n) * 10, T.arange(n, dtype=T.float64))


def _after(T):
    """One more draw from the default stream: shows how much a scenario consumed."""
    return T.randint(0, 2**31 - 1, (2,))


def _scenarios():
    s = {}
    for seed in SEEDS:

        def shuffled(T, seed=seed):
            T.manual_seed(seed)
            loader = T.utils.data.DataLoader(_dataset(T), batch_size=4, shuffle=True)
            return [_batches(loader), _batches(loader), _after(T)]

        def with_generator(T, seed=seed):
            T.manual_seed(7)
            g = T.Generator().manual_seed(seed)
            loader = T.utils.data.DataLoader(
                _dataset(T, 13), batch_size=5, shuffle=True, generator=g, drop_last=True
            )
            return [_batches(loader), _batches(loader), _after(T), g.initial_seed()]

        def random_split(T, seed=seed):
            T.manual_seed(seed)
            data = _dataset(T, 11)
            parts = T.utils.data.random_split(data, [3, 8])
            fractions = T.utils.data.random_split(range(30), [0.3, 0.3, 0.4])
            uneven = T.utils.data.random_split(range(7), [0.5, 0.5])
            g = T.Generator().manual_seed(seed + 1)
            given = T.utils.data.random_split(range(10), [0.25, 0.75], generator=g)
            groups = [parts, fractions, uneven, given]
            return [[p.indices for p in group] for group in groups] + [_after(T)]

        def samplers(T, seed=seed):
            D = T.utils.data
            T.manual_seed(seed)
            g = T.Generator().manual_seed(seed)
            return [
                list(D.RandomSampler(range(9))),
                list(D.RandomSampler(range(9), replacement=True, num_samples=70)),
                list(D.RandomSampler(range(4), num_samples=11)),
                list(D.RandomSampler(range(6), generator=g)),
                list(D.SubsetRandomSampler([3, 5, 8, 13, 21])),
                list(D.SubsetRandomSampler(range(6), generator=g)),
                list(D.WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0, 0.6], 12)),
                list(D.WeightedRandomSampler([0.9, 0.4, 0.05, 0.2, 0.3, 0.1], 5, False)),
                list(D.WeightedRandomSampler(T.tensor([1.0, 2.0, 3.0]), 4, generator=g)),
                _after(T),
            ]

        def partial_epochs(T, seed=seed):
            T.manual_seed(seed)
            loader = T.utils.data.DataLoader(range(8), batch_size=3, shuffle=True)
            first = next(iter(loader))
            iter(loader)  # drawn base seed, sampler not started
            return [first, _batches(loader), _after(T)]

        s[f"shuffle.seed{seed}"] = shuffled
        s[f"partial_epochs.seed{seed}"] = partial_epochs
        s[f"generator.seed{seed}"] = with_generator
        s[f"random_split.seed{seed}"] = random_split
        s[f"samplers.seed{seed}"] = samplers
    s.update(_deterministic())
    s.update(_collate_scenarios())
    s.update(_error_scenarios())
    return s


def _deterministic():
    def batch_sampler(T):
        D = T.utils.data
        out = []
        for n, size, drop in [(10, 3, False), (10, 3, True), (9, 3, True), (2, 5, True)]:
            sampler = D.BatchSampler(D.SequentialSampler(range(n)), size, drop)
            out.append([list(sampler), len(sampler)])
        return out

    def datasets(T):
        D = T.utils.data
        a, b = _dataset(T, 3), _dataset(T, 4)
        concat = D.ConcatDataset([a, b])
        stack = D.StackDataset(a, ["p", "q", "r"])
        named = D.StackDataset(left=range(3), right=["x", "y", "z"])
        subset = D.Subset(concat, [6, 0, 4])
        return [
            len(concat),
            concat.cumulative_sizes,
            [concat[i] for i in (0, 2, 3, 6, -1, -7)],
            [stack[i] for i in range(3)],
            stack.__getitems__([2, 0]),
            named[1],
            named.__getitems__([0, 2]),
            [subset[i] for i in range(3)],
            subset.__getitems__([2, 1]),
            len(subset),
            len(a + b),
        ]

    def loader_options(T):
        D = T.utils.data
        data = _dataset(T, 7)
        sampler = D.BatchSampler(D.SequentialSampler(range(7)), 3, False)
        return [
            _batches(D.DataLoader(data, batch_size=3, drop_last=True)),
            _batches(D.DataLoader(data, batch_size=None)),
            _batches(D.DataLoader(data, batch_sampler=sampler)),
            _batches(D.DataLoader(data, sampler=[6, 0, 3], batch_size=2)),
            _batches(D.DataLoader(data, collate_fn=lambda b: len(b), batch_size=4)),
            [
                len(D.DataLoader(data, batch_size=k, drop_last=d))
                for k in (1, 3, 7, 8)
                for d in (False, True)
            ],
            len(D.DataLoader(data, batch_sampler=sampler)),
        ]

    def distributed(T):
        D = T.utils.data
        out = []
        for n, replicas, shuffle, drop in [
            (10, 3, True, False),
            (10, 3, False, True),
            (2, 5, True, False),
            (9, 3, True, True),
        ]:
            for rank in range(replicas):
                s = D.DistributedSampler(range(n), replicas, rank, shuffle, seed=4, drop_last=drop)
                first = list(s)
                s.set_epoch(3)
                out.append([first, list(s), len(s)])
        return out

    return {
        "distributed": distributed,
        "batch_sampler": batch_sampler,
        "datasets": datasets,
        "loader_options": loader_options,
    }


class _Stream:
    """Mixin body for an iterable dataset of range(n), built over each library's base class."""

    def __init__(self, n, length=None):
        self.n = n
        self.length = length

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return self.n if self.length is None else self.length


def _stream_class(T):
    return type("Stream", (_Stream, T.utils.data.IterableDataset), {})


def _iterable_scenarios(T):
    D = T.utils.data
    Stream = _stream_class(T)
    chain = D.ChainDataset([Stream(3), Stream(2)])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loader = D.DataLoader(Stream(7, length=2), batch_size=2)
        reported = len(loader)
        batches = _batches(loader)
    return [
        _batches(D.DataLoader(Stream(7), batch_size=3)),
        _batches(D.DataLoader(Stream(7), batch_size=3, drop_last=True)),
        _batches(D.DataLoader(Stream(3), batch_size=None)),
        list(chain),
        len(chain),
        list(Stream(2) + Stream(3)),
        reported,
        batches,
        [str(w.message).split(" was reported")[1] for w in caught],
    ]


def _collate_scenarios():
    def collate(T):
        c = T.utils.data.default_collate
        return [
            c([T.tensor([1, 2]), T.tensor([3, 4])]),
            c([T.tensor(1.5), T.tensor(2.5)]),
            c([1, 2, 3]),
            c([True, False]),
            c([1.5, 2.0]),
            c(["a", "b"]),
            c([b"x", b"y"]),
            c([numpy.array([1, 2], dtype=numpy.int32), numpy.array([3, 4], dtype=numpy.int32)]),
            c([numpy.float32(1), numpy.float32(2)]),
            c([numpy.int16(1), numpy.int16(2)]),
            c([numpy.bool_(True), numpy.bool_(False)]),
            c([numpy.float64(1.25), numpy.float64(2)]),
            c([{"a": 1, "b": T.ones(2)}, {"a": 2, "b": T.zeros(2)}]),
            c([collections.OrderedDict(k=1.0), collections.OrderedDict(k=2.0)]),
            c([Point(1, "p"), Point(2, "q")]),
            c([(1, "a", 2.0), (2, "b", 3.0)]),
            c([[1, 2], [3, 4]]),
            c([[T.ones(2), {"z": [1, 2]}], [T.zeros(2), {"z": [3, 4]}]]),
            c([range(2), range(2)]),
        ]

    def convert(T):
        c = T.utils.data.default_convert
        return [
            c(numpy.array([1.5, 2.5])),
            c(numpy.int64(3)),
            c(numpy.array(["s"])),
            c((numpy.array([1]), 2)),
            c([numpy.array([1]), "s"]),
            c({"k": numpy.array([True])}),
            c(Point(numpy.array(1), numpy.array(2.0))),
            c(T.tensor([5])),
            c(7),
            c("text"),
        ]

    def loader_collate(T):
        D = T.utils.data
        samples = [{"image": numpy.full((2, 2), i, numpy.float32), "label": i} for i in range(5)]
        return [
            _batches(D.DataLoader(samples, batch_size=2)),
            _batches(D.DataLoader(samples[:2], batch_size=None)),
        ]

    return {
        "collate.default": collate,
        "collate.convert": convert,
        "collate.loader": loader_collate,
        "iterable": _iterable_scenarios,
    }


def _error_scenarios():
    def errors(T):
        D = T.utils.data
        c = D.default_collate
        data = _dataset(T, 4)
        calls = [
            lambda: c([[1, 2], [3]]),
            lambda: c([object(), object()]),
            lambda: c([numpy.array(["a"]), numpy.array(["b"])]),
            lambda: c([T.ones(2), T.ones(3)]),
            lambda: D.TensorDataset(T.ones(2), T.ones(3)),
            lambda: D.StackDataset(range(2), range(3)),
            lambda: D.StackDataset(range(2), k=range(2)),
            lambda: D.StackDataset(),
            lambda: D.ConcatDataset([]),
            lambda: D.ConcatDataset([range(2)])[-3],
            lambda: D.random_split(range(5), [2, 2]),
            lambda: D.random_split(range(5), [1.5, -0.5]),
            lambda: D.RandomSampler(range(3), replacement=1),
            lambda: D.RandomSampler(range(3), num_samples=0),
            lambda: D.RandomSampler([]),
            lambda: D.WeightedRandomSampler([1.0], 0),
            lambda: D.WeightedRandomSampler([1.0], True),
            lambda: D.WeightedRandomSampler([1.0], 2, replacement=None),
            lambda: D.WeightedRandomSampler([[1.0]], 2),
            lambda: D.BatchSampler(range(3), 0, False),
            lambda: D.DistributedSampler(range(3), 2, 2),
            lambda: D.DistributedSampler(range(3), 2, -1),
            lambda: D.BatchSampler(range(3), 2, 1),
            lambda: D.DataLoader(data, num_workers=-1),
            lambda: D.DataLoader(data, timeout=-1),
            lambda: D.DataLoader(data, prefetch_factor=2),
            lambda: D.DataLoader(data, num_workers=1, prefetch_factor=-1),
            lambda: D.DataLoader(data, persistent_workers=True),
            lambda: iter(D.DataLoader(data, timeout=1)),
            lambda: D.DataLoader(data, sampler=[0], shuffle=True),
            lambda: D.DataLoader(data, batch_sampler=[[0]], batch_size=2),
            lambda: D.DataLoader(data, batch_size=None, drop_last=True),
            lambda: D.DataLoader(data, multiprocessing_context="fork"),
            lambda: D.DataLoader(data, num_workers=1, multiprocessing_context="nope"),
            lambda: D.DataLoader(data, num_workers=1, multiprocessing_context=3),
            lambda: D.DataLoader(_stream_class(T)(2), shuffle=True),
            lambda: D.DataLoader(_stream_class(T)(2), sampler=[0]),
            lambda: setattr(D.DataLoader(data), "batch_size", 3),
            lambda: len(D.Dataset()),
            lambda: D.Dataset()[0],
            lambda: _stream_class(T).__bases__[1](),
            lambda: list(D.ChainDataset([range(2)])),
            lambda: D.ConcatDataset([_stream_class(T)(2)]),
            lambda: type("S", (D.Subset,), {"__getitem__": lambda self, i: i})(range(2), [0]),
        ]
        return [outcome(call) for call in calls]

    return {"errors": errors}


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
    assert run(name, numtorch) == _expected(name)


def test_golden_matches_torch():
    """The recorded goldens are what torch gives now (so torch-free runs check the same)."""
    if torch is None:
        pytest.skip("torch not installed")
    golden = json.loads(GOLDEN_PATH.read_text())
    assert sorted(golden) == sorted(SCENARIOS)
    for name in SCENARIOS:
        assert json.loads(json.dumps(run(name, torch))) == golden[name], name


if __name__ == "__main__":
    import torch  # noqa: F811
    import torch.utils.data  # noqa: F401

    GOLDEN_PATH.write_text(
        json.dumps({name: run(name, torch) for name in sorted(SCENARIOS)}, indent=0) + "\n"
    )
    print(f"wrote {len(SCENARIOS)} scenarios to {GOLDEN_PATH}")
