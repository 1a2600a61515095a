"""torch.bernoulli, torch.multinomial and torch.poisson (functions and Tensor methods)."""

import math

import numpy

from numtorch._device import xp_for
from numtorch._errors import type_name
from numtorch._ops.registry import _write_out, public
from numtorch._random import kernels, methods
from numtorch._random.factories import _empty, _empty_like, attach
from numtorch._tensor import Tensor
from numtorch.autograd import grad_mode


@public("bernoulli", method=True)
def bernoulli(input, p=None, *, generator=None, out=None):
    """Same as `torch.bernoulli(input)` (input holds the probabilities) and
    `torch.bernoulli(input, p)` (a float p)."""
    with grad_mode.no_grad():
        result = _empty(input.shape, input.dtype, input.device)
        if p is None:
            methods.bernoulli_tensor_(result, input, methods.gen_of(generator))
            name = "_random_bernoulli"
        else:
            result = _empty_like(input)
            result.bernoulli_(p, generator=generator)
            name = "_random_bernoulli_float"
    result = attach(name, (input,), result)
    return result if out is None else _write_out(out, result, "bernoulli")


@public("multinomial", method=True)
def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    """Same as `torch.multinomial`: without replacement (or one sample) by the exponential
    trick (argmax / topk of p / Exp(1)), with replacement by torch's cumulative-sum search."""
    if not input.dtype.is_floating_point:
        raise RuntimeError(
            f"multinomial only supports floating-point dtypes for input, got: "
            f"{type_name(input.dtype)}"
        )
    if input.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    n_categories = input.shape[-1]
    if not replacement and num_samples > n_categories:
        raise RuntimeError(
            "cannot sample n_sample > prob_dist.size(-1) samples without replacement"
        )
    if n_categories > 1 << 24:
        raise RuntimeError("number of categories cannot exceed 2^24")
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    gen = methods.gen_of(generator)
    with grad_mode.no_grad():
        if not replacement or num_samples == 1:
            result = _by_exponential_trick(input, num_samples, generator)
        else:
            result = _with_replacement(input, num_samples, gen)
    return result if out is None else _write_out(out, result, "multinomial")


def _by_exponential_trick(input, num_samples, generator):
    if input.numel():
        if not bool(((input.max() < math.inf) & (input.min() >= 0)).item()):
            raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
        sums = input.sum() if input.ndim == 1 else input.sum(1)
        if bool((sums == 0).any().item()):
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    q = _empty_like(input)
    q.exponential_(1, generator=generator)
    q = input / q
    if num_samples == 1:
        return q.argmax(-1, keepdim=True)
    return q.topk(num_samples)[1]


def _with_replacement(input, num_samples, gen):
    probs = input.numpy(force=True)
    rows = probs.reshape(-1, probs.shape[-1])
    acc = numpy.float64 if probs.dtype == numpy.float64 else numpy.float32
    picks = numpy.empty((rows.shape[0], num_samples), numpy.int64)
    for i, row in enumerate(rows):
        row = row.astype(acc)
        if (row < 0).any():
            raise RuntimeError(
                "invalid multinomial distribution (encountering probability entry < 0)"
            )
        if not numpy.isfinite(row).all():
            raise RuntimeError(
                "invalid multinomial distribution (encountering probability entry = infinity "
                "or NaN)"
            )
        cum = numpy.cumsum(row, dtype=acc)  # sequential, in the accumulation type
        total = cum[-1]
        if not total > 0:
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
        cum = cum / total
        cum[-1] = 1
        u = kernels.uniform53(gen, num_samples)
        picks[i] = numpy.searchsorted(cum.astype(numpy.float64), u, side="left")
    values = picks.reshape(probs.shape[:-1] + (num_samples,))
    from numtorch._creation import from_numpy

    result = from_numpy(values)
    return result if input.device.type == "cpu" else result.to(input.device)


@public("poisson")
def poisson(input, generator=None):
    """Same as `torch.poisson`: torch's per-element sampler (product of uniforms below 10,
    Hoermann's transformed rejection from 10 on), in its element order."""
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"poisson_cpu\" not implemented for '{type_name(input.dtype)}'")
    rates = input.numpy(force=True).astype(numpy.float64).reshape(-1)
    if (rates < 0).any() or numpy.isnan(rates).any():
        raise RuntimeError("invalid Poisson rate, expected rate to be non-negative")
    counts = kernels.poisson(methods.gen_of(generator), rates)
    with grad_mode.no_grad():
        result = _empty(input.shape, input.dtype, input.device)
        host = kernels.cast(counts, input.dtype.np).reshape(input.shape)
        result._data[...] = xp_for(input.device).asarray(host)
    if isinstance(input, Tensor) and input.requires_grad:
        result = attach("_random_poisson", (input,), result)
    return result
