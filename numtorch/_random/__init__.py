"""Random numbers identical to torch 2.13's CPU streams under manual_seed.

engine.py: Generator (MT19937, seeding, 5056-byte state); kernels.py: the distributions;
avx2.py / fused.py: the float32 normal kernel and exact FMA; layout.py: element visit order;
methods.py: Tensor.uniform_ & co.; factories.py: rand/randn/randint/randperm/normal;
sampling.py: bernoulli/multinomial/poisson. Every device draws on the host with the CPU stream.
"""

from numtorch._ops.registry import public
from numtorch._random import methods, sampling  # noqa: F401  (registers the methods)
from numtorch._random.engine import Generator, default_generator
from numtorch._random.factories import (
    normal,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
)

public("normal")(normal)

__all__ = [
    "Generator",
    "default_generator",
    "get_rng_state",
    "initial_seed",
    "manual_seed",
    "normal",
    "rand",
    "rand_like",
    "randint",
    "randint_like",
    "randn",
    "randn_like",
    "randperm",
    "seed",
    "set_rng_state",
]


def manual_seed(seed):
    """Same as `torch.manual_seed`: seeds the default generator; returns it."""
    return default_generator.manual_seed(seed)


def seed():
    """Same as `torch.seed`: a nondeterministic seed for the default generator, returned."""
    return default_generator.seed()


def initial_seed():
    """Same as `torch.initial_seed`."""
    return default_generator.initial_seed()


def get_rng_state():
    """Same as `torch.get_rng_state`: the default generator's 5056-byte state."""
    return default_generator.get_state()


def set_rng_state(new_state):
    """Same as `torch.set_rng_state` (a state from real torch continues torch's stream)."""
    default_generator.set_state(new_state)


for _fn in (get_rng_state, set_rng_state):
    public(_fn.__name__)(_fn)
del _fn


def _gen(generator):
    """The generator a call uses (kept for callers of the old module)."""
    return default_generator if generator is None else generator
