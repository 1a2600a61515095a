"""Batch assembly as in `torch.utils.data._utils.collate`: default_collate (stack samples into
batched tensors, recursing through mappings and sequences), default_convert (NumPy to tensors,
no batching), and the `collate` engine driven by a type -> function map."""

import collections.abc
import copy
import re

from numtorch import _dtype
from numtorch._creation import as_tensor, tensor
from numtorch._tensor import Tensor

__all__ = ["collate", "default_collate", "default_collate_fn_map", "default_convert"]

# NumPy dtype kinds default_collate refuses and default_convert leaves alone:
# byte strings, unicode strings and Python objects.
np_str_obj_array_pattern = re.compile(r"[SaUO]")

default_collate_err_msg_format = (
    "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"
)


def _rebuild_mapping(original, values):
    """`values` (a dict) in the type of `original`: a copy for mutable mappings, the type's
    constructor otherwise, a plain dict when that constructor refuses a dict."""
    try:
        if isinstance(original, collections.abc.MutableMapping):
            clone = copy.copy(original)
            clone.update(values)
            return clone
        return type(original)(values)
    except TypeError:
        return dict(values)


def _rebuild_sequence(original, values):
    """`values` (a list) in the type of the sequence `original`, as _rebuild_mapping does."""
    try:
        if isinstance(original, collections.abc.MutableSequence):
            clone = copy.copy(original)
            for i, v in enumerate(values):
                clone[i] = v
            return clone
        return type(original)(values)
    except TypeError:
        return list(values)


def _is_numpy_object(data):
    kind = type(data)
    return kind.__module__ == "numpy" and kind.__name__ not in ("str_", "string_")


def default_convert(data):
    """Turns every NumPy array or scalar in `data` into a tensor, keeping the container types
    (tuples become lists, as in torch); everything else is returned unchanged."""
    if isinstance(data, Tensor):
        return data
    if _is_numpy_object(data):
        if type(data).__name__ == "ndarray" and np_str_obj_array_pattern.search(data.dtype.str):
            return data
        return as_tensor(data)
    if isinstance(data, collections.abc.Mapping):
        return _rebuild_mapping(data, {k: default_convert(data[k]) for k in data})
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        return _rebuild_sequence(data, [default_convert(d) for d in data])
    return data


def collate(batch, *, collate_fn_map=None):
    """Collates a list of samples: a function from `collate_fn_map` for the first sample's type
    (exact type first, then the first key it is an instance of), else recursion through
    mappings, named tuples and sequences; anything else is a TypeError."""
    elem = batch[0]
    elem_type = type(elem)
    if collate_fn_map is not None:
        if elem_type in collate_fn_map:
            return collate_fn_map[elem_type](batch, collate_fn_map=collate_fn_map)
        for key, fn in collate_fn_map.items():
            if isinstance(elem, key):
                return fn(batch, collate_fn_map=collate_fn_map)

    def sub(samples):
        return collate(samples, collate_fn_map=collate_fn_map)

    if isinstance(elem, collections.abc.Mapping):
        return _rebuild_mapping(elem, {key: sub([d[key] for d in batch]) for key in elem})
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return elem_type(*(sub(column) for column in zip(*batch)))
    if isinstance(elem, collections.abc.Sequence):
        size = len(elem)
        if any(len(sample) != size for sample in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        columns = [sub(column) for column in zip(*batch)]
        if isinstance(elem, tuple):
            return columns
        return _rebuild_sequence(elem, columns)
    raise TypeError(default_collate_err_msg_format.format(elem_type))


def collate_tensor_fn(batch, *, collate_fn_map=None):
    """Stacks tensors along a new first dimension."""
    if getattr(batch[0], "is_nested", False):
        raise RuntimeError(
            "Batches of nested tensors are not currently supported by the default collate_fn; "
            "please provide a custom collate_fn to handle them appropriately."
        )
    from numtorch import stack

    return stack(batch, 0)


def collate_numpy_array_fn(batch, *, collate_fn_map=None):
    """Arrays become tensors and are collated again (so they stack); string arrays refuse."""
    elem = batch[0]
    if np_str_obj_array_pattern.search(elem.dtype.str) is not None:
        raise TypeError(default_collate_err_msg_format.format(elem.dtype))
    return collate([as_tensor(b) for b in batch], collate_fn_map=collate_fn_map)


def collate_numpy_scalar_fn(batch, *, collate_fn_map=None):
    """NumPy scalars become one tensor of their dtype."""
    return as_tensor(batch)


def collate_float_fn(batch, *, collate_fn_map=None):
    """Python floats become float64 (not the default dtype), as in torch."""
    return tensor(batch, dtype=_dtype.float64)


def collate_int_fn(batch, *, collate_fn_map=None):
    """Python ints become int64 (bools, being ints, become bool)."""
    return tensor(batch)


def collate_str_fn(batch, *, collate_fn_map=None):
    """Strings and bytes stay a list."""
    return batch


def _build_default_map():
    import numpy

    return {
        Tensor: collate_tensor_fn,
        numpy.ndarray: collate_numpy_array_fn,
        (numpy.bool_, numpy.number, numpy.object_): collate_numpy_scalar_fn,
        float: collate_float_fn,
        int: collate_int_fn,
        str: collate_str_fn,
        bytes: collate_str_fn,
    }


# Users may extend or edit this map in place; default_collate reads it on every call.
default_collate_fn_map = _build_default_map()


def default_collate(batch):
    """Stacks a list of samples into a batch, with torch's output types: tensors, NumPy arrays
    and numbers become tensors with a leading batch dimension, strings stay lists, mappings and
    named tuples keep their type, other sequences are transposed (tuples into lists)."""
    return collate(batch, collate_fn_map=default_collate_fn_map)
