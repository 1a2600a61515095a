# Learn the Basics: Save and Load the Model (beginner_source/basics/saveloadrun_tutorial.py).
# Adapted only to avoid downloads: a small VGG-shaped network (features / avgpool / classifier)
# with its random initialisation stands in for torchvision's pretrained vgg16. The outputs of
# the saved and reloaded models are compared to show the weights came back.
import torch
from torch import nn


class VGG(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Conv2d(8, 16, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=2, stride=2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((2, 2))
        self.classifier = nn.Sequential(
            nn.Linear(16 * 2 * 2, 32),
            nn.ReLU(True),
            nn.Dropout(p=0.5),
            nn.Linear(32, num_classes),
        )

    def forward(self, x):
        x = self.features(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        x = self.classifier(x)
        return x


def vgg16(weights=None):
    return VGG()


torch.manual_seed(0)
input_image = torch.rand(2, 3, 32, 32)

# Saving and Loading Model Weights
model = vgg16(weights="IMAGENET1K_V1")
model.eval()
with torch.no_grad():
    expected = model(input_image)
torch.save(model.state_dict(), "model_weights.pth")

model = vgg16()  # we do not specify ``weights``, i.e. create untrained model
print(model.load_state_dict(torch.load("model_weights.pth", weights_only=True)))
print(model.eval())
with torch.no_grad():
    print(torch.equal(model(input_image), expected))

state = torch.load("model_weights.pth", weights_only=True)
print(type(state).__name__, list(state.keys()))
print(state["classifier.3.bias"])

# Saving and Loading Models with Shapes
torch.save(model, "model.pth")
model = torch.load("model.pth", weights_only=False)
print(type(model).__name__, model.training)
with torch.no_grad():
    print(model(input_image))
    print(torch.equal(model(input_image), expected))
