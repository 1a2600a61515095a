"""Live checks against real torch (skipped when torch is not installed): files numtorch writes load
in torch with weights_only=True exactly as numtorch sees them (values, dtypes, strides, view
aliasing, state_dict _metadata, Parameters), files torch writes load in numtorch, and numtorch
refuses crafted files with the very message torch gives."""

import collections
import io
import os
import pickle
import subprocess
import sys
import zipfile

import pytest

import numtorch
from tests.test_serialization_golden import build_nested, build_tensors, describe
from tests.test_serialization_safety import NAMES, as_checkpoint, payloads

torch = pytest.importorskip("torch")


def numtorch_file(obj, **kwargs):
    buffer = io.BytesIO()
    numtorch.save(obj, buffer, **kwargs)
    buffer.seek(0)
    return buffer


def torch_file(obj, **kwargs):
    buffer = io.BytesIO()
    torch.save(obj, buffer, **kwargs)
    buffer.seek(0)
    return buffer


@pytest.mark.parametrize("zip_format", [True, False])
@pytest.mark.parametrize("builder", [build_tensors, build_nested])
def test_numtorch_files_load_in_torch(builder, zip_format):
    obj = builder(numtorch)
    loaded = torch.load(
        numtorch_file(obj, _use_new_zipfile_serialization=zip_format), weights_only=True
    )
    assert describe(loaded) == describe(obj)


@pytest.mark.parametrize("zip_format", [True, False])
@pytest.mark.parametrize("builder", [build_tensors, build_nested])
def test_torch_files_load_in_numtorch(builder, zip_format):
    obj = builder(torch)
    loaded = numtorch.load(torch_file(obj, _use_new_zipfile_serialization=zip_format))
    assert describe(loaded) == describe(obj)


def test_views_still_alias_in_torch():
    base = numtorch.arange(10.0)
    loaded = torch.load(numtorch_file({"base": base, "view": base[2:5], "t": base.view(2, 5).t()}))
    loaded["view"].fill_(-1.0)
    assert loaded["base"].tolist()[:6] == [0.0, 1.0, -1.0, -1.0, -1.0, 5.0]
    assert loaded["t"].stride() == (1, 5) and loaded["view"].storage_offset() == 2
    assert loaded["t"].untyped_storage().data_ptr() == loaded["base"].untyped_storage().data_ptr()


def test_parameters_and_requires_grad_in_torch():
    obj = {
        "w": numtorch.nn.Parameter(numtorch.ones(2, 2)),
        "frozen": numtorch.nn.Parameter(numtorch.zeros(1), requires_grad=False),
        "leaf": numtorch.ones(3, requires_grad=True),
    }
    loaded = torch.load(numtorch_file(obj))
    assert type(loaded["w"]) is torch.nn.Parameter and loaded["w"].requires_grad
    assert type(loaded["frozen"]) is torch.nn.Parameter and not loaded["frozen"].requires_grad
    assert type(loaded["leaf"]) is torch.Tensor and loaded["leaf"].requires_grad


def test_state_dict_metadata_in_torch():
    state = collections.OrderedDict(weight=numtorch.ones(2), bias=numtorch.zeros(2))
    state._metadata = collections.OrderedDict([("", {"version": 1}), ("layer", {"version": 2})])
    loaded = torch.load(numtorch_file(state))
    assert type(loaded) is collections.OrderedDict and loaded._metadata == state._metadata


def test_numtorch_module_state_dict_loads_into_torch_module():
    if not hasattr(numtorch.nn, "Linear"):
        pytest.skip("numtorch.nn.Linear is not there yet")
    numtorch.manual_seed(0)
    ours = numtorch.nn.Linear(4, 3)
    theirs = torch.nn.Linear(4, 3)
    theirs.load_state_dict(torch.load(numtorch_file(ours.state_dict())))
    x = [[1.0, 2.0, -1.0, 0.5]]
    # the weights are equal; the matmuls may round differently in the last bit
    assert theirs.weight.tolist() == ours.weight.tolist()
    assert theirs(torch.tensor(x)).tolist()[0] == pytest.approx(
        ours(numtorch.tensor(x)).tolist()[0]
    )


def test_torch_module_state_dict_loads_into_numtorch_module():
    if not hasattr(numtorch.nn, "Linear"):
        pytest.skip("numtorch.nn.Linear is not there yet")
    theirs = torch.nn.Linear(4, 3)
    ours = numtorch.nn.Linear(4, 3)
    ours.load_state_dict(numtorch.load(torch_file(theirs.state_dict())))
    x = [[1.0, 2.0, -1.0, 0.5]]
    assert ours.bias.tolist() == theirs.bias.tolist()
    assert ours(numtorch.tensor(x)).tolist()[0] == pytest.approx(
        theirs(torch.tensor(x)).tolist()[0]
    )


def test_optimizer_state_from_torch():
    model = torch.nn.Linear(3, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model(torch.randn(4, 3)).sum().backward()
    optimizer.step()
    state = optimizer.state_dict()
    assert describe(numtorch.load(torch_file(state))) == describe(state)


def test_byte_layout_matches_torch(tmp_path):
    """The same objects give the same archive, byte for byte, but for the random serialization id."""
    for builder in (build_tensors, build_nested):
        ours, theirs = tmp_path / "ours" / "ck.pt", tmp_path / "theirs" / "ck.pt"
        ours.parent.mkdir(exist_ok=True)
        theirs.parent.mkdir(exist_ok=True)
        numtorch.save(builder(numtorch), ours)
        torch.save(builder(torch), theirs)
        a, b = zipfile.ZipFile(ours), zipfile.ZipFile(theirs)
        assert [(i.filename, i.header_offset, i.CRC) for i in a.infolist()][:-1] == [
            (i.filename, i.header_offset, i.CRC) for i in b.infolist()
        ][:-1]
        assert a.read("ck/data.pkl") == b.read("ck/data.pkl")


def test_torch_mmap_offsets_agree(tmp_path):
    """torch computes storage offsets from miniz's layout when mmapping; its debug mode checks
    them against the zip directory, so a numtorch file must have torch's exact layout."""
    path = tmp_path / "mapped.pt"
    numtorch.save(build_tensors(numtorch), path)
    code = (
        "import sys, torch; r = torch.load(sys.argv[1], mmap=True, weights_only=True); "
        "print(r['slice'].tolist())"
    )
    env = dict(os.environ, TORCH_SERIALIZATION_DEBUG="1")
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[2.0, 3.0, 4.0, 5.0, 6.0]"


@pytest.mark.filterwarnings("ignore:Detected pickle protocol 4")
@pytest.mark.parametrize("name", NAMES)
def test_refusal_message_equals_torch(tmp_path, name):
    marker = tmp_path / "pwned"
    data = payloads(marker)[name]
    with pytest.raises(pickle.UnpicklingError) as theirs:
        torch.load(as_checkpoint(data))
    with pytest.raises(pickle.UnpicklingError) as ours:
        numtorch.load(as_checkpoint(data))
    assert str(ours.value) == str(theirs.value)
    assert not marker.exists()


def test_whole_module_refusal_equals_torch():
    data = torch_file(torch.nn.Linear(2, 2)).getvalue()
    with pytest.raises(pickle.UnpicklingError) as theirs:
        torch.load(io.BytesIO(data))
    with pytest.raises(pickle.UnpicklingError) as ours:
        numtorch.load(io.BytesIO(data))
    assert str(ours.value) == str(theirs.value)


def test_unsafe_globals_listing_equals_torch():
    data = torch_file({"m": torch.nn.Linear(2, 2), "t": torch.ones(1)}).getvalue()
    theirs = torch.serialization.get_unsafe_globals_in_checkpoint(io.BytesIO(data))
    ours = numtorch.serialization.get_unsafe_globals_in_checkpoint(io.BytesIO(data))
    assert sorted(theirs) == ours


@pytest.mark.skipif(
    not (torch.cuda.is_available() and numtorch.cuda.is_available()), reason="needs CUDA"
)
def test_cuda_checkpoints_both_ways():
    base = numtorch.arange(12.0).cuda()
    loaded = torch.load(numtorch_file({"base": base, "view": base[2:5]}))
    assert loaded["base"].device.type == "cuda" and loaded["view"].tolist() == [2.0, 3.0, 4.0]
    loaded["view"][0] = 100.0
    assert loaded["base"][2].item() == 100.0
    theirs = torch.arange(6.0, device="cuda")
    ours = numtorch.load(torch_file({"a": theirs, "v": theirs[1:3]}))
    assert str(ours["a"].device) == "cuda:0" and ours["v"].tolist() == [1.0, 2.0]
