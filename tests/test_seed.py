"""The flagship: the seed's own LaTeX, verbatim, checked step by step."""

import pytest

from derive.check import check
from derive.frontend import load

from conftest import EXAMPLES, SEED, verdicts


def test_bundled_chain_is_the_seed_verbatim():
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    seed_chain = (SEED / "generator_loss_chain.tex").read_text().strip()
    bundled = (EXAMPLES / "gan_mode_collapse.tex").read_text()
    assert seed_chain in bundled
    seed_kl = (SEED / "kl_definitions.tex").read_text().strip()
    assert seed_kl in (EXAMPLES / "kl_definitions.tex").read_text()


def test_seed_chain_all_four_transitions_verified():
    result = check(load(EXAMPLES / "gan_mode_collapse.tex"))
    assert verdicts(result) == ["definition", "verified", "verified", "verified", "verified"]
    assert result.steps[0].step.lhs_latex.startswith(r"\mathcal{L}^{\prime}")
    for r in result.steps[1:]:
        assert r.verdict.method == "normal form"
        assert "numerically equal on 8" in r.verdict.detail
    assert result.ok


def test_yaml_twin_has_the_same_verdicts_and_justifications():
    result = check(load(EXAMPLES / "gan_mode_collapse.derive.yaml"))
    assert verdicts(result) == ["definition", "verified", "verified", "verified", "verified"]
    assert all(r.step.justification for r in result.steps)


def test_seed_kl_definitions_are_two_equations_both_verified():
    result = check(load(EXAMPLES / "kl_definitions.tex"))
    assert verdicts(result) == ["verified", "verified"]
    assert [r.step.location.line for r in result.steps] == [6, 6]
    assert result.steps[0].step.lhs_latex.startswith(r"D_{\mathrm{KL}}\left(p_{r}")
    assert result.steps[1].step.lhs_latex.startswith(r"D_{\mathrm{KL}}\left(p_{\theta}")


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()
                                        if p.suffix in (".tex", ".yaml")))
def test_every_example_is_fully_verified(name):
    result = check(load(EXAMPLES / name))
    assert result.ok, [(r.step.index, r.verdict.status, r.verdict.detail) for r in result.steps]
