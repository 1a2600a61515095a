"""Writes tests/golden/checkpoints/: small files real torch saves, and expected.json, what torch sees
when it loads them back (tests/test_serialization_golden.py checks numtorch sees the same).

Run it with PyTorch installed: `python3 tests/golden/make_checkpoints.py`.
"""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

import torch  # noqa: E402

from tests.test_serialization_golden import (  # noqa: E402
    CHECKPOINTS,
    EXPECTED,
    build_nested,
    build_tensors,
    describe,
)


def small_model():
    torch.manual_seed(0)
    return torch.nn.Sequential(
        torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2)
    )


def optimizer_state():
    model = small_model()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    model(torch.randn(5, 3)).pow(2).sum().backward()
    optimizer.step()
    return optimizer.state_dict()


def lazy_bits():
    z = torch.tensor([1 + 2j, -3 - 0.5j])
    return {"conj": z.conj(), "neg": torch._neg_view(torch.tensor([1.0, -2.0]))}


def main():
    CHECKPOINTS.mkdir(parents=True, exist_ok=True)
    files = {
        "tensors.pt": build_tensors(torch),
        "nested.pt": build_nested(torch),
        "state_dict.pt": small_model().state_dict(),
        "optimizer.pt": optimizer_state(),
        "parameters.pt": {
            "weight": torch.nn.Parameter(torch.arange(4.0).view(2, 2)),
            "frozen": torch.nn.Parameter(torch.ones(2), requires_grad=False),
        },
        "lazy_bits.pt": lazy_bits(),
    }
    expected = {}
    for name, obj in files.items():
        torch.save(obj, CHECKPOINTS / name)
        expected[name] = describe(torch.load(CHECKPOINTS / name, weights_only=True))
    torch.save(
        build_tensors(torch), CHECKPOINTS / "legacy.pt", _use_new_zipfile_serialization=False
    )
    expected["legacy.pt"] = describe(torch.load(CHECKPOINTS / "legacy.pt", weights_only=True))

    torch.manual_seed(0)
    module = torch.nn.Linear(2, 3)
    torch.save(module, CHECKPOINTS / "module.pt")
    loaded = torch.load(CHECKPOINTS / "module.pt", weights_only=False)
    expected["module.pt"] = {
        "state_dict": describe(loaded.state_dict()),
        "output": loaded(torch.tensor([[1.0, -2.0]])).tolist()[0],
    }
    EXPECTED.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    sizes = {p.name: p.stat().st_size for p in sorted(CHECKPOINTS.iterdir())}
    print(f"{len(sizes)} files -> {CHECKPOINTS}: {sizes}")


if __name__ == "__main__":
    main()
