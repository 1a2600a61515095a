"""numtorch.optim: the optimizers and learning-rate schedulers of torch.optim."""

from numtorch.optim import lr_scheduler
from numtorch.optim.adadelta import Adadelta
from numtorch.optim.adagrad import Adagrad
from numtorch.optim.adam import Adam, AdamW
from numtorch.optim.adamax import Adamax
from numtorch.optim.lbfgs import LBFGS
from numtorch.optim.nadam import NAdam
from numtorch.optim.optimizer import Optimizer
from numtorch.optim.radam import RAdam
from numtorch.optim.rmsprop import RMSprop
from numtorch.optim.sgd import SGD

__all__ = [
    "SGD",
    "Adadelta",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "LBFGS",
    "NAdam",
    "Optimizer",
    "RAdam",
    "RMSprop",
    "lr_scheduler",
]
