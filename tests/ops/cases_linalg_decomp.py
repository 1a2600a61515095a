"""Cases for numtorch.linalg's decompositions and matrix functions: det, slogdet, logdet, inv(_ex),
solve(_ex), cholesky(_ex), qr, eigh/eigvalsh, eig/eigvals, svd/svdvals, pinv, lstsq, matrix_rank,
matrix_exp, matrix_power, the norms, vecdot, multi_dot, tensorinv, tensorsolve, diagonal, and the
torch.* aliases. Eigenvectors and singular vectors are compared with their sign or phase fixed
(LAPACK builds may pick either), everything else as computed."""

from tests.ops.spec import Case, T

G = {"grad": True}
F64 = {"dtype": "float64"}


def _t(shape, dtype="float64", **kw):
    return T(shape, dtype, **kw)


# a well-conditioned Hermitian positive-definite matrix built from `a`
SPD = "s = a @ a.mH + 3 * torch.eye(a.shape[-1], dtype=a.dtype)\n"
# eigen/singular vectors with each column's phase fixed by its first row
FIX = "def fix(v):\n    p = v[..., :1, :]\n    return v * (p.conj() / p.abs())\n"


def _det_cases():
    cases = []
    for name, shape, dtype in (
        ("f64", (3, 3), "float64"),
        ("f32", (4, 4), "float32"),
        ("c128", (3, 3), "complex128"),
        ("c64", (2, 2), "complex64"),
        ("batch", (2, 3, 3), "float64"),
        ("one", (1, 1), "float64"),
        ("empty", (0, 0), "float64"),
        ("empty_batch", (0, 2, 2), "float64"),
    ):
        g = dtype in ("float64", "complex128")
        a = _t(shape, dtype, grad=g)
        cases.append(Case(f"linalg.det.{name}", "torch.linalg.det(a)", {"a": a}))
        cases.append(Case(f"linalg.slogdet.{name}", "torch.linalg.slogdet(a)", {"a": a}))
        cases.append(Case(f"linalg.inv.{name}", "torch.linalg.inv(a)", {"a": a}))
    cases += [
        Case("linalg.det.t", "torch.linalg.det(a)", {"a": _t((3, 3), layout="t", **G)}),
        Case("linalg.det.method", "a.det()", {"a": _t((3, 3), **G)}),
        Case("linalg.det.torch", "torch.det(a)", {"a": _t((2, 3, 3), **G)}),
        Case(
            "linalg.det.singular",
            "torch.linalg.det(a)",
            {"a": _t((3, 3), values=[[1, 2, 3], [2, 4, 6], [1, 0, 1]], **G)},
        ),
        Case("linalg.det.long", "torch.linalg.det(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.det.half", "torch.linalg.det(a)", {"a": T((3, 3), "float16")}),
        Case("linalg.det.bf16", "torch.linalg.det(a)", {"a": T((3, 3), "bfloat16")}),
        Case("linalg.det.rect", "torch.linalg.det(a)", {"a": T((2, 3))}),
        Case("linalg.det.vector", "torch.linalg.det(a)", {"a": T((3,))}),
        Case(
            "linalg.det.out", "torch.linalg.det(a, out=o)", {"a": T((3, 3)), "o": T((), "float32")}
        ),
        Case("linalg.slogdet.torch", "torch.slogdet(a)", {"a": _t((3, 3), **G)}),
        Case("linalg.slogdet.method", "a.slogdet()", {"a": _t((3, 3), **G)}),
        Case("linalg.slogdet.half", "torch.linalg.slogdet(a)", {"a": T((3, 3), "float16")}),
        Case("linalg.slogdet.long", "torch.linalg.slogdet(a)", {"a": T((3, 3), "int64")}),
        Case(
            "linalg.slogdet.singular",
            "torch.linalg.slogdet(a)",
            {"a": _t((2, 2), values=[[1, 2], [2, 4]])},
        ),
        Case("linalg.logdet.spd", SPD + "out = torch.logdet(s)", {"a": _t((3, 3), **G)}),
        Case("linalg.logdet.method", SPD + "out = s.logdet()", {"a": _t((2, 3, 3), **G)}),
        Case(
            "linalg.logdet.negative",
            "torch.logdet(a)",
            {"a": _t((2, 2), values=[[0, 1], [1, 0]], **G)},
        ),
        Case(
            "linalg.logdet.complex",
            SPD + "out = torch.logdet(s)",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case("linalg.inv.t", "torch.linalg.inv(a)", {"a": _t((3, 3), layout="t", **G)}),
        Case("linalg.inv.inverse", "torch.inverse(a)", {"a": _t((3, 3), **G)}),
        Case("linalg.inv.method", "a.inverse()", {"a": _t((2, 2, 2), **G)}),
        Case("linalg.inv.strides", "torch.linalg.inv(a).stride()", {"a": _t((2, 3, 3))}),
        Case("linalg.inv.ex", "torch.linalg.inv_ex(a)", {"a": _t((2, 3, 3), **G)}),
        Case(
            "linalg.inv.ex_singular",
            "torch.linalg.inv_ex(a).info",
            {"a": _t((2, 2), values=[[1, 2], [2, 4]])},
        ),
        Case(
            "linalg.inv.singular",
            "torch.linalg.inv(a)",
            {"a": _t((3, 3), values=[[1, 0, 0], [0, 0, 0], [0, 0, 1]])},
        ),
        Case(
            "linalg.inv.singular_batch",
            "torch.linalg.inv(torch.stack([torch.eye(2, dtype=a.dtype), a]))",
            {"a": _t((2, 2), values=[[1, 2], [2, 4]])},
        ),
        Case(
            "linalg.inv.ex_check_errors",
            "torch.linalg.inv_ex(a, check_errors=True)",
            {"a": _t((2, 2), values=[[0, 0], [0, 1]])},
        ),
        Case("linalg.inv.half", "torch.linalg.inv(a)", {"a": T((3, 3), "float16")}),
        Case("linalg.inv.int", "torch.linalg.inv(a)", {"a": T((3, 3), "int32")}),
        Case("linalg.inv.rect", "torch.linalg.inv(a)", {"a": T((3, 2))}),
        Case("linalg.inv.out", "torch.linalg.inv(a, out=o)", {"a": _t((3, 3)), "o": _t((3, 3))}),
        Case("linalg.inv.gradgrad_chain", "torch.linalg.inv(a) @ a", {"a": _t((3, 3), **G)}),
    ]
    return cases


def _solve_cases():
    return [
        Case(
            "linalg.solve.matrix",
            "torch.linalg.solve(a, b)",
            {"a": _t((3, 3), **G), "b": _t((3, 2), **G)},
        ),
        Case(
            "linalg.solve.vector",
            "torch.linalg.solve(a, b)",
            {"a": _t((3, 3), **G), "b": _t((3,), **G)},
        ),
        Case(
            "linalg.solve.batch_vector",
            "torch.linalg.solve(a, b)",
            {"a": _t((2, 3, 3), **G), "b": _t((2, 3), **G)},
        ),
        Case(
            "linalg.solve.broadcast",
            "torch.linalg.solve(a, b)",
            {"a": _t((3, 3), **G), "b": _t((4, 3, 2), **G)},
        ),
        Case(
            "linalg.solve.broadcast_a",
            "torch.linalg.solve(a, b)",
            {"a": _t((2, 1, 3, 3), **G), "b": _t((4, 3, 1), **G)},
        ),
        Case(
            "linalg.solve.left_false",
            "torch.linalg.solve(a, b, left=False)",
            {"a": _t((3, 3), **G), "b": _t((2, 3), **G)},
        ),
        Case(
            "linalg.solve.f32",
            "torch.linalg.solve(a, b)",
            {"a": T((3, 3), **G), "b": T((3, 4), **G)},
        ),
        Case(
            "linalg.solve.complex",
            "torch.linalg.solve(a, b)",
            {"a": _t((3, 3), "complex128", **G), "b": _t((3, 2), "complex128", **G)},
        ),
        Case(
            "linalg.solve.t",
            "torch.linalg.solve(a, b)",
            {"a": _t((3, 3), layout="t", **G), "b": _t((3, 2), layout="step")},
        ),
        Case(
            "linalg.solve.strides",
            "torch.linalg.solve(a, b).stride()",
            {"a": _t((2, 3, 3)), "b": _t((2, 3, 4))},
        ),
        Case(
            "linalg.solve.empty",
            "torch.linalg.solve(a, b)",
            {"a": _t((0, 3, 3)), "b": _t((0, 3, 2))},
        ),
        Case(
            "linalg.solve.ex",
            "torch.linalg.solve_ex(a, b)",
            {"a": _t((3, 3), **G), "b": _t((3, 2), **G)},
        ),
        Case(
            "linalg.solve.singular",
            "torch.linalg.solve(a, b)",
            {"a": _t((2, 2), values=[[1, 2], [2, 4]]), "b": _t((2, 1))},
        ),
        Case("linalg.solve.dtypes", "torch.linalg.solve(a, b)", {"a": T((3, 3)), "b": _t((3, 2))}),
        Case("linalg.solve.shape", "torch.linalg.solve(a, b)", {"a": T((3, 3)), "b": T((2, 3))}),
        Case("linalg.solve.shape_vec", "torch.linalg.solve(a, b)", {"a": T((3, 3)), "b": T((4,))}),
        Case(
            "linalg.solve.long",
            "torch.linalg.solve(a, b)",
            {"a": T((3, 3), "int64"), "b": T((3,), "int64")},
        ),
        Case("linalg.solve.rect", "torch.linalg.solve(a, b)", {"a": T((2, 3)), "b": T((2,))}),
    ]


def _cholesky_cases():
    return [
        Case("linalg.cholesky.f64", SPD + "out = torch.linalg.cholesky(s)", {"a": _t((3, 3), **G)}),
        Case("linalg.cholesky.f32", SPD + "out = torch.linalg.cholesky(s)", {"a": T((4, 4), **G)}),
        Case(
            "linalg.cholesky.upper",
            SPD + "out = torch.linalg.cholesky(s, upper=True)",
            {"a": _t((2, 3, 3), **G)},
        ),
        Case(
            "linalg.cholesky.complex",
            SPD + "out = torch.linalg.cholesky(s)",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case(
            "linalg.cholesky.strides",
            SPD + "out = torch.linalg.cholesky(s).stride()",
            {"a": _t((2, 3, 3))},
        ),
        Case(
            "linalg.cholesky.ex", SPD + "out = torch.linalg.cholesky_ex(s)", {"a": _t((3, 3), **G)}
        ),
        Case(
            "linalg.cholesky.ex_fail",
            "torch.linalg.cholesky_ex(-a @ a.mT).info",
            {"a": _t((2, 3, 3))},
        ),
        Case("linalg.cholesky.not_pd", "torch.linalg.cholesky(-a @ a.mT)", {"a": _t((3, 3))}),
        Case(
            "linalg.cholesky.not_pd_batch",
            "torch.linalg.cholesky(torch.stack([torch.eye(3, dtype=a.dtype), a]))",
            {"a": _t((3, 3), values=[[1, 0, 0], [0, 1, 0], [0, 0, -1]])},
        ),
        Case("linalg.cholesky.empty", "torch.linalg.cholesky(a)", {"a": _t((0, 0))}),
        Case("linalg.cholesky.long", "torch.linalg.cholesky(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.cholesky.half", "torch.linalg.cholesky(a)", {"a": T((3, 3), "float16")}),
        Case("linalg.cholesky.rect", "torch.linalg.cholesky(a)", {"a": T((3, 2))}),
        Case("linalg.cholesky.torch", SPD + "out = torch.cholesky(s)", {"a": _t((3, 3), **G)}),
        Case(
            "linalg.cholesky.torch_upper",
            SPD + "out = s.cholesky(upper=True)",
            {"a": _t((3, 3), **G)},
        ),
        Case("linalg.cholesky.torch_not_pd", "torch.cholesky(-a @ a.mT)", {"a": _t((3, 3))}),
        Case("linalg.cholesky.torch_long", "torch.cholesky(a)", {"a": T((3, 3), "int64")}),
    ]


def _qr_cases():
    cases = []
    for name, shape in (
        ("square", (3, 3)),
        ("tall", (5, 3)),
        ("wide", (3, 5)),
        ("batch", (2, 4, 3)),
    ):
        a = _t(shape, **G)
        cases.append(Case(f"linalg.qr.{name}", "torch.linalg.qr(a)", {"a": a}))
        cases.append(
            Case(f"linalg.qr.{name}_complete", "torch.linalg.qr(a, mode='complete')", {"a": a})
        )
        cases.append(Case(f"linalg.qr.{name}_r", "torch.linalg.qr(a, mode='r')", {"a": _t(shape)}))
    cases += [
        Case("linalg.qr.f32", "torch.linalg.qr(a)", {"a": T((4, 3), **G)}),
        Case("linalg.qr.complex", "torch.linalg.qr(a)", {"a": _t((4, 3), "complex128")}),
        Case("linalg.qr.t", "torch.linalg.qr(a)", {"a": _t((3, 4), layout="t", **G)}),
        Case("linalg.qr.q_only", "torch.linalg.qr(a).Q", {"a": _t((4, 3), **G)}),
        Case("linalg.qr.r_only", "torch.linalg.qr(a).R", {"a": _t((4, 3), **G)}),
        Case("linalg.qr.r_mode_grad", "torch.linalg.qr(a, mode='r').R", {"a": _t((4, 3), **G)}),
        Case(
            "linalg.qr.complete_tall_grad",
            "torch.linalg.qr(a, mode='complete')",
            {"a": _t((4, 3), **G)},
        ),
        Case("linalg.qr.strides", "[t.stride() for t in torch.linalg.qr(a)]", {"a": _t((2, 5, 3))}),
        Case("linalg.qr.empty", "torch.linalg.qr(a)", {"a": _t((0, 3))}),
        Case("linalg.qr.bad_mode", "torch.linalg.qr(a, mode='x')", {"a": _t((3, 3))}),
        Case("linalg.qr.long", "torch.linalg.qr(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.qr.vector", "torch.linalg.qr(a)", {"a": T((3,))}),
        Case("linalg.qr.torch", "torch.qr(a)", {"a": _t((4, 3), **G)}),
        Case("linalg.qr.torch_some_false", "a.qr(some=False)", {"a": _t((3, 3), **G)}),
    ]
    return cases


def _eigen_cases():
    eigh = SPD + FIX + "w, v = torch.linalg.eigh(s)\nout = (w, fix(v))"
    eig = FIX + "w, v = torch.linalg.eig(a)\nout = (w, fix(v))"
    svd = FIX + "u, s, vh = torch.linalg.svd(a, full_matrices=FULL)\nout = (fix(u), s, fix(vh.mH))"
    return [
        Case("linalg.eigh.f64", eigh, {"a": _t((3, 3), **G)}),
        Case("linalg.eigh.f32", eigh, {"a": T((4, 4), **G)}),
        Case("linalg.eigh.batch", eigh, {"a": _t((2, 3, 3), **G)}),
        Case("linalg.eigh.complex", eigh, {"a": _t((3, 3), "complex128", **G)}),
        Case(
            "linalg.eigh.values_only_grad",
            SPD + "out = torch.linalg.eigh(s).eigenvalues",
            {"a": _t((3, 3), **G)},
        ),
        Case(
            "linalg.eigh.upper",
            SPD + FIX + "w, v = torch.linalg.eigh(s, UPLO='U')\nout = (w, fix(v))",
            {"a": _t((3, 3), **G)},
        ),
        Case("linalg.eigh.lower_only", "torch.linalg.eigvalsh(a)", {"a": _t((3, 3))}),
        Case("linalg.eigh.upper_only", "torch.linalg.eigvalsh(a, UPLO='U')", {"a": _t((3, 3))}),
        Case(
            "linalg.eigh.eigvalsh",
            SPD + "out = torch.linalg.eigvalsh(s)",
            {"a": _t((2, 3, 3), **G)},
        ),
        Case("linalg.eigh.bad_uplo", "torch.linalg.eigh(a, UPLO='X')", {"a": _t((3, 3))}),
        Case("linalg.eigh.long", "torch.linalg.eigh(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.eigh.rect", "torch.linalg.eigh(a)", {"a": T((2, 3))}),
        Case("linalg.eigh.empty", "torch.linalg.eigh(a)", {"a": _t((0, 0))}),
        Case(
            "linalg.eigh.phase_dependent",
            SPD + "out = torch.linalg.eigh(s).eigenvectors.imag",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case(
            "linalg.eig.real_eigs",
            FIX + "w, v = torch.linalg.eig(a)\nout = (w, fix(v))",
            {"a": _t((3, 3), values=[[2, 1, 0], [1, 3, 1], [0, 1, 4]], **G)},
        ),
        Case(
            "linalg.eig.f64", eig + "\nout = (out[0].abs(), out[1].abs())", {"a": _t((3, 3), **G)}
        ),
        Case(
            "linalg.eig.complex",
            eig + "\nout = (out[0].abs(), out[1].abs())",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case("linalg.eig.eigvals", "torch.linalg.eigvals(a).abs()", {"a": _t((2, 3, 3), **G)}),
        Case("linalg.eig.dtype", "torch.linalg.eigvals(a).dtype", {"a": T((3, 3))}),
        Case("linalg.eig.phase_dependent", "torch.linalg.eig(a)[1].imag", {"a": _t((3, 3), **G)}),
        Case("linalg.eig.long", "torch.linalg.eig(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.eig.half", "torch.linalg.eig(a)", {"a": T((3, 3), "float16")}),
        Case("linalg.eig.rect", "torch.linalg.eigvals(a)", {"a": T((2, 3))}),
        Case("linalg.svd.square", svd.replace("FULL", "True"), {"a": _t((3, 3), **G)}),
        Case("linalg.svd.tall", svd.replace("FULL", "False"), {"a": _t((5, 3), **G)}),
        Case("linalg.svd.wide", svd.replace("FULL", "False"), {"a": _t((3, 5), **G)}),
        Case("linalg.svd.batch", svd.replace("FULL", "False"), {"a": _t((2, 4, 3), **G)}),
        Case("linalg.svd.f32", svd.replace("FULL", "False"), {"a": T((4, 3), **G)}),
        Case(
            "linalg.svd.full_shapes",
            "[t.shape for t in torch.linalg.svd(a)]",
            {"a": _t((5, 3))},
        ),
        Case(
            "linalg.svd.full_grad",
            "(lambda r: r.U[..., :3].abs().sum() + r.S.sum())(torch.linalg.svd(a))",
            {"a": _t((5, 3), **G)},
        ),
        Case(
            "linalg.svd.complex_vals", "torch.linalg.svd(a).S", {"a": _t((3, 4), "complex128", **G)}
        ),
        Case(
            "linalg.svd.complex_invariant",
            "(lambda r: (r.U @ r.S.to(r.U.dtype).diag_embed() @ r.Vh))(torch.linalg.svd(a, full_matrices=False))",
            {"a": _t((3, 4), "complex128", **G)},
        ),
        Case(
            "linalg.svd.phase_dependent",
            "torch.linalg.svd(a).U.imag",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case("linalg.svd.svdvals", "torch.linalg.svdvals(a)", {"a": _t((2, 3, 4), **G)}),
        Case("linalg.svd.svdvals_t", "torch.linalg.svdvals(a)", {"a": _t((3, 4), layout="t", **G)}),
        Case(
            "linalg.svd.strides", "[t.stride() for t in torch.linalg.svd(a)]", {"a": _t((2, 5, 3))}
        ),
        Case("linalg.svd.long", "torch.linalg.svd(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.svd.vector", "torch.linalg.svdvals(a)", {"a": T((3,))}),
        Case(
            "linalg.svd.torch",
            FIX + "u, s, v = torch.svd(a)\nout = (fix(u), s, fix(v))",
            {"a": _t((4, 3), **G)},
        ),
        Case("linalg.svd.torch_graph", "torch.svd(a).V.abs()", {"a": _t((4, 3), **G)}),
        Case("linalg.svd.torch_no_uv", "torch.svd(a, compute_uv=False)", {"a": _t((4, 3))}),
        Case("linalg.svd.torch_method", "a.svd(some=False).S", {"a": _t((4, 3), **G)}),
    ]


def _solver_cases():
    return [
        Case("linalg.pinv.square", "torch.linalg.pinv(a)", {"a": _t((3, 3), **G)}),
        Case("linalg.pinv.tall", "torch.linalg.pinv(a)", {"a": _t((5, 3), **G)}),
        Case("linalg.pinv.wide", "torch.linalg.pinv(a)", {"a": _t((3, 5), **G)}),
        Case("linalg.pinv.batch", "torch.linalg.pinv(a)", {"a": _t((2, 4, 3), **G)}),
        Case("linalg.pinv.f32", "torch.linalg.pinv(a)", {"a": T((4, 3), **G)}),
        Case("linalg.pinv.complex", "torch.linalg.pinv(a)", {"a": _t((3, 4), "complex128", **G)}),
        Case(
            "linalg.pinv.hermitian",
            SPD + "out = torch.linalg.pinv(s, hermitian=True)",
            {"a": _t((3, 3), **G)},
        ),
        Case(
            "linalg.pinv.rank_deficient",
            "torch.linalg.pinv(a)",
            {"a": _t((3, 3), values=[[1, 2, 3], [2, 4, 6], [1, 0, 1]])},
        ),
        Case("linalg.pinv.rtol", "torch.linalg.pinv(a, rtol=0.3)", {"a": _t((4, 3))}),
        Case("linalg.pinv.atol", "torch.linalg.pinv(a, atol=1.0)", {"a": _t((4, 3))}),
        Case("linalg.pinv.rcond", "torch.linalg.pinv(a, rcond=0.3)", {"a": _t((4, 3))}),
        Case("linalg.pinv.pinverse", "torch.pinverse(a)", {"a": _t((4, 3), **G)}),
        Case("linalg.pinv.pinverse_method", "a.pinverse(rcond=0.2)", {"a": _t((4, 3))}),
        Case("linalg.pinv.empty", "torch.linalg.pinv(a)", {"a": _t((0, 3))}),
        Case("linalg.pinv.long", "torch.linalg.pinv(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.pinv.vector", "torch.linalg.pinv(a)", {"a": T((3,))}),
        Case(
            "linalg.lstsq.tall",
            "torch.linalg.lstsq(a, b)",
            {"a": _t((5, 3), **G), "b": _t((5, 2), **G)},
        ),
        Case(
            "linalg.lstsq.vector",
            "torch.linalg.lstsq(a, b)",
            {"a": _t((5, 3), **G), "b": _t((5,), **G)},
        ),
        Case(
            "linalg.lstsq.square",
            "torch.linalg.lstsq(a, b).solution",
            {"a": _t((3, 3), **G), "b": _t((3, 2), **G)},
        ),
        Case(
            "linalg.lstsq.batch",
            "torch.linalg.lstsq(a, b).solution",
            {"a": _t((2, 5, 3), **G), "b": _t((2, 5, 2), **G)},
        ),
        Case(
            "linalg.lstsq.f32",
            "torch.linalg.lstsq(a, b).solution",
            {"a": T((5, 3), **G), "b": T((5, 2))},
        ),
        Case(
            "linalg.lstsq.gelsd",
            "torch.linalg.lstsq(a, b, driver='gelsd')",
            {"a": _t((5, 3)), "b": _t((5, 2))},
        ),
        Case(
            "linalg.lstsq.gelss",
            "torch.linalg.lstsq(a, b, driver='gelss')",
            {"a": _t((5, 3)), "b": _t((5, 2))},
        ),
        Case(
            "linalg.lstsq.bad_driver",
            "torch.linalg.lstsq(a, b, driver='x')",
            {"a": _t((5, 3)), "b": _t((5, 2))},
        ),
        Case("linalg.lstsq.bad_rows", "torch.linalg.lstsq(a, b)", {"a": _t((5, 3)), "b": _t((3,))}),
        Case("linalg.matrix_rank.full", "torch.linalg.matrix_rank(a)", {"a": _t((4, 3))}),
        Case("linalg.matrix_rank.batch", "torch.linalg.matrix_rank(a)", {"a": T((2, 3, 4))}),
        Case(
            "linalg.matrix_rank.deficient",
            "torch.linalg.matrix_rank(a)",
            {"a": _t((3, 3), values=[[1, 2, 3], [2, 4, 6], [1, 0, 1]])},
        ),
        Case("linalg.matrix_rank.tol", "torch.linalg.matrix_rank(a, tol=1.0)", {"a": _t((4, 4))}),
        Case(
            "linalg.matrix_rank.atol_rtol",
            "torch.linalg.matrix_rank(a, atol=0.5, rtol=0.2)",
            {"a": _t((4, 4))},
        ),
        Case(
            "linalg.matrix_rank.hermitian",
            SPD + "out = torch.linalg.matrix_rank(s, hermitian=True)",
            {"a": _t((3, 3))},
        ),
        Case("linalg.matrix_rank.long", "torch.linalg.matrix_rank(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.matrix_rank.vector", "torch.linalg.matrix_rank(a)", {"a": T((3,))}),
    ]


def _function_cases():
    cases = [
        Case("linalg.matrix_exp.f64", "torch.linalg.matrix_exp(a)", {"a": _t((3, 3), **G)}),
        Case(
            "linalg.matrix_exp.f32",
            "torch.linalg.matrix_exp(a)",
            {"a": T((3, 3), low=-1, high=1, **G)},
        ),
        Case("linalg.matrix_exp.big", "torch.linalg.matrix_exp(3 * a)", {"a": _t((4, 4), **G)}),
        Case("linalg.matrix_exp.batch", "torch.matrix_exp(a)", {"a": _t((2, 3, 3), **G)}),
        Case("linalg.matrix_exp.complex", "a.matrix_exp()", {"a": _t((3, 3), "complex128", **G)}),
        Case("linalg.matrix_exp.zero", "torch.linalg.matrix_exp(a)", {"a": _t((0, 0))}),
        Case("linalg.matrix_exp.scalar", "torch.linalg.matrix_exp(a)", {"a": _t((1, 1), **G)}),
        Case("linalg.matrix_exp.long", "torch.linalg.matrix_exp(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.matrix_exp.rect", "torch.linalg.matrix_exp(a)", {"a": T((2, 3))}),
    ]
    for n in (0, 1, 2, 3, 5, -1, -3):
        cases.append(
            Case(
                f"linalg.matrix_power.n{n}",
                f"torch.linalg.matrix_power(a, {n})",
                {"a": _t((3, 3), **G)},
            )
        )
    cases += [
        Case("linalg.matrix_power.batch", "torch.matrix_power(a, 4)", {"a": _t((2, 3, 3), **G)}),
        Case("linalg.matrix_power.method", "a.matrix_power(2)", {"a": T((3, 3), **G)}),
        Case(
            "linalg.matrix_power.int", "torch.linalg.matrix_power(a, 3)", {"a": T((3, 3), "int64")}
        ),
        Case(
            "linalg.matrix_power.int_neg",
            "torch.linalg.matrix_power(a, -1)",
            {"a": T((3, 3), "int64")},
        ),
        Case("linalg.matrix_power.float_n", "torch.linalg.matrix_power(a, 1.5)", {"a": T((3, 3))}),
        Case("linalg.matrix_power.rect", "torch.linalg.matrix_power(a, 2)", {"a": T((2, 3))}),
    ]
    for ord_ in ("'fro'", "'nuc'", "float('inf')", "-float('inf')", "1", "-1", "2", "-2"):
        label = ord_.strip("'").replace("float('inf')", "inf")
        cases.append(
            Case(
                f"linalg.matrix_norm.{label}",
                f"torch.linalg.matrix_norm(a, {ord_})",
                {"a": _t((3, 4), **G)},
            )
        )
        cases.append(
            Case(
                f"linalg.matrix_norm.{label}_keepdim_dims",
                f"torch.linalg.matrix_norm(a, {ord_}, dim=(2, 0), keepdim=True)",
                {"a": _t((3, 2, 4), **G)},
            )
        )
        cases.append(
            Case(f"linalg.norm.{label}_2d", f"torch.linalg.norm(a, {ord_})", {"a": T((3, 3), **G)})
        )
    cases += [
        Case(
            "linalg.matrix_norm.batch_dims",
            "torch.linalg.matrix_norm(a, 1, dim=(0, 2))",
            {"a": _t((3, 2, 4), **G)},
        ),
        Case(
            "linalg.matrix_norm.complex",
            "torch.linalg.matrix_norm(a, 'nuc')",
            {"a": _t((3, 3), "complex128", **G)},
        ),
        Case(
            "linalg.matrix_norm.dtype",
            "torch.linalg.matrix_norm(a, dtype=torch.float64)",
            {"a": T((3, 3), **G)},
        ),
        Case("linalg.matrix_norm.bad_ord", "torch.linalg.matrix_norm(a, 3)", {"a": T((3, 3))}),
        Case("linalg.matrix_norm.vector", "torch.linalg.matrix_norm(a)", {"a": T((3,))}),
        Case(
            "linalg.matrix_norm.same_dims",
            "torch.linalg.matrix_norm(a, dim=(0, 0))",
            {"a": T((3, 3))},
        ),
        Case("linalg.matrix_norm.long", "torch.linalg.matrix_norm(a)", {"a": T((3, 3), "int64")}),
        Case("linalg.matrix_norm.empty", "torch.linalg.matrix_norm(a)", {"a": T((0, 3))}),
        Case("linalg.norm.default", "torch.linalg.norm(a)", {"a": T((2, 3, 4), **G)}),
        Case("linalg.norm.vector_ord", "torch.linalg.norm(a, 3)", {"a": T((4,), **G)}),
        Case("linalg.norm.dim", "torch.linalg.norm(a, dim=1)", {"a": T((2, 3), **G)}),
        Case("linalg.norm.dims", "torch.linalg.norm(a, 'nuc', dim=(0, 1))", {"a": _t((2, 3), **G)}),
        Case("linalg.norm.ord_3d", "torch.linalg.norm(a, 2)", {"a": T((2, 2, 2))}),
        Case("linalg.norm.keepdim", "torch.linalg.norm(a, keepdim=True)", {"a": T((2, 3), **G)}),
        Case("linalg.norm.long", "torch.linalg.norm(a)", {"a": T((3,), "int64")}),
        Case("linalg.norm.torch_nuc", "torch.norm(a, p='nuc')", {"a": _t((3, 4), **G)}),
        Case(
            "linalg.vector_norm.basic",
            "torch.linalg.vector_norm(a, 3, dim=-1)",
            {"a": T((2, 3), **G)},
        ),
        Case(
            "linalg.vector_norm.inf",
            "torch.linalg.vector_norm(a, float('inf'))",
            {"a": T((2, 3), **G)},
        ),
        Case(
            "linalg.vecdot.basic",
            "torch.linalg.vecdot(a, b)",
            {"a": T((2, 3), **G), "b": T((3,), **G)},
        ),
        Case(
            "linalg.vecdot.dim",
            "torch.linalg.vecdot(a, b, dim=0)",
            {"a": T((3, 2), **G), "b": T((3, 2), layout="t", **G)},
        ),
        Case(
            "linalg.vecdot.complex",
            "torch.linalg.vecdot(a, b)",
            {"a": _t((3,), "complex128", **G), "b": _t((3,), "complex128", **G)},
        ),
        Case(
            "linalg.vecdot.int",
            "torch.linalg.vecdot(a, b)",
            {"a": T((3,), "int64"), "b": T((3,), "int64")},
        ),
        Case(
            "linalg.vecdot.dtypes",
            "torch.linalg.vecdot(a, b)",
            {"a": T((3,)), "b": T((3,), "int64")},
        ),
        Case(
            "linalg.multi_dot.three",
            "torch.linalg.multi_dot([a, b, c])",
            {"a": T((2, 3), **G), "b": T((3, 4), **G), "c": T((4, 1), **G)},
        ),
        Case(
            "linalg.multi_dot.left_heavy",
            "torch.linalg.multi_dot([a, b, c])",
            {"a": T((5, 1), **G), "b": T((1, 4), **G), "c": T((4, 6), **G)},
        ),
        Case(
            "linalg.multi_dot.vectors",
            "torch.linalg.multi_dot([a, b, c])",
            {"a": T((3,), **G), "b": T((3, 4), **G), "c": T((4,), **G)},
        ),
        Case(
            "linalg.multi_dot.two",
            "torch.linalg.multi_dot([a, b])",
            {"a": T((2, 3), **G), "b": T((3, 4), **G)},
        ),
        Case(
            "linalg.multi_dot.four",
            "torch.linalg.multi_dot([a, b, a.mT, b.mT])",
            {"a": T((2, 3), **G), "b": T((3, 4), **G)},
        ),
        Case("linalg.multi_dot.one", "torch.linalg.multi_dot([a])", {"a": T((2, 3))}),
        Case("linalg.multi_dot.mismatch", "torch.linalg.multi_dot([a, a])", {"a": T((2, 3))}),
        Case(
            "linalg.multi_dot.dtypes",
            "torch.linalg.multi_dot([a, b])",
            {"a": T((2, 3)), "b": T((3, 2), "float64")},
        ),
        Case(
            "linalg.multi_dot.3d",
            "torch.linalg.multi_dot([a, b])",
            {"a": T((2, 3)), "b": T((3, 2, 2))},
        ),
        Case(
            "linalg.tensorinv.ind1", "torch.linalg.tensorinv(a, ind=1)", {"a": _t((4, 2, 2), **G)}
        ),
        Case("linalg.tensorinv.ind2", "torch.linalg.tensorinv(a)", {"a": _t((2, 3, 6), **G)}),
        Case("linalg.tensorinv.bad", "torch.linalg.tensorinv(a, ind=1)", {"a": _t((4, 3))}),
        Case(
            "linalg.tensorsolve.basic",
            "torch.linalg.tensorsolve(a, b)",
            {"a": _t((2, 3, 6), **G), "b": _t((2, 3), **G)},
        ),
        Case(
            "linalg.tensorsolve.dims",
            "torch.linalg.tensorsolve(a, b, dims=(0,))",
            {"a": _t((6, 2, 3), **G), "b": _t((2, 3), **G)},
        ),
        Case("linalg.diagonal.basic", "torch.linalg.diagonal(a)", {"a": T((2, 3, 4), **G)}),
        Case(
            "linalg.diagonal.offset",
            "torch.linalg.diagonal(a, offset=1, dim1=0, dim2=2)",
            {"a": T((3, 2, 4), **G)},
        ),
        Case(
            "linalg.matmul.alias",
            "torch.linalg.matmul(a, b)",
            {"a": T((2, 3), **G), "b": T((3,), **G)},
        ),
        Case(
            "linalg.cross.alias",
            "torch.linalg.cross(a, b)",
            {"a": T((2, 3), **G), "b": T((3,), **G)},
        ),
    ]
    return cases


CASES = (
    _det_cases()
    + _solve_cases()
    + _cholesky_cases()
    + _qr_cases()
    + _eigen_cases()
    + _solver_cases()
    + _function_cases()
)
