"""torch.utils.data on numtorch: datasets, samplers, collation and the DataLoader (with worker
processes), consuming torch's random stream exactly as torch does."""

from numtorch.utils.data import _utils  # noqa: F401  (torch's private module paths)
from numtorch.utils.data.collate import default_collate, default_convert
from numtorch.utils.data.dataloader import DataLoader
from numtorch.utils.data.dataset import (
    ChainDataset,
    ConcatDataset,
    Dataset,
    IterableDataset,
    StackDataset,
    Subset,
    TensorDataset,
    random_split,
)
from numtorch.utils.data.distributed import DistributedSampler
from numtorch.utils.data.fetch import _DatasetKind
from numtorch.utils.data.sampler import (
    BatchSampler,
    RandomSampler,
    Sampler,
    SequentialSampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)
from numtorch.utils.data.worker import get_worker_info

__all__ = [
    "BatchSampler",
    "ChainDataset",
    "ConcatDataset",
    "DataLoader",
    "Dataset",
    "DistributedSampler",
    "IterableDataset",
    "RandomSampler",
    "Sampler",
    "SequentialSampler",
    "StackDataset",
    "Subset",
    "SubsetRandomSampler",
    "TensorDataset",
    "WeightedRandomSampler",
    "_DatasetKind",
    "default_collate",
    "default_convert",
    "get_worker_info",
    "random_split",
]
