"""Random numbers: the default generator, manual_seed, and rand/randn/randint/randperm.

Until the random-stream issue lands, numbers come from NumPy's MT19937 keyed by the seed: the
same seed gives the same numbers every run, but not yet torch's numbers.
"""

import numpy

from numtorch import _dtype
from numtorch._creation import _finish, _shape
from numtorch._device import as_device, xp_for


class Generator:
    """Same as `torch.Generator` (state and streams become torch's in the random-stream issue)."""

    def __init__(self, device="cpu"):
        self.device = as_device(device)
        self._seed = 67280421310721
        self._rng = numpy.random.Generator(numpy.random.MT19937(self._seed))

    def manual_seed(self, seed):
        self._seed = int(seed) & ((1 << 64) - 1)
        self._rng = numpy.random.Generator(numpy.random.MT19937(self._seed))
        return self

    def initial_seed(self):
        return self._seed

    def seed(self):
        s = int(numpy.random.SeedSequence().entropy) & ((1 << 63) - 1)
        self.manual_seed(s)
        return s


default_generator = Generator()


def manual_seed(seed):
    """Same as `torch.manual_seed`."""
    return default_generator.manual_seed(seed)


def initial_seed():
    """Same as `torch.initial_seed`."""
    return default_generator.initial_seed()


def seed():
    """Same as `torch.seed`."""
    return default_generator.seed()


def _gen(generator):
    return (generator or default_generator)._rng


def _place(host, dtype, device, requires_grad):
    device = as_device(device)
    xp = xp_for(device)
    arr = host.astype(dtype.np) if xp is numpy else xp.asarray(host.astype(dtype.np))
    return _finish(arr, dtype, device, requires_grad)


def rand(
    *size,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.rand`: uniform on [0, 1)."""
    dtype = dtype or _dtype.get_default_dtype()
    return _place(_gen(generator).random(_shape(size)), dtype, device, requires_grad)


def randn(
    *size,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randn`: standard normal."""
    dtype = dtype or _dtype.get_default_dtype()
    return _place(_gen(generator).standard_normal(_shape(size)), dtype, device, requires_grad)


def randint(
    low=0,
    high=None,
    size=None,
    *,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randint`: integers in [low, high)."""
    if size is None and isinstance(high, (tuple, list)):
        low, high, size = 0, low, high  # randint(high, size)
    if high is None:
        low, high = 0, low
    dtype = dtype or _dtype.int64
    return _place(
        _gen(generator).integers(low, high, _shape((size,))), dtype, device, requires_grad
    )


def randperm(
    n,
    *,
    generator=None,
    out=None,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    pin_memory=False,
):
    """Same as `torch.randperm`: a random permutation of 0..n-1."""
    dtype = dtype or _dtype.int64
    return _place(_gen(generator).permutation(n), dtype, device, requires_grad)


def rand_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.rand_like`."""
    return rand(
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )


def randn_like(
    input, *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None
):
    """Same as `torch.randn_like`."""
    return randn(
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )


def randint_like(
    input,
    low=0,
    high=None,
    *,
    dtype=None,
    layout=None,
    device=None,
    requires_grad=False,
    memory_format=None,
):
    """Same as `torch.randint_like`."""
    return randint(
        low,
        high,
        input.shape,
        dtype=dtype or input.dtype,
        device=device or input.device,
        requires_grad=requires_grad,
    )
