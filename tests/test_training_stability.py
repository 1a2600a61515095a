"""A long training loop must not keep graphs alive, grow memory or slow down step after step.

numtorch only (no torch needed): a small MLP trained with SGD for 300 steps. Between step 50 and
step 300 the number of live Tensors and autograd graph nodes and tracemalloc's current memory must
not grow, and the last 100 steps must not be much slower than the first 100.
"""

import gc
import time
import tracemalloc

import numpy

import numtorch as torch
from numtorch.autograd.graph import Node

STEPS = 300
CHECK_FROM = 50


def _live(cls):
    return sum(1 for obj in gc.get_objects() if isinstance(obj, cls))


def _make_loop():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = numpy.random.default_rng(0)
    batches = [
        (
            torch.from_numpy(gen.standard_normal((32, 64)).astype(numpy.float32)),
            torch.from_numpy(gen.integers(0, 10, 32)),
        )
        for _ in range(8)
    ]
    losses = []

    def step(i):
        x, y = batches[i % len(batches)]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())

    return step, losses


def test_long_loop_keeps_no_objects_and_no_memory():
    step, losses = _make_loop()
    tracemalloc.start()
    try:
        for i in range(STEPS):
            if i == CHECK_FROM:
                gc.collect()
                tensors, nodes = _live(torch.Tensor), _live(Node)
                memory = tracemalloc.get_traced_memory()[0]
            step(i)
        gc.collect()
        tensors_end, nodes_end = _live(torch.Tensor), _live(Node)
        memory_end = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert all(numpy.isfinite(losses))
    assert losses[-1] < losses[0]
    assert tensors_end <= tensors, f"live Tensors grew from {tensors} to {tensors_end}"
    assert nodes_end <= nodes, f"live graph nodes grew from {nodes} to {nodes_end}"
    # a few KiB of slack for interpreter caches; a kept graph would cost far more per step
    assert memory_end - memory < 64 * 1024, f"traced memory grew by {memory_end - memory} bytes"


def test_long_loop_does_not_slow_down():
    step, _ = _make_loop()
    times = []
    for i in range(STEPS):
        start = time.perf_counter()
        step(i)
        times.append(time.perf_counter() - start)
    first, last = numpy.median(times[:100]), numpy.median(times[-100:])
    assert last <= 1.5 * first, (
        f"median step {first * 1e3:.2f} ms at first, {last * 1e3:.2f} ms last"
    )
