"""float32 LSTM as torch runs it on the CPU: one oneDNN LSTM layer op per layer and direction
(`mkldnn_rnn_layer`, grad_fn MkldnnRnnLayerBackward0), so `out.grad_fn` and the graph around
it are torch's. The forward is a NumPy/CuPy loop; the backward is backpropagation through time
written over Tensor ops (so create_graph differentiates it again).

torch takes this path for float32 input that is not packed, not empty and has no projections
(bfloat16 only on CPUs with native bf16 support, float16 only without grad; numtorch keeps
those on the composite path of rnn_functional.py).
"""

import warnings

import numtorch
from numtorch._ops.registry import SAME, op
from numtorch.nn import functional as F

__all__ = ["lstm_mkldnn", "use_mkldnn"]

_warned_projections = []


def use_mkldnn(input, hx, has_projections):
    """Whether torch's CPU `lstm` would run oneDNN for these arguments."""
    if input.dtype is not numtorch.float32 or input.numel() == 0:
        return False
    if input.device.type != "cpu" or any(h.device.type != "cpu" for h in hx):
        return False
    if has_projections:
        if not _warned_projections:
            _warned_projections.append(True)
            warnings.warn(
                "LSTM with projections is not supported with oneDNN. Using default implementation.",
                UserWarning,
                stacklevel=5,
            )
        return False
    return True


def _sigmoid(xp, x):
    return 0.5 * (xp.tanh(0.5 * x) + 1)  # no overflow for large |x|


@op(
    "mkldnn_rnn_layer",
    grad_fn="MkldnnRnnLayerBackward0",
    promote=SAME,
    function=False,
    method=False,
    returns=tuple,
    input_names=("input", "weight0", "weight1", "weight2", "weight3", "hx_", "cx_"),
)
def _mkldnn_rnn_layer(xp, input, weight0, weight1, weight2, weight3, hx_, cx_, *, reverse):
    """One LSTM layer over a (T, B, I) input: (output, h_T, c_T)."""
    steps, batch = input.shape[0], input.shape[1]
    hidden = weight1.shape[1]
    flat = input.reshape(steps * batch, input.shape[2])
    projected = (flat @ weight0.T + weight2 + weight3).reshape(steps, batch, 4 * hidden)
    output = xp.empty((steps, batch, hidden), dtype=input.dtype)
    h, c = hx_, cx_
    for t in range(steps - 1, -1, -1) if reverse else range(steps):
        gates = projected[t] + h @ weight1.T
        ingate = _sigmoid(xp, gates[:, :hidden])
        forgetgate = _sigmoid(xp, gates[:, hidden : 2 * hidden])
        cellgate = xp.tanh(gates[:, 2 * hidden : 3 * hidden])
        outgate = _sigmoid(xp, gates[:, 3 * hidden :])
        c = forgetgate * c + ingate * cellgate
        h = outgate * xp.tanh(c)
        output[t] = h
    return output, xp.ascontiguousarray(h), xp.ascontiguousarray(c)


@_mkldnn_rnn_layer.backward
def _(
    grad_output,
    grad_hy,
    grad_cy,
    *,
    needs,
    input,
    weight0,
    weight1,
    weight2,
    weight3,
    hx_,
    cx_,
    reverse,
):
    # recompute the gates, then run the steps backwards
    steps = input.size(0)
    projected = input.matmul(weight0.t()) + weight2 + weight3
    h, c = hx_, cx_
    cache = []
    for t in range(steps - 1, -1, -1) if reverse else range(steps):
        ingate, forgetgate, cellgate, outgate = (projected[t] + h.matmul(weight1.t())).chunk(4, 1)
        ingate, forgetgate, outgate = ingate.sigmoid(), forgetgate.sigmoid(), outgate.sigmoid()
        cellgate = cellgate.tanh()
        c_next = forgetgate * c + ingate * cellgate
        tanh_c = c_next.tanh()
        cache.append((t, h, c, ingate, forgetgate, cellgate, outgate, tanh_c))
        h, c = outgate * tanh_c, c_next
    dh, dc = grad_hy, grad_cy
    dgates, previous = [None] * steps, [None] * steps
    for t, h_prev, c_prev, ingate, forgetgate, cellgate, outgate, tanh_c in reversed(cache):
        dh = dh + grad_output[t]
        dc = dc + dh * outgate * (1 - tanh_c * tanh_c)
        d_in = dc * cellgate * ingate * (1 - ingate)
        d_forget = dc * c_prev * forgetgate * (1 - forgetgate)
        d_cell = dc * ingate * (1 - cellgate * cellgate)
        d_out = dh * tanh_c * outgate * (1 - outgate)
        dgate = numtorch.cat([d_in, d_forget, d_cell, d_out], 1)
        dc = dc * forgetgate
        dh = dgate.matmul(weight1)
        dgates[t], previous[t] = dgate, h_prev
    stacked = numtorch.stack(dgates, 0)
    flat = stacked.flatten(0, 1)
    grad_bias = stacked.sum((0, 1)) if needs[3] or needs[4] else None
    return (
        stacked.matmul(weight0) if needs[0] else None,
        flat.t().matmul(input.flatten(0, 1)) if needs[1] else None,
        flat.t().matmul(numtorch.stack(previous, 0).flatten(0, 1)) if needs[2] else None,
        grad_bias if needs[3] else None,
        grad_bias if needs[4] else None,
        dh if needs[5] else None,
        dc if needs[6] else None,
    )


def lstm_mkldnn(input, hx, params, has_biases, num_layers, dropout_p, train, bidirectional, bf):
    """torch's `lstm_mkldnn`: the layer op per layer and direction (a reverse direction's
    output concatenated on the last dim), dropout between layers, the final states stacked.
    `bf` is batch_first."""
    layer_input = (input.transpose(0, 1) if bf else input).contiguous()
    directions = 2 if bidirectional else 1
    per = 4 if has_biases else 2
    final_h, final_c = [], []
    for layer in range(num_layers):
        outputs = []
        for direction in range(directions):
            index = layer * directions + direction
            weights = params[index * per : (index + 1) * per]
            if has_biases:
                b_ih, b_hh = weights[2], weights[3]
            else:
                b_ih = numtorch.zeros(weights[0].size(0), dtype=input.dtype, device=input.device)
                b_hh = numtorch.zeros(weights[1].size(0), dtype=input.dtype, device=input.device)
            output, hy, cy = _mkldnn_rnn_layer(
                layer_input,
                weights[0],
                weights[1],
                b_ih,
                b_hh,
                hx[0].select(0, index),
                hx[1].select(0, index),
                reverse=direction > 0,
            )
            outputs.append(output)
            final_h.append(hy)
            final_c.append(cy)
        layer_input = outputs[0] if directions == 1 else numtorch.cat(outputs, -1)
        if dropout_p != 0 and train and layer < num_layers - 1:
            layer_input = F.dropout(layer_input, dropout_p, True)
    output = layer_input.transpose(0, 1) if bf else layer_input
    return output, numtorch.stack(final_h, 0), numtorch.stack(final_c, 0)
