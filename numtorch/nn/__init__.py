"""torch.nn (the functional part for now; modules come with the training-stack issue)."""

from numtorch.nn import functional  # noqa: F401
