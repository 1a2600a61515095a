"""Random numbers (being rebuilt as torch's streams; the old placeholder lives in _old.py)."""

from numtorch._random._old import *  # noqa: F403
from numtorch._random._old import _gen  # noqa: F401
