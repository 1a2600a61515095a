"""What the optimizers with a per-parameter 'step' share (Adam's family, Adadelta, RMSprop):
torch's checks of non-negative hyper-parameters, the state __setstate__ restores, and the
per-parameter state made on a parameter's first step."""

from numtorch._creation import zeros_like
from numtorch._tensor import Tensor
from numtorch.optim.optimizer import Optimizer, _new_step


def check_non_negative(**values):
    """torch's ValueError for the first negative value, named as its message names it
    (`epsilon` for eps)."""
    for name, value in values.items():
        if not 0.0 <= value:
            raise ValueError(f"Invalid {name} value: {value}")


def restore_state(optimizer, state, scalars=("step",), **group_defaults):
    """The base __setstate__, then each group's missing options from `group_defaults` (in
    torch's order) and every per-parameter scalar in `scalars` made a tensor, as torch does
    for a state pickled by an older version."""
    Optimizer.__setstate__(optimizer, state)
    for group in optimizer.param_groups:
        for key, value in group_defaults.items():
            group.setdefault(key, value)
        for p in group["params"]:
            p_state = optimizer.state.get(p, [])
            if len(p_state) != 0:
                for name in scalars:
                    if not isinstance(p_state[name], Tensor):
                        p_state[name] = _new_step(float(p_state[name]))


def init_states(optimizer, params, *buffers, **scalars):
    """The states of `params`, a parameter's made on its first step: 'step' 0, then each of
    `scalars` as a 0-dim tensor of the step's dtype, then a zero tensor per name in `buffers`."""
    states = []
    for p in params:
        state = optimizer.state[p]
        if len(state) == 0:
            state["step"] = _new_step()
            for name, value in scalars.items():
                state[name] = _new_step(value)
            for name in buffers:
                state[name] = zeros_like(p)
        states.append(state)
    return states
