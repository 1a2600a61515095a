"""torch.version: what this build is (`cuda` is None: numtorch has no compiled CUDA)."""

__version__ = "2.13.0"
cuda = None
hip = None
debug = False
git_version = "numtorch"
