"""RNNBase, RNN, LSTM and GRU (torch.nn.modules.rnn); the cells are in rnn_cells.py and the
kernels in rnn_functional.py.

Parameters, their names and order, their initialisation (uniform_(-1/sqrt(hidden),
1/sqrt(hidden)) in registration order), checks, messages and reprs are torch's. The forward
runs torch's CPU algorithm as a loop of registered Tensor ops, so outputs, hidden states and
gradients match torch's and each step shows its own grad_fns. Where torch runs a fused kernel
(oneDNN's LSTM layer for float32) its single grad_fn is reproduced by rnn_mkldnn.py.
"""

import math
import numbers
import warnings
import weakref

import numtorch
from numtorch.nn import init
from numtorch.nn.modules import rnn_functional as _VF
from numtorch.nn.modules.module import Module
from numtorch.nn.modules.rnn_cells import GRUCell, LSTMCell, RNNCell, RNNCellBase
from numtorch.nn.parameter import Parameter
from numtorch.nn.utils.rnn import PackedSequence

__all__ = ["GRU", "GRUCell", "LSTM", "LSTMCell", "RNN", "RNNBase", "RNNCell", "RNNCellBase"]

_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _apply_permutation(tensor, permutation, dim=1):
    return tensor.index_select(dim, permutation)


class RNNBase(Module):
    """Same as `torch.nn.RNNBase`: the weights of every layer and direction, and the checks
    shared by RNN, LSTM and GRU."""

    __constants__ = [
        "mode",
        "input_size",
        "hidden_size",
        "num_layers",
        "bias",
        "batch_first",
        "dropout",
        "bidirectional",
        "proj_size",
    ]

    def __init__(
        self,
        mode,
        input_size,
        hidden_size,
        num_layers=1,
        bias=True,
        batch_first=False,
        dropout=0.0,
        bidirectional=False,
        proj_size=0,
        device=None,
        dtype=None,
    ):
        super().__init__()
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        self._flat_weight_refs = []
        num_directions = 2 if bidirectional else 1
        _check_options(dropout, num_layers, bias, batch_first, input_size, hidden_size, proj_size)
        if mode not in _GATES:
            raise ValueError("Unrecognized RNN mode: " + mode)
        gate_size = _GATES[mode] * hidden_size
        factory = {"device": device, "dtype": dtype}
        self._flat_weights_names = []
        self._all_weights = []
        real_hidden_size = proj_size if proj_size > 0 else hidden_size
        for layer in range(num_layers):
            for direction in range(num_directions):
                layer_input_size = input_size if layer == 0 else real_hidden_size * num_directions
                w_ih = Parameter(numtorch.empty((gate_size, layer_input_size), **factory))
                w_hh = Parameter(numtorch.empty((gate_size, real_hidden_size), **factory))
                b_ih = Parameter(numtorch.empty(gate_size, **factory))
                b_hh = Parameter(numtorch.empty(gate_size, **factory))
                layer_params = (w_ih, w_hh, b_ih, b_hh) if bias else (w_ih, w_hh)
                names = ["weight_ih_l{}{}", "weight_hh_l{}{}"]
                if bias:
                    names += ["bias_ih_l{}{}", "bias_hh_l{}{}"]
                if proj_size > 0:
                    w_hr = Parameter(numtorch.empty((proj_size, hidden_size), **factory))
                    layer_params += (w_hr,)
                    names += ["weight_hr_l{}{}"]
                suffix = "_reverse" if direction == 1 else ""
                names = [n.format(layer, suffix) for n in names]
                for name, param in zip(names, layer_params, strict=True):
                    setattr(self, name, param)
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self._init_flat_weights()
        self.reset_parameters()

    def _init_flat_weights(self):
        self._flat_weights = [
            getattr(self, name) if hasattr(self, name) else None
            for name in self._flat_weights_names
        ]
        self._flat_weight_refs = [
            weakref.ref(w) if w is not None else None for w in self._flat_weights
        ]
        self.flatten_parameters()

    def __setattr__(self, attr, value):
        if hasattr(self, "_flat_weights_names") and attr in self._flat_weights_names:
            self._flat_weights[self._flat_weights_names.index(attr)] = value
        super().__setattr__(attr, value)

    def flatten_parameters(self):
        """Accepted as in torch; torch packs the weights into one cuDNN buffer on CUDA only, and
        numtorch has no cuDNN, so there is nothing to do."""

    def _apply(self, fn, recurse=True):
        self._flat_weight_refs = []
        result = super()._apply(fn, recurse)
        self._init_flat_weights()
        return result

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def check_input(self, input, batch_sizes):
        weight_dtype = self._flat_weights[0].dtype
        if input.dtype != weight_dtype:
            raise ValueError(
                f"RNN input dtype ({input.dtype}) does not match weight dtype ({weight_dtype}). "
                f"Convert input: input.to({weight_dtype}), or convert model: "
                f"model.to({input.dtype})"
            )
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise RuntimeError(
                f"input must have {expected_input_dim} dimensions, got {input.dim()}"
            )
        if self.input_size != input.size(-1):
            raise RuntimeError(
                "input.size(-1) must be equal to input_size. Expected "
                f"{self.input_size}, got {input.size(-1)}"
            )

    def _mini_batch(self, input, batch_sizes):
        if batch_sizes is not None:
            return int(batch_sizes[0])
        return input.size(0) if self.batch_first else input.size(1)

    def get_expected_hidden_size(self, input, batch_sizes):
        num_directions = 2 if self.bidirectional else 1
        size = self.proj_size if self.proj_size > 0 else self.hidden_size
        return (self.num_layers * num_directions, self._mini_batch(input, batch_sizes), size)

    def check_hidden_size(self, hx, expected_hidden_size, msg="Expected hidden size {}, got {}"):
        if hx.size() != expected_hidden_size:
            raise RuntimeError(msg.format(expected_hidden_size, list(hx.size())))

    def _weights_have_changed(self):
        for ref, name in zip(self._flat_weight_refs, self._flat_weights_names, strict=True):
            weight = getattr(self, name) if hasattr(self, name) else None
            if weight is not None and ref is not None and ref() is not weight:
                return True
        return False

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return _apply_permutation(hx, permutation)

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if self.proj_size != 0:
            s += ", proj_size={proj_size}"
        if self.num_layers != 1:
            s += ", num_layers={num_layers}"
        if self.bias is not True:
            s += ", bias={bias}"
        if self.batch_first is not False:
            s += ", batch_first={batch_first}"
        if self.dropout != 0:
            s += ", dropout={dropout}"
        if self.bidirectional is not False:
            s += ", bidirectional={bidirectional}"
        return s.format(**self.__dict__)

    def _update_flat_weights(self):
        if self._weights_have_changed():
            self._init_flat_weights()

    def __getstate__(self):
        self._update_flat_weights()
        state = super().__getstate__().copy()
        state.pop("_flat_weight_refs", None)
        return state

    def __setstate__(self, state):
        super().__setstate__(state)
        if "all_weights" in state:
            self._all_weights = state["all_weights"]
        if "proj_size" not in state:
            self.proj_size = 0
        self._flat_weights = [
            getattr(self, name) if hasattr(self, name) else None
            for name in self._flat_weights_names
        ]
        self._flat_weight_refs = [
            weakref.ref(w) if w is not None else None for w in self._flat_weights
        ]

    @property
    def all_weights(self):
        return [[getattr(self, weight) for weight in weights] for weights in self._all_weights]

    def _replicate_for_data_parallel(self):
        replica = super()._replicate_for_data_parallel()
        replica._flat_weights = replica._flat_weights[:]
        replica._flat_weights_names = replica._flat_weights_names[:]
        return replica

    # ---- shared forward plumbing

    def _prepare(self, input, hx, state_sizes):
        """Unpacks a PackedSequence or adds the batch dim of unbatched input; the initial
        states (zeros of `state_sizes`' last dims when `hx` is None), permuted to the packed
        order. Returns (input, batch_sizes, hx tuple, sorted, unsorted, batched, batch_dim)."""
        name = "RNN" if self.mode.startswith("RNN") else self.mode
        num_directions = 2 if self.bidirectional else 1
        if isinstance(input, PackedSequence):
            input, batch_sizes, sorted_indices, unsorted_indices = input
            batch, batched, batch_dim = int(batch_sizes[0]), True, None
            if hx is not None:
                hx = self._permute_all(hx, sorted_indices)
        else:
            batch_sizes = sorted_indices = unsorted_indices = None
            if input.dim() not in (2, 3):
                suffix = " tensor" if name == "RNN" else ""
                raise ValueError(
                    f"{name}: Expected input to be 2D or 3D, got {input.dim()}D{suffix} instead"
                )
            batched = input.dim() == 3
            batch_dim = 0 if self.batch_first else 1
            if not batched:
                input = input.unsqueeze(batch_dim)
            if hx is not None:
                hx = self._check_hx_rank(hx, batched)
            batch = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            layers = self.num_layers * num_directions
            hx = tuple(
                numtorch.zeros(layers, batch, size, dtype=input.dtype, device=input.device)
                for size in state_sizes
            )
        return input, batch_sizes, hx, sorted_indices, unsorted_indices, batched, batch_dim

    def _permute_all(self, hx, permutation):
        if permutation is None:
            return hx
        return tuple(_apply_permutation(h, permutation) for h in hx)

    def _check_hx_rank(self, hx, batched):
        rank = 3 if batched else 2
        if hx[0].dim() != rank:
            kind = "batched 3-D" if batched else "unbatched 2-D"
            raise RuntimeError(
                f"For {kind} input, hx should also be {rank}-D but got {hx[0].dim()}-D tensor"
            )
        return hx if batched else (hx[0].unsqueeze(1),)

    def _finish(self, output, hidden, batch_sizes, sorted_indices, unsorted_indices, prep):
        batched, batch_dim = prep
        if batch_sizes is not None:
            packed = PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices)
            return packed, self._permute_all(hidden, unsorted_indices)
        if not batched:
            output = output.squeeze(batch_dim)
            hidden = tuple(h.squeeze(1) for h in hidden)
        return output, hidden


def _check_options(dropout, num_layers, bias, batch_first, input_size, hidden_size, proj_size):
    if (
        not isinstance(dropout, numbers.Number)
        or not 0 <= dropout <= 1
        or isinstance(dropout, bool)
    ):
        raise ValueError(
            "dropout should be a number in range [0, 1] representing the probability of an "
            "element being zeroed"
        )
    if dropout > 0 and num_layers == 1:
        warnings.warn(
            "dropout option adds dropout after all but last recurrent layer, so non-zero "
            "dropout expects num_layers greater than 1, but got "
            f"dropout={dropout} and num_layers={num_layers}",
            stacklevel=3,
        )
    for name, value in (("bias", bias), ("batch_first", batch_first)):
        if not isinstance(value, bool):
            raise TypeError(f"{name} should be of type bool, got: {type(value).__name__}")
    for name, value in (("input_size", input_size), ("hidden_size", hidden_size)):
        if not isinstance(value, int):
            raise TypeError(f"{name} should be of type int, got: {type(value).__name__}")
        if value <= 0:
            raise ValueError(f"{name} must be greater than zero")
    if num_layers <= 0:
        raise ValueError("num_layers must be greater than zero")
    if proj_size < 0:
        raise ValueError("proj_size should be a positive integer or zero to disable projections")
    if proj_size >= hidden_size:
        raise ValueError("proj_size has to be smaller than hidden_size")


class RNN(RNNBase):
    """Same as `torch.nn.RNN`: h_t = tanh (or relu)(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh)."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            self.nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if self.nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif self.nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError(
                f"Unknown nonlinearity '{self.nonlinearity}'. Select from 'tanh' or 'relu'."
            )
        super().__init__(mode, *args, **kwargs)

    def forward(self, input, hx=None):
        return _one_state_forward(self, input, hx)


def _one_state_forward(self, input, hx):
    """RNN and GRU: one state tensor."""
    self._update_flat_weights()
    state = None if hx is None else (hx,)
    prep = self._prepare(input, state, (self.hidden_size,))
    input, batch_sizes, (hx,), sorted_indices, unsorted_indices, batched, batch_dim = prep
    self.check_forward_args(input, hx, batch_sizes)
    kernel = {"RNN_TANH": _VF.rnn_tanh, "RNN_RELU": _VF.rnn_relu, "GRU": _VF.gru}[self.mode]
    options = (self.bias, self.num_layers, self.dropout, self.training, self.bidirectional)
    if batch_sizes is None:
        output, hidden = kernel(input, hx, self._flat_weights, *options, self.batch_first)
    else:
        output, hidden = kernel(input, batch_sizes, hx, self._flat_weights, *options)
    output, (hidden,) = self._finish(
        output, (hidden,), batch_sizes, sorted_indices, unsorted_indices, (batched, batch_dim)
    )
    return output, hidden


class LSTM(RNNBase):
    """Same as `torch.nn.LSTM` (with `proj_size`: h_t = W_hr (o_t * tanh(c_t)))."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes):
        num_directions = 2 if self.bidirectional else 1
        batch = self._mini_batch(input, batch_sizes)
        return (self.num_layers * num_directions, batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(
            hidden[0],
            self.get_expected_hidden_size(input, batch_sizes),
            "Expected hidden[0] size {}, got {}",
        )
        self.check_hidden_size(
            hidden[1],
            self.get_expected_cell_size(input, batch_sizes),
            "Expected hidden[1] size {}, got {}",
        )

    def permute_hidden(self, hx, permutation):
        return self._permute_all(hx, permutation)

    def _check_hx_rank(self, hx, batched):
        rank = 3 if batched else 2
        if hx[0].dim() != rank or hx[1].dim() != rank:
            kind = "batched 3-D" if batched else "unbatched 2-D"
            raise RuntimeError(
                f"For {kind} input, hx and cx should also be {rank}-D but got "
                f"({hx[0].dim()}-D, {hx[1].dim()}-D) tensors"
            )
        return tuple(hx) if batched else (hx[0].unsqueeze(1), hx[1].unsqueeze(1))

    def forward(self, input, hx=None):
        self._update_flat_weights()
        real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        prep = self._prepare(input, hx, (real_hidden_size, self.hidden_size))
        input, batch_sizes, hx, sorted_indices, unsorted_indices, batched, batch_dim = prep
        if batch_sizes is None:
            self.check_forward_args(input, hx, batch_sizes)
        options = (self.bias, self.num_layers, self.dropout, self.training, self.bidirectional)
        if batch_sizes is None:
            result = _VF.lstm(input, hx, self._flat_weights, *options, self.batch_first)
        else:
            result = _VF.lstm(input, batch_sizes, hx, self._flat_weights, *options)
        return self._finish(
            result[0], result[1:], batch_sizes, sorted_indices, unsorted_indices, prep[5:]
        )


class GRU(RNNBase):
    """Same as `torch.nn.GRU`."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        return _one_state_forward(self, input, hx)
