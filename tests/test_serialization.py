"""numtorch.save / numtorch.load round trips (no torch needed): every dtype, views sharing one
storage, strides, requires_grad, Parameters, state_dict metadata, nested containers, both file
formats, paths and buffers, map_location, mmap, byte order and the safe-globals API."""

import collections
import io
import pathlib
import pickle
import struct
import zipfile

import pytest

import numtorch
from numtorch import serialization
from tests.test_serialization_golden import build_nested, build_tensors, describe


def roundtrip(obj, **save_kwargs):
    buffer = io.BytesIO()
    numtorch.save(obj, buffer, **save_kwargs)
    buffer.seek(0)
    return numtorch.load(buffer)


@pytest.mark.parametrize("zip_format", [True, False])
@pytest.mark.parametrize("builder", [build_tensors, build_nested])
def test_roundtrip_keeps_everything(builder, zip_format):
    obj = builder(numtorch)
    loaded = roundtrip(obj, _use_new_zipfile_serialization=zip_format)
    assert describe(loaded) == describe(obj)


@pytest.mark.parametrize("zip_format", [True, False])
def test_views_alias_after_loading(zip_format):
    base = numtorch.arange(12.0)
    loaded = roundtrip(
        {"base": base, "view": base[3:6], "t": base.view(3, 4).t()},
        _use_new_zipfile_serialization=zip_format,
    )
    loaded["view"].mul_(10)
    assert loaded["base"][3:6].tolist() == [30.0, 40.0, 50.0]
    assert loaded["t"][0].tolist() == [0.0, 40.0, 8.0]  # t[0] sees base[4], multiplied above
    assert loaded["t"].stride() == (1, 4)
    assert loaded["view"].storage_offset() == 3


def test_a_saved_slice_carries_its_whole_storage():
    buffer = io.BytesIO()
    numtorch.save(numtorch.arange(100, dtype=numtorch.float64)[10:12], buffer)
    archive = zipfile.ZipFile(buffer)
    assert archive.getinfo("archive/data/0").file_size == 800
    buffer.seek(0)
    loaded = numtorch.load(buffer)
    assert loaded.tolist() == [10.0, 11.0] and loaded.storage_offset() == 10


def test_clone_saves_only_its_own_values():
    buffer = io.BytesIO()
    numtorch.save(numtorch.arange(100.0)[10:12].clone(), buffer)
    assert zipfile.ZipFile(buffer).getinfo("archive/data/0").file_size == 8


def test_loaded_views_save_again_as_one_storage():
    base = numtorch.arange(6.0)
    again = roundtrip(roundtrip([base, base[1:3]]))
    again[1][0] = -1.0
    assert again[0][1].item() == -1.0


def test_expanded_and_zero_stride_tensors():
    loaded = roundtrip(numtorch.tensor([1.0, 2.0]).expand(3, 2))
    assert loaded.stride() == (0, 1)
    assert loaded.tolist() == [[1.0, 2.0]] * 3


def test_requires_grad_and_non_leaf():
    x = numtorch.ones(2, requires_grad=True)
    y = x * 2
    loaded = roundtrip({"leaf": x, "non_leaf": y, "plain": x.detach()})
    assert loaded["leaf"].requires_grad and loaded["leaf"].is_leaf
    assert loaded["non_leaf"].requires_grad and loaded["non_leaf"].is_leaf
    assert loaded["non_leaf"].grad_fn is None and not loaded["plain"].requires_grad


def test_parameters():
    weight = numtorch.nn.Parameter(numtorch.arange(4.0).view(2, 2))
    frozen = numtorch.nn.Parameter(numtorch.ones(2), requires_grad=False)
    loaded = roundtrip({"w": weight, "f": frozen})
    assert type(loaded["w"]) is numtorch.nn.Parameter and loaded["w"].requires_grad
    assert type(loaded["f"]) is numtorch.nn.Parameter and not loaded["f"].requires_grad
    assert loaded["w"].tolist() == [[0.0, 1.0], [2.0, 3.0]]


def test_tensor_attributes_survive():
    t = numtorch.ones(2)
    t.note = "kept"
    loaded = roundtrip(t)
    assert type(loaded) is numtorch.Tensor and loaded.note == "kept"


def test_state_dict_metadata():
    state = collections.OrderedDict(w=numtorch.ones(1))
    state._metadata = collections.OrderedDict([("", {"version": 1}), ("w", {"version": 2})])
    loaded = roundtrip(state)
    assert type(loaded) is collections.OrderedDict
    assert loaded._metadata == state._metadata


def test_module_state_dict_roundtrip():
    if not hasattr(numtorch.nn, "Linear"):
        pytest.skip("numtorch.nn.Linear is not there yet")
    numtorch.manual_seed(0)
    model = numtorch.nn.Linear(3, 2)
    loaded = roundtrip(model.state_dict())
    assert list(loaded) == ["weight", "bias"]
    assert loaded._metadata == model.state_dict()._metadata
    assert loaded["weight"].tolist() == model.weight.tolist()


def test_whole_module_with_weights_only_false():
    if not hasattr(numtorch.nn, "Linear"):
        pytest.skip("numtorch.nn.Linear is not there yet")
    numtorch.manual_seed(0)
    model = numtorch.nn.Linear(3, 2)
    buffer = io.BytesIO()
    numtorch.save(model, buffer)
    assert b"numtorch.nn.modules.linear" in zipfile.ZipFile(buffer).read("archive/data.pkl")
    buffer.seek(0)
    with pytest.raises(pickle.UnpicklingError, match="numtorch.nn.modules.linear.Linear was not"):
        numtorch.load(buffer)
    buffer.seek(0)
    loaded = numtorch.load(buffer, weights_only=False)
    assert type(loaded) is numtorch.nn.Linear
    x = numtorch.ones(1, 3)
    assert loaded(x).tolist() == model(x).tolist()


def test_paths_files_and_buffers(tmp_path):
    value = numtorch.arange(3)
    numtorch.save(value, str(tmp_path / "as_str.pt"))
    numtorch.save(value, tmp_path / "as_path.pt")
    with open(tmp_path / "as_file.pt", "wb") as f:
        numtorch.save(value, f)
    for name in ("as_str.pt", "as_path.pt", "as_file.pt"):
        assert numtorch.load(tmp_path / name).tolist() == [0, 1, 2]
        with open(tmp_path / name, "rb") as f:
            assert numtorch.load(f).tolist() == [0, 1, 2]
        assert numtorch.load(str(tmp_path / name)).tolist() == [0, 1, 2]
    assert zipfile.ZipFile(tmp_path / "as_path.pt").namelist()[0] == "as_path/data.pkl"
    assert zipfile.ZipFile(tmp_path / "as_file.pt").namelist()[0] == "archive/data.pkl"


def test_save_to_a_stream_that_cannot_seek():
    class WriteOnly:
        def __init__(self):
            self.chunks = []

        def write(self, data):
            self.chunks.append(bytes(data))
            return len(data)

    out = WriteOnly()
    numtorch.save({"x": numtorch.ones(3)}, out)
    assert numtorch.load(io.BytesIO(b"".join(out.chunks)))["x"].tolist() == [1.0] * 3


def test_save_argument_errors(tmp_path):
    with pytest.raises(AttributeError, match="expected 'f' to be string, path, or a file-like"):
        numtorch.save(1, 5)
    with pytest.raises(RuntimeError, match="Parent directory .*missing does not exist."):
        numtorch.save(1, tmp_path / "missing" / "x.pt")


def test_archive_name_is_the_file_stem(tmp_path):
    numtorch.save(1, tmp_path / "model.v2.pt")
    numtorch.save(1, tmp_path / "noext")
    assert zipfile.ZipFile(tmp_path / "model.v2.pt").namelist()[0] == "model.v2/data.pkl"
    assert zipfile.ZipFile(tmp_path / "noext").namelist()[0] == "noext/data.pkl"


def test_same_memory_as_two_dtypes_is_refused():
    a = numtorch.arange(4.0)
    with pytest.raises(RuntimeError, match="view the same data as different types"):
        numtorch.save([a, a.view(numtorch.int32)], io.BytesIO())


def _archive_with_location(location):
    """A checkpoint whose one storage is tagged `location` (as a GPU machine writes it)."""
    buffer = io.BytesIO()
    numtorch.save(numtorch.tensor([1.0, 2.0]), buffer)
    archive = zipfile.ZipFile(buffer)
    records = {info.filename: archive.read(info) for info in archive.infolist()}
    tag = f"X{struct.pack('<I', len(location)).decode('latin-1')}{location}".encode("latin-1")
    records["archive/data.pkl"] = records["archive/data.pkl"].replace(b"X\x03\x00\x00\x00cpu", tag)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rewritten:
        for name, data in records.items():
            rewritten.writestr(name, data)
    out.seek(0)
    return out


def test_map_location_forms():
    cases = [
        "cpu",
        numtorch.device("cpu"),
        {"cuda:0": "cpu"},
        lambda storage, location: storage,
        lambda storage, location: None if location == "cpu" else storage,
    ]
    for where in cases:
        loaded = numtorch.load(_archive_with_location("cuda:0"), map_location=where)
        if isinstance(where, dict) or isinstance(where, (str, numtorch.device)):
            assert loaded.device.type == "cpu"
        assert loaded.tolist() == [1.0, 2.0]


def test_map_location_callable_sees_storage_and_tag():
    seen = []

    def where(storage, location):
        seen.append((location, storage.nbytes()))
        return storage

    numtorch.load(_archive_with_location("cuda:1"), map_location=where)
    assert seen == [("cuda:1", 8)]


def test_cuda_location_without_cuda():
    if numtorch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(RuntimeError, match=r"Attempting to deserialize object on a CUDA device"):
        numtorch.load(_archive_with_location("cuda:0"))
    with pytest.raises(RuntimeError, match=r"don't know how to restore data location of .*mps"):
        numtorch.load(_archive_with_location("mps"))


def test_mmap(tmp_path):
    path = tmp_path / "mapped.pt"
    numtorch.save({"a": numtorch.arange(5.0), "b": numtorch.ones(2, dtype=numtorch.int64)}, path)
    before = path.read_bytes()
    loaded = numtorch.load(path, mmap=True)
    assert loaded["a"].tolist() == [0.0, 1.0, 2.0, 3.0, 4.0] and loaded["b"].tolist() == [1, 1]
    loaded["a"].add_(1)  # copy on write: the file stays as it was
    assert loaded["a"][0].item() == 1.0 and path.read_bytes() == before
    with pytest.raises(ValueError, match="f must be a file path in order to use the mmap"):
        numtorch.load(io.BytesIO(before), mmap=True)
    numtorch.save(1, tmp_path / "legacy.pt", _use_new_zipfile_serialization=False)
    with pytest.raises(RuntimeError, match="mmap can only be used with files saved with"):
        numtorch.load(tmp_path / "legacy.pt", mmap=True)


def test_big_endian_checkpoint():
    values = {
        "f": numtorch.tensor([1.5, -2.0]),
        "c": numtorch.tensor([1 + 2j]),
        "b": numtorch.tensor([7]),
    }
    buffer = io.BytesIO()
    numtorch.save(values, buffer)
    archive = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    swaps = {"data/0": 4, "data/1": 4, "data/2": 8}  # float32, complex64 halves, int64
    with zipfile.ZipFile(out, "w") as rewritten:
        for info in archive.infolist():
            data = archive.read(info)
            name = info.filename.split("/", 1)[1]
            if name == "byteorder":
                data = b"big"
            if name in swaps:
                size = swaps[name]
                data = b"".join(data[i : i + size][::-1] for i in range(0, len(data), size))
            rewritten.writestr(info.filename, data)
    out.seek(0)
    loaded = numtorch.load(out)
    assert loaded["f"].tolist() == [1.5, -2.0] and loaded["c"].tolist() == [1 + 2j]
    assert loaded["b"].tolist() == [7]


def test_weights_only_defaults():
    buffer = io.BytesIO()
    numtorch.save(numtorch.ones(1), buffer)
    buffer.seek(0)
    with pytest.raises(
        RuntimeError, match="Can not safely load weights when explicit pickle_module"
    ):
        numtorch.load(buffer, pickle_module=pickle, weights_only=True)
    buffer.seek(0)
    assert numtorch.load(buffer, pickle_module=pickle).tolist() == [1.0]


class Point:
    def __init__(self, x):
        self.x = x


def test_safe_globals():
    buffer = io.BytesIO()
    numtorch.save({"p": Point(numtorch.ones(1))}, buffer)
    assert serialization.get_unsafe_globals_in_checkpoint(io.BytesIO(buffer.getvalue())) == [
        "tests.test_serialization.Point"
    ]
    buffer.seek(0)
    with pytest.raises(pickle.UnpicklingError, match="GLOBAL tests.test_serialization.Point was"):
        numtorch.load(buffer)
    with serialization.safe_globals([Point]):
        assert serialization.get_safe_globals() == [Point]
        buffer.seek(0)
        assert numtorch.load(buffer)["p"].x.tolist() == [1.0]
    assert serialization.get_safe_globals() == []
    serialization.add_safe_globals([(Point, "tests.test_serialization.Point")])
    try:
        buffer.seek(0)
        assert isinstance(numtorch.load(buffer)["p"], Point)
    finally:
        serialization.clear_safe_globals()
    assert serialization.get_safe_globals() == []


def test_protocol_4_roundtrip_with_full_unpickler():
    buffer = io.BytesIO()
    numtorch.save({"x": numtorch.arange(3)}, buffer, pickle_protocol=4)
    buffer.seek(0)
    assert numtorch.load(buffer, weights_only=False)["x"].tolist() == [0, 1, 2]


def test_public_names():
    for name in (
        "save",
        "load",
        "add_safe_globals",
        "safe_globals",
        "get_safe_globals",
        "clear_safe_globals",
        "get_unsafe_globals_in_checkpoint",
        "DEFAULT_PROTOCOL",
        "default_restore_location",
        "location_tag",
        "SourceChangeWarning",
    ):
        assert hasattr(serialization, name), name
    assert numtorch.save is serialization.save and numtorch.load is serialization.load
    assert serialization.DEFAULT_PROTOCOL == 2


def test_golden_dir_is_where_the_script_writes():
    assert (pathlib.Path(__file__).parent / "golden" / "make_checkpoints.py").exists()


@pytest.mark.skipif(not numtorch.cuda.is_available(), reason="needs CUDA (CuPy and a GPU)")
def test_cuda_tensors_roundtrip():
    base = numtorch.arange(12.0).cuda()
    obj = {"base": base, "view": base[2:5], "t": base.view(3, 4).t(), "cpu": numtorch.ones(2)}
    buffer = io.BytesIO()
    numtorch.save(obj, buffer)
    assert b"cuda:0" in zipfile.ZipFile(buffer).read("archive/data.pkl")
    buffer.seek(0)
    loaded = numtorch.load(buffer)
    assert [str(v.device) for v in loaded.values()] == ["cuda:0"] * 3 + ["cpu"]
    assert loaded["t"].tolist() == obj["t"].tolist() and loaded["view"].tolist() == [2.0, 3.0, 4.0]
    buffer.seek(0)
    on_cpu = numtorch.load(buffer, map_location="cpu")
    assert {str(v.device) for v in on_cpu.values()} == {"cpu"}
    on_cpu["view"][0] = -1.0
    assert on_cpu["base"][2].item() == -1.0


def test_checkpoint_without_byteorder_record():
    buffer = io.BytesIO()
    numtorch.save(numtorch.tensor([1.0, 2.0]), buffer, _disable_byteorder_record=True)
    assert "archive/byteorder" not in zipfile.ZipFile(buffer).namelist()
    buffer.seek(0)
    assert numtorch.load(buffer).tolist() == [1.0, 2.0]
    endianness = serialization.LoadEndianness
    try:
        serialization.set_default_load_endianness(endianness.BIG)
        assert serialization.get_default_load_endianness() is endianness.BIG
        buffer.seek(0)
        assert numtorch.load(buffer).tolist() != [1.0, 2.0]
    finally:
        serialization.set_default_load_endianness(None)
