"""Generator API, state interchange with real torch, torch.random, errors and autograd of the
random functions. Expected messages and grad_fn names were read from torch 2.13; where torch is
installed the same calls are also checked live."""

import pickle

import numpy
import pytest

import numtorch

try:
    import torch
except ImportError:
    torch = None

live = pytest.mark.skipif(torch is None, reason="needs torch")


def _bytes(state):
    return bytes(numpy.asarray(state.numpy()))


def test_default_seed_and_state_layout():
    g = numtorch.Generator()
    assert g.initial_seed() == 67280421310721
    assert g.device == numtorch.device("cpu")
    s = g.get_state()
    assert s.dtype is numtorch.uint8 and tuple(s.shape) == (5056,)
    numtorch.manual_seed(5)
    raw = _bytes(numtorch.get_rng_state())
    assert raw[:24].hex() == "050000000000000001000000010000000000000000000000"
    numtorch.randn(1, dtype=numtorch.float64)  # 4 words, and a cached second normal
    raw = _bytes(numtorch.get_rng_state())
    assert raw[:24].hex() == "05000000000000006d020000010000000400000000000000"
    assert raw[-32:-24].hex() == "2a9492a68152e3bf"  # normal_y
    assert raw[-16:-12] == b"\x01\x00\x00\x00"  # normal_is_valid


def test_manual_seed_range_and_negative_seeds():
    assert numtorch.manual_seed(-1).initial_seed() == 2**64 - 1
    assert numtorch.Generator().manual_seed(-5).initial_seed() == 2**64 - 5
    assert numtorch.manual_seed(1.5).initial_seed() == 1
    for bad in (2**64, -(2**63) - 1):
        with pytest.raises(ValueError, match="Overflow when unpacking long long"):
            numtorch.manual_seed(bad)
    g = numtorch.Generator()
    assert g.manual_seed(3) is g


def test_seed_is_nondeterministic_and_reported():
    a, b = numtorch.seed(), numtorch.seed()
    assert a != b and numtorch.initial_seed() == b


def test_set_state_errors():
    g = numtorch.Generator()
    with pytest.raises(
        RuntimeError,
        match="Expected a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10",
    ):
        g.set_state(numtorch.zeros(10, dtype=numtorch.uint8))
    with pytest.raises(RuntimeError, match="Invalid mt19937 state"):
        g.set_state(numtorch.zeros(5056, dtype=numtorch.uint8))
    with pytest.raises(TypeError, match="RNG state must be a torch.ByteTensor"):
        g.set_state(numtorch.zeros(5056))
    with pytest.raises(RuntimeError, match="RNG state must be contiguous"):
        g.set_state(numtorch.zeros(10112, dtype=numtorch.uint8)[::2])


def test_state_round_trip_and_fork_rng():
    numtorch.manual_seed(3)
    numtorch.randn(3)  # leaves a cached normal
    state = numtorch.get_rng_state()
    a = numtorch.randn(20)
    numtorch.set_rng_state(state)
    assert numtorch.equal(numtorch.randn(20), a)
    numtorch.set_rng_state(state)
    with numtorch.random.fork_rng():
        numtorch.rand(100)
    assert numtorch.equal(numtorch.randn(20), a)
    g = numtorch.Generator().manual_seed(9)
    twin = pickle.loads(pickle.dumps(g))
    clone = g.clone_state()
    first = numtorch.rand(5, generator=twin)
    assert numtorch.equal(first, numtorch.rand(5, generator=g))
    assert numtorch.equal(first, numtorch.rand(5, generator=clone))
    assert numtorch.random.initial_seed() == numtorch.initial_seed()


@live
def test_states_are_interchangeable_with_torch():
    torch.manual_seed(77)
    torch.randn(5)  # odd count: a cached double normal
    numtorch.set_rng_state(numtorch.from_numpy(torch.get_rng_state().numpy()))
    assert _bytes(numtorch.get_rng_state()) == bytes(torch.get_rng_state().numpy())
    a, b = numtorch.randn(7), torch.randn(7)
    assert a.numpy().tobytes() == b.numpy().tobytes()
    g = numtorch.Generator().manual_seed(123)
    numtorch.rand(33, generator=g)
    tg = torch.Generator()
    tg.set_state(torch.from_numpy(g.get_state().numpy()))
    assert numtorch.randperm(50, generator=g).tolist() == torch.randperm(50, generator=tg).tolist()
    assert _bytes(g.get_state()) == bytes(tg.get_state().numpy())


GRAD_FNS = [
    ("uniform_", lambda y: y.uniform_(), "UniformBackward0"),
    ("normal_", lambda y: y.normal_(), "NormalBackward0"),
    ("random_", lambda y: y.random_(0, 5), "RandomBackward0"),
    ("bernoulli_", lambda y: y.bernoulli_(0.5), "BernoulliBackward2"),
    ("exponential_", lambda y: y.exponential_(), "ExponentialBackward0"),
    ("geometric_", lambda y: y.geometric_(0.5), "GeometricBackward0"),
    ("log_normal_", lambda y: y.log_normal_(), "LogNormalBackward0"),
    ("cauchy_", lambda y: y.cauchy_(), "CauchyBackward0"),
]


@pytest.mark.parametrize("name,fn,grad_fn", GRAD_FNS, ids=[g[0] for g in GRAD_FNS])
def test_inplace_grad_fns(name, fn, grad_fn):
    x = numtorch.ones(5, requires_grad=True)
    y = x * 2
    out = fn(y)
    assert out is y and type(y.grad_fn).__name__ == grad_fn
    y.sum().backward()
    assert x.grad.tolist() == [0.0] * 5
    leaf = numtorch.ones(5, requires_grad=True)
    state = numtorch.get_rng_state()
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
        fn(leaf)
    assert _bytes(numtorch.get_rng_state()) == _bytes(state)  # refused before drawing


def test_function_grad_fns():
    m = numtorch.ones(3, requires_grad=True)
    assert type(numtorch.normal(m, 1.0).grad_fn).__name__ == "NormalBackward1"
    assert type(numtorch.normal(0.0, m).grad_fn).__name__ == "NormalBackward2"
    assert type(numtorch.normal(m, m).grad_fn).__name__ == "NormalBackward3"
    assert type(numtorch.bernoulli(m * 0.5).grad_fn).__name__ == "BernoulliBackward0"
    assert type(numtorch.poisson(m).grad_fn).__name__ == "PoissonBackward0"
    assert type(numtorch.nn.functional.dropout(m, 0.5).grad_fn).__name__ == "MulBackward0"
    assert numtorch.nn.functional.dropout(m, 0.5, training=False) is m
    assert numtorch.rand(2, requires_grad=True).requires_grad
    x = numtorch.ones(4, requires_grad=True)
    y = numtorch.nn.functional.dropout(x, 0.5)
    y.sum().backward()
    assert numtorch.equal(x.grad, y.detach())


ERRORS = [
    (
        lambda T: T.zeros(3, dtype=T.int64).uniform_(),
        NotImplementedError,
        "\"check_uniform_bounds\" not implemented for 'Long'",
    ),
    (
        lambda T: T.zeros(3).uniform_(5, 3),
        RuntimeError,
        "uniform_ expects to return a [from, to) range, but found from=5 > to=3",
    ),
    (lambda T: T.zeros(3).uniform_(0, float("inf")), RuntimeError, "to is out of bounds for float"),
    (
        lambda T: T.zeros(3, dtype=T.float16).uniform_(0, 1e6),
        RuntimeError,
        "to is out of bounds for c10::Half",
    ),
    (
        lambda T: T.zeros(3, dtype=T.int64).normal_(),
        NotImplementedError,
        "\"normal_kernel_cpu\" not implemented for 'Long'",
    ),
    (
        lambda T: T.zeros(3).normal_(0, -1),
        RuntimeError,
        "normal expects std >= 0.0, but found std -1",
    ),
    (
        lambda T: T.zeros(3, dtype=T.int64).random_(5, 3),
        RuntimeError,
        "random_ expects 'from' to be less than 'to', but got from=5 >= to=3",
    ),
    (
        lambda T: T.zeros(3, dtype=T.bool).random_(0, 3),
        RuntimeError,
        "to - 1 is out of bounds for bool",
    ),
    (
        lambda T: T.zeros(3, dtype=T.uint8).random_(-1, 5),
        RuntimeError,
        "from is out of bounds for unsigned char",
    ),
    (
        lambda T: T.zeros(3, dtype=T.complex64).random_(),
        NotImplementedError,
        "\"random_kernel_cpu\" not implemented for 'ComplexFloat'",
    ),
    (
        lambda T: T.zeros(3).bernoulli_(1.5),
        RuntimeError,
        "bernoulli_ expects p to be in [0, 1], but got p=1.5",
    ),
    (
        lambda T: T.zeros(3).bernoulli_(T.full((3,), 2.0)),
        RuntimeError,
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.",
    ),
    (
        lambda T: T.bernoulli(T.zeros(3, dtype=T.int64)),
        NotImplementedError,
        "\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'",
    ),
    (
        lambda T: T.zeros(3, dtype=T.int64).exponential_(),
        RuntimeError,
        "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long",
    ),
    (
        lambda T: T.zeros(3).exponential_(0.0),
        RuntimeError,
        "exponential_ expects lambda > 0.0, but found lambda=0",
    ),
    (
        lambda T: T.zeros(3).geometric_(1.0),
        RuntimeError,
        "geometric_ expects p to be in (0, 1), but got p=1",
    ),
    (
        lambda T: T.zeros(3).log_normal_(0, 0),
        RuntimeError,
        "log_normal_ expects std > 0.0, but found std=0",
    ),
    (
        lambda T: T.zeros(3, dtype=T.int32).cauchy_(),
        RuntimeError,
        "dtype must be a floating point but you specified int",
    ),
    (
        lambda T: T.zeros(3).cauchy_(0, 0),
        RuntimeError,
        "cauchy_ expects sigma > 0.0, but found sigma=0",
    ),
    (
        lambda T: T.rand(3, dtype=T.int64),
        NotImplementedError,
        "\"check_uniform_bounds\" not implemented for 'Long'",
    ),
    (
        lambda T: T.randint(5, 3, (3,)),
        RuntimeError,
        "random_ expects 'from' to be less than 'to', but got from=5 >= to=3",
    ),
    (
        lambda T: T.randperm(-1),
        RuntimeError,
        "Trying to create tensor with negative dimension -1: [-1]",
    ),
    (
        lambda T: T.randperm(2050, dtype=T.float16),
        RuntimeError,
        "n cannot be greater than 2049 for Half type.",
    ),
    (
        lambda T: T.randperm(3, dtype=T.bool),
        NotImplementedError,
        "\"randperm\" not implemented for 'Bool'",
    ),
    (
        lambda T: T.randperm(200, dtype=T.int8),
        RuntimeError,
        "value cannot be converted to type int8_t without overflow",
    ),
    (
        lambda T: T.multinomial(T.tensor([1, 2]), 1),
        RuntimeError,
        "multinomial only supports floating-point dtypes for input, got: Long",
    ),
    (lambda T: T.multinomial(T.ones(2, 2, 2), 1), RuntimeError, "prob_dist must be 1 or 2 dim"),
    (lambda T: T.multinomial(T.ones(2), 0), RuntimeError, "cannot sample n_sample <= 0 samples"),
    (
        lambda T: T.multinomial(T.ones(2), 3),
        RuntimeError,
        "cannot sample n_sample > prob_dist.size(-1) samples without replacement",
    ),
    (
        lambda T: T.multinomial(T.tensor([1.0, -1.0]), 1),
        RuntimeError,
        "probability tensor contains either `inf`, `nan` or element < 0",
    ),
    (
        lambda T: T.multinomial(T.tensor([1.0, -1.0]), 2, True),
        RuntimeError,
        "invalid multinomial distribution (encountering probability entry < 0)",
    ),
    (
        lambda T: T.multinomial(T.tensor([0.0, 0.0]), 1, True),
        RuntimeError,
        "invalid multinomial distribution (sum of probabilities <= 0)",
    ),
    (
        lambda T: T.poisson(T.zeros(3, dtype=T.int64)),
        NotImplementedError,
        "\"poisson_cpu\" not implemented for 'Long'",
    ),
    (
        lambda T: T.poisson(T.tensor([-1.0])),
        RuntimeError,
        "invalid Poisson rate, expected rate to be non-negative",
    ),
    (
        lambda T: T.normal(T.zeros(3), T.tensor([1.0, -1.0, 1.0])),
        RuntimeError,
        "normal expects all elements of std >= 0.0",
    ),
    (
        lambda T: T.zeros(1).expand(3).uniform_(),
        RuntimeError,
        "unsupported operation: more than one element of the written-to tensor refers to a single memory location.",
    ),
    (
        lambda T: T.nn.functional.dropout(T.ones(3), 1.5),
        ValueError,
        "dropout probability has to be between 0 and 1, but got 1.5",
    ),
]


@pytest.mark.parametrize("index", range(len(ERRORS)))
def test_errors(index):
    fn, exc, message = ERRORS[index]
    with pytest.raises(exc) as info:
        fn(numtorch)
    assert message in str(info.value)
    if torch is not None:
        with pytest.raises(exc) as info:
            fn(torch)
        assert message in str(info.value)


def test_out_and_complex_and_range_warning():
    numtorch.manual_seed(0)
    out = numtorch.empty(2, 2)
    r = numtorch.rand(2, 2, out=out)
    numtorch.manual_seed(0)
    assert r is out and numtorch.equal(out, numtorch.rand(2, 2))
    c = numtorch.randn(4, dtype=numtorch.complex64)
    assert c.dtype is numtorch.complex64
    with pytest.warns(UserWarning, match=r"to - 1 is out of bounds \[-\(2\^11\), 2\^11\]"):
        numtorch.zeros(3, dtype=numtorch.float16).random_(0, 5000)


@live
def test_complex_and_out_match_torch():
    for T in (numtorch, torch):
        T.manual_seed(4)
    a = numtorch.randn(20, dtype=numtorch.complex64)
    b = torch.randn(20, dtype=torch.complex64)
    assert a.numpy().tobytes() == b.numpy().tobytes()
    a = numtorch.rand(3, dtype=numtorch.complex128)
    b = torch.rand(3, dtype=torch.complex128)
    assert a.numpy().tobytes() == b.numpy().tobytes()
    a = numtorch.rand(3, 2, out=numtorch.empty(2, 3).t())
    b = torch.rand(3, 2, out=torch.empty(2, 3).t())
    assert a.numpy().tobytes() == b.numpy().tobytes()


def test_empty_outputs_draw_nothing_like_torch():
    """An empty tensor has no overlapping elements: the samplers return it and leave the
    stream where it was."""
    numtorch.manual_seed(0)
    shapes = [
        numtorch.randn(0, 3, 2).shape,
        numtorch.empty(0, 2).normal_().shape,
        numtorch.empty(0).uniform_().shape,
        numtorch.empty(2, 0).t().bernoulli_(0.5).shape,
    ]
    assert shapes == [(0, 3, 2), (0, 2), (0,), (0, 2)]
    # torch 2.13 after manual_seed(0): rand(2) is still the stream's first draws
    numpy.testing.assert_allclose(numtorch.rand(2).numpy(), [0.4963, 0.7682], atol=1e-4)
