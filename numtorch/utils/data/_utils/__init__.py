"""torch's private module paths (`torch.utils.data._utils.collate`, `.fetch`, `.worker`), which
user code imports to extend collation (`default_collate_fn_map`): aliases of this package's
collate.py, fetch.py and worker.py, so both paths give the same module objects."""

import sys

from numtorch.utils.data import collate, fetch, worker
from numtorch.utils.data.worker import MP_STATUS_CHECK_INTERVAL

__all__ = ["MP_STATUS_CHECK_INTERVAL", "collate", "fetch", "worker"]

for _module in (collate, fetch, worker):
    sys.modules[f"{__name__}.{_module.__name__.rsplit('.', 1)[1]}"] = _module
del _module
