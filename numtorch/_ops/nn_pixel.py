"""pixel_shuffle and pixel_unshuffle (torch.* and F.*): a reshape, a permute and a copy.

Each is the other's backward, so gradients of any order keep torch's graph
(PixelShuffleBackward0 <-> PixelUnshuffleBackward0).
"""

from numtorch._ops.registry import apply, op, public


def _shuffle(xp, x, r):
    *batch, c, h, w = x.shape
    oc = c // (r * r)
    nb = len(batch)
    y = x.reshape(*batch, oc, r, r, h, w)
    y = y.transpose(*range(nb), nb, nb + 3, nb + 1, nb + 4, nb + 2)
    return y.reshape(*batch, oc, h * r, w * r).copy()


def _unshuffle(xp, x, r):
    if x.size == 0:
        return x.copy()  # torch returns an empty input's shape unchanged
    *batch, c, h, w = x.shape
    nb = len(batch)
    y = x.reshape(*batch, c, h // r, r, w // r, r)
    y = y.transpose(*range(nb), nb, nb + 2, nb + 4, nb + 1, nb + 3)
    return y.reshape(*batch, c * r * r, h // r, w // r).copy()


@op("pixel_shuffle", grad_fn="PixelShuffleBackward0", function=False, method=False)
def _pixel_shuffle(xp, input, *, upscale_factor):
    return _shuffle(xp, input, upscale_factor)


@_pixel_shuffle.backward
def _(grad, *, needs, upscale_factor):
    return (apply(_pixel_unshuffle.opdef, (grad,), {"downscale_factor": upscale_factor}),)


@op("pixel_unshuffle", grad_fn="PixelUnshuffleBackward0", function=False, method=False)
def _pixel_unshuffle(xp, input, *, downscale_factor):
    return _unshuffle(xp, input, downscale_factor)


@_pixel_unshuffle.backward
def _(grad, *, needs, downscale_factor):
    return (apply(_pixel_shuffle.opdef, (grad,), {"upscale_factor": downscale_factor}),)


def _check(name, input, factor, what):
    if input.dim() < 3:
        raise RuntimeError(
            f"{name} expects input to have at least 3 dimensions, but got input with "
            f"{input.dim()} dimension(s)"
        )
    if factor <= 0:
        raise RuntimeError(f"{name} expects a positive {what}, but got {factor}")


@public("pixel_shuffle", function=True, functional=True)
def pixel_shuffle(input, upscale_factor):
    """Same as `torch.pixel_shuffle`: (*, C*r*r, H, W) -> (*, C, H*r, W*r)."""
    r = int(upscale_factor)
    _check("pixel_shuffle", input, r, "upscale_factor")
    c = input.shape[-3]
    if c % (r * r):
        raise RuntimeError(
            "pixel_shuffle expects its input's 'channel' dimension to be divisible by the square "
            f"of upscale_factor, but input.size(-3)={c} is not divisible by {r * r}"
        )
    return apply(_pixel_shuffle.opdef, (input,), {"upscale_factor": r})


@public("pixel_unshuffle", function=True, functional=True)
def pixel_unshuffle(input, downscale_factor):
    """Same as `torch.pixel_unshuffle`: (*, C, H*r, W*r) -> (*, C*r*r, H, W)."""
    r = int(downscale_factor)
    _check("pixel_unshuffle", input, r, "downscale_factor")
    for name, size in (("height", input.shape[-2]), ("width", input.shape[-1])):
        if size % r:
            axis = -2 if name == "height" else -1
            raise RuntimeError(
                f"pixel_unshuffle expects {name} to be divisible by downscale_factor, but "
                f"input.size({axis})={size} is not divisible by {r}"
            )
    return apply(_pixel_unshuffle.opdef, (input,), {"downscale_factor": r})
