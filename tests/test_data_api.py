"""utils.data API details: torch's warnings, extending collation through default_collate_fn_map,
torch's private module paths, batched fetching through __getitems__, and the tutorial flow
(a custom Dataset, shuffled batches, next(iter(loader)))."""

import os
import warnings

import numpy
import pytest

import numtorch
from numtorch.utils import data as D

try:
    import torch
    import torch.utils.data  # noqa: F401
except ImportError:
    torch = None

PIN = (
    "'pin_memory' argument is set as true but no accelerator is found, "
    "then device pinned memory won't be used."
)


def _warnings_of(T, action):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        action(T)
    return [(w.category.__name__, str(w.message), os.path.basename(w.filename)) for w in caught]


def _library_file(T, rows):
    """Warnings raised inside the library name a library file; replace it by a marker."""
    here = os.path.basename(__file__)
    return [(c, m, f if f == here else "<library>") for c, m, f in rows]


WARNING_CASES = {
    "pin_memory": lambda T: iter(T.utils.data.DataLoader(range(3), pin_memory=True)),
    "pin_memory_device": lambda T: iter(
        T.utils.data.DataLoader(range(3), pin_memory=True, pin_memory_device="cuda")
    ),
    "too_many_workers": lambda T: T.utils.data.DataLoader(
        range(3), num_workers=len(os.sched_getaffinity(0)) + 1
    ),
    "empty_split": lambda T: T.utils.data.random_split(range(2), [0.9, 0.1]),
    "cummulative_sizes": lambda T: T.utils.data.ConcatDataset([range(2)]).cummulative_sizes,
}

EXPECTED_WARNINGS = {
    "pin_memory": [("UserWarning", PIN, "<library>")],
    "pin_memory_device": [
        (
            "UserWarning",
            "pin_memory_device is deprecated, the current accelerator will be used as the "
            "device,ignore pin_memory_device='cuda'.",
            "<library>",
        ),
        ("UserWarning", PIN, "<library>"),
    ],
    "empty_split": [
        (
            "UserWarning",
            "Length of split at index 1 is 0. This might result in an empty dataset.",
            "test_data_api.py",
        )
    ],
    "cummulative_sizes": [
        (
            "FutureWarning",
            "`cummulative_sizes` attribute is renamed to `cumulative_sizes`",
            "test_data_api.py",
        )
    ],
}


@pytest.mark.parametrize("name", sorted(WARNING_CASES))
def test_warnings(name):
    if name == "too_many_workers" and not hasattr(os, "sched_getaffinity"):
        pytest.skip("needs os.sched_getaffinity")
    got = _library_file(numtorch, _warnings_of(numtorch, WARNING_CASES[name]))
    if torch is not None:
        assert got == _library_file(torch, _warnings_of(torch, WARNING_CASES[name]))
    if name in EXPECTED_WARNINGS:
        assert got == EXPECTED_WARNINGS[name]
    else:
        assert len(got) == 1 and got[0][1].startswith("This DataLoader will create ")


class Pairs(D.Dataset):
    """A tutorial-style dataset: (features, label) with features from NumPy."""

    def __init__(self, n):
        self.x = numpy.arange(n * 3, dtype=numpy.float32).reshape(n, 3)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return numtorch.from_numpy(self.x[idx]), int(idx % 2)


def test_tutorial_flow():
    numtorch.manual_seed(0)
    loader = D.DataLoader(Pairs(10), batch_size=4, shuffle=True)
    features, labels = next(iter(loader))
    assert features.size() == numtorch.Size([4, 3])
    assert labels.dtype == numtorch.int64
    assert labels.tolist() == [0, 1, 1, 0]  # the shuffled order 6, 7, 1, 4
    assert features[:, 0].tolist() == [18.0, 21.0, 3.0, 12.0]
    assert len(loader) == 3


def test_collate_fn_map_can_be_extended():
    from numtorch.utils.data._utils.collate import collate, default_collate_fn_map

    class Box:
        def __init__(self, v):
            self.v = v

    def collate_boxes(batch, *, collate_fn_map):
        return [b.v for b in batch]

    with pytest.raises(TypeError, match="found <class"):
        D.default_collate([Box(1), Box(2)])
    default_collate_fn_map[Box] = collate_boxes
    try:
        assert D.default_collate([(Box(1), 2), (Box(3), 4)])[0] == [1, 3]
    finally:
        del default_collate_fn_map[Box]
    only_tensors = {numtorch.Tensor: lambda batch, collate_fn_map: len(batch)}
    assert collate([[numtorch.ones(1), numtorch.ones(2)]] * 3, collate_fn_map=only_tensors) == [
        3,
        3,
    ]


def test_private_paths_are_the_same_modules():
    import numtorch.utils.data._utils.collate as private_collate
    import numtorch.utils.data._utils.worker as private_worker

    import numtorch.utils.data.dataloader as dataloader

    assert private_collate.default_collate is D.default_collate is dataloader.default_collate
    assert private_worker.get_worker_info is D.get_worker_info


def test_getitems_fetches_whole_batches():
    class Batched(D.Dataset):
        def __init__(self):
            self.requests = []

        def __len__(self):
            return 5

        def __getitem__(self, i):
            raise AssertionError("batched fetching expected")

        def __getitems__(self, indices):
            self.requests.append(list(indices))
            return [i * 2 for i in indices]

    data = Batched()
    batches = [b.tolist() for b in D.DataLoader(data, batch_size=2)]
    assert batches == [[0, 2], [4, 6], [8]]
    assert data.requests == [[0, 1], [2, 3], [4]]
    subset = D.Subset(data, [4, 0])
    assert [b.tolist() for b in D.DataLoader(subset, batch_size=2)] == [[8, 0]]


def test_attributes_and_lengths():
    data = D.TensorDataset(numtorch.arange(7))
    loader = D.DataLoader(data, batch_size=3, shuffle=True)
    assert isinstance(loader.sampler, D.RandomSampler)
    assert isinstance(loader.batch_sampler, D.BatchSampler)
    assert loader.collate_fn is D.default_collate
    assert loader.prefetch_factor is None
    assert D.DataLoader(data, num_workers=1).prefetch_factor == 2
    assert D.DataLoader(data, batch_size=None).collate_fn is D.default_convert
    iterator = iter(loader)
    assert len(iterator) == 3
    loader.num_workers = 0  # not frozen
    with pytest.raises(ValueError, match="sampler attribute should not be set"):
        loader.sampler = None
    with pytest.raises(NotImplementedError):
        iterator.__getstate__()
