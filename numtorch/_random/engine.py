"""torch.Generator: torch's CPU MT19937 engine, its seeding and its 5056-byte state.

The engine is NumPy's MT19937 bit generator keyed exactly as torch keys its own (NumPy's legacy
`init_genrand` seeding); the distributions that turn its words into numbers are in `kernels.py`.
Numbers for every device are drawn here, on the host: a CUDA tensor gets the CPU stream.
"""

import os
import struct

import numpy

from numtorch._device import as_device

_N = 624  # MT19937 state words
_STATE_BYTES = 5056  # sizeof(CPUGeneratorImplState) in torch 2.13
_DEFAULT_SEED = 67280421310721  # torch's default_rng_seed_val
# CPUGeneratorImplState: legacy POD (u64 seed, i32 left, i32 seeded, u64 next, u64[624] state,
# f64 normal_x, normal_y, normal_rho, i32 normal_is_valid, 4 padding bytes), then f32 next float
# normal, bool valid, 3 padding bytes.
_HEAD = struct.Struct("<QiiQ")
_TAIL = struct.Struct("<dddi4xf?3x")
_TAIL_AT = _HEAD.size + 8 * _N


class Generator:
    """Same as `torch.Generator`: one MT19937 stream plus the cached second normal sample."""

    __slots__ = ("_device", "_seed", "_mt", "_fresh_next", "_normal_double", "_normal_float")

    def __init__(self, device="cpu"):
        self._device = as_device(device)
        self._mt = None  # made by the first use of _bits: numpy.random is slow to import
        self.manual_seed(_DEFAULT_SEED)

    @property
    def _bits(self):
        """NumPy's MT19937 bit generator, keyed with the seed on first use."""
        bits = self._mt
        if bits is None:
            bits = self._mt = numpy.random.MT19937()
            self._key(self._seed)
        return bits

    @_bits.setter
    def _bits(self, bits):
        self._mt = bits

    def _key(self, seed):
        key = numpy.random.RandomState(seed & 0xFFFFFFFF).get_state()[1]
        self._mt.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": _N}}

    @property
    def device(self):
        return self._device

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"

    # ------------------------------------------------------------ seeding

    def manual_seed(self, seed):
        """Same as `Generator.manual_seed`: keys MT19937 with the low 32 bits; returns self."""
        seed = int(seed)
        if not -(1 << 63) <= seed < (1 << 64):
            raise ValueError("Overflow when unpacking long long")
        seed &= (1 << 64) - 1
        if self._mt is not None:
            self._key(seed)
        self._seed = seed
        self._fresh_next = 0  # torch's `next_` until the first draw regenerates the state
        self._normal_double = None
        self._normal_float = None
        return self

    def seed(self):
        """Same as `Generator.seed`: a nondeterministic 64-bit seed, set and returned."""
        seed = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(seed)
        return seed

    def initial_seed(self):
        """Same as `Generator.initial_seed`."""
        return self._seed

    # ------------------------------------------------------------ state

    def get_state(self):
        """Same as `Generator.get_state`: torch's 5056-byte uint8 state, loadable by real torch."""
        from numtorch._creation import from_numpy

        return from_numpy(numpy.frombuffer(self._state_bytes(), numpy.uint8).copy())

    def set_state(self, new_state):
        """Same as `Generator.set_state`: accepts states from `get_state` here or in real torch."""
        from numtorch import _dtype
        from numtorch._tensor import Tensor

        if not isinstance(new_state, Tensor) or new_state.dtype is not _dtype.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        if not new_state.is_contiguous():
            raise RuntimeError("RNG state must be contiguous")
        if new_state.numel() != _STATE_BYTES:
            raise RuntimeError(
                f"Expected a CPUGeneratorImplState of size {_STATE_BYTES} but found the input "
                f"RNG state size to be {new_state.numel()}"
            )
        self._load_state_bytes(bytes(numpy.ascontiguousarray(new_state.numpy(force=True))))
        return self

    def clone_state(self):
        """Same as `Generator.clone_state`: a new generator in this one's state."""
        twin = Generator(self._device)
        twin._load_state_bytes(self._state_bytes())
        return twin

    def __getstate__(self):
        return {"device": str(self._device), "state": self._state_bytes()}

    def __setstate__(self, saved):
        self._device = as_device(saved["device"])
        self._bits = numpy.random.MT19937()
        self._load_state_bytes(saved["state"])

    def _state_bytes(self):
        st = self._bits.state["state"]
        pos = int(st["pos"])
        if pos == _N and self._fresh_next is not None:
            left, nxt = 1, self._fresh_next
        else:
            left, nxt = (1, _N) if pos == _N else (_N + 1 - pos, pos)
        words = numpy.asarray(st["key"], dtype="<u8")
        double = self._normal_double
        single = self._normal_float
        tail = _TAIL.pack(
            0.0,
            0.0 if double is None else double,
            0.0,
            double is not None,
            0.0 if single is None else single,
            single is not None,
        )
        return _HEAD.pack(self._seed, left, 1, nxt) + words.tobytes() + tail

    def _load_state_bytes(self, raw):
        seed, left, seeded, nxt = _HEAD.unpack_from(raw, 0)
        nxt &= 0xFFFFFFFF
        if not (seeded and 0 < left <= _N and nxt <= _N):
            raise RuntimeError("Invalid mt19937 state")
        words = numpy.frombuffer(raw, "<u8", _N, _HEAD.size).astype(numpy.uint32)
        _, double, _, double_valid, single, single_valid = _TAIL.unpack_from(raw, _TAIL_AT)
        # torch draws `left - 1` words from `next` on before regenerating; states written by
        # torch always have next == 625 - left (or left == 1), so NumPy's position is `next`.
        pos = _N if left == 1 else _N + 1 - left
        self._bits.state = {"bit_generator": "MT19937", "state": {"key": words, "pos": pos}}
        self._seed = seed
        self._fresh_next = nxt if left == 1 else None
        self._normal_double = double if double_valid else None
        self._normal_float = single if single_valid else None

    # ------------------------------------------------------------ raw words

    def _words32(self, n):
        """torch's `random()` n times: 32-bit words (as uint64)."""
        if n <= 0:
            return numpy.empty(0, numpy.uint64)
        self._fresh_next = None
        return self._bits.random_raw(n)

    def _words64(self, n):
        """torch's `random64()` n times: two words each, the first in the high half."""
        w = self._words32(2 * n)
        return (w[0::2] << numpy.uint64(32)) | w[1::2]


default_generator = Generator()
