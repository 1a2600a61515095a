"""Writes tests/golden/promotion.json: torch's type promotion, section by section.

Run it with PyTorch installed (`python3 tests/golden/make_promotion_golden.py`); tests/test_promotion.py
replays the file without PyTorch. Each section is what an `observe_*` function of that test module
sees when run on torch.
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

import torch  # noqa: E402

from tests.test_promotion import GOLDEN, SECTIONS  # noqa: E402


def main():
    doc = {"torch_version": torch.__version__}
    doc.update({name: observe(torch) for name, observe in SECTIONS.items()})
    GOLDEN.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n")
    print(f"{sum(len(v) for v in doc.values() if isinstance(v, dict))} facts -> {GOLDEN}")


if __name__ == "__main__":
    main()
