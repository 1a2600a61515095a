"""class Tensor: an xp array plus dtype, device and autograd state. No math lives here.

Op methods (`add`, `sum`, `__mul__`, ...) are bound onto Tensor from the op registry (`_ops`);
conversions (`to`, `float`, ...) are in `_tensor_convert.py`. A view shares its base's array memory
and its version counter (`_vc`, a one-item list), which in-place ops bump; `_version` reads it.
"""

import warnings

from numtorch import _dtype
from numtorch._device import CPU, to_host
from numtorch._errors import wrap_dim
from numtorch._size import Size
from numtorch.autograd.graph import AccumulateGrad

NON_LEAF_GRAD = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more information."
)


class Tensor:
    """Same as `torch.Tensor`."""

    __slots__ = (
        "_data",
        "dtype",
        "_device",
        "_requires_grad",
        "_grad",
        "_grad_fn",
        "_view_version",
        "_output_nr",
        "_vc",
        "_base",
        "_view_fn",
        "_accumulator",
        "_retains_grad",
        "__dict__",
        "__weakref__",
    )

    def __new__(cls, *args, **kwargs):
        from numtorch._creation import legacy_tensor_new

        return legacy_tensor_new(cls, *args, **kwargs)

    @classmethod
    def _make(cls, data, dtype, device=CPU, requires_grad=False):
        """The one constructor ops use: wraps an xp array that already has `dtype`'s storage type."""
        t = object.__new__(cls)
        t._data = data
        t.dtype = dtype
        t._device = device
        t._requires_grad = requires_grad
        t._grad = None
        t._grad_fn = None
        t._view_version = 0
        t._output_nr = 0
        t._vc = [0]
        t._base = None
        t._view_fn = None
        t._accumulator = None
        t._retains_grad = False
        return t

    # ------------------------------------------------------------ metadata

    @property
    def shape(self):
        return _new_size(Size, self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return _new_size(Size, self._data.shape)
        return self._data.shape[self._wrap_dim(dim)]

    @property
    def device(self):
        return self._device

    @property
    def is_cuda(self):
        return self._device.type == "cuda"

    @property
    def is_cpu(self):
        return self._device.type == "cpu"

    @property
    def ndim(self):
        return self._data.ndim

    def dim(self):
        return self._data.ndim

    ndimension = dim

    def numel(self):
        return self._data.size

    nelement = numel

    def element_size(self):
        return self.dtype.itemsize

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.dtype.itemsize * self._data.size

    def stride(self, dim=None):
        size = self._data.itemsize
        strides = tuple(s // size for s in self._data.strides)
        if self._data.size == 0 or self._data.ndim == 0:
            strides = _contiguous_strides(self._data.shape)
        if dim is None:
            return strides
        return strides[self._wrap_dim(dim)]

    def storage_offset(self):
        root = _root(self._data)
        if root is self._data:
            return 0
        start = _address(self._data) - _address(root)
        return start // self._data.itemsize

    def data_ptr(self):
        return _address(self._data)

    def untyped_storage(self):
        """Same as `Tensor.untyped_storage`: the memory this tensor's array lives in."""
        return UntypedStorage(_root(self._data))

    def is_contiguous(self, memory_format=None):
        if memory_format is not None and memory_format._name != "contiguous_format":
            from numtorch._memory_format import is_contiguous_as

            return is_contiguous_as(self._data.shape, self.stride(), memory_format)
        if self._data.size == 0:
            return True  # torch: a tensor with no elements is contiguous whatever its strides
        if self._data.flags.c_contiguous:
            return True  # NumPy's flag ignores size-1 dims' strides, as torch does
        shape, strides = self._data.shape, self.stride()
        expected = 1
        for n, s in zip(reversed(shape), reversed(strides)):
            if n != 1 and s != expected:
                return False
            expected *= n
        return True

    def is_floating_point(self):
        return self.dtype.category == _dtype.FLOAT

    def is_complex(self):
        return self.dtype.category == _dtype.COMPLEX

    def is_signed(self):
        return self.dtype.is_signed

    @property
    def is_sparse(self):
        return False

    @property
    def is_quantized(self):
        return False

    @property
    def is_meta(self):
        return False

    @property
    def layout(self):
        from numtorch import strided

        return strided

    def get_device(self):
        return -1 if self._device.type == "cpu" else (self._device.index or 0)

    @property
    def T(self):
        from numtorch._ops.shape_extra import numpy_T

        return numpy_T(self)

    @property
    def mT(self):
        from numtorch._ops.shape_extra import matrix_T

        return matrix_T(self)

    @property
    def H(self):
        from numtorch._ops.shape_extra import matrix_H

        return matrix_H(self)

    @property
    def mH(self):
        from numtorch._ops.shape_extra import matrix_mH

        return matrix_mH(self)

    def _wrap_dim(self, dim):
        return wrap_dim(dim, self._data.ndim)

    # ------------------------------------------------------------ autograd state

    @property
    def grad_fn(self):
        fn = self._grad_fn
        if fn is not None and self._base is not None and self._view_version != self._vc[0]:
            # The base (or another view of it) changed in place since this view's grad_fn was
            # made: its history now goes through the base's new history, as torch's does.
            from numtorch.autograd.inplace import refresh_view_grad_fn

            fn = refresh_view_grad_fn(self)
        return fn

    @grad_fn.setter
    def grad_fn(self, node):
        self._grad_fn = node
        self._view_version = self._vc[0]

    @property
    def requires_grad(self):
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, flag):
        if type(flag) is not bool:
            raise RuntimeError("requires_grad must be a bool")
        if self.grad_fn is not None:
            if not flag:
                raise RuntimeError(
                    "you can only change requires_grad flags of leaf variables. If you want to "
                    "use a computed variable in a subgraph that doesn't require differentiation "
                    "use var_no_grad = var.detach()."
                )
            return
        if flag and self.dtype.category < _dtype.FLOAT:
            raise RuntimeError(
                "only Tensors of floating point and complex dtype can require gradients"
            )
        self._requires_grad = flag

    def requires_grad_(self, requires_grad=True):
        if requires_grad and self.grad_fn is None and self.dtype.category < _dtype.FLOAT:
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def grad(self):
        if self._grad is None and self.grad_fn is not None and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError(
                    "assigned grad expected to be a Tensor or None but got grad of type "
                    f"{type(value).__name__}"
                )
            if value.dtype is not self.dtype:
                raise RuntimeError(
                    f"attempting to assign a gradient with dtype '{_CPP_TYPE[value.dtype.name]}' "
                    f"to a tensor with grad_dtype '{_SCALAR_TYPE[self.dtype.name]}'. The gradient "
                    "must match the tensor's grad_dtype (defaults to the tensor's dtype). You can "
                    "set the tensor's grad_dtype attribute with a specific dtype, or None to allow "
                    "any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and "
                    "its gradient may break downstream systems that assume they match."
                )
            if value.shape != self.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size '{list(value.shape)}' to a tensor of "
                    f"size '{list(self.shape)}'. Please ensure that the gradient and the tensor are "
                    "the same size"
                )
        self._grad = value

    @property
    def retains_grad(self):
        return self._retains_grad

    def _is_view(self):
        return self._base is not None

    def _grad_node(self):
        """(node, output_nr) that gradients for this tensor flow into, or None."""
        if self.grad_fn is not None:
            return self.grad_fn, self._output_nr
        if self._requires_grad:
            acc = self._accumulator
            if acc is None or acc() is None:
                import weakref

                node = AccumulateGrad(self)
                self._accumulator = weakref.ref(node)
                return node, 0
            return acc(), 0
        return None

    def retain_grad(self):
        if not self._requires_grad and self.grad_fn is None:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is None or self._retains_grad:
            return
        self._retains_grad = True
        node = self.grad_fn
        if node._retained is None:
            node._retained = {}
        import weakref

        node._retained[self._output_nr] = weakref.ref(self)

    def register_hook(self, hook):
        if not self._requires_grad and self.grad_fn is None:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        node, nr = self._grad_node()
        if self.grad_fn is None:
            self._hook_owner = node  # keep the AccumulateGrad alive while the hook is registered
        return node._add_tensor_hook(nr, hook)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from numtorch.autograd import backward

        backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    def detach(self):
        # Shares memory and the version counter, but is no view in autograd's sense: in-place
        # ops on it are allowed even when self is a leaf that requires grad, as in torch.
        out = Tensor._make(self._data, self.dtype, self._device)
        out._vc = self._vc
        return out

    def detach_(self):
        if self._base is not None and self._base.requires_grad:
            raise RuntimeError(
                "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel "
                "(DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of "
                "DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, "
                "please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the "
                "solution."
            )
        self.grad_fn = None
        self._requires_grad = False
        return self

    @property
    def data(self):
        out = Tensor._make(self._data, self.dtype, self._device)
        out._vc = [0]  # torch's .data gets a counter of its own: in-place changes go unseen
        return out

    @data.setter
    def data(self, value):
        self._data = value._data
        self.dtype = value.dtype
        self._device = value._device

    def _alias_without_graph(self):
        out = Tensor._make(self._data, self.dtype, self._device)
        out._vc = self._vc
        out._output_nr = self._output_nr
        return out

    def _alias_with_graph(self, node, output_nr):
        out = Tensor._make(self._data, self.dtype, self._device, True)
        out._vc = self._vc
        out.grad_fn = node
        out._output_nr = output_nr
        return out

    def _private_copy(self):
        """A tensor with its own contiguous copy of the data and no graph."""
        return Tensor._make(self._data.copy(), self.dtype, self._device)

    def _bump_version(self):
        self._vc[0] += 1

    @property
    def _version(self):
        """The version (an int, as torch's); assigning one tensor's `_version` to another makes
        them share the counter, as a view shares its base's."""
        return _Version(self._vc)

    @_version.setter
    def _version(self, value):
        self._vc = value.counter if type(value) is _Version else [int(value)]

    @property
    def _version_value(self):
        return self._vc[0]

    # ------------------------------------------------------------ host values

    def item(self):
        if self._data.size != 1:
            raise RuntimeError(
                f"a Tensor with {self._data.size} elements cannot be converted to Scalar"
            )
        return to_host(self._data).reshape(()).item()

    def tolist(self):
        return to_host(self._data).tolist()

    def numpy(self, *, force=False):
        if force:
            return to_host(self._data)
        if self._requires_grad:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
            )
        if self._device.type != "cpu":
            raise TypeError(
                f"can't convert {self._device.type}:{self._device.index or 0} device type tensor to "
                "numpy. Use Tensor.cpu() to copy the tensor to host memory first."
            )
        return self._data

    # NumPy defers its binary operators to ours (`np.float64(2) * t` is a Tensor, as in torch)
    __array_priority__ = 1000

    def __array__(self, dtype=None, copy=None):
        host = to_host(self._data)
        return host if dtype is None else host.astype(dtype)

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __bool__(self):
        if self._data.size != 1:
            raise RuntimeError(
                "Boolean value of Tensor with no values is ambiguous"
                if self._data.size == 0
                else "Boolean value of Tensor with more than one value is ambiguous"
            )
        return bool(self.item())

    def __float__(self):
        return float(self._scalar_for("float"))

    def __int__(self):
        return int(self._scalar_for("int"))

    def __complex__(self):
        return complex(self._scalar_for("complex"))

    def __index__(self):
        if self.dtype.category != _dtype.INT or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    def _scalar_for(self, kind):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return self.item()

    def __hash__(self):
        return id(self)

    def __repr__(self, *, tensor_contents=None):
        from numtorch._tensor_str import tensor_repr

        return tensor_repr(self)

    def __format__(self, spec):
        # as torch: a 0-dim plain Tensor formats as its Python number (f"{t}" prints 9, not
        # tensor(9)); anything else formats as its str, and refuses a non-empty spec
        if self._data.ndim == 0 and type(self) is Tensor:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __reduce_ex__(self, protocol):
        from numtorch._creation import _rebuild_tensor

        return (
            _rebuild_tensor,
            (to_host(self._data).copy(), self.dtype.name, str(self._device), self._requires_grad),
        )

    def __deepcopy__(self, memo):
        if self.grad_fn is not None:
            raise RuntimeError(
                "Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                "protocol at the moment.  If you were attempting to deepcopy a module, this may be "
                "because of a torch.nn.utils.weight_norm usage, see "
                "https://github.com/pytorch/pytorch/pull/103001"
            )
        if id(self) in memo:
            return memo[id(self)]
        out = type(self)._make(self._data.copy(), self.dtype, self._device, self._requires_grad)
        if type(self) is not Tensor:
            out.__dict__.update(self.__dict__)
        if self._grad is not None:
            out._grad = self._grad.__deepcopy__(memo)
        memo[id(self)] = out
        return out


# How torch's messages name dtypes: by their C++ element type, and by their ScalarType name.
_CPP_TYPE = {
    "bool": "bool",
    "uint8": "unsigned char",
    "int8": "signed char",
    "int16": "short int",
    "int32": "int",
    "int64": "long int",
    "float16": "c10::Half",
    "bfloat16": "c10::BFloat16",
    "float32": "float",
    "float64": "double",
    "complex32": "c10::complex<c10::Half>",
    "complex64": "c10::complex<float>",
    "complex128": "c10::complex<double>",
}
_SCALAR_TYPE = {
    "bool": "Bool",
    "uint8": "Byte",
    "int8": "Char",
    "int16": "Short",
    "int32": "Int",
    "int64": "Long",
    "float16": "Half",
    "bfloat16": "BFloat16",
    "float32": "Float",
    "float64": "Double",
    "complex32": "ComplexHalf",
    "complex64": "ComplexFloat",
    "complex128": "ComplexDouble",
}


class _Version(int):
    """An int (the version when read) that remembers the counter it was read from."""

    def __new__(cls, counter):
        self = int.__new__(cls, counter[0])
        self.counter = counter
        return self

    def __repr__(self):
        return int.__repr__(self)

    __str__ = __repr__


_new_size = tuple.__new__  # Size(...) checks its items; shapes from arrays need no check


def _root(array):
    """The array (or array-interface holder) that owns the memory `array` views."""
    while getattr(array, "base", None) is not None and hasattr(array.base, "__array_interface__"):
        array = array.base
    return array


class UntypedStorage:
    """The memory under a tensor, as `torch.UntypedStorage` shows it (read-only view of it)."""

    __slots__ = ("_root",)

    def __init__(self, root):
        self._root = root

    def data_ptr(self):
        return _address(self._root)

    def nbytes(self):
        return _nbytes(self._root)

    size = nbytes

    @property
    def device(self):
        from numtorch._device import CPU, as_device

        if hasattr(self._root, "__array_interface__"):
            return CPU
        return as_device(f"cuda:{self._root.device.id}")

    def __len__(self):
        return self.nbytes()


def _nbytes(root):
    nbytes = getattr(root, "nbytes", None)
    if nbytes is not None:
        return int(nbytes)
    iface = root.__array_interface__
    import numpy

    return int(numpy.prod(iface["shape"])) * numpy.dtype(iface["typestr"]).itemsize


def _address(array):
    iface = getattr(array, "__array_interface__", None)
    if iface is not None:
        return iface["data"][0]
    return array.data.ptr


def _contiguous_strides(shape):
    strides, acc = [], 1
    for n in reversed(shape):
        strides.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(strides))


Tensor.__module__ = "numtorch"


def is_tensor(obj):
    """Same as `torch.is_tensor`."""
    return isinstance(obj, Tensor)
