"""torch.random: the default generator's seed and state, and fork_rng."""

import contextlib

from numtorch._random import (  # noqa: F401  (torch.random re-exports these)
    Generator,
    default_generator,
    get_rng_state,
    initial_seed,
    manual_seed,
    seed,
    set_rng_state,
)

__all__ = [
    "set_rng_state",
    "get_rng_state",
    "manual_seed",
    "seed",
    "initial_seed",
    "fork_rng",
]


@contextlib.contextmanager
def fork_rng(
    devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type=None
):
    """Same as `torch.random.fork_rng`: the default generator's state is restored on exit.
    (CUDA tensors draw from the same host stream, so there is no device state to fork.)"""
    if not enabled or device_type == "meta":
        yield
        return
    state = get_rng_state()
    try:
        yield
    finally:
        set_rng_state(state)
