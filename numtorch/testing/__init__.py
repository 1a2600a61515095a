"""numtorch.testing: assert_close (torch's checks and messages) and make_tensor."""

from numtorch.testing._comparison import assert_close
from numtorch.testing._creation import make_tensor

__all__ = ["assert_close", "make_tensor"]
