"""numtorch.special: torch.special's functions. Most are torch's aliases of numtorch ops; entr,
xlog1py, multigammaln and ndtr are declared in numtorch/_ops/special.py."""

import numtorch as _torch
from numtorch._ops.special import entr, multigammaln, ndtr, xlog1py

expit = _torch.sigmoid
logit = _torch.logit
erf = _torch.erf
erfc = _torch.erfc
erfinv = _torch.erfinv
exp2 = _torch.exp2
expm1 = _torch.expm1
log1p = _torch.log1p
xlogy = _torch.xlogy
gammaln = _torch.lgamma
digamma = _torch.digamma
psi = _torch.digamma
polygamma = _torch.polygamma
sinc = _torch.sinc
logsumexp = _torch.logsumexp


def round(input, *, decimals=0, out=None):
    """Same as `torch.special.round`: torch.round with `decimals` (0 by default)."""
    return _torch.round(input, decimals=decimals, out=out)


def softmax(input, dim, *, dtype=None):
    """Same as `torch.special.softmax`."""
    return _torch.softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, *, dtype=None):
    """Same as `torch.special.log_softmax`."""
    return _torch.log_softmax(input, dim, dtype=dtype)


__all__ = [
    "digamma",
    "entr",
    "erf",
    "erfc",
    "erfinv",
    "exp2",
    "expit",
    "expm1",
    "gammaln",
    "log1p",
    "log_softmax",
    "logit",
    "logsumexp",
    "multigammaln",
    "ndtr",
    "polygamma",
    "psi",
    "round",
    "sinc",
    "softmax",
    "xlog1py",
    "xlogy",
]
