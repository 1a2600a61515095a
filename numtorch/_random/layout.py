"""Where torch's serial random kernels write: the visit order of a tensor's elements.

torch fills a tensor through a TensorIterator, which walks memory order: dimensions sorted by
stride, the largest outermost. A contiguous tensor is visited in C order; a transposed one in
its memory order. Values are drawn in that order and placed here.
"""

import numpy


def visit_perm(shape, strides):
    """The dimension order (outermost first) in which torch's TensorIterator visits elements."""
    dims = [d for d in range(len(shape)) if shape[d] != 1]
    dims.sort(key=lambda d: -strides[d])
    return [d for d in range(len(shape)) if shape[d] == 1] + dims


def has_internal_overlap(shape, strides):
    """True when two elements share memory (an expanded tensor): torch refuses to write it.
    An empty tensor has no elements to share."""
    if 0 in shape:
        return False
    return any(n > 1 and s == 0 for n, s in zip(shape, strides))


OVERLAP = (
    "unsupported operation: more than one element of the written-to tensor refers to a single "
    "memory location. Please clone() the tensor before performing the operation."
)


def place(values, shape, strides, contiguous):
    """An array of `shape` holding `values` (1-D, in visit order) at their elements."""
    if contiguous or len(shape) < 2:
        return values.reshape(shape)
    perm = visit_perm(shape, strides)
    out = numpy.empty(shape, values.dtype)
    out.transpose(perm)[...] = values.reshape([shape[d] for d in perm])
    return out


def gather(array, contiguous):
    """The elements of a host array as a 1-D array in visit order (the inverse of `place`)."""
    if contiguous or array.ndim < 2:
        return array.reshape(-1)
    perm = visit_perm(array.shape, array.strides)
    return numpy.ascontiguousarray(array.transpose(perm)).reshape(-1)
