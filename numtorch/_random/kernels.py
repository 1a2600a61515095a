"""torch's CPU distributions over the MT19937 words of a Generator, as host NumPy arrays.

Each function returns the values in the order torch's serial kernel writes them (`visit order`,
see `layout.py`) and consumes exactly the words torch consumes. float64 transcendental steps go
through Python's `math` (the C library's log/sin/cos/tan/exp, as torch's `std::` calls), not
NumPy's own SIMD versions, whose last bits differ.
"""

import math

import numpy

from numtorch._random.avx2 import normal_blocks
from numtorch._random.fused import fma32, fma64
from numtorch._random.permutation import swap_permutation, swap_permutation_loop

_u64 = numpy.uint64
_MASK24 = _u64((1 << 24) - 1)
_MASK53 = _u64((1 << 53) - 1)
_TWO_PI = 2.0 * math.pi
_f32 = numpy.float32


def cast(x, np_dtype):
    """Casts float64 or int64 kernel results to the tensor's dtype as C++'s static_cast does:
    float16 and bfloat16 are built from a float, so their values go through float32 first."""
    np_dtype = numpy.dtype(np_dtype)
    if np_dtype.itemsize == 2 and np_dtype.kind not in "iu":
        return x.astype(_f32).astype(np_dtype)
    return x.astype(np_dtype)


def _libm(fn, x):
    """A C-library function elementwise over a float64 array (through Python's math module)."""
    return numpy.fromiter(map(fn, x.tolist()), numpy.float64, x.size)


# ---------------------------------------------------------------- uniform


def uniform24(gen, n):
    """n float32 uniforms on [0, 1) from 24-bit words, as `uniform_real_distribution<float>`."""
    return (gen._words32(n) & _MASK24).astype(_f32) * _f32(2.0**-24)


def uniform53(gen, n):
    """n float64 uniforms on [0, 1) from 53-bit `random64()` words."""
    return (gen._words64(n) & _MASK53).astype(numpy.float64) * 2.0**-53


def uniform(gen, n, np_dtype, low, high):
    """`uniform_(low, high)`: `x * (high - low) + low` with one rounding (torch's build fuses it);
    float16/bfloat16 go through float32 and a result equal to `high` becomes `low`."""
    if np_dtype == numpy.float64:
        x = uniform53(gen, n)
        low, high = float(low), float(high)
        if low == 0 and high == 1:
            return x
        return fma64(x, high - low, low)
    x = uniform24(gen, n)
    if np_dtype == numpy.float32:
        lo, hi = _f32(low), _f32(high)
        return x if (lo == 0 and hi == 1) else fma32(x, hi - lo, lo)
    lo, hi = _f32(low), _f32(high)  # half and bfloat16 compute in float32
    out = fma32(x, hi - lo, lo).astype(np_dtype)
    out[out == numpy.asarray(high, np_dtype)] = numpy.asarray(low, np_dtype)
    return out


# ---------------------------------------------------------------- normal


def normal_contiguous(gen, n, np_dtype, mean, std):
    """`normal_(mean, std)` on a contiguous tensor of n >= 16 elements: all uniforms first, then
    Box-Muller per 16-block; when n % 16 != 0 the last 16 outputs are redone from 16 new draws.
    float16/bfloat16 draw and transform block by block in float32."""
    if np_dtype == numpy.float64:
        return _normal_fill_double(gen, n, float(mean), float(std))
    if np_dtype == numpy.float32:
        data = uniform24(gen, n)
        out = numpy.empty(n, _f32)
        k = n // 16 * 16
        out[:k] = normal_blocks(data[:k], mean, std).reshape(-1)
        if k != n:
            out[n - 16 :] = normal_blocks(uniform24(gen, 16), mean, std).reshape(-1)
        return out
    k = n // 16 * 16
    data = uniform24(gen, k + (16 if k != n else 0))
    out = numpy.empty(n, np_dtype)
    out[:k] = normal_blocks(data[:k], mean, std).reshape(-1).astype(np_dtype)
    if k != n:
        out[n - 16 :] = normal_blocks(data[k:], mean, std).reshape(-1).astype(np_dtype)
    return out


def _normal_fill_double(gen, n, mean, std):
    data = uniform53(gen, n)
    k = n // 16 * 16
    out = numpy.empty(n)
    out[:k] = _double_blocks(data[:k], mean, std)
    if k != n:
        out[n - 16 :] = _double_blocks(uniform53(gen, 16), mean, std)
    return out


def _double_blocks(data, mean, std):
    d = data.reshape(-1, 16)
    radius = numpy.sqrt(-2.0 * _libm(math.log, (1.0 - d[:, :8]).reshape(-1)))
    theta = (_TWO_PI * d[:, 8:]).reshape(-1)
    out = numpy.empty(d.shape)
    out[:, :8] = _fma_or_exact(radius * _libm(math.cos, theta), std, mean).reshape(-1, 8)
    out[:, 8:] = _fma_or_exact(radius * _libm(math.sin, theta), std, mean).reshape(-1, 8)
    return out.reshape(-1)


def _fma_or_exact(x, std, mean):
    if std == 1:
        return x + mean
    if mean == 0:
        return x * std
    return fma64(x, std, mean)


def standard_normal_doubles(gen, n):
    """n draws of `normal_distribution<double>`'s standard normal, using and refilling the
    generator's cached second value (r·sin θ) as torch does."""
    out = numpy.empty(n)
    if n == 0:
        return out
    start = 0
    if gen._normal_double is not None:
        out[0] = gen._normal_double
        gen._normal_double = None
        start = 1
    pairs = (n - start + 1) // 2
    if pairs:
        u = uniform53(gen, 2 * pairs)
        radius = numpy.sqrt(-2.0 * _libm(math.log1p, -u[1::2]))
        theta = _TWO_PI * u[0::2]
        cos = radius * _libm(math.cos, theta)
        sin = radius * _libm(math.sin, theta)
        both = numpy.empty(2 * pairs)
        both[0::2], both[1::2] = cos, sin
        out[start:] = both[: n - start]
        if (n - start) % 2:
            gen._normal_double = float(sin[-1])
    return out


def normal_serial(gen, n, np_dtype, mean, std):
    """`normal_` on a small (n < 16) or non-contiguous tensor: one `normal_distribution<double>`
    draw per element, `value * std + mean` fused, cast to the dtype."""
    return cast(_fma_or_exact(standard_normal_doubles(gen, n), float(std), float(mean)), np_dtype)


def normal(gen, n, np_dtype, mean, std, contiguous):
    """`normal_(mean, std)` over n elements, choosing torch's path."""
    if n >= 16 and contiguous:
        return normal_contiguous(gen, n, np_dtype, mean, std)
    return normal_serial(gen, n, np_dtype, mean, std)


def log_normal(gen, n, np_dtype, mean, std):
    """`log_normal_(mean, std)`: exp of a `normal_distribution<double>` draw per element."""
    x = _fma_or_exact(standard_normal_doubles(gen, n), float(std), float(mean))
    return cast(_libm(math.exp, x), np_dtype)


# ---------------------------------------------------------------- integers


def random_from_to(gen, n, np_dtype, span, low):
    """`random_(low, low + span)`: `word % span + low`, with 64-bit words when span >= 2**28."""
    np_dtype = numpy.dtype(np_dtype)
    if span >= 1 << 28:
        words = gen._words64(n)
    else:
        words = gen._words32(n)
    vals = (words % _u64(span)).astype(numpy.int64) + numpy.int64(low)
    return cast(vals, np_dtype)


def random_full(gen, n, np_dtype):
    """`random_()` with no bounds: [0, 2**digits] for floats, [0, max] for integers."""
    np_dtype = numpy.dtype(np_dtype)
    if np_dtype == numpy.bool_:
        return (gen._words32(n) & _u64(1)).astype(numpy.bool_)
    if np_dtype in (numpy.int64, numpy.float64):
        words = gen._words64(n)
    else:
        words = gen._words32(n)
    if np_dtype.kind == "f" or np_dtype.name == "bfloat16":
        digits = 8 if np_dtype.name == "bfloat16" else {2: 11, 4: 24, 8: 53}[np_dtype.itemsize]
        return cast(words % _u64((1 << digits) + 1), np_dtype)
    top = numpy.iinfo(np_dtype).max
    return (words % _u64(top + 1)).astype(np_dtype)


def random_64_bits(gen, n, np_dtype):
    """`random_(-2**63, None)` on int64 (or float types): a full 64-bit word each."""
    return cast(gen._words64(n).view(numpy.int64), np_dtype)


def randperm(gen, n):
    """`randperm(n)`: torch's swap loop (computed without looping: permutation.py);
    `random() % (n - i)` picks the partner of i."""
    if n < 0xFFFFFFFF // 20:
        partner = (gen._words32(n - 1) % numpy.arange(n, 1, -1, dtype=_u64)).astype(numpy.int64)
        partner += numpy.arange(n - 1, dtype=numpy.int64)
        if n <= 64:  # the loop itself is cheaper than the sort for small n
            return swap_permutation_loop(partner)
        return swap_permutation(partner)
    # torch's "inside-out" variant for huge n, with 64-bit words
    pick = (gen._words64(n) % numpy.arange(1, n + 1, dtype=_u64)).tolist()
    r = [0] * n
    for i, z in enumerate(pick):
        r[i] = r[z]
        r[z] = i
    return numpy.array(r, numpy.int64)


# ---------------------------------------------------------------- other distributions


def bernoulli_scalar(gen, n, p):
    """`bernoulli_(p)` for a float p: `u53 < p` per element (torch's non-MKL path)."""
    return uniform53(gen, n) < float(p)


def bernoulli_tensor(gen, p):
    """`bernoulli_(p_tensor)`: float64 p compares 53-bit uniforms, other dtypes 24-bit float32
    uniforms (`bernoulli_distribution<float>`); p in visit order."""
    if p.dtype == numpy.float64:
        return uniform53(gen, p.size) < p
    return uniform24(gen, p.size) < p.astype(_f32)


def exponential(gen, n, lambd):
    """`exponential_(lambd)`: `-1/lambd * log1p(-u53)` in float64."""
    u = uniform53(gen, n)
    return (-1.0 / float(lambd)) * _libm(math.log1p, -u)


def geometric(gen, n, p):
    """`geometric_(p)`: `ceil(log(u53) / log1p(-p))`."""
    u = uniform53(gen, n)
    return numpy.ceil(_libm(math.log, u) / math.log1p(-float(p)))


def cauchy(gen, n, median, sigma):
    """`cauchy_(median, sigma)`: `median + sigma * tan(pi * (u53 - 0.5))`, the last step fused."""
    u = uniform53(gen, n)
    t = _libm(math.tan, math.pi * (u - 0.5))
    return _fma_or_exact(t, float(sigma), float(median))


def poisson(gen, rates):
    """`poisson(rates)`: torch's `sample_poisson` per element, in order. It draws a data-
    dependent number of uniforms, so uniforms are taken in batches from a snapshot of the
    engine, and the engine then advances by exactly the number used."""
    snapshot = gen._bits.state
    fresh = gen._fresh_next
    batch = []
    at = [0, 0]  # position in batch, uniforms used

    def uniform():
        if at[0] == len(batch):
            batch[:] = uniform53(gen, max(1024, len(batch) * 2)).tolist()
            at[0] = 0
        at[0] += 1
        at[1] += 1
        return batch[at[0] - 1]

    out = numpy.empty(rates.size)
    for i, lam in enumerate(rates.tolist()):
        out[i] = _sample_poisson(lam, uniform)
    gen._bits.state = snapshot
    gen._fresh_next = fresh
    gen._words32(2 * at[1])
    return out


def _sample_poisson(lam, uniform):
    if lam >= 10:  # transformed rejection (Hoermann 1993), torch's constants
        slam = math.sqrt(lam)
        loglam = math.log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = uniform() - 0.5
            v = uniform()
            us = 0.5 - abs(u)
            k = math.floor((2 * a / us + b) * u + lam + 0.43)
            if us >= 0.07 and v <= vr:
                return k
            if k < 0 or (us < 0.013 and v > us):
                continue
            if (math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b)) <= (
                -lam + k * loglam - math.lgamma(k + 1.0)
            ):
                return k
    if lam == 0:
        return 0
    enlam = math.exp(-lam)
    count = 0
    prod = 1.0
    while True:
        prod *= uniform()
        if prod > enlam:
            count += 1
        else:
            return count
