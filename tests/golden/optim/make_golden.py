"""Writes tests/golden/optim/*.json from real torch: optimizer trajectories, scheduler learning
rates, state dicts, reprs and error messages.

Run it with PyTorch installed (`python3 tests/golden/optim/make_golden.py`);
tests/test_optim.py and tests/test_optim_lr_scheduler.py replay the files without PyTorch.
"""

import json
import pathlib
import sys
import warnings

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[3]))

import torch  # noqa: E402

from tests.optim_helpers import CONFIGS, SECTIONS, trajectory  # noqa: E402
from tests.optim_schedules import SCHEDULES, lr_sequence  # noqa: E402
from tests.test_optim import RESUMABLE  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent


def write(name, doc):
    doc = {"torch_version": torch.__version__, **doc}
    (HERE / name).write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n")
    print(f"{len(doc) - 1} entries -> {HERE / name}")


def main():
    warnings.simplefilter("ignore")
    trajectories = {
        f"{name}/{dt}": trajectory(torch, name, dt)[0].tolist()
        for name in CONFIGS
        for dt in ("float32", "float64")
    }
    for name in RESUMABLE:  # resumed from the state_dict after 3 steps, as torch resumes
        _, opt = trajectory(torch, name, "float64", steps=3)
        values = [p.detach().numpy().copy() for p in opt.param_groups[0]["params"]]
        resumed, _ = trajectory(torch, name, "float64", steps=17, start=(values, opt.state_dict()))
        trajectories[f"{name}/resumed"] = resumed.tolist()
    write("trajectories.json", trajectories)
    write("schedules.json", {name: lr_sequence(torch, name) for name in SCHEDULES})
    write("observations.json", {name: observe(torch) for name, observe in SECTIONS.items()})


if __name__ == "__main__":
    main()
