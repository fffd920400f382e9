"""Mutation suite: every true chain in examples/, broken the ways people break them.

Each mutant changes one expression of a chain. Both transitions that touch it must be
`refuted` with a counterexample, never `verified`. True rewrites that look like mistakes
must stay `verified`.
"""

import pytest

from derive.checker import check
from derive.frontend import load

from support import EXAMPLES

KL_SEED = r"D_{\mathrm{KL}}\left(p_{\theta} \| p_{r}\right)"
# (example, text to replace, replacement, kind) — the text occurs once in the file, or
# the first occurrence is the one meant.
MUTANTS = [
    ("gan_mode_collapse.tex", r"=-D_{\mathrm{KL}}\left(p_{\theta} \| p_{r}\right)+2",
     r"=+D_{\mathrm{KL}}\left(p_{\theta} \| p_{r}\right)+2", "sign flip"),
    ("gan_mode_collapse.tex", r"{=-\mathbb{E}_{\mathbf{x} \sim p_{\theta}(\mathbf{x})}\left[\log \frac{p_{\theta}",
     r"{=\mathbb{E}_{\mathbf{x} \sim p_{\theta}(\mathbf{x})}\left[\log \frac{p_{\theta}", "sign flip"),
    ("gan_mode_collapse.tex", r"=-D_{\mathrm{KL}}\left(p_{\theta} \| p_{r}\right)+\mathbb",
     r"=-D_{\mathrm{KL}}\left(p_{r} \| p_{\theta}\right)+\mathbb", "swapped KL arguments"),
    ("gan_mode_collapse.tex", r"+2 D_{\mathrm{JS}}", r"+D_{\mathrm{JS}}", "dropped factor 2"),
    ("gan_mode_collapse.tex", r"-2 \log 2-", r"-2 \log 4-", "log 4 for log 2"),
    ("gan_mode_collapse.tex", r"-\mathbb{E}_{\mathrm{x} \sim p_{r}(\mathrm{x})}",
     r"-\mathbb{E}_{\mathrm{x} \sim p_{\theta}(\mathrm{x})}", "p_theta for p_r in E's subscript"),
    ("gan_mode_collapse.tex", r"+\mathbb{E}_{\mathrm{x} \sim p_{\theta}(\mathrm{x})}\left[\log \left(1",
     r"+\mathbb{E}_{\mathrm{x} \sim p_{r}(\mathrm{x})}\left[\log \left(1", "p_r for p_theta in E's subscript"),
    ("gan_mode_collapse.tex", r"\left[\log \left(1-D^{\star}", r"\left[\log \left(1+D^{\star}",
     "sign flip"),
    ("gan_mode_collapse.derive.yaml", r"+ 2 D_{JS}(p_r \| p_\theta) - 2\log 2",
     r"+ 2 D_{JS}(p_r \| p_\theta) - \log 2", "dropped factor 2"),
    ("gan_mode_collapse.derive.yaml", r"= -D_{KL}(p_\theta \| p_r) + \mathbb",
     r"= -D_{KL}(p_r \| p_\theta) + \mathbb", "swapped KL arguments"),
    ("kl_definitions.tex", r"\int p_{r}(\mathrm{x}) \log \frac{p_{r}(\mathrm{x})}{p_{\theta}(\mathrm{x})}",
     r"\int p_{r}(\mathrm{x}) \log \frac{p_{\theta}(\mathrm{x})}{p_{r}(\mathrm{x})}", "sign flip"),
    ("kl_definitions.tex", r"D_{\mathrm{KL}}\left(p_{\theta} \| p_{r}\right) &",
     r"D_{\mathrm{KL}}\left(p_{r}\|p_{\theta}\right) &", "swapped KL arguments"),
    ("cross_entropy.tex", r"&= H(p) + D_{KL}(p \| q)", r"&= H(p) + D_{KL}(q \| p)", "swapped KL arguments"),
    ("cross_entropy.tex", r"&= H(p) + D_{KL}(p \| q)", r"&= H(p) - D_{KL}(p \| q)", "sign flip"),
    ("cross_entropy.tex", r"&= -\int p(x) \log p(x)", r"&= -\int q(x) \log p(x)", "p for q"),
    ("js_expansion.tex", r"= \log 2 + \frac{1}{2}", r"= 2\log 2 + \frac{1}{2}", "log 4 for log 2"),
    ("js_expansion.tex", r"= \log 2 + \frac{1}{2}", r"= \log 2 + ", "dropped factor 1/2"),
    ("js_expansion.tex", r"\mathbb{E}_{x \sim q}\left[\log \frac{2 q(x)}",
     r"\mathbb{E}_{x \sim p}\left[\log \frac{2 q(x)}", "p for q in E's subscript"),
    ("log_algebra.tex", r"&= 2 \log a + \log b", r"&= 2 \log a - \log b", "sign flip"),
    ("log_algebra.tex", r"&= \log 4 - 2\log 2", r"&= \log 4 - \log 2", "dropped factor 2"),
    ("log_algebra.tex", r"&= \log 4 - 2\log 2", r"&= \log 2 - 2\log 2", "log 2 for log 4"),
]

MUTANTS += [
    ("claims.tex", r"t \log t = 0", r"t \log t = 1", "wrong limit value"),
    ("claims.tex", r"\frac{\log t}{t} = 0", r"\frac{\log t}{t} = +\infty", "wrong limit value"),
    ("claims.tex", r"D_{KL}(p \| q) \ge 0", r"D_{KL}(p \| q) \le 0", "reversed inequality"),
    ("claims.tex", r"= \frac{a}{a + b}", r"= \frac{b}{a + b}", "b/(a+b) for the maximiser"),
    ("claims.tex", r"\right] \le \log \mathbb{E}", r"\right] \ge \log \mathbb{E}", "reversed Jensen"),
    ("claims.tex", r"(y - a)^{2} + b = a", r"(y - a)^{2} + b = b", "wrong minimiser"),
    ("gan_mode_collapse.tex", r"\le \log 2 \]", r"\ge \log 2 \]", "reversed inequality"),
    ("gan_mode_collapse.tex", r"p_r \log \frac{p_r}{p_\theta} = +\infty",
     r"p_r \log \frac{p_r}{p_\theta} = 0", "wrong limit value"),
    ("gan_mode_collapse.tex", r"= D^{\star}(x) \]", r"= \frac{p_\theta(x)}{p_r(x) + p_\theta(x)} \]",
     "p_theta for p_r in the maximiser"),
]

TRUE_REWRITES = [
    ("gan_mode_collapse.tex", r"-2 \log 2-", r"-\log 4-"),
    ("gan_mode_collapse.tex", r"D_{\mathrm{JS}}\left(p_{r} \| p_{\theta}\right)",
     r"D_{\mathrm{JS}}\left(p_{\theta} \| p_{r}\right)"),
    ("log_algebra.tex", r"&= \log (a^2 b)", r"&= \log (b a^2)"),
    ("cross_entropy.tex", r"&= H(p) + D_{KL}(p \| q)", r"&= D_{KL}(p \| q) + H(p)"),
]


def _mutate(tmp_path, example, old, new):
    text = (EXAMPLES / example).read_text()
    assert old in text, f"mutation site not found in {example}: {old}"
    path = tmp_path / example
    path.write_text(text.replace(old, new, 1))
    return path


def _text(step):
    return step.relation, step.lhs_latex, step.latex


@pytest.mark.parametrize("example,old,new,kind", MUTANTS,
                         ids=[f"{m[0]}:{m[3]}:{i}" for i, m in enumerate(MUTANTS)])
def test_mutant_is_refuted_never_verified(tmp_path, example, old, new, kind):
    result = check(load(_mutate(tmp_path, example, old, new)))
    original = check(load(EXAMPLES / example))
    touched = [r for r, before in zip(result.steps, original.steps)
               if _text(r.step) != _text(before.step)]
    assert touched, "the mutation is in no step"
    for r in touched:
        assert r.verdict.status == "refuted", (kind, r.step.index, r.verdict.detail)
        ce = r.verdict.counterexample
        assert ce is not None and ce.assignment and ce.lhs_value != ce.rhs_value
    for before, after in zip(original.steps, result.steps):
        if after not in touched:   # unchanged, or refuted through what it builds on
            assert after.verdict.status in (before.verdict.status, "refuted"), after.step.index


def test_dropping_fixed_refutes_c4(tmp_path):
    result = check(load(_mutate(tmp_path, "gan_mode_collapse.tex", "% derive: fixed D^{\\star}\n", "")))
    c4 = [r for r in result.steps if r.step.kind == "optimisation"]
    assert [r.verdict.status for r in c4] == ["refuted", "refuted"]
    assert all(r.verdict.counterexample is not None for r in c4)


@pytest.mark.parametrize("example,old,new", TRUE_REWRITES)
def test_true_rewrite_that_looks_wrong_stays_verified(tmp_path, example, old, new):
    result = check(load(_mutate(tmp_path, example, old, new)))
    original = check(load(EXAMPLES / example))
    assert [r.verdict.status for r in result.steps] == [r.verdict.status for r in original.steps]
