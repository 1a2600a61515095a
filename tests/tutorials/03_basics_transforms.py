# Learn the Basics: Transforms (beginner_source/basics/transforms_tutorial.py).
# Without torchvision: ToTensor and Lambda are written in plain torch (same conversion: an HxW
# uint8 image becomes a 1xHxW float tensor in [0, 1]); FashionMNIST is the synthetic stand-in.
import numpy as np
import torch
from torch.utils.data import Dataset


class Lambda:
    """torchvision.transforms.Lambda: apply a user function."""

    def __init__(self, lambd):
        self.lambd = lambd

    def __call__(self, img):
        return self.lambd(img)


class ToTensor:
    """torchvision.transforms.ToTensor for an HxW uint8 array: a 1xHxW float tensor in [0, 1]."""

    def __call__(self, pic):
        img = torch.from_numpy(pic[:, :, None].transpose((2, 0, 1))).contiguous()
        return img.to(dtype=torch.get_default_dtype()).div(255)


class FashionMNIST(Dataset):
    """Synthetic stand-in for torchvision.datasets.FashionMNIST: a class template plus noise."""

    def __init__(self, root, train=True, download=False, transform=None, target_transform=None):
        templates = torch.rand(10, 28, 28, generator=torch.Generator().manual_seed(42))
        g = torch.Generator().manual_seed(0 if train else 1)
        n = 384 if train else 128
        self.targets = torch.randint(0, 10, (n,), generator=g)
        noise = torch.rand(n, 28, 28, generator=g)
        self.data = ((0.6 * templates[self.targets] + 0.4 * noise) * 255).to(torch.uint8)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        img, target = self.data[index].numpy(), int(self.targets[index])
        if self.transform is not None:
            img = self.transform(img)
        if self.target_transform is not None:
            target = self.target_transform(target)
        return img, target


torch.manual_seed(0)

ds = FashionMNIST(
    root="data",
    train=True,
    download=True,
    transform=ToTensor(),
    target_transform=Lambda(
        lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)
    ),
)

img, target = ds[0]
print(type(img), img.dtype, img.shape)
print(img.min(), img.max())
print(img[0, 10, :8])
print(ds.targets[0], target)

# ToTensor() on a raw array, as torchvision documents it
raw = np.arange(0, 256, 16, dtype=np.uint8).reshape(4, 4)
print(ToTensor()(raw))

# Lambda Transforms
target_transform = Lambda(
    lambda y: torch.zeros(10, dtype=torch.float).scatter_(dim=0, index=torch.tensor(y), value=1)
)
for y in (0, 3, 9):
    print(target_transform(y))
