"""nn.utils.rnn (PackedSequence, pack/pad helpers) and the recurrent modules' errors, reprs and
attributes: against torch where it is installed, and torch-free checks of the packing layout."""

import warnings

import numpy as np
import pytest

import numtorch
from numtorch.nn.utils import rnn as ntrnn


def _torch():
    return pytest.importorskip("torch")


def _outcome(fn):
    try:
        result = fn()
    except Exception as e:  # noqa: BLE001 - the exception is what is compared
        return ("raise", type(e).__name__, str(e).split("\n")[0])
    return ("ok", repr(result))


ERROR_CASES = {
    "cell_input_size": lambda t: t.nn.LSTMCell(3, 4)(t.ones(2, 5)),
    "cell_batch": lambda t: t.nn.LSTMCell(3, 4)(t.ones(2, 3), (t.ones(3, 4), t.ones(2, 4))),
    "cell_hidden1": lambda t: t.nn.LSTMCell(3, 4)(t.ones(2, 3), (t.ones(2, 4), t.ones(2, 5))),
    "cell_input_rank": lambda t: t.nn.LSTMCell(3, 4)(t.ones(2, 2, 3)),
    "cell_hx_rank": lambda t: t.nn.LSTMCell(3, 4)(t.ones(2, 3), (t.ones(2, 2, 4), t.ones(2, 4))),
    "gru_cell_hidden": lambda t: t.nn.GRUCell(3, 4)(t.ones(2, 3), t.ones(2, 5)),
    "gru_cell_rank": lambda t: t.nn.GRUCell(3, 4)(t.ones(2, 3), t.ones(2, 2, 5)),
    "rnn_cell_rank": lambda t: t.nn.RNNCell(3, 4)(t.ones(2, 2, 3)),
    "lstm_input_size": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 5)),
    "lstm_rank": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 2, 3)),
    "rnn_rank": lambda t: t.nn.RNN(3, 4)(t.ones(2, 2, 2, 3)),
    "gru_rank": lambda t: t.nn.GRU(3, 4)(t.ones(2, 2, 2, 3)),
    "lstm_dtype": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 3, dtype=t.float64)),
    "lstm_h0_size": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 3), (t.ones(1, 3, 4), t.ones(1, 2, 4))),
    "lstm_c0_size": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 3), (t.ones(1, 2, 4), t.ones(1, 3, 4))),
    "lstm_hx_rank": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 2, 3), (t.ones(2, 4), t.ones(1, 3, 4))),
    "lstm_unbatched_hx": lambda t: t.nn.LSTM(3, 4)(t.ones(2, 3), (t.ones(1, 2, 4),) * 2),
    "gru_empty": lambda t: t.nn.GRU(3, 4)(t.zeros(0, 2, 3)),
    "gru_hx_rank": lambda t: t.nn.GRU(3, 4)(t.ones(2, 2, 3), t.ones(2, 4)),
    "gru_unbatched_hx": lambda t: t.nn.GRU(3, 4)(t.ones(2, 3), t.ones(1, 2, 4)),
    "gru_h0_size": lambda t: t.nn.GRU(3, 4)(t.ones(2, 2, 3), t.ones(1, 3, 4)),
    "nonlinearity": lambda t: t.nn.RNN(3, 4, nonlinearity="x"),
    "rnn_proj": lambda t: t.nn.RNN(3, 4, proj_size=2),
    "gru_proj": lambda t: t.nn.GRU(3, 4, proj_size=2),
    "proj_too_big": lambda t: t.nn.LSTM(3, 4, proj_size=4),
    "proj_negative": lambda t: t.nn.LSTM(3, 4, proj_size=-1),
    "dropout_range": lambda t: t.nn.LSTM(3, 4, dropout=2),
    "dropout_str": lambda t: t.nn.LSTM(3, 4, dropout="a"),
    "dropout_bool": lambda t: t.nn.LSTM(3, 4, dropout=True),
    "hidden_zero": lambda t: t.nn.LSTM(3, 0),
    "input_zero": lambda t: t.nn.LSTM(0, 3),
    "input_float": lambda t: t.nn.LSTM(3.0, 3),
    "layers_zero": lambda t: t.nn.LSTM(3, 3, 0),
    "bias_int": lambda t: t.nn.LSTM(3, 3, bias=1),
    "batch_first_int": lambda t: t.nn.LSTM(3, 3, batch_first=1),
    "mode": lambda t: t.nn.RNNBase("FOO", 3, 3),
    "packed_hx_size": lambda t: t.nn.GRU(3, 4)(
        t.nn.utils.rnn.pack_sequence([t.ones(3, 3), t.ones(2, 3)]), t.ones(1, 3, 4)
    ),
    "unsorted": lambda t: t.nn.utils.rnn.pack_padded_sequence(t.ones(4, 3, 2), [2, 4, 1]),
    "lengths_count": lambda t: t.nn.utils.rnn.pack_padded_sequence(t.ones(4, 3, 2), [4, 2]),
    "length_zero": lambda t: t.nn.utils.rnn.pack_padded_sequence(t.ones(4, 3, 2), [4, 2, 0]),
    "empty_pack": lambda t: t.nn.utils.rnn.pack_padded_sequence(t.zeros(0, 3, 2), [4, 2, 1]),
    "lengths_2d": lambda t: t.nn.utils.rnn.pack_padded_sequence(t.ones(4, 3, 2), [[4, 2, 1]]),
    "pad_empty": lambda t: t.nn.utils.rnn.pad_sequence([]),
    "pad_side": lambda t: t.nn.utils.rnn.pad_sequence([t.ones(2, 3)], padding_side="up"),
    "pad_not_iterable": lambda t: t.nn.utils.rnn.pad_sequence(3),
    "pad_0d": lambda t: t.nn.utils.rnn.pad_sequence([t.ones(())]),
    "total_length": lambda t: t.nn.utils.rnn.pad_packed_sequence(
        t.nn.utils.rnn.pack_padded_sequence(t.ones(4, 3, 2), [4, 2, 1]), total_length=3
    ),
    "packed_tuple": lambda t: t.nn.utils.rnn.PackedSequence(t.ones(3)),
    "pack_sequence_sorted": lambda t: t.nn.utils.rnn.pack_sequence([t.ones(2), t.ones(3)]),
    "reprs": lambda t: [
        t.nn.LSTM(
            3, 4, 2, bias=False, batch_first=True, dropout=0.5, bidirectional=True, proj_size=2
        ),
        t.nn.RNN(3, 4, nonlinearity="relu"),
        t.nn.RNN(3, 4, 2, "relu"),
        t.nn.GRU(3, 4, num_layers=2),
        t.nn.GRUCell(3, 4, bias=False),
        t.nn.LSTMCell(3, 4),
        t.nn.RNNCell(3, 4, nonlinearity="relu"),
    ],
    "names": lambda t: [
        [n for n, _ in t.nn.LSTM(3, 4, 2, bidirectional=True, proj_size=2).named_parameters()],
        t.nn.LSTM(3, 4, 2, bidirectional=True, proj_size=2, bias=False)._all_weights,
        list(t.nn.GRU(3, 4, 2).state_dict()),
        [
            tuple(w.shape)
            for ws in t.nn.LSTM(3, 4, 2, True, False, 0, True, 2).all_weights
            for w in ws
        ],
    ],
}


@pytest.mark.parametrize("name", sorted(ERROR_CASES))
def test_errors_and_reprs_match_torch(name):
    torch = _torch()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _outcome(lambda: ERROR_CASES[name](numtorch)) == _outcome(
            lambda: ERROR_CASES[name](torch)
        )


def test_dropout_warning_matches_torch():
    torch = _torch()
    for lib in (numtorch, torch):
        with pytest.warns(UserWarning, match="non-zero dropout expects num_layers greater than 1"):
            lib.nn.LSTM(3, 3, dropout=0.5)


def _utils_scenario(t):
    rnn = t.nn.utils.rnn
    rs = np.random.RandomState(0)
    a, b, c = (t.tensor(rs.randn(n, 2), requires_grad=True) for n in (3, 2, 4))
    results = {}
    left = rnn.pad_sequence([a, b, c], batch_first=True, padding_side="left", padding_value=-1)
    results["left"] = left
    results["right"] = rnn.pad_sequence([a, b, c])
    packed = rnn.pack_sequence([a, b, c], enforce_sorted=False)
    results["packed"] = tuple(packed)
    padded, lengths = rnn.pad_packed_sequence(packed, batch_first=True, total_length=6)
    results["padded"] = (padded, lengths)
    weights = t.arange(36.0, dtype=t.float64).view(3, 6, 2)
    ((padded * weights).sum() + left.sum()).backward()
    results["grads"] = (a.grad, b.grad, c.grad)
    results["unpacked"] = rnn.unpack_sequence(packed)
    results["unpadded"] = rnn.unpad_sequence(rnn.pad_sequence([a, b, c]), t.tensor([3, 2, 4]))
    x = t.tensor(rs.randn(3, 5, 2))
    results["batch_first"] = tuple(rnn.pack_padded_sequence(x, t.tensor([5, 2, 1]), True))
    results["clamped"] = tuple(rnn.pack_padded_sequence(x.transpose(0, 1), [5, 2, 1]))
    results["inverse"] = rnn.invert_permutation(t.tensor([2, 0, 3, 1]))
    results["to"] = packed.double().data.dtype, packed.to(t.float32).sorted_indices
    results["graph"] = [type(packed.data.grad_fn).__name__, type(padded.grad_fn).__name__]
    return results


def _as_numpy(value):
    if isinstance(value, (tuple, list)):
        return [_as_numpy(v) for v in value]
    if hasattr(value, "detach"):
        return value.detach().numpy()
    return str(value)


def test_utils_match_torch():
    torch = _torch()
    ours = _utils_scenario(numtorch)
    theirs = _utils_scenario(torch)
    assert list(ours) == list(theirs)
    for key in theirs:
        mine, expected = _as_numpy(ours[key]), _as_numpy(theirs[key])
        np.testing.assert_equal(mine, expected, err_msg=key)


def test_packing_layout_by_hand():
    x = numtorch.arange(12.0).view(4, 3, 1)  # x[t, b] = 3 t + b
    packed = ntrnn.pack_padded_sequence(x, [4, 2, 1])
    assert packed.batch_sizes.tolist() == [3, 2, 1, 1]
    assert packed.data.flatten().tolist() == [0, 1, 2, 3, 4, 6, 9]
    assert packed.sorted_indices is None and packed.unsorted_indices is None
    padded, lengths = ntrnn.pad_packed_sequence(packed, padding_value=-1.0)
    assert lengths.tolist() == [4, 2, 1]
    assert padded[:, 2].flatten().tolist() == [2, -1, -1, -1]
    assert isinstance(packed, tuple) and packed._fields == (
        "data",
        "batch_sizes",
        "sorted_indices",
        "unsorted_indices",
    )
    unsorted = ntrnn.pack_padded_sequence(x, [1, 4, 2], enforce_sorted=False)
    assert unsorted.sorted_indices.tolist() == [1, 2, 0]
    assert unsorted.unsorted_indices.tolist() == [2, 0, 1]
    assert unsorted.data.flatten().tolist() == [1, 2, 0, 4, 5, 7, 10]


def test_packed_rnn_equals_per_sequence_runs():
    """A packed batch gives each sequence the output and final state of running it alone."""
    numtorch.manual_seed(0)
    gru = numtorch.nn.GRU(2, 3, bidirectional=True).double()
    rs = np.random.RandomState(4)
    seqs = [numtorch.tensor(rs.randn(n, 2)) for n in (2, 5, 3)]
    with numtorch.no_grad():
        out, h = gru(ntrnn.pack_sequence(seqs, enforce_sorted=False))
        padded, lengths = ntrnn.pad_packed_sequence(out)
    for i, seq in enumerate(seqs):
        with numtorch.no_grad():
            alone, h_alone = gru(seq)
        np.testing.assert_allclose(padded[: len(seq), i].numpy(), alone.numpy(), rtol=1e-12)
        np.testing.assert_allclose(h[:, i].numpy(), h_alone.numpy(), rtol=1e-12)
        assert lengths[i].item() == len(seq)
