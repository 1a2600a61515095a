"""A walk through the seed tutorials' topics with ``import numtorch as torch``.

Run it with ``python examples/demo.py``; every line it prints is what PyTorch 2.13 prints for the same
code (random draws aside until numtorch's generator matches torch's).
"""

import numtorch as torch


def section(title):
    print(f"\n=== {title} ===")


section("creation and attributes")
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x)
print(x.shape, x.dtype, x.device, x.ndim, x.numel())
print(torch.zeros(2, 3), torch.ones(2, dtype=torch.int64), torch.arange(0, 10, 3))
print(torch.linspace(0, 1, 5))
print(torch.full((2, 2), 7.5), torch.eye(3))

section("indexing and slicing")
print(x[0], x[:, 1], x[..., -1], x[None, 1, ::2])
y = x.clone()
y[0, 0] = 100
print(y)

section("joining and splitting")
a = torch.arange(6).reshape(2, 3)
print(torch.cat([a, a], dim=0))
print(torch.stack([a, a]).shape)
print(a.split(1, dim=0))
print(a.chunk(3, dim=1))

section("casting")
print(a.float(), a.double().dtype, a.bool())
print(torch.tensor([1.7, -1.7]).int())

section("views share memory")
v = a.view(3, 2)
v[0, 0] = -1
print(a)
print(a.t().is_contiguous(), a.t().contiguous().is_contiguous())

section("arithmetic, in-place ops and reductions")
b = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(b + b, b * 2, b @ b, b / 3)
b.add_(1)
print(b)
print(b.sum(), b.sum(dim=0), b.mean(dim=1, keepdim=True))

section("broadcasting and expand")
row = torch.tensor([1.0, 2.0, 3.0])
col = torch.tensor([[10.0], [20.0]])
print(row + col)
print(row.expand(2, 3))

section("sorting and searching")
s = torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0])
print(s.argmax(), s.topk(3), s.sort(descending=True))
print(torch.zeros(1, 3, 1).squeeze().shape, torch.zeros(3).unsqueeze(0).shape)

section("autograd")
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z = (w**2 + 1) ** 2
out = z.sum()
print(z)
out.backward()
print(w.grad)
print(out.grad_fn.name(), [(fn.name(), i) for fn, i in out.grad_fn.next_functions])

q = torch.tensor([2.0], requires_grad=True)
r = q * 3
r.retain_grad()
(r * r).backward()
print(q.grad, r.grad, r.is_leaf, q.is_leaf)

with torch.no_grad():
    print((q * 2).requires_grad)
print(q.detach().requires_grad)

section("vector-Jacobian product and gradient accumulation")
u = torch.tensor([1.0, 2.0], requires_grad=True)
f = u * u
f.backward(torch.tensor([1.0, 0.1]), retain_graph=True)
f.backward(torch.tensor([1.0, 0.1]))
print(u.grad)
u.grad.zero_()
print(u.grad)

section("the seed's loss")
logits = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
target = torch.tensor([1.0, 0.0, 1.0])
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, target)
loss.backward()
print(loss)
print(logits.grad)

section("devices")
print(torch.cuda.is_available(), torch.device("cuda:0"))
