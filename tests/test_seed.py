"""The flagship: the seed's own LaTeX, verbatim, checked step by step."""

import pytest

from derive.checker import check
from derive.frontend import load

from support import EXAMPLES, SEED, verdicts


def test_bundled_chain_is_the_seed_verbatim():
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    seed_chain = (SEED / "generator_loss_chain.tex").read_text().strip()
    bundled = (EXAMPLES / "gan_mode_collapse.tex").read_text()
    assert seed_chain in bundled
    seed_kl = (SEED / "kl_definitions.tex").read_text().strip()
    assert seed_kl in (EXAMPLES / "kl_definitions.tex").read_text()


# Verdicts a careful mathematician would sign, for every example; where not listed, a
# step must be verified (or be a definition).
EXPECTED = {
    "gan_mode_collapse.tex": {1: "definition", 13: "refuted", 14: "refuted"},
    "gan_mode_collapse.derive.yaml": {1: "definition"},
}


def test_seed_chain_all_four_transitions_verified():
    result = check(load(EXAMPLES / "gan_mode_collapse.tex"))
    assert verdicts(result)[:5] == ["definition", "verified", "verified", "verified", "verified"]
    assert result.steps[0].step.lhs_latex.startswith(r"\mathcal{L}^{\prime}")
    for r in result.steps[1:5]:
        assert r.verdict.method == "normal form"
        assert "numerically consistent on 12 random instances" in r.verdict.detail


def test_seed_claims_c1_c5_c7_c8_verified():
    result = check(load(EXAMPLES / "gan_mode_collapse.tex"))
    kinds = {r.step.index: (r.step.kind, r.verdict.status, r.verdict.method) for r in result.steps}
    assert kinds[6] == ("optimiser", "verified", "stationary point + concavity")          # C1
    assert "at the ends of the domain f → -oo and -oo" in result.steps[5].verdict.detail
    assert kinds[7][1:] == ("verified", "lemma: JS is non-negative")                      # C5
    assert kinds[8][1:] == ("verified", "lemma: JS upper bound (JS ≤ log 2)")
    assert [kinds[i][:2] for i in (9, 10, 11, 12)] == [("limit", "verified")] * 4         # C7, C8


def test_seed_c4_is_refuted_with_d_star_moving_and_with_it_fixed():
    """C4 is false both ways: with D* moving, E_{p_r}[log D*] changes with θ; with D* held at
    its value for the current θ, E_{p_θ}[log D0] + KL(p_θ‖p_r) − 2 JS(p_r‖p_θ) still changes
    with θ (only the gradients agree at θ0). Each refutation shows the numbers."""
    result = check(load(EXAMPLES / "gan_mode_collapse.tex"))
    moving, fixed = result.steps[12], result.steps[13]
    assert moving.step.kind == fixed.step.kind == "optimisation"
    assert moving.verdict.status == fixed.verdict.status == "refuted"
    assert "depends on θ through D*" in moving.verdict.detail
    assert "with D* held at its value for the current θ" in fixed.verdict.detail
    for r in (moving, fixed):
        ce = r.verdict.counterexample
        assert ce.labels == ("A + B at θ = 0.3", "A + B at θ = 3.3")
        assert ce.lhs_value != ce.rhs_value and float(ce.difference) != 0
        assert dict(ce.assignment)[r"\theta"] == "0.3 and 3.3"
    assert [n.latex for n in fixed.step.context.fixed] == [r"D^{\star}"]
    assert not moving.step.context.fixed


def test_seed_c4_true_version_the_gradients_agree_at_theta_0():
    """Arjovsky & Bottou 2017, Thm 2.5: with D* held, ∇L' = −∇(KL − 2 JS) at θ_0 — a proof
    by the normal form, with a note that tells the global claims from the local one."""
    result = check(load(EXAMPLES / "gan_mode_collapse.tex"))
    true_c4 = result.steps[14]
    assert true_c4.verdict.status == "verified" and true_c4.verdict.method == "normal form"
    assert true_c4.step.reading == ("[d/dθ ℒ'(G|D*)]_{θ=θ_0} = -[d/dθ (KL(p_θ ‖ p_r) - 2 · "
                                    "JS(p_r ‖ p_θ))]_{θ=θ_0}")
    assert "local" in true_c4.step.note and "global" in true_c4.step.note


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
def test_every_example_has_its_expected_verdicts(name):
    result = check(load(EXAMPLES / name))
    expected = EXPECTED.get(name, {})
    got = {r.step.index: r.verdict.status for r in result.steps}
    assert got == {i: expected.get(i, "verified") for i in got}, \
        [(r.step.index, r.verdict.status, r.verdict.detail) for r in result.steps]
