"""Crafted checkpoints that would run code on unpickling (os.system, builtins.eval/exec,
subprocess, opcodes outside torch's list) are refused by default with torch's UnpicklingError,
and nothing runs: each payload would create a marker file, and the file is not there afterwards.
With weights_only=False the same payloads do run, which shows they are real.
"""

import io
import os
import pickle
import struct
import zipfile

import pytest

import numtorch

UNSAFE = (
    "In PyTorch 2.6, we changed the default value of the `weights_only` argument in `torch.load` "
    "from `False` to `True`. Re-running `torch.load` with `weights_only` set to `False` will "
    "likely succeed, but it can result in arbitrary code execution. Do it only if you got the "
    "file from a trusted source."
)
DOCS = (
    "\n\nCheck the documentation of torch.load to learn more about types accepted by default with "
    "weights_only https://pytorch.org/docs/stable/generated/torch.load.html."
)


def _text(value):
    data = value.encode("utf-8")
    return b"X" + struct.pack("<I", len(data)) + data


def _global(module, name):
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def payloads(marker):
    """name -> pickle bytes that create `marker` when unpickled by plain pickle."""
    touch = f"touch {marker}"
    create = f"open({str(marker)!r}, 'w').close()"
    call_args = b"](" + _text("touch") + _text(str(marker)) + b"e"
    return {
        "os.system": b"\x80\x02" + _global("os", "system") + _text(touch) + b"\x85R.",
        "posix.system": b"\x80\x02" + _global("posix", "system") + _text(touch) + b"\x85R.",
        "builtins.eval": b"\x80\x02" + _global("__builtin__", "eval") + _text(create) + b"\x85R.",
        "builtins.exec": b"\x80\x02" + _global("builtins", "exec") + _text(create) + b"\x85R.",
        "subprocess.call": b"\x80\x02" + _global("subprocess", "call") + call_args + b"\x85R.",
        "subprocess.Popen": b"\x80\x02" + _global("subprocess", "Popen") + call_args + b"\x85R.",
        # protocol 4 names a global with STACK_GLOBAL, an opcode torch's list does not have
        "stack_global": b"\x80\x04\x8c\x08builtins\x8c\x04eval\x93" + _text(create) + b"\x85R.",
        # protocol 0 INST builds an object by calling the class
        "inst": b"(" + _text(create) + b"i__builtin__\neval\n.",
    }


def as_checkpoint(data_pkl):
    """A zip archive laid out as torch.save's, holding `data_pkl`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.pkl", data_pkl)
        archive.writestr("archive/byteorder", "little")
        archive.writestr("archive/version", "3\n")
    out.seek(0)
    return out


def expected_message(name):
    """torch 2.13's message for each payload (tests/test_serialization_torch.py checks it live)."""
    if name in ("os.system", "posix.system"):
        module = name.split(".")[0]
        detail = f"Trying to load unsupported GLOBAL {name} whose module {module} is blocked."
        return f"Weights only load failed. {UNSAFE}\n\n\n{detail}{DOCS}"
    if name in ("stack_global", "inst"):
        code = {"stack_global": 140, "inst": 105}[name]
        return (
            f"Weights only load failed. {UNSAFE}\nPlease file an issue with the following so that "
            "we can make `weights_only=True` compatible with your use case: WeightsUnpickler "
            f"error: \n\nUnsupported operand {code}{DOCS}"
        )
    shown = name.replace("builtins.", "")
    return (
        "Weights only load failed. This file can still be loaded, to do so you have two options, "
        "\033[1mdo those steps only if you trust the source of the checkpoint\033[0m. \n\t(1) "
        f"{UNSAFE}\n\t(2) Alternatively, to load with `weights_only=True` please check the "
        "recommended steps in the following error message.\n\tWeightsUnpickler error: "
        f"Unsupported global: GLOBAL {shown} was not an allowed global by default. Please use "
        f"`torch.serialization.add_safe_globals([{shown}])` or the "
        f"`torch.serialization.safe_globals([{shown}])` context manager to allowlist this global "
        f"if you trust this class/function.{DOCS}"
    )


NAMES = list(payloads("m"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.filterwarnings("ignore:Detected pickle protocol 4")
def test_payload_is_refused_and_nothing_runs(tmp_path, name):
    marker = tmp_path / "pwned"
    checkpoint = as_checkpoint(payloads(marker)[name])
    with pytest.raises(pickle.UnpicklingError) as info:
        numtorch.load(checkpoint)
    assert str(info.value) == expected_message(name)
    assert not marker.exists()


@pytest.mark.parametrize("name", ["os.system", "builtins.eval", "subprocess.call"])
def test_payload_does_run_without_weights_only(tmp_path, name):
    marker = tmp_path / "pwned"
    checkpoint = as_checkpoint(payloads(marker)[name])
    result = numtorch.load(checkpoint, weights_only=False)
    if hasattr(result, "wait"):
        result.wait()
    assert marker.exists()


class Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("zip_format", [True, False])
def test_payload_inside_a_real_checkpoint(tmp_path, zip_format):
    """Tensors first, then the payload: the load stops at the payload and nothing runs."""
    marker = tmp_path / "pwned"
    path = tmp_path / "state.pt"
    numtorch.save(
        {"weight": numtorch.ones(2, 2), "evil": Evil(marker)},
        path,
        _use_new_zipfile_serialization=zip_format,
    )
    with pytest.raises(pickle.UnpicklingError, match="GLOBAL posix.system whose module posix"):
        numtorch.load(path)
    assert not marker.exists()
    if zip_format:
        unsafe = numtorch.serialization.get_unsafe_globals_in_checkpoint(path)
        assert unsafe == ["posix.system"]


def test_allowlisting_a_blocked_module_does_not_help(tmp_path):
    marker = tmp_path / "pwned"
    with numtorch.serialization.safe_globals([os.system]):
        with pytest.raises(pickle.UnpicklingError, match="whose module posix is blocked"):
            numtorch.load(as_checkpoint(payloads(marker)["posix.system"]))
    assert not marker.exists()


def test_only_storage_persistent_ids():
    data = b"\x80\x02(" + _text("module") + b"K\x01tQ."
    with pytest.raises(pickle.UnpicklingError, match="Only persistent_load of storage is allowed"):
        numtorch.load(as_checkpoint(data))


def test_reduce_of_an_unlisted_function_object():
    # a REDUCE whose callable came from the memo, not from a GLOBAL, is checked too
    data = b"\x80\x02" + _text("x") + b"q\x00h\x00)R."
    with pytest.raises(pickle.UnpicklingError, match="Trying to call reduce for unrecognized"):
        numtorch.load(as_checkpoint(data))


def test_build_and_append_are_restricted():
    build = b"\x80\x02]}b."
    with pytest.raises(pickle.UnpicklingError, match="Can only build Tensor, Parameter"):
        numtorch.load(as_checkpoint(build))
    append = b"\x80\x02}K\x01a."
    with pytest.raises(pickle.UnpicklingError, match="Can only append to lists"):
        numtorch.load(as_checkpoint(append))
    setitem = b"\x80\x02]K\x01K\x02s."
    with pytest.raises(pickle.UnpicklingError, match="Can only SETITEM for dict"):
        numtorch.load(as_checkpoint(setitem))
