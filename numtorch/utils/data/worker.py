"""What runs inside a DataLoader worker process (torch's `_utils/worker.py` design): seeding,
`get_worker_info`, the loop that takes (task id, index) from its index queue and puts
(task id, batch or wrapped exception) on the shared result queue."""

import os
import queue
import random
import sys
import traceback
from dataclasses import dataclass

# How often (seconds) a blocked worker or main process re-checks that its peer is alive.
MP_STATUS_CHECK_INTERVAL = 5.0


class KeyErrorMessage(str):
    """A str whose repr is itself, so a re-raised KeyError shows its traceback readably."""

    __slots__ = ()

    def __repr__(self):
        return self


class ExceptionWrapper:
    """An exception's type and formatted traceback, picklable, to re-raise in another process
    as torch does: `Caught <Type> <where>.` followed by `Original Traceback ...`."""

    def __init__(self, exc_info=None, where="in background"):
        exc_info = exc_info or sys.exc_info()
        self.exc_type = exc_info[0]
        self.exc_msg = "".join(traceback.format_exception(*exc_info))
        self.where = where

    def reraise(self):
        msg = f"Caught {self.exc_type.__name__} {self.where}.\nOriginal {self.exc_msg}"
        if self.exc_type is KeyError:
            msg = KeyErrorMessage(msg)
        elif getattr(self.exc_type, "message", None):
            raise self.exc_type(message=msg)
        try:
            exception = self.exc_type(msg)
        except Exception:
            raise RuntimeError(msg) from None
        raise exception


@dataclass(frozen=True, slots=True)
class WorkerInfo:
    """What `get_worker_info()` returns inside a worker: its id, the worker count, the seed the
    worker's generators got, and this process's copy of the dataset."""

    id: int
    num_workers: int
    seed: int
    dataset: object
    rng: object = None
    worker_method: str = "multiprocessing"


_worker_info = None


def get_worker_info():
    """The WorkerInfo of the current DataLoader worker process; None in the main process."""
    return _worker_info


@dataclass(frozen=True)
class _IterableDatasetStopIteration:
    """A worker's note that its copy of an iterable dataset is exhausted."""

    worker_id: int


@dataclass(frozen=True)
class _ResumeIteration:
    """Sent to persistent workers at the start of a new pass: rebuild the fetcher."""

    seed: int = None


_MASK32 = 0xFFFFFFFF


def _generate_state(base_seed, worker_id):
    """The 4-word NumPy seed torch gives a worker: NumPy's SeedSequence hashing/mixing scheme
    applied to [worker_id, low word, high word, 0] of the base seed."""
    entropy = [worker_id, base_seed & _MASK32, base_seed >> 32, 0]
    multiplier = 0x43B0D7E5

    def hashmix(value):
        nonlocal multiplier
        value = (value ^ multiplier) & _MASK32
        multiplier = (multiplier * 0x931E8875) & _MASK32
        value = (value * multiplier) & _MASK32
        return value ^ (value >> 16)

    def mix(x, y):
        r = (0xCA01F9DD * x - 0x4973F715 * y) & _MASK32
        return r ^ (r >> 16)

    pool = [hashmix(word) for word in entropy]
    for src in range(4):
        for dst in range(4):
            if src != dst:
                pool[dst] = mix(pool[dst], hashmix(pool[src]))
    out_multiplier = 0x8B51F9DD
    state = []
    for word in pool:
        word = (word ^ out_multiplier) & _MASK32
        out_multiplier = (out_multiplier * 0x58F38DED) & _MASK32
        word = (word * out_multiplier) & _MASK32
        state.append(word ^ (word >> 16))
    return state


def _seed_everything(base_seed, worker_id):
    """Python's, numtorch's and NumPy's global generators, seeded as torch seeds a worker."""
    import numpy

    import numtorch

    seed = base_seed + worker_id
    random.seed(seed)
    numtorch.manual_seed(seed)
    numpy.random.seed(_generate_state(base_seed, worker_id))
    return seed


def _parent_alive(parent_pid):
    return os.getppid() == parent_pid


def _worker_loop(
    dataset_kind,
    dataset,
    index_queue,
    data_queue,
    done_event,
    auto_collation,
    collate_fn,
    drop_last,
    base_seed,
    init_fn,
    worker_id,
    num_workers,
    persistent_workers,
):
    """A worker's life: seed, run `init_fn`, then answer index messages until told to stop
    (None) or the parent dies. Errors in `init_fn` are reported on the first task."""
    global _worker_info
    from numtorch.utils.data.fetch import _DatasetKind

    parent = os.getppid()
    try:
        seed = _seed_everything(base_seed, worker_id)
        _worker_info = WorkerInfo(id=worker_id, num_workers=num_workers, seed=seed, dataset=dataset)
        init_error = None
        fetcher = None
        try:
            if init_fn is not None:
                init_fn(worker_id)
            fetcher = _DatasetKind.create_fetcher(
                dataset_kind, dataset, auto_collation, collate_fn, drop_last
            )
        except Exception:
            init_error = ExceptionWrapper(where=f"in DataLoader worker process {worker_id}")

        exhausted = False
        while _parent_alive(parent):
            try:
                message = index_queue.get(timeout=MP_STATUS_CHECK_INTERVAL)
            except queue.Empty:
                continue
            if isinstance(message, _ResumeIteration):
                data_queue.put((message, None))
                exhausted = False
                fetcher = _DatasetKind.create_fetcher(
                    dataset_kind, dataset, auto_collation, collate_fn, drop_last
                )
                continue
            if message is None:
                break
            if done_event.is_set() or exhausted:
                continue
            task_id, index = message
            if init_error is not None:
                result, init_error = init_error, None
            else:
                try:
                    result = fetcher.fetch(index)
                except StopIteration:
                    if dataset_kind != _DatasetKind.Iterable:
                        result = ExceptionWrapper(where=f"in DataLoader worker process {worker_id}")
                    else:
                        result = _IterableDatasetStopIteration(worker_id)
                        exhausted = True
                except Exception:
                    result = ExceptionWrapper(where=f"in DataLoader worker process {worker_id}")
            data_queue.put((task_id, result))
            del result, index, message
    except KeyboardInterrupt:
        pass
    if done_event.is_set():
        data_queue.cancel_join_thread()
        data_queue.close()
