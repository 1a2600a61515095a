"""Checkpoints real torch wrote (tests/golden/checkpoints/, made by tests/golden/make_checkpoints.py)
load in numtorch with the values, dtypes, strides, view aliasing and state_dict metadata torch sees;
and numtorch writes the same archive bytes torch writes for the same objects.

The builders below run on either module (`torch` or `numtorch`); `describe` turns a loaded object
into plain JSON data, the same way for both, so torch's view of a file is stored in expected.json.
"""

import collections
import io
import json
import pathlib
import zipfile

import pytest

import numtorch

CHECKPOINTS = pathlib.Path(__file__).parent / "golden" / "checkpoints"
EXPECTED = CHECKPOINTS / "expected.json"

DTYPE_VALUES = {
    "bool": [True, False, True],
    "uint8": [0, 1, 255],
    "int8": [-128, 0, 127],
    "int16": [-300, 0, 300],
    "int32": [-70000, 1, 70000],
    "int64": [-(2**40), 2, 2**40],
    "float16": [0.5, -1.25, 65504.0],
    "bfloat16": [0.5, -1.25, 3.0e38],
    "float32": [0.1, -1.25, 3.0e38],
    "float64": [0.1, -1.25, 1e300],
    "complex64": [1 + 2j, -0.5j, 3],
    "complex128": [1 + 2j, -0.5j, 1e300],
}


def build_tensors(torch):
    """Tensors of every dtype numtorch holds, views of one base, strided and odd shapes."""
    base = torch.arange(12, dtype=torch.float32)
    out = {
        "base": base,
        "slice": base[2:7],
        "step": base[1::3],
        "transposed": base.view(3, 4).t(),
        "column": base.view(3, 4)[:, 1],
        "zero_dim": torch.tensor(2.5),
        "empty": torch.zeros(0, 3),
        "grad": torch.tensor([1.0, 2.0], requires_grad=True),
        "long_matrix": torch.arange(6).view(2, 3),
    }
    for name, values in DTYPE_VALUES.items():
        out["dtype_" + name] = torch.tensor(values, dtype=getattr(torch, name))
    return out


def build_nested(torch):
    """Containers, numbers, strings and the torch objects a checkpoint may hold."""
    state = collections.OrderedDict([("weight", torch.ones(2, 3)), ("bias", torch.zeros(2))])
    state._metadata = collections.OrderedDict([("", {"version": 1})])
    shared = torch.tensor([1.0, 2.0])
    return {
        "state": state,
        "list": [1, 2.5, "three", None, True, [shared, shared]],
        "tuple": (1, (2, 3), "x"),
        "set": {1, 2, 3},
        "bytes": b"\x00bytes\xff",
        "complex": 1.5 - 2j,
        "big": 2**70,
        "negative": -5,
        "text": "unicode ✓",
        "size": torch.Size([2, 3]),
        "dtype": torch.float16,
        "dtypes": [torch.int64, torch.bfloat16, torch.complex64, torch.bool],
        "device": torch.device("cpu"),
        "cuda_device": torch.device("cuda", 1),
        "layout": torch.strided,
        "counter": collections.Counter("abca"),
    }


def _values(t):
    dtype = str(t.dtype)
    data = t.detach()
    if dtype == "torch.bfloat16":
        data = data.float()
    if t.is_complex():
        return [[z.real, z.imag] for z in data.reshape(-1).tolist()]
    return data.reshape(-1).tolist()


def describe(obj, storages=None):
    """Plain JSON data for a loaded object: tensors with dtype, shape, strides, offset, values and
    the storage they share (numbered by first appearance), containers with their types."""
    if storages is None:
        storages = {}
    kind = type(obj).__name__
    if hasattr(obj, "untyped_storage") and hasattr(obj, "stride"):
        ptr = obj.untyped_storage().data_ptr() if obj.numel() else None
        group = storages.setdefault(ptr, len(storages)) if ptr is not None else None
        return {
            "tensor": str(obj.dtype),
            "class": kind,
            "shape": list(obj.shape),
            "stride": list(obj.stride()),
            "offset": obj.storage_offset() if obj.numel() else 0,
            "requires_grad": obj.requires_grad,
            "storage": group,
            "values": _values(obj),
        }
    if isinstance(obj, dict):
        out = {
            "dict": kind,
            "items": [[describe(k, storages), describe(v, storages)] for k, v in obj.items()],
        }
        if hasattr(obj, "_metadata"):
            out["metadata"] = describe(obj._metadata, storages)
        return out
    if kind == "Size":
        return {"size": list(obj)}
    if isinstance(obj, (list, tuple)):
        return {kind: [describe(x, storages) for x in obj]}
    if isinstance(obj, set):
        return {"set": sorted(describe(x, storages) for x in obj)}
    if isinstance(obj, bytes):
        return {"bytes": obj.hex()}
    if isinstance(obj, complex):
        return {"complex": [obj.real, obj.imag]}
    if isinstance(obj, int) and not isinstance(obj, bool) and abs(obj) > 2**53:
        return {"int": str(obj)}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    return {"repr": repr(obj) if kind != "device" else f"device:{obj}"}


def _expected():
    return json.loads(EXPECTED.read_text())


def _load(name, **kwargs):
    return numtorch.load(CHECKPOINTS / name, **kwargs)


@pytest.mark.parametrize(
    "name",
    ["tensors.pt", "nested.pt", "state_dict.pt", "optimizer.pt", "legacy.pt", "parameters.pt"],
)
def test_torch_checkpoint_loads_as_torch_sees_it(name):
    assert describe(_load(name)) == _expected()[name]


def test_views_of_a_torch_checkpoint_alias_after_loading():
    loaded = _load("tensors.pt")
    loaded["slice"][0] = 100.0
    loaded["transposed"][1, 0] = -7.0
    assert loaded["base"][2].item() == 100.0
    assert loaded["base"][1].item() == -7.0  # transposed[1, 0] is base.view(3, 4)[0, 1]
    assert loaded["step"][0].item() == -7.0


def test_legacy_views_alias_after_loading():
    loaded = _load("legacy.pt")
    loaded["slice"].fill_(3.0)
    assert loaded["base"][2:7].tolist() == [3.0] * 5


def test_parameters_load_as_parameters():
    loaded = _load("parameters.pt")
    assert isinstance(loaded["weight"], numtorch.nn.Parameter)
    assert loaded["weight"].requires_grad and not loaded["frozen"].requires_grad
    assert isinstance(loaded["frozen"], numtorch.nn.Parameter)


def test_lazy_conj_and_neg_bits_are_applied():
    loaded = _load("lazy_bits.pt")
    assert describe(loaded) == _expected()["lazy_bits.pt"]


def test_whole_module_needs_weights_only_false():
    with pytest.raises(Exception) as info:
        _load("module.pt")
    assert "torch.nn.modules.linear.Linear was not an allowed global" in str(info.value)


def test_whole_torch_module_loads_as_numtorch_module():
    linear_cls = getattr(getattr(numtorch.nn, "modules", None), "linear", None)
    if linear_cls is None or not hasattr(numtorch.nn, "Linear"):
        pytest.skip("numtorch.nn.Linear is not there yet")
    module = _load("module.pt", weights_only=False)
    assert type(module) is numtorch.nn.Linear
    expected = _expected()["module.pt"]
    assert describe(module.state_dict()) == expected["state_dict"]
    x = numtorch.tensor([[1.0, -2.0]])
    assert module(x).tolist()[0] == pytest.approx(expected["output"])


def _without_serialization_id(data):
    """The archive bytes with the random serialization id (and its CRC fields) blanked."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = [i for i in archive.infolist() if i.filename.endswith(".data/serialization_id")][0]
    crc = info.CRC.to_bytes(4, "little")
    payload = archive.read(info)
    return data.replace(payload, b"#" * len(payload)).replace(crc, b"####")


@pytest.mark.parametrize(
    "name,builder", [("tensors.pt", build_tensors), ("nested.pt", build_nested)]
)
def test_archive_bytes_match_torch(tmp_path, name, builder):
    path = tmp_path / name
    numtorch.save(builder(numtorch), path)
    ours = path.read_bytes()
    theirs = (CHECKPOINTS / name).read_bytes()
    ours_names = [i.filename for i in zipfile.ZipFile(path).infolist()]
    theirs_names = [i.filename for i in zipfile.ZipFile(CHECKPOINTS / name).infolist()]
    assert ours_names == theirs_names
    assert _without_serialization_id(ours) == _without_serialization_id(theirs)


def test_payloads_are_64_byte_aligned(tmp_path):
    path = tmp_path / "aligned.pt"
    numtorch.save(build_tensors(numtorch), path)
    data = path.read_bytes()
    for info in zipfile.ZipFile(path).infolist():
        name_length = int.from_bytes(
            data[info.header_offset + 26 : info.header_offset + 28], "little"
        )
        extra_length = int.from_bytes(
            data[info.header_offset + 28 : info.header_offset + 30], "little"
        )
        start = info.header_offset + 30 + name_length + extra_length
        assert start % 64 == 0, info.filename
        assert info.compress_type == zipfile.ZIP_STORED
