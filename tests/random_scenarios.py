"""Random-stream scenarios run under numtorch and under real torch (tests/test_random_streams.py).

Each scenario is `f(T, n)` with T the library (numtorch or torch) seeded just before; it returns
a list of tensors. Inputs that are not random (probabilities, rates) come from NumPy through
`T.from_numpy`, so both libraries see the same bits.
"""

import hashlib

import numpy

SEEDS = (0, 1, 42, 2**32 + 5, 123456789)
SIZES = (1, 7, 15, 16, 17, 100, 4099, 100003)
FLOATS = ("float32", "float64", "float16", "bfloat16")
INTS = ("int64", "int32", "int16", "int8", "uint8")


def _probs(T, n, dtype="float32"):
    p = (numpy.arange(n) * 0.6180339887 % 1.0).astype(dtype)
    return T.from_numpy(p)


def _noncontig(T, n, dtype):
    """A (2, n) view of a (n, 2) buffer: visited in memory order by torch's kernels."""
    return T.zeros(n, 2, dtype=getattr(T, dtype)).t()


def _step(T, n, dtype):
    return T.zeros(2 * n, dtype=getattr(T, dtype))[::2]


def _scenarios():
    s = {}
    for d in FLOATS:
        s[f"rand.{d}"] = lambda T, n, d=d: [T.rand(n, dtype=getattr(T, d))]
        s[f"randn.{d}"] = lambda T, n, d=d: [T.randn(n, dtype=getattr(T, d))]
        s[f"uniform_.{d}"] = lambda T, n, d=d: [
            T.empty(n, dtype=getattr(T, d)).uniform_(-3, 5),
            T.empty(n, dtype=getattr(T, d)).uniform_(0.001, 2.5),
            _noncontig(T, n, d).uniform_(0.3, 0.7),
        ]
        s[f"normal_.{d}"] = lambda T, n, d=d: [
            T.empty(n, dtype=getattr(T, d)).normal_(2, 3),
            _noncontig(T, n, d).normal_(-1, 0.5),
            _step(T, n, d).normal_(),
        ]
        s[f"random_.{d}"] = lambda T, n, d=d: [
            T.empty(n, dtype=getattr(T, d)).random_(),
            T.empty(n, dtype=getattr(T, d)).random_(2, 9),
            T.empty(n, dtype=getattr(T, d)).random_(100),
        ]
        s[f"continuous.{d}"] = lambda T, n, d=d: [
            T.empty(n, dtype=getattr(T, d)).exponential_(1.5),
            T.empty(n, dtype=getattr(T, d)).geometric_(0.3),
            T.empty(n, dtype=getattr(T, d)).log_normal_(0.5, 1.5),
            T.empty(n, dtype=getattr(T, d)).cauchy_(1.5, 2.5),
            _noncontig(T, n, d).exponential_(),
        ]
        s[f"bernoulli.{d}"] = lambda T, n, d=d: [
            T.empty(n, dtype=getattr(T, d)).bernoulli_(0.3),
            T.empty(n, dtype=getattr(T, d)).bernoulli_(_probs(T, n)),
            T.empty(n, dtype=getattr(T, d)).bernoulli_(_probs(T, n, "float64")),
            T.bernoulli(_probs(T, n, "float64")),
            T.bernoulli(_probs(T, n).to(getattr(T, d))),
        ]
        s[f"like.{d}"] = lambda T, n, d=d: [
            T.rand_like(_noncontig(T, n, d)),
            T.randn_like(_noncontig(T, n, d)),
            T.randint_like(_noncontig(T, n, d), 3, 20),
        ]
    for d in INTS:
        s[f"randint.{d}"] = lambda T, n, d=d: [
            T.randint(3, 50, (n,), dtype=getattr(T, d)),
            T.empty(n, dtype=getattr(T, d)).random_(),
            _noncontig(T, n, d).random_(7),
            T.empty(n, dtype=getattr(T, d)).bernoulli_(0.6),
            T.empty(n, dtype=getattr(T, d)).geometric_(0.5),
        ]
    s["randint.ranges"] = lambda T, n: [
        T.randint(0, 10, (n,)),
        T.randint(-5, 2**40, (n,)),
        T.randint(2**30, (n,)),
        T.empty(n, dtype=T.int64).random_(-(2**63), None),
        T.empty(n, dtype=T.bool).random_(),
    ]
    s["randperm"] = lambda T, n: [T.randperm(n), T.randperm(min(n, 2049), dtype=T.float16)]
    s["normal.overloads"] = lambda T, n: [
        T.normal(_probs(T, n), _probs(T, n, "float64")),
        T.normal(_probs(T, n), 2.0),
        T.normal(0.5, _probs(T, n)),
        T.normal(2.0, 3.0, (n,)),
    ]
    s["multinomial"] = lambda T, n: [
        T.multinomial(_probs(T, n) + 0.01, min(n, 5)),
        T.multinomial(_probs(T, n) + 0.01, 7, True),
        T.multinomial((_probs(T, 2 * n, "float64") + 0.01).reshape(2, n), 1),
        T.multinomial((_probs(T, 2 * n) + 0.01).reshape(2, n), 4, True),
    ]
    s["poisson"] = lambda T, n: [T.poisson(_probs(T, n, "float64") * 30.0)]
    s["dropout"] = lambda T, n: [
        T.nn.functional.dropout(T.ones(n), 0.3),
        T.nn.functional.dropout(T.ones(n, 2).t(), 0.5),
        T.nn.functional.alpha_dropout(T.ones(n), 0.2, True),
        T.nn.functional.dropout1d(T.ones(3, n), 0.5),
    ]
    s["interleaved"] = lambda T, n: [
        T.randn(5),
        T.randn(3),
        T.randn(n),
        T.rand(2),
        T.randn(1, dtype=T.float64),
        T.randn(n, dtype=T.float64),
        T.randperm(min(n, 50)),
        T.randn(3, 4).t().contiguous(),
        T.empty(n).normal_(1, 2),
    ]
    s["generator"] = lambda T, n: _with_generator(T, n)
    return s


def _with_generator(T, n):
    g = T.Generator().manual_seed(n)
    out = [
        T.rand(n, generator=g),
        T.randn(n, generator=g),
        T.randint(0, 7, (n,), generator=g),
        T.randperm(n, generator=g),
        T.empty(n).uniform_(1, 2, generator=g),
        T.empty(n).bernoulli_(0.5, generator=g),
        T.normal(2.0, 1.0, (n,), generator=g),
        T.multinomial(_probs(T, n) + 0.1, 1, generator=g),
    ]
    return out + [g.get_state()]


SCENARIOS = _scenarios()


def tensor_bytes(T, t):
    """dtype, shape and the values' bytes (in logical C order) of a numtorch or torch tensor."""
    t = t.detach().contiguous()
    name = str(t.dtype).replace("torch.", "")
    if name == "bfloat16":
        t = t.view(T.int16)
    data = numpy.ascontiguousarray(t.numpy())
    return f"{name}{tuple(t.shape)}".encode() + data.tobytes()


def digest(T, tensors):
    h = hashlib.sha256()
    for t in tensors:
        h.update(tensor_bytes(T, t))
    return h.hexdigest()[:16]


def head(tensors):
    """A few values to read in the golden file."""
    return [float(v) for v in tensors[0].detach().reshape(-1)[:3].float().tolist()]


def run(T, name, seed, n):
    """(output digest, state digest, head) of scenario `name` under library T."""
    T.manual_seed(seed)
    out = SCENARIOS[name](T, n)
    state = hashlib.sha256(bytes(T.get_rng_state().numpy())).hexdigest()[:16]
    return digest(T, out), state, head(out)
