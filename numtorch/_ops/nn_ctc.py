"""ctc_loss: the connectionist temporal classification loss, by the alpha-beta (forward-backward)
recursion in log space, vectorised over the batch and the extended label positions.

The gradient is torch's: exp(log_probs) - exp(log(alpha beta) + nll - log_probs), the
derivative with respect to the logits before a log_softmax (torch's kernel assumes one).
"""

from numtorch._errors import type_name
from numtorch._ops.nn_loss import check_reduction
from numtorch._ops.registry import REGISTRY, SAME, apply, op, public

_NEG_INF = float("-inf")


def _logaddexp3(xp, a, b, c):
    m = xp.maximum(xp.maximum(a, b), c)
    safe = xp.where(xp.isfinite(m), m, 0)
    with xp.errstate(divide="ignore", invalid="ignore"):
        out = xp.log(xp.exp(a - safe) + xp.exp(b - safe) + xp.exp(c - safe)) + safe
    return xp.where(m == _NEG_INF, _NEG_INF, out)


def _extended(xp, targets, target_lengths, blank):
    """The targets with blanks between and around: (N, 2 S + 1) labels, and where the skip
    from s - 2 to s is allowed (a label that differs from the one two places back)."""
    n, s_max = targets.shape
    ext = xp.full((n, 2 * s_max + 1), blank, dtype=targets.dtype)
    ext[:, 1::2] = targets
    skip = xp.zeros(ext.shape, dtype=bool)
    skip[:, 3::2] = targets[:, 1:] != targets[:, :-1]
    skip[:, 1] = False
    within = xp.arange(ext.shape[1])[None, :] < (2 * target_lengths[:, None] + 1)
    return ext, skip & within, within


def _shift(xp, a, k):
    out = xp.full(a.shape, _NEG_INF, dtype=a.dtype)
    if k < a.shape[1]:
        out[:, k:] = a[:, : a.shape[1] - k]
    return out


def _alpha_beta(xp, log_probs, targets, input_lengths, target_lengths, blank):
    """log alpha, log beta (T, N, 2 S + 1), the extended labels and the per-sequence nll."""
    t_max, n = log_probs.shape[0], log_probs.shape[1]
    ext, skip, within = _extended(xp, targets, target_lengths, blank)
    rows = xp.arange(n)[:, None]
    lp_ext = log_probs[:, rows, ext]  # (T, N, 2S + 1)
    lp_ext = xp.where(within[None], lp_ext, _NEG_INF)
    width = ext.shape[1]
    alpha = xp.full((t_max, n, width), _NEG_INF, dtype=log_probs.dtype)
    beta = xp.full((t_max, n, width), _NEG_INF, dtype=log_probs.dtype)
    if t_max:
        alpha[0, :, :2] = lp_ext[0, :, :2]
    for t in range(1, t_max):
        prev = alpha[t - 1]
        skipped = xp.where(skip, _shift(xp, prev, 2), _NEG_INF)
        alpha[t] = _logaddexp3(xp, prev, _shift(xp, prev, 1), skipped) + lp_ext[t]
    last = 2 * target_lengths  # index of the final blank
    ends = input_lengths - 1
    batch = xp.arange(n)
    # beta at each sequence's last frame, then backwards; frames past a sequence's end stay -inf
    skip_from = xp.zeros(skip.shape, dtype=bool)
    skip_from[:, :-2] = skip[:, 2:]
    for t in range(t_max - 1, -1, -1):
        start = xp.full((n, width), _NEG_INF, dtype=log_probs.dtype)
        at_end = ends == t
        cols = xp.arange(width)[None, :]
        final = (cols == last[:, None]) | ((cols == last[:, None] - 1) & (last[:, None] > 0))
        start = xp.where(at_end[:, None] & final, lp_ext[t], start)
        if t + 1 < t_max:
            nxt = beta[t + 1]
            back1 = xp.full(nxt.shape, _NEG_INF, dtype=nxt.dtype)
            back1[:, :-1] = nxt[:, 1:]
            back2 = xp.full(nxt.shape, _NEG_INF, dtype=nxt.dtype)
            back2[:, :-2] = nxt[:, 2:]
            back2 = xp.where(skip_from, back2, _NEG_INF)
            carried = _logaddexp3(xp, nxt, back1, back2) + lp_ext[t]
            start = xp.where((t < ends)[:, None], carried, start)
        beta[t] = start
    safe_ends = xp.maximum(ends, 0)
    a_end = alpha[safe_ends, batch]  # (N, 2S + 1)
    final_blank = a_end[batch, last]
    final_label = xp.where(last > 0, a_end[batch, xp.maximum(last - 1, 0)], _NEG_INF)
    with xp.errstate(divide="ignore", invalid="ignore"):
        nll = -xp.logaddexp(final_blank, final_label)
    nll = xp.where(input_lengths > 0, nll, xp.where(target_lengths == 0, 0.0, float("inf")))
    return alpha, beta, ext, nll.astype(log_probs.dtype)


@op(
    "ctc_loss_",
    grad_fn="CtcLossBackward0",
    promote=SAME,
    function=False,
    method=False,
    input_names=("log_probs", "targets", "input_lengths", "target_lengths"),
)
def _ctc(xp, log_probs, targets, input_lengths, target_lengths, *, blank, zero_infinity):
    return _alpha_beta(xp, log_probs, targets, input_lengths, target_lengths, blank)[3]


@op(
    "ctc_loss_grad_coef",
    grad_fn="NotImplemented",
    promote=SAME,
    function=False,
    method=False,
    input_names=("self", "targets", "input_lengths", "target_lengths"),
)
def _ctc_grad(xp, log_probs, targets, input_lengths, target_lengths, *, blank, zero_infinity):
    """torch's ctc gradient for a unit incoming gradient per sequence (T, N, C)."""
    alpha, beta, ext, nll = _alpha_beta(
        xp, log_probs, targets, input_lengths, target_lengths, blank
    )
    t_max, n, n_classes = log_probs.shape
    log_ab = alpha + beta  # (T, N, 2S + 1)
    lcab = xp.full(log_probs.shape, _NEG_INF, dtype=log_probs.dtype)
    m = xp.max(log_ab, axis=2, keepdims=True) if log_ab.shape[2] else log_ab[..., :1]
    m = xp.where(xp.isfinite(m), m, 0)
    summed = xp.zeros(log_probs.shape, dtype=log_probs.dtype)
    index = xp.broadcast_to(ext[None], log_ab.shape)
    t_idx = xp.arange(t_max)[:, None, None]
    n_idx = xp.arange(n)[None, :, None]
    with xp.errstate(over="ignore", invalid="ignore"):
        xp.add.at(summed, (t_idx, n_idx, index), xp.exp(log_ab - m))
    with xp.errstate(divide="ignore"):
        lcab = xp.log(summed) + m
    with xp.errstate(over="ignore", invalid="ignore"):
        grad = xp.exp(log_probs) - xp.exp(lcab + nll[None, :, None] - log_probs)
    live = xp.arange(t_max)[:, None] < input_lengths[None, :]
    grad = xp.where(live[:, :, None], grad, 0)
    if zero_infinity:
        grad = xp.where(xp.isinf(nll)[None, :, None], 0, grad)
    return grad.astype(log_probs.dtype)


@_ctc_grad.backward
def _(grad, *, needs, blank, zero_infinity):
    raise RuntimeError("derivative for aten::_ctc_loss_backward is not implemented")


@_ctc.backward
def _(grad, *, needs, log_probs, targets, input_lengths, target_lengths, blank, zero_infinity):
    params = {"blank": blank, "zero_infinity": zero_infinity}
    args = (log_probs, targets, input_lengths, target_lengths)
    coef = apply(REGISTRY["ctc_loss_grad_coef"], args, params)
    return coef * grad.unsqueeze(0).unsqueeze(-1), None, None, None


def _lengths(value, name):
    from numtorch import tensor
    from numtorch._tensor import Tensor

    if isinstance(value, Tensor):
        return value.long()
    if isinstance(value, (list, tuple)):
        return tensor([int(v) for v in value])
    raise TypeError(
        "ctc_loss() received an invalid combination of arguments - got "
        f"{name} of type {type(value).__name__}"
    )


def _padded_targets(targets, target_lengths):
    """Targets as (N, S): a 1-D concatenation is cut at the lengths' offsets."""
    from numtorch import tensor

    if targets.dim() == 2:
        return targets.long()
    lengths = target_lengths.tolist()
    flat = targets.long().tolist()
    width = max(lengths, default=0)
    rows, offset = [], 0
    for length in lengths:
        rows.append(flat[offset : offset + length] + [0] * (width - length))
        offset += length
    return tensor(rows, dtype=targets.long().dtype).reshape(len(lengths), width)


@public(function=False, functional=True)
def ctc_loss(
    log_probs,
    targets,
    input_lengths,
    target_lengths,
    blank=0,
    reduction="mean",
    zero_infinity=False,
):
    """Same as `torch.nn.functional.ctc_loss`: log_probs (T, N, C) or (T, C), targets padded
    (N, S) or concatenated; mean divides each loss by its target length, then averages."""
    from numtorch import tensor, where, zeros

    check_reduction(reduction)
    batched = log_probs.dim() == 3
    if not batched:
        log_probs = log_probs.unsqueeze(1)
        targets = targets.unsqueeze(0) if targets.dim() == 1 else targets
    input_lengths = _lengths(input_lengths, "input_lengths")
    target_lengths = _lengths(target_lengths, "target_lengths")
    if not batched:
        input_lengths = input_lengths.reshape(1)
        target_lengths = target_lengths.reshape(1)
    if log_probs.dtype.name not in ("float32", "float64"):
        raise NotImplementedError(
            f"\"ctc_loss_cpu\" not implemented for '{type_name(log_probs.dtype)}'"
        )
    t_max, n, n_classes = log_probs.shape
    if not 0 <= blank < n_classes:
        raise RuntimeError("blank must be in label range")
    if input_lengths.numel() != n:
        raise RuntimeError("input_lengths must be of size batch_size")
    if target_lengths.numel() != n:
        raise RuntimeError("target_lengths must be of size batch_size")
    for length in input_lengths.tolist():
        if length > t_max:
            raise RuntimeError(
                f"Expected input_lengths to have value at most {t_max}, but got value {length} "
                "(while checking arguments for ctc_loss_allocate_outputs)"
            )
    if targets.dim() == 2 and batched:
        width = targets.shape[1]
        for length in target_lengths.tolist():
            if length > width:
                raise RuntimeError(
                    f"Expected tensor to have size at least {length} at dimension 1, but got "
                    f"size {width} for argument #2 'targets' (while checking arguments for "
                    "ctc_loss_allocate_outputs)"
                )
    padded = _padded_targets(targets, target_lengths) if batched else targets.long()
    params = {"blank": blank, "zero_infinity": zero_infinity}
    args = (log_probs, padded, input_lengths, target_lengths)
    res = apply(REGISTRY["ctc_loss_"], args, params)
    if zero_infinity:
        res = where(res == float("inf"), zeros((), dtype=res.dtype), res)
    if reduction == "mean":
        lengths = tensor(target_lengths.tolist(), dtype=res.dtype).clamp_min(1)
        return (res / lengths).mean()
    if reduction == "sum":
        return res.sum()
    return res if batched else res.squeeze(0)


@public("ctc_loss")
def _ctc_loss_enum(
    log_probs, targets, input_lengths, target_lengths, blank=0, reduction=1, zero_infinity=False
):
    """Same as `torch.ctc_loss`: reduction as torch's enum (0 none, 1 mean, 2 sum)."""
    return ctc_loss(
        log_probs,
        targets,
        input_lengths,
        target_lengths,
        blank,
        ("none", "mean", "sum")[reduction],
        zero_infinity,
    )
