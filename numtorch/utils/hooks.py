"""RemovableHandle: what `register_hook` and friends return, as in `torch.utils.hooks`."""

import itertools

_ids = itertools.count()


class RemovableHandle:
    """Removes the hook it was returned for; also a context manager."""

    def __init__(self, hooks_dict):
        self.hooks_dict_ref = hooks_dict
        self.id = next(_ids)

    def remove(self):
        self.hooks_dict_ref.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
