"""torch.nn.utils.rnn: PackedSequence and the pack/pad helpers around it.

`_pack_padded_sequence` is one op (PackPaddedSequenceBackward0, as torch's); padding and
unpacking are composites of slices, views and in-place copies, so their graphs show torch's
CopySlices/SliceBackward0/ViewBackward0 chains.
"""

from collections.abc import Iterable
from typing import NamedTuple

import numtorch
from numtorch._ops.registry import FORWARD, op
from numtorch._tensor import Tensor

__all__ = [
    "PackedSequence",
    "invert_permutation",
    "pack_padded_sequence",
    "pad_packed_sequence",
    "pad_sequence",
    "unpad_sequence",
    "pack_sequence",
    "unpack_sequence",
]


class PackedSequence_(NamedTuple):
    data: Tensor
    batch_sizes: Tensor
    sorted_indices: Tensor | None
    unsorted_indices: Tensor | None


def _bind(optional, fn):
    return None if optional is None else fn(optional)


class PackedSequence(PackedSequence_):
    """Same as `torch.nn.utils.rnn.PackedSequence`: the steps of a batch of sequences laid end
    to end (`data`), how many sequences are still running at each step (`batch_sizes`, an
    int64 CPU tensor) and the permutation that sorted the batch by length."""

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        return super().__new__(
            cls, *_packed_sequence_init_args(data, batch_sizes, sorted_indices, unsorted_indices)
        )

    def pin_memory(self):
        return type(self)(
            self.data.pin_memory(),
            self.batch_sizes,
            _bind(self.sorted_indices, lambda t: t.pin_memory()),
            _bind(self.unsorted_indices, lambda t: t.pin_memory()),
        )

    def to(self, *args, **kwargs):
        """`data` converted as `Tensor.to`; the indices follow it to its device only
        (batch_sizes stays on the CPU)."""
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        non_blocking = kwargs.get("non_blocking", False)

        def call_to(t):
            return t.to(data.device, non_blocking=non_blocking)

        return type(self)(
            data,
            self.batch_sizes,
            _bind(self.sorted_indices, call_to),
            _bind(self.unsorted_indices, call_to),
        )

    def cuda(self, *args, **kwargs):
        ex = numtorch.tensor((), dtype=self.data.dtype, device=self.data.device).to(*args, **kwargs)
        if ex.is_cuda:
            return self.to(*args, **kwargs)
        kwargs["device"] = "cuda"
        return self.to(*args, **kwargs)

    def cpu(self, *args, **kwargs):
        ex = numtorch.tensor((), dtype=self.data.dtype, device=self.data.device).to(*args, **kwargs)
        if ex.device.type == "cpu":
            return self.to(*args, **kwargs)
        kwargs["device"] = "cpu"
        return self.to(*args, **kwargs)

    def double(self):
        return self.to(dtype=numtorch.double)

    def float(self):
        return self.to(dtype=numtorch.float)

    def half(self):
        return self.to(dtype=numtorch.half)

    def long(self):
        return self.to(dtype=numtorch.long)

    def int(self):
        return self.to(dtype=numtorch.int)

    def short(self):
        return self.to(dtype=numtorch.short)

    def char(self):
        return self.to(dtype=numtorch.int8)

    def byte(self):
        return self.to(dtype=numtorch.uint8)

    @property
    def is_cuda(self):
        """True if `data` is on a CUDA device."""
        return self.data.is_cuda

    def is_pinned(self):
        """True if `data` is in pinned memory."""
        return self.data.is_pinned()


def _packed_sequence_init_args(data, batch_sizes, sorted_indices, unsorted_indices):
    if unsorted_indices is None:
        unsorted_indices = invert_permutation(sorted_indices)
    if batch_sizes is not None:
        if batch_sizes.device.type != "cpu":
            raise ValueError(
                "batch_sizes should always be on CPU. Instances of PackedSequence should never "
                "be created manually. They should be instantiated by functions like "
                "pack_sequence and pack_padded_sequences in nn.utils.rnn. "
                "https://pytorch.org/docs/stable/nn.html#torch.nn.utils.rnn.pack_sequence"
            )
        return data, batch_sizes, sorted_indices, unsorted_indices
    if not (isinstance(data, (list, tuple)) and len(data) == 2):
        raise AssertionError("Expected data to be a list or tuple of length 2")
    return data[0], data[1], sorted_indices, unsorted_indices


def invert_permutation(permutation):
    """Same as `torch.nn.utils.rnn.invert_permutation`: the inverse permutation (None stays
    None)."""
    if permutation is None:
        return None
    output = numtorch.empty_like(permutation)
    output.scatter_(
        0, permutation, numtorch.arange(0, permutation.numel(), device=permutation.device)
    )
    return output


_SCALAR_TYPE_NAMES = {
    "bool": "Bool",
    "uint8": "Byte",
    "int8": "Char",
    "int16": "Short",
    "int32": "Int",
    "int64": "Long",
    "float16": "Half",
    "bfloat16": "BFloat16",
    "float32": "Float",
    "float64": "Double",
    "complex64": "ComplexFloat",
    "complex128": "ComplexDouble",
}


def _check_lengths_tensor(lengths):
    if lengths.dim() != 1 or lengths.device.type != "cpu" or lengths.dtype is not numtorch.int64:
        kind = _SCALAR_TYPE_NAMES.get(lengths.dtype.name, lengths.dtype.name)
        raise RuntimeError(
            "'lengths' argument should be a 1D CPU int64 tensor, but got "
            f"{lengths.dim()}D {lengths.device.type} {kind} tensor"
        )


def _packed_layout(lengths, batch_size):
    """torch's scan from the shortest sequence up: the (start, stop, batch) time blocks and the
    batch size of every step."""
    if len(lengths) != batch_size:
        raise RuntimeError(
            "Expected `len(lengths)` to be equal to batch_size, but got "
            f"{len(lengths)} (batch_size={batch_size})"
        )
    if lengths[batch_size - 1] <= 0:
        raise RuntimeError(
            "Length of all samples has to be greater than 0, but found an element in "
            "'lengths' that is <= 0"
        )
    for i in range(batch_size - 1):
        if lengths[batch_size - 1 - i] > lengths[batch_size - 2 - i]:
            raise RuntimeError(
                "`lengths` array must be sorted in decreasing order when `enforce_sorted` is "
                "True. You can pass `enforce_sorted=False` to pack_padded_sequence and/or "
                "pack_sequence to sidestep this requirement if you do not need ONNX "
                "exportability."
            )
    blocks, batch_sizes, prev = [], [], 0
    for i in range(batch_size):
        length = lengths[batch_size - 1 - i]
        if length > prev:
            blocks.append((prev, length, batch_size - i))
            batch_sizes += [batch_size - i] * (length - prev)
            prev = length
    return blocks, batch_sizes


@op(
    "_pack_padded_sequence",
    grad_fn="PackPaddedSequenceBackward0",
    promote=FORWARD,
    method=False,
    returns=tuple,
    input_names=("input",),
)
def _pack_padded_sequence_op(xp, input, *, lengths, batch_first):
    if batch_first:
        input = xp.swapaxes(input, 0, 1)
    blocks, batch_sizes = _packed_layout(lengths, input.shape[1])
    step_shape = (-1,) + input.shape[2:]
    steps = [input[start:stop, :batch].reshape(step_shape) for start, stop, batch in blocks]
    return xp.concatenate(steps), xp.asarray(batch_sizes, dtype="int64")


@_pack_padded_sequence_op.backward
def _(grad, grad_batch_sizes, *, needs, input_sym_sizes, result1, batch_first):
    sizes = list(input_sym_sizes)
    if batch_first:
        sizes[0], sizes[1] = sizes[1], sizes[0]
    grad_input = grad.new_zeros(sizes)
    offset = 0
    for t, batch in enumerate(result1.tolist()):
        grad_input[t][:batch].copy_(grad[offset : offset + batch])
        offset += batch
    return grad_input.transpose(0, 1) if batch_first else grad_input


def _pack_padded(input, lengths, batch_first):
    """torch's `_pack_padded_sequence`: (data, batch_sizes)."""
    if input.numel() == 0:
        raise RuntimeError("Cannot pack empty tensors.")
    _check_lengths_tensor(lengths)
    return _pack_padded_sequence_op(input, lengths=tuple(lengths.tolist()), batch_first=batch_first)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Same as `torch.nn.utils.rnn.pack_padded_sequence`."""
    if not isinstance(lengths, Tensor):
        lengths = numtorch.as_tensor(lengths, dtype=numtorch.int64, device="cpu")
    else:
        lengths = lengths.to(dtype=numtorch.int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        lengths, sorted_indices = numtorch.sort(lengths, descending=True)
        sorted_indices = sorted_indices.to(input.device)
        input = input.index_select(0 if batch_first else 1, sorted_indices)
    data, batch_sizes = _pack_padded(input, lengths, batch_first)
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def _pad_packed(data, batch_sizes, batch_first, padding_value, total_length):
    """torch's `_pad_packed_sequence`: each run of equal batch sizes is one slice of `data`
    copied into the padded output."""
    _check_lengths_tensor(batch_sizes)
    sizes = batch_sizes.tolist()
    max_batch = sizes[0]
    steps = len(sizes)
    total = max(steps, total_length)
    output = numtorch.full(
        (total, max_batch, *data.shape[1:]), padding_value, dtype=data.dtype, device=data.device
    )
    lengths = [0] * max_batch
    offset, prev_batch, prev_i = 0, max_batch, 0
    for i in range(steps + 1):
        batch = sizes[i] if i != steps else 0
        if batch != prev_batch:
            count = prev_batch * (i - prev_i)
            block = data[offset : offset + count].view(i - prev_i, prev_batch, *data.shape[1:])
            output[prev_i:i, :prev_batch].copy_(block)
            offset += count
            prev_i = i
        for j in range(batch, prev_batch):
            lengths[j] = i
        prev_batch = batch
    if batch_first:
        output = output.transpose(0, 1)
    return output, numtorch.tensor(lengths, dtype=numtorch.int64)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """Same as `torch.nn.utils.rnn.pad_packed_sequence`: (padded, lengths)."""
    max_seq_length = sequence.batch_sizes.size(0)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError(
                "Expected total_length to be at least the length of the longest sequence in "
                f"input, but got total_length={total_length} and max sequence length being "
                f"{max_seq_length}"
            )
        max_seq_length = total_length
    padded, lengths = _pad_packed(
        sequence.data, sequence.batch_sizes, batch_first, padding_value, max_seq_length
    )
    unsorted = sequence.unsorted_indices
    if unsorted is not None:
        batch_dim = 0 if batch_first else 1
        return padded.index_select(batch_dim, unsorted), lengths[unsorted.cpu()]
    return padded, lengths


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Same as `torch.nn.utils.rnn.pad_sequence`: sequences of shape (L_i, *) padded to
    (L_max, B, *), or (B, L_max, *) with `batch_first`, on the right or the left."""
    if not isinstance(sequences, Iterable):
        raise RuntimeError(
            "pad_sequence: Expected iterable for input sequences, but got arg of type: "
            f"{type(sequences)}"
        )
    sequences = tuple(sequences)
    if not sequences:
        raise RuntimeError("received an empty list of sequences")
    first = sequences[0]
    if first.dim() == 0:
        raise RuntimeError("ArrayRef: invalid slice, N = 1; size = 0")
    max_len = max(s.size(0) for s in sequences)
    lead = (len(sequences), max_len) if batch_first else (max_len, len(sequences))
    out = numtorch.full(
        (*lead, *first.shape[1:]), padding_value, dtype=first.dtype, device=first.device
    )
    if padding_side not in ("left", "right"):
        raise RuntimeError(
            f"Expected padding_side to be one of left or right, but got {padding_side}."
        )
    for i, seq in enumerate(sequences):
        length = seq.size(0)
        start = max_len - length if padding_side == "left" else 0
        if batch_first:
            out.select(0, i).narrow(0, start, length).copy_(seq)
        else:
            out.narrow(0, start, length).select(1, i).copy_(seq)
    return out


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """Same as `torch.nn.utils.rnn.unpad_sequence` (like torch, it transposes a time-first
    `padded_sequences` in place)."""
    if not batch_first:
        padded_sequences.transpose_(0, 1)
    max_length = padded_sequences.shape[1]
    idx = numtorch.arange(max_length, device=lengths.device)
    return [seq[idx < length] for seq, length in zip(padded_sequences, lengths, strict=True)]


def pack_sequence(sequences, enforce_sorted=True):
    """Same as `torch.nn.utils.rnn.pack_sequence`."""
    lengths = numtorch.as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    """Same as `torch.nn.utils.rnn.unpack_sequence`: the list of the original sequences."""
    padded, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded, lengths, batch_first=True)
