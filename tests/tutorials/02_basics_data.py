# Learn the Basics: Datasets & DataLoaders (beginner_source/basics/data_tutorial.py).
# Adapted only to avoid downloads: FashionMNIST is a small synthetic dataset of the same shapes
# and types (from torch.manual_seed streams); the custom dataset reads a CSV of labels the script
# writes and .npy image files instead of JPEGs (no torchvision.io, no pandas); matplotlib calls
# print what they would show.
import csv
import os

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


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

# Loading a Dataset
training_data = FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_data = FashionMNIST(root="data", train=False, download=True, transform=ToTensor())

# Iterating and Visualizing the Dataset
labels_map = {
    0: "T-Shirt",
    1: "Trouser",
    2: "Pullover",
    3: "Dress",
    4: "Coat",
    5: "Sandal",
    6: "Shirt",
    7: "Sneaker",
    8: "Bag",
    9: "Ankle Boot",
}
cols, rows = 3, 3
for i in range(1, cols * rows + 1):
    sample_idx = torch.randint(len(training_data), size=(1,)).item()
    img, label = training_data[sample_idx]
    print(i, sample_idx, labels_map[label], tuple(img.squeeze().shape), f"{img.mean().item():.4f}")


# Creating a Custom Dataset for your files
def read_image(path):
    """Stands in for torchvision.io.read_image: a CxHxW uint8 tensor."""
    return torch.from_numpy(np.load(path)).unsqueeze(0)


class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        with open(annotations_file, newline="") as f:
            self.img_labels = [(name, int(label)) for name, label in csv.reader(f)]
        self.img_dir = img_dir
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.img_labels)

    def __getitem__(self, idx):
        img_path = os.path.join(self.img_dir, self.img_labels[idx][0])
        image = read_image(img_path)
        label = self.img_labels[idx][1]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


os.makedirs("images", exist_ok=True)
with open("labels.csv", "w", newline="") as f:
    writer = csv.writer(f)
    for i in range(10):
        name = f"{labels_map[int(training_data.targets[i])].lower()}{i}.npy"
        np.save(os.path.join("images", name), training_data.data[i].numpy())
        writer.writerow([name, int(training_data.targets[i])])

custom = CustomImageDataset("labels.csv", "images", transform=lambda im: im.float() / 255)
print(len(custom))
image, label = custom[3]
print(image.shape, image.dtype, label, torch.equal(image, training_data[3][0]))
print(next(iter(DataLoader(custom, batch_size=4)))[1])

# Preparing your data for training with DataLoaders
train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)

# Iterate through the DataLoader
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
img = train_features[0].squeeze()
label = train_labels[0]
print(img.shape)
print(f"Label: {label}")
print(train_labels)
