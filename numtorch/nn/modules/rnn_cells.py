"""RNNCellBase, RNNCell, LSTMCell and GRUCell (torch.nn.modules.rnn): one time step, over the
kernels of rnn_functional.py."""

import math

import numtorch
from numtorch.nn import init
from numtorch.nn.modules import rnn_functional as _VF
from numtorch.nn.modules.module import Module
from numtorch.nn.parameter import Parameter

__all__ = ["GRUCell", "LSTMCell", "RNNCell", "RNNCellBase"]


class RNNCellBase(Module):
    """Same as `torch.nn.RNNCellBase`: weight_ih, weight_hh and (with `bias`) bias_ih and
    bias_hh for `num_chunks` gates."""

    __constants__ = ["input_size", "hidden_size", "bias"]

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        factory = {"device": device, "dtype": dtype}
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        gates = num_chunks * hidden_size
        self.weight_ih = Parameter(numtorch.empty((gates, input_size), **factory))
        self.weight_hh = Parameter(numtorch.empty((gates, hidden_size), **factory))
        if bias:
            self.bias_ih = Parameter(numtorch.empty(gates, **factory))
            self.bias_hh = Parameter(numtorch.empty(gates, **factory))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if "bias" in self.__dict__ and self.bias is not True:
            s += ", bias={bias}"
        if "nonlinearity" in self.__dict__ and self.nonlinearity != "tanh":
            s += ", nonlinearity={nonlinearity}"
        return s.format(**self.__dict__)

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, input, hx, name):
        """Checks ranks; adds the batch dim to unbatched input and states."""
        if input.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        states = () if hx is None else (hx if isinstance(hx, tuple | list) else (hx,))
        for index, value in enumerate(states):
            if value.dim() not in (1, 2):
                what = f"hx[{index}]" if name == "LSTMCell" else "hidden"
                raise ValueError(
                    f"{name}: Expected {what} to be 1D or 2D, got {value.dim()}D instead"
                )
        batched = input.dim() == 2
        if not batched:
            input = input.unsqueeze(0)
            states = tuple(s.unsqueeze(0) for s in states)
        if hx is None:
            zeros = numtorch.zeros(
                input.size(0), self.hidden_size, dtype=input.dtype, device=input.device
            )
            states = (zeros, zeros)
        return input, states, batched


class RNNCell(RNNCellBase):
    """Same as `torch.nn.RNNCell`: h' = tanh (or relu)(W_ih x + b_ih + W_hh h + b_hh)."""

    __constants__ = ["input_size", "hidden_size", "bias", "nonlinearity"]

    def __init__(
        self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None
    ):
        super().__init__(input_size, hidden_size, bias, 1, device=device, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        input, states, batched = self._batched(input, hx, "RNNCell")
        weights = (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        if self.nonlinearity == "tanh":
            result = _VF.rnn_tanh_cell(input, states[0], *weights)
        elif self.nonlinearity == "relu":
            result = _VF.rnn_relu_cell(input, states[0], *weights)
        else:
            raise RuntimeError(f"Unknown nonlinearity: {self.nonlinearity}")
        return result if batched else result.squeeze(0)


class LSTMCell(RNNCellBase):
    """Same as `torch.nn.LSTMCell`: returns (h', c')."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 4, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        input, states, batched = self._batched(input, hx, "LSTMCell")
        weights = (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        h, c = _VF.lstm_cell(input, states, *weights)
        return (h, c) if batched else (h.squeeze(0), c.squeeze(0))


class GRUCell(RNNCellBase):
    """Same as `torch.nn.GRUCell`."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 3, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        input, states, batched = self._batched(input, hx, "GRUCell")
        weights = (self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)
        result = _VF.gru_cell(input, states[0], *weights)
        return result if batched else result.squeeze(0)
