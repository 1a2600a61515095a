"""torch.nn: Module and its layers, Parameter, init, utils and the functional forms."""

from numtorch.nn import functional, init, utils  # noqa: F401
from numtorch.nn.modules import *  # noqa: F403
from numtorch.nn.modules import __all__ as _modules_all
from numtorch.nn.modules.activation import *  # noqa: F403
from numtorch.nn.modules.activation import __all__ as _activation_all
from numtorch.nn.modules.activation_attn import *  # noqa: F403
from numtorch.nn.modules.activation_attn import __all__ as _activation_attn_all
from numtorch.nn.modules.batchnorm import *  # noqa: F403
from numtorch.nn.modules.batchnorm import __all__ as _batchnorm_all
from numtorch.nn.modules.conv import *  # noqa: F403
from numtorch.nn.modules.conv import __all__ as _conv_all
from numtorch.nn.modules.dropout import *  # noqa: F403
from numtorch.nn.modules.dropout import __all__ as _dropout_all
from numtorch.nn.modules.fold import *  # noqa: F403
from numtorch.nn.modules.fold import __all__ as _fold_all
from numtorch.nn.modules.instancenorm import *  # noqa: F403
from numtorch.nn.modules.instancenorm import __all__ as _instancenorm_all
from numtorch.nn.modules.loss import *  # noqa: F403
from numtorch.nn.modules.loss import __all__ as _loss_all
from numtorch.nn.modules.normalization import *  # noqa: F403
from numtorch.nn.modules.normalization import __all__ as _normalization_all
from numtorch.nn.modules.padding import *  # noqa: F403
from numtorch.nn.modules.padding import __all__ as _padding_all
from numtorch.nn.modules.pixelshuffle import *  # noqa: F403
from numtorch.nn.modules.pixelshuffle import __all__ as _pixelshuffle_all
from numtorch.nn.modules.pooling import *  # noqa: F403
from numtorch.nn.modules.pooling import __all__ as _pooling_all
from numtorch.nn.modules.rnn import *  # noqa: F403
from numtorch.nn.modules.rnn import __all__ as _rnn_all
from numtorch.nn.modules.sparse import *  # noqa: F403
from numtorch.nn.modules.sparse import __all__ as _sparse_all
from numtorch.nn.modules.transformer import *  # noqa: F403
from numtorch.nn.modules.transformer import __all__ as _transformer_all
from numtorch.nn.modules.upsampling import *  # noqa: F403
from numtorch.nn.modules.upsampling import __all__ as _upsampling_all
from numtorch.nn.parameter import Buffer, Parameter  # noqa: F401

__all__ = [
    *_modules_all,
    *_activation_all,
    *_loss_all,
    *_conv_all,
    *_padding_all,
    *_pooling_all,
    *_rnn_all,
    *_sparse_all,
    *_activation_attn_all,
    *_batchnorm_all,
    *_dropout_all,
    *_instancenorm_all,
    *_normalization_all,
    *_transformer_all,
    *_pixelshuffle_all,
    *_upsampling_all,
    *_fold_all,
    "Buffer",
    "Parameter",
    "functional",
    "init",
    "utils",
]
