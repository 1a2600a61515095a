"""The recurrent kernels behind nn.RNN/LSTM/GRU and their cells, written as torch's ATen CPU
path (aten/src/ATen/native/RNN.cpp) is: a time loop over registered Tensor ops.

The input projection of a whole layer is one `linear` before the loop (split by `unbind`), each
step adds the hidden projection and applies the gates (`unsafe_chunk`, sigmoid, tanh), and the
steps are `stack`ed (`cat` for packed input). So the graphs show torch's own grad_fns
(AddmmBackward0, UnbindBackward0, UnsafeSplitBackward0, SigmoidBackward0, StackBackward0, ...).
The one place torch's CPU graph differs is float32 LSTM, which torch runs as the oneDNN fused
`mkldnn_rnn_layer` (see rnn_mkldnn.py).
"""

import numtorch
from numtorch.nn import functional as F
from numtorch.nn.modules import rnn_mkldnn

__all__ = [
    "gru",
    "gru_cell",
    "lstm",
    "lstm_cell",
    "rnn_relu",
    "rnn_relu_cell",
    "rnn_tanh",
    "rnn_tanh_cell",
]


class CellParams:
    """One layer-direction's weights: w_ih, w_hh, optional biases and LSTM projection w_hr."""

    __slots__ = ("w_ih", "w_hh", "b_ih", "b_hh", "w_hr")

    def __init__(self, w_ih, w_hh, b_ih=None, b_hh=None, w_hr=None):
        self.w_ih, self.w_hh, self.b_ih, self.b_hh, self.w_hr = w_ih, w_hh, b_ih, b_hh, w_hr

    def linear_ih(self, input):
        return F.linear(input, self.w_ih, self.b_ih)

    def linear_hh(self, hidden):
        return F.linear(hidden, self.w_hh, self.b_hh)

    def matmul_hr(self, hidden):
        return hidden if self.w_hr is None else hidden.matmul(self.w_hr.t())


def gather_params(params, has_biases, has_projections=False):
    """The flat weight list cut into one CellParams per layer and direction."""
    per = 2 + 2 * bool(has_biases) + bool(has_projections)
    if len(params) % per:
        raise RuntimeError("got an incorrect number of RNN parameters")
    result = []
    for i in range(0, len(params), per):
        group = params[i : i + per]
        w_hr = group[-1] if has_projections else None
        if has_biases:
            result.append(CellParams(group[0], group[1], group[2], group[3], w_hr))
        else:
            result.append(CellParams(group[0], group[1], None, None, w_hr))
    return result


# ------------------------------------------------------------------ cells
# `pre_computed`: `input` is already w_ih x + b_ih (the layer loops project the whole sequence
# at once, as torch does on the CPU).


def _tanh_cell(input, hidden, params, pre_computed=False):
    projected = input if pre_computed else params.linear_ih(input)
    return (params.linear_hh(hidden) + projected).tanh()


def _relu_cell(input, hidden, params, pre_computed=False):
    projected = input if pre_computed else params.linear_ih(input)
    return (params.linear_hh(hidden) + projected).relu()


def _lstm_cell(input, hidden, params, pre_computed=False):
    hx, cx = hidden
    projected = input if pre_computed else params.linear_ih(input)
    gates = params.linear_hh(hx) + projected
    ingate, forgetgate, cellgate, outgate = gates.unsafe_chunk(4, 1)
    ingate = ingate.sigmoid()
    forgetgate = forgetgate.sigmoid()
    cellgate = cellgate.tanh()
    outgate = outgate.sigmoid()
    cy = forgetgate * cx + ingate * cellgate
    hy = params.matmul_hr(outgate * cy.tanh())
    return hy, cy


def _gru_cell(input, hidden, params, pre_computed=False):
    projected = input if pre_computed else params.linear_ih(input)
    igates = projected.unsafe_chunk(3, 1)
    hgates = params.linear_hh(hidden).unsafe_chunk(3, 1)
    reset_gate = (hgates[0] + igates[0]).sigmoid()
    input_gate = (hgates[1] + igates[1]).sigmoid()
    new_gate = (igates[2] + hgates[2] * reset_gate).tanh()
    return (hidden - new_gate) * input_gate + new_gate


def _as_output(hidden):
    return hidden[0] if isinstance(hidden, tuple) else hidden


def _hidden_slice(hidden, start, stop):
    if isinstance(hidden, tuple):
        return tuple(h.narrow(0, start, stop - start) for h in hidden)
    return hidden.narrow(0, start, stop - start)


def _hidden_concat(hiddens):
    if isinstance(hiddens[0], tuple):
        return tuple(numtorch.cat([h[k] for h in hiddens], 0) for k in range(len(hiddens[0])))
    return numtorch.cat(hiddens, 0)


# ------------------------------------------------------------------ layers


def _run_steps(cell, steps, hidden, params):
    outputs = []
    for step in steps:
        hidden = cell(step, hidden, params, True)
        outputs.append(_as_output(hidden))
    if not outputs:
        raise RuntimeError("Expected sequence length to be larger than 0 in RNN")
    return outputs, hidden


def _full_layer(cell, input, hidden, params):
    outputs, hidden = _run_steps(cell, params.linear_ih(input).unbind(0), hidden, params)
    return numtorch.stack(outputs, 0), hidden


def _full_bidirectional_layer(cell, input, hidden, params):
    fw_outputs, fw_hidden = _run_steps(
        cell, params[0].linear_ih(input).unbind(0), hidden[0], params[0]
    )
    fw_output = numtorch.stack(fw_outputs, 0)
    rev_steps = params[1].linear_ih(input).unbind(0)[::-1]
    rev_outputs, rev_hidden = _run_steps(cell, rev_steps, hidden[1], params[1])
    rev_output = numtorch.stack(rev_outputs[::-1], 0)
    return numtorch.cat([fw_output, rev_output], fw_output.dim() - 1), (fw_hidden, rev_hidden)


def _packed_layer(cell, packed, hidden, params):
    """Forward over packed steps: the hidden state shrinks as sequences end; the parts cut off
    make up the final hidden state (in batch order)."""
    data, batch_sizes = packed
    projected = params.linear_ih(data)
    outputs, finished = [], []
    offset, last = 0, batch_sizes[0]
    for batch in batch_sizes:
        step = projected.narrow(0, offset, batch)
        offset += batch
        if last > batch:
            finished.append(_hidden_slice(hidden, batch, last))
            hidden = _hidden_slice(hidden, 0, batch)
        last = batch
        hidden = cell(step, hidden, params, True)
        outputs.append(_as_output(hidden))
    finished.append(hidden)
    return numtorch.cat(outputs, 0), _hidden_concat(finished[::-1])


def _reversed_packed_layer(cell, packed, input_hidden, params):
    """Backward over packed steps: starts with the sequences still running at the last step
    and takes in the others' initial states as they begin."""
    data, batch_sizes = packed
    projected = params.linear_ih(data)
    outputs = []
    offset, last = data.size(0), batch_sizes[-1]
    hidden = _hidden_slice(input_hidden, 0, last)
    for batch in reversed(batch_sizes):
        if batch > last:
            hidden = _hidden_concat([hidden, _hidden_slice(input_hidden, last, batch)])
        step = projected.narrow(0, offset - batch, batch)
        offset -= batch
        last = batch
        hidden = cell(step, hidden, params, True)
        outputs.append(_as_output(hidden))
    return numtorch.cat(outputs[::-1], 0), hidden


def _packed_bidirectional_layer(cell, packed, hidden, params):
    fw_data, fw_hidden = _packed_layer(cell, packed, hidden[0], params[0])
    rev_data, rev_hidden = _reversed_packed_layer(cell, packed, hidden[1], params[1])
    return numtorch.cat([fw_data, rev_data], -1), (fw_hidden, rev_hidden)


def _rnn_impl(cell, input, params, hiddens, num_layers, dropout_p, train, bidirectional, packed):
    """torch's apply_layer_stack: the layers in turn, dropout between them (training only).
    `input` is a (T, B, *) tensor, or the data of a packed sequence when `packed` holds its
    batch sizes (a list of ints)."""
    if bidirectional:
        layer = _packed_bidirectional_layer if packed else _full_bidirectional_layer
        hiddens = [(hiddens[i], hiddens[i + 1]) for i in range(0, len(hiddens), 2)]
        params = [(params[i], params[i + 1]) for i in range(0, len(params), 2)]
    else:
        layer = _packed_layer if packed else _full_layer
    finals = []
    for index in range(num_layers):
        layer_input = (input, packed) if packed else input
        input, final = layer(cell, layer_input, hiddens[index], params[index])
        finals.extend(final if bidirectional else (final,))
        if dropout_p != 0 and train and index < num_layers - 1:
            input = F.dropout(input, dropout_p, True)
    return input, finals


def _batch_sizes_list(batch_sizes):
    return [int(b) for b in batch_sizes.tolist()]


def _one_hidden_rnn(cell, name):
    def run(input, *args):
        # (input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first)
        # or, packed: (data, batch_sizes, hx, params, has_biases, num_layers, dropout, train,
        # bidirectional)
        if isinstance(args[0], numtorch.Tensor) and args[0].dtype is numtorch.int64:
            batch_sizes, hx, params, has_biases, layers, dropout_p, train, bidir = args
            packed, batch_first = _batch_sizes_list(batch_sizes), False
        else:
            hx, params, has_biases, layers, dropout_p, train, bidir, batch_first = args
            packed = None
            input = input.transpose(0, 1) if batch_first else input
        cell_params = gather_params(params, has_biases)
        output, finals = _rnn_impl(
            cell, input, cell_params, hx.unbind(0), layers, dropout_p, train, bidir, packed
        )
        if batch_first:
            output.transpose_(0, 1)
        return output, numtorch.stack(finals, 0)

    run.__name__ = run.__qualname__ = name
    run.__doc__ = f"Same as torch's `_VF.{name}` (the kernel of nn.{name.split('_')[0].upper()})."
    return run


rnn_tanh = _one_hidden_rnn(_tanh_cell, "rnn_tanh")
rnn_relu = _one_hidden_rnn(_relu_cell, "rnn_relu")
gru = _one_hidden_rnn(_gru_cell, "gru")


def lstm(input, *args):
    """Same as torch's `_VF.lstm`: (output, h_n, c_n). Arguments as `rnn_tanh`, with `hx` the
    pair (h_0, c_0); a projection is there when h and c differ in size."""
    if isinstance(args[0], numtorch.Tensor) and args[0].dtype is numtorch.int64:
        batch_sizes, hx, params, has_biases, layers, dropout_p, train, bidir = args
        packed, batch_first = _batch_sizes_list(batch_sizes), False
    else:
        hx, params, has_biases, layers, dropout_p, train, bidir, batch_first = args
        packed = None
    if len(hx) != 2:
        raise RuntimeError("lstm expects two hidden states")
    has_projections = hx[0].size(2) != hx[1].size(2)
    if packed is None:
        if rnn_mkldnn.use_mkldnn(input, hx, has_projections):
            return rnn_mkldnn.lstm_mkldnn(
                input, hx, params, has_biases, layers, dropout_p, train, bidir, batch_first
            )
        input = input.transpose(0, 1) if batch_first else input
    cell_params = gather_params(params, has_biases, has_projections)
    hiddens = list(zip(hx[0].unbind(0), hx[1].unbind(0), strict=True))
    output, finals = _rnn_impl(
        _lstm_cell, input, cell_params, hiddens, layers, dropout_p, train, bidir, packed
    )
    if batch_first:
        output = output.transpose(0, 1)
    return (
        output,
        numtorch.stack([h for h, _ in finals], 0),
        numtorch.stack([c for _, c in finals], 0),
    )


# ------------------------------------------------------------------ cell functions


def _check_cell_input(input, input_size):
    if input.size(1) != input_size:
        raise RuntimeError(
            f"input has inconsistent input_size: got {input.size(1)} expected {input_size}"
        )


def _check_cell_hidden(input, hx, hidden_size, label):
    if input.size(0) != hx.size(0):
        raise RuntimeError(
            f"Input batch size {input.size(0)} doesn't match hidden{label} batch size {hx.size(0)}"
        )
    if hx.size(1) != hidden_size:
        raise RuntimeError(
            f"hidden{label} has inconsistent hidden_size: got {hx.size(1)}, expected {hidden_size}"
        )


def _one_hidden_cell(cell, name):
    def run(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
        _check_cell_input(input, w_ih.size(1))
        _check_cell_hidden(input, hx, w_hh.size(1), 0)
        return cell(input, hx, CellParams(w_ih, w_hh, b_ih, b_hh))

    run.__name__ = run.__qualname__ = name
    run.__doc__ = f"Same as `torch.{name}`: one step on (batch, features) tensors."
    return run


rnn_tanh_cell = _one_hidden_cell(_tanh_cell, "rnn_tanh_cell")
rnn_relu_cell = _one_hidden_cell(_relu_cell, "rnn_relu_cell")
gru_cell = _one_hidden_cell(_gru_cell, "gru_cell")


def lstm_cell(input, hx, w_ih, w_hh, b_ih=None, b_hh=None):
    """Same as `torch.lstm_cell`: one step; `hx` is (h, c); returns (h', c')."""
    if len(hx) != 2:
        raise RuntimeError("lstm_cell expects two hidden states")
    _check_cell_input(input, w_ih.size(1))
    _check_cell_hidden(input, hx[0], w_hh.size(1), 0)
    _check_cell_hidden(input, hx[1], w_hh.size(1), 1)
    return _lstm_cell(input, tuple(hx), CellParams(w_ih, w_hh, b_ih, b_hh))
