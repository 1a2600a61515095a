"""torch.optim.lr_scheduler: learning-rate (and momentum) sequences over 40 steps equal torch's
exactly (live when torch is importable, else tests/golden/optim/schedules.json), and the
scheduler warnings, errors and state dicts."""

import json
import pathlib
import warnings

import pytest

import numtorch
from numtorch.optim import lr_scheduler
from tests.optim_schedules import SCHEDULES, lr_sequence

GOLDEN = pathlib.Path(__file__).parent / "golden" / "optim" / "schedules.json"


def _sequence(lib, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return json.loads(json.dumps(lr_sequence(lib, name)))


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedule_matches_torch(name):
    torch = pytest.importorskip("torch")
    assert _sequence(numtorch, name) == _sequence(torch, name)


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedule_matches_golden(name):
    expected = json.loads(GOLDEN.read_text())[name]
    assert _sequence(numtorch, name) == expected


def _opt(lr=0.1, **kwargs):
    return numtorch.optim.SGD([numtorch.zeros(2, requires_grad=True)], lr=lr, **kwargs)


def test_warns_when_scheduler_steps_before_optimizer():
    opt = _opt()
    sched = lr_scheduler.StepLR(opt, step_size=2)
    with pytest.warns(UserWarning, match=r"Detected call of `lr_scheduler.step\(\)` before"):
        sched.step()


def test_no_warning_in_the_right_order():
    opt = _opt()
    sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        opt.step()
        sched.step()
    assert sched.get_last_lr() == [0.05]


def test_get_lr_outside_step_warns():
    sched = lr_scheduler.StepLR(_opt(), step_size=2)
    with pytest.warns(UserWarning, match="please use `get_last_lr\\(\\)`"):
        sched.get_lr()


def test_epoch_argument_uses_closed_form_and_warns():
    opt = _opt()
    sched = lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    opt.step()
    with pytest.warns(UserWarning, match="The epoch parameter in `scheduler.step\\(\\)`"):
        sched.step(5)
    assert sched.get_last_lr() == [0.1 * 0.5**2]


def test_state_dict_round_trip():
    opt = _opt()
    sched = lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.5)
    for _ in range(3):
        opt.step()
        sched.step()
    state = sched.state_dict()
    assert "optimizer" not in state and state["last_epoch"] == 3
    other = lr_scheduler.MultiStepLR(_opt(), milestones=[9], gamma=0.1)
    other.load_state_dict(state)
    assert other.milestones == sched.milestones and other.get_last_lr() == [0.05]


def test_lambda_state_dict_keeps_callable_objects_only():
    class Decay:
        def __init__(self):
            self.rate = 0.5

        def __call__(self, epoch):
            return self.rate**epoch

    sched = lr_scheduler.LambdaLR(
        numtorch.optim.SGD(
            [{"params": [numtorch.zeros(1, requires_grad=True)]}, {"params": [numtorch.zeros(1)]}]
        ),
        [Decay(), lambda e: 1.0],
    )
    assert sched.state_dict()["lr_lambdas"] == [{"rate": 0.5}, None]


@pytest.mark.parametrize(
    "build,error,message",
    [
        (lambda o: lr_scheduler.StepLR(object(), 3), TypeError, "object is not an Optimizer"),
        (lambda o: lr_scheduler.StepLR(o, 3, last_epoch=4), KeyError, "param 'initial_lr'"),
        (lambda o: lr_scheduler.ConstantLR(o, factor=2), ValueError, "Constant multiplicative"),
        (lambda o: lr_scheduler.LinearLR(o, start_factor=0), ValueError, "Starting multiplicative"),
        (lambda o: lr_scheduler.LinearLR(o, end_factor=2), ValueError, "Ending multiplicative"),
        (lambda o: lr_scheduler.ReduceLROnPlateau(o, factor=1.0), ValueError, "Factor should"),
        (lambda o: lr_scheduler.ReduceLROnPlateau(o, mode="up"), ValueError, "mode up is unknown"),
        (lambda o: lr_scheduler.OneCycleLR(o, 1.0), ValueError, "You must define either"),
        (lambda o: lr_scheduler.OneCycleLR(o, 1.0, 10, pct_start=1), ValueError, "Expected float"),
        (
            lambda o: lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=0),
            ValueError,
            "Expected positive integer T_0",
        ),
        (lambda o: lr_scheduler.SequentialLR(o, [], []), ValueError, "SequentialLR expects at"),
        (
            lambda o: lr_scheduler.SequentialLR(o, [lr_scheduler.StepLR(o, 2)], [3]),
            ValueError,
            "Sequential Schedulers expects number of schedulers",
        ),
        (
            lambda o: lr_scheduler.ChainedScheduler([lr_scheduler.ReduceLROnPlateau(o)]),
            ValueError,
            "ChainedScheduler does not support `ReduceLROnPlateau`",
        ),
        (
            lambda o: lr_scheduler.CyclicLR(
                numtorch.optim.Adagrad([numtorch.zeros(1, requires_grad=True)]), 0.1, 1.0
            ),
            ValueError,
            "optimizer must support momentum or beta1",
        ),
    ],
)
def test_errors(build, error, message):
    with pytest.raises(error, match=message):
        build(_opt())


def test_errors_match_torch():
    torch = pytest.importorskip("torch")

    def messages(lib):
        out = []
        opt = lib.optim.SGD([lib.zeros(2, requires_grad=True)], lr=0.1)
        s = lib.optim.lr_scheduler
        for build in (
            lambda: s.StepLR(opt, 3, last_epoch=4),
            lambda: s.OneCycleLR(opt, 1.0, 10, pct_start=1),
            lambda: s.OneCycleLR(opt, [1.0, 2.0], 10),
            lambda: s.SequentialLR(opt, [s.StepLR(opt, 2)], [3]),
            lambda: s.ReduceLROnPlateau(opt, min_lr=[0.1, 0.2]),
            lambda: s.CosineAnnealingWarmRestarts(opt, T_0=2, T_mult=0),
            lambda: s.OneCycleLR(opt, 1.0, total_steps=3).step() or s.OneCycleLR(opt, 1.0, 1),
        ):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    build()
                    out.append(None)
            except Exception as e:  # noqa: BLE001
                out.append((type(e).__name__, str(e)))
        return out

    assert messages(numtorch) == messages(torch)
