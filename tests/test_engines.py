"""The engines one by one: the exact normal form, the certified numeric comparison, the
derivative of terms. Each is given terms read from LaTeX, as in a real step."""

import pytest

from derive.engines import normal_form
from derive.engines.numeric.compare import compare
from derive.frontend.tex_file import load_tex
from derive.model.derivation import Relation
from probability_support import display, verdicts as decided

HEADER = "% derive: variable x\n% derive: density p, q\n% derive: positive a, b\n% derive: real t\n"


def step(row, header=HEADER):
    return load_tex("engines.tex", header + "$$ " + row + " $$\n").steps[-1]


def proved(row, header=HEADER):
    s = step(row, header)
    return normal_form.prove_equal(s.lhs, s.rhs, s.context)


@pytest.mark.parametrize("row", [
    r"\log(a b) = \log a + \log b",
    r"\log \frac{p(x)}{q(x)} = \log p(x) - \log q(x)",
    r"\sqrt{a^2} = a",
    r"\sin(t)^2 + \cos(t)^2 = 1",
    r"e^{t} e^{2t} = e^{3t}",
    r"\log e^{t} = t",
    r"\mathbb{E}_{x \sim p}\left[\mathbb{E}_{x \sim q}[\log q(x)]\right] = -H(q)",
    r"\int p(x) \, dx = 1",
    r"\sum_{i=1}^{3} i = 6",
    r"\int_0^a x \, dx = \frac{a^2}{2}",
    r"\frac{d}{dt} t^3 = 3 t^2",
    # a product of integrals is a double integral over copies kept apart (Fubini)
    r"\left(\int p(x) x \, dx\right)^2 = \int p(x) x \, dx \int p(x) x \, dx",
    r"\mathbb{E}_{x \sim p}[x] \mathbb{E}_{x \sim q}[x^2] = \mathbb{E}_{x \sim q}[x^2] \mathbb{E}_{x \sim p}[x]",
    # a power of a sum over a common denominator, one power of the denominator at a time
    r"\left( \frac{b t + a}{t^2 + 1} - 3 \right)^2 = \left( \frac{b t + a - 3t^2 - 3}{t^2 + 1} \right)^2",
    r"\int p(x) \left( \frac{a p(x) + b q(x)}{p(x) + q(x)} - t \right)^2 dx = "
    r"\int p(x) \frac{((a - t) p(x) + (b - t) q(x))^2}{(p(x) + q(x))^2} dx",
    r"\frac{a^3 - b^3}{(a - b)^2} = \frac{a^2 + a b + b^2}{a - b}",
])
def test_the_normal_form_proves_identities(row):
    assert proved(row)


@pytest.mark.parametrize("row", [
    r"\log(c d) = \log c + \log d",          # c, d undeclared: complex
    r"\sqrt{t^2} = t",                       # t real, maybe negative
    r"\log(t^2) = 2 \log t",
    r"\log(e^{c}) = c",                      # complex c
    r"\int f(x) \, dx = 1",                  # f is no density
    # integrals are not merged by products, powers or logs
    r"\mathbb{E}_{x \sim p}[x] \mathbb{E}_{x \sim q}[x^2] = \mathbb{E}_{x \sim p}[x^2] \mathbb{E}_{x \sim q}[x]",
    r"\left(\int p(x) x \, dx\right)^2 = \int p(x)^2 x^2 \, dx",
    r"\log \int p(x) q(x) \, dx = \int \log p(x) \, dx + \log \int q(x) \, dx",
    # near misses of the common-denominator identities above
    r"\left( \frac{b t + a}{t^2 + 1} - 3 \right)^2 = \left( \frac{b t + a - 3t^2 + 3}{t^2 + 1} \right)^2",
    r"\frac{a^3 - b^3}{(a - b)^2} = \frac{a^2 + a b - b^2}{a - b}",
    r"\int p(x) \frac{a}{p(x) + q(x)} dx = \int \frac{a}{q(x) + 1} dx",
])
def test_the_normal_form_applies_no_rule_outside_its_hypotheses(row):
    assert not proved(row)


def test_division_by_zero_is_undefined_not_a_number():
    s = step(r"\frac{\sqrt{0}}{\sqrt{0}} = 1")
    with pytest.raises(normal_form.Undefined):
        normal_form.prove_equal(s.lhs, s.rhs, s.context)


@pytest.mark.parametrize("row, relation", [
    (r"10^{100} + 1 - 10^{100} = 1", Relation.EQ),
    (r"1 < 1 + 10^{-80}", Relation.LT),
    (r"\log e^{t} = t", Relation.EQ),
    (r"\mathbb{E}_{x \sim p}[\log p(x)] = -H(p)", Relation.EQ),
])
def test_true_steps_have_no_counterexample_at_any_magnitude(row, relation):
    s = step(row)
    comparison = compare(s.lhs, s.rhs, relation, s.context, "0:1")
    assert comparison.counterexample is None and comparison.evaluated > 0


@pytest.mark.parametrize("row, relation", [
    (r"1 = 1 + 10^{-80}", Relation.EQ),
    (r"10^{100} + 2 - 10^{100} = 1", Relation.EQ),
    (r"0 \le c^2", Relation.LE),                         # c = i
    (r"H(p) \le \log 4", Relation.LE),                    # a density on a long support
    (r"\log(t^2) = 2 \log t", Relation.EQ),               # t = -1
])
def test_false_steps_get_a_certified_counterexample(row, relation):
    s = step(row)
    comparison = compare(s.lhs, s.rhs, relation, s.context, "0:1")
    assert comparison.counterexample is not None


def test_instances_are_genuine_densities():
    """∫ p = 1 holds on every instance to the last bit: the cells' widths and the values
    are exact, so the ball of the integral contains 1 and is tiny."""
    s = step(r"\int p(x) \, dx = 1")
    comparison = compare(s.lhs, s.rhs, Relation.EQ, s.context, "0:2")
    assert comparison.agreed == comparison.evaluated == 12


def test_the_score_function_identity():
    header = HEADER + "% derive: density p_\\theta\n% derive: depends p_\\theta on \\theta\n"
    row = (r"\nabla_\theta \mathbb{E}_{x \sim p_\theta}[f(x)] = "
           r"\mathbb{E}_{x \sim p_\theta}[f(x) \nabla_\theta \log p_\theta(x)]")
    assert proved(row, header)
    s = step(row, header)
    assert compare(s.lhs, s.rhs, Relation.EQ, s.context, "0:3").counterexample is None


# ---------------------------------------------------------------- declared convex / concave functions

SHAPES = ("% derive: variable x\n% derive: density p\n% derive: convex f\n% derive: concave g\n"
          "% derive: function h\n% derive: real a, b\n")


@pytest.mark.parametrize("row, verdicts", [
    (r"f\left(\mathbb{E}_{p}[x]\right) \le \mathbb{E}_{p}[f(x)]", {"verified"}),
    (r"g\left(\mathbb{E}_{p}[x]\right) \ge \mathbb{E}_{p}[g(x)]", {"verified"}),
    (r"f\left(\int p(x) x \, dx\right) \le \int p(x) f(x) \, dx", {"verified"}),
    (r"f\left(\frac{a+b}{2}\right) \le \frac{f(a) + f(b)}{2}", {"verified", "undecided"}),
    (r"g\left(\frac{a+b}{2}\right) \ge \frac{g(a) + g(b)}{2}", {"verified", "undecided"}),
    (r"g\left(\mathbb{E}_{p}[x]\right) \le \mathbb{E}_{p}[g(x)]", {"undecided", "refuted"}),
    (r"h\left(\mathbb{E}_{p}[x]\right) \le \mathbb{E}_{p}[h(x)]", {"refuted"}),   # h any function
])
def test_declared_shapes_are_used_and_never_refuted_with_a_table(row, verdicts):
    (verdict,) = decided(SHAPES + "$$ " + row + " $$\n")
    assert verdict in verdicts


def test_jensen_for_a_declared_convex_function_over_a_mass_function():
    text = ("% derive: discrete x\n% derive: density p\n% derive: convex f\n"
            "$$ f\\left(\\sum_x p(x) x\\right) \\le \\sum_x p(x) f(x) $$\n"
            "$$ f\\left(\\sum_x p(x) x\\right) \\ge \\sum_x p(x) f(x) $$\n")
    jensen, reversed_jensen = decided(text)
    assert jensen == "verified" and reversed_jensen != "verified"


@pytest.mark.parametrize("draws, status", [(2, "undecided"), (3, "verified")])
@pytest.mark.parametrize("row", [
    r"\log(a b) = \log a + \log b",                                    # the normal form
    r"\mathbb{E}_{x \sim p}[\exp(t x)] \ge \exp(\mathbb{E}_{x \sim p}[t x])",   # a lemma
    r"D_{KL}(p \| q) \ge 0",
])
def test_a_proof_makes_a_verdict_only_with_agreement_on_three_instances(monkeypatch, row,
                                                                        draws, status):
    from derive.engines import decide
    from derive.engines.numeric import compare as comparing
    monkeypatch.setattr(comparing, "DRAWS", draws)
    verdict = decide.decide(step(row), "seed", None)
    assert verdict.status == status, verdict.detail
    assert (status == "verified") != ("it needs agreement on 3" in verdict.detail)


def test_exact_division_stops_at_the_least_term_of_the_quotient(monkeypatch):
    """`_divide` finds R with N = D·R term by term from the top; the least term of R is
    least(N)/least(D), so a division that does not come out stops there rather than
    running through its step budget."""
    a, b = (normal_form.Poly({frozenset({(("sym", n), 1)}): 1}) for n in "ab")
    one = normal_form.Poly({frozenset(): 1})
    cube = a * a * a - b * b * b
    quotient = normal_form._divide(cube, a - b)
    assert quotient is not None and (quotient * (a - b) - cube).is_zero()
    calls = []
    real_mul = normal_form.mono_mul
    monkeypatch.setattr(normal_form, "mono_mul", lambda *m: calls.append(1) or real_mul(*m))
    assert normal_form._divide(one, one - a, steps=2_000) is None   # 1 + a + a² + …
    assert normal_form._divide(cube + one, a - b, steps=2_000) is None
    assert len(calls) < 50


def test_the_tangent_bound_of_exp_lowers_only_a_term_of_non_negative_coefficient():
    """`c·e^u ≥ c·(1 + u)` for c ≥ 0 and u real (the pointwise prover's bound behind Markov's
    inequality for e^{tX}); with a negative c it would be an upper bound, unsound."""
    import sympy as sp
    from derive.engines.bounds import _nonneg
    u = sp.Symbol("u", real=True)
    s = sp.Symbol("s", nonnegative=True)
    t = sp.Symbol("t", positive=True)
    c = sp.Symbol("c", real=True)
    assert _nonneg(sp, sp.exp(u) - 1 - u, False, 0)
    assert _nonneg(sp, sp.exp(t * s) - 1, False, 0)
    assert not _nonneg(sp, 2 + u - sp.exp(u), False, 0)          # false at u = −3
    assert not _nonneg(sp, sp.exp(c * s) - 1, False, 0)          # c may be negative
    assert not _nonneg(sp, sp.exp(t * s) - 1, True, 0)           # 0 at s = 0


INTERVAL = "% derive: function f\n% derive: real a\n"


@pytest.mark.parametrize("row, proved", [
    (r"\int_0^1 (f(t)^2 - 2 f(t) + 1) dt \ge 0", True),
    (r"\int_0^1 (f(t) - 1)^2 dt \ge \int_0^1 (2 f(t) - 1) dt - \int_0^1 f(t)^2 dt", True),
    (r"\int_0^2 (f(t)^2 - 2 f(t)) dt \ge -2", True),
    (r"\int_1^3 f(t)^2 dt \ge \int_1^3 (2 f(t) - 1) dt", True),
    (r"\int_{\frac12}^{1} (f(t)^2 + 1) dt \ge \frac12", True),
    (r"\int p(x) \log p(x) dx \le \int p(x) (\log p(x) + 1) dx", True),
    # false: the constant is ∫ C/L over a range of length L, never C at each point
    (r"\int_0^2 (f(t)^2 - 2 f(t)) dt \ge -1", False),
    (r"\int_1^3 f(t)^2 dt \ge \int_1^3 (2 f(t) - 1) dt + 1", False),
    (r"\int_{\frac12}^{1} (f(t)^2 + 1) dt \ge 1", False),
    (r"\int_2^0 (f(t)^2 - 2 f(t)) dt \ge -2", False),          # a negative measure
    (r"\int_0^a (f(t)^2 - 2 f(t)) dt \ge -a", False),          # limits with letters
])
def test_a_constant_beside_an_integral_over_an_interval_joins_its_integrand(row, proved):
    """∫_a^b g dt + C ≥ 0 is shown by g + C/(b − a) ≥ 0 at every point (b > a numbers), as a
    constant joins an integral against a density: integrals over one range compared termwise
    with a constant left over (∫_0^1 (f − 1)² ≥ ∫_0^1 (2f − 1) − ∫_0^1 f², undecided before,
    since ∫_0^1 1 dt had become the constant 1 beside the integrand)."""
    from derive.engines import bounds, clock
    header = INTERVAL + "% derive: variable x\n% derive: density p over x\n"
    (step,) = load_tex("interval.tex", header + "$$ " + row + " $$\n").steps
    assert (bounds.prove(step, clock.now() + 20) is not None) is proved


CAUCHY_SCHWARZ = ("% derive: variable x, y\n% derive: joint p over x, y\n"
                  "% derive: real a_i, b_i for i = 1..n\n% derive: real t\n")


@pytest.mark.parametrize("row", [
    r"(\text{E}[XY])^2 \le \text{E}[X^2]\text{E}[Y^2]",
    r"\text{E}[X^2]\text{E}[Y^2] \ge (\text{E}[XY])^2",
    r"4(\text{E}[XY])^2 - 4\text{E}[X^2]\text{E}[Y^2] \le 0",
    r"(-2\text{E}[XY])^2 - 4\text{E}[X^2]\text{E}[Y^2] \le 0",
    r"|\text{E}[XY]| \le \sqrt{\text{E}[X^2]} \cdot \sqrt{\text{E}[Y^2]}",
    r"(\text{E}[(X + t) Y])^2 \le \text{E}[(X + t)^2]\text{E}[Y^2]",
    r"\left(\sum_{i=1}^n a_i b_i\right)^2 \le \sum_{i=1}^n a_i^2 \sum_{i=1}^n b_i^2",
    r"\left(\int_0^1 x \sqrt{x} \, dx\right)^2 \le \int_0^1 x^2 \, dx \int_0^1 x \, dx",
])
def test_the_cauchy_schwarz_inequality_is_a_lemma_of_the_bounds(row):
    (verdict,) = decided(CAUCHY_SCHWARZ + "$$ " + row + " $$\n")
    assert verdict == "verified"


@pytest.mark.parametrize("row", [
    r"(\text{E}[XY])^2 \ge \text{E}[X^2]\text{E}[Y^2]",               # the other way
    r"2(\text{E}[XY])^2 \le \text{E}[X^2]\text{E}[Y^2]",              # X = Y: 2 ≤ 1
    r"(\text{E}[XY])^2 \le \text{E}[X^2]\text{E}[Y]",                 # k = p·y may be < 0
    r"(\text{E}[X^2 Y])^2 \le \text{E}[X^2]\text{E}[Y^2]",            # i² ≤ j·k fails
    r"(\text{E}[X^2])^2 \le \text{E}[X]\text{E}[X^3]",                 # i² = j·k, j < 0 somewhere
    r"|\text{E}[XY]| \le \text{E}[X^2] \cdot \text{E}[Y^2]",          # the roots dropped
    r"(\text{E}[XY])^2 < \text{E}[X^2]\text{E}[Y^2]",                 # equal when X = Y
    r"\left(\sum_{i=1}^n a_i b_i\right)^2 \le \sum_{i=1}^n a_i^2 \sum_{i=1}^n b_i",
])
def test_the_cauchy_schwarz_lemma_proves_nothing_outside_its_hypotheses(row):
    (verdict,) = decided(CAUCHY_SCHWARZ + "$$ " + row + " $$\n")
    assert verdict != "verified"


@pytest.mark.parametrize("row, holds", [
    (r"(\text{E}[X^2])^2 \le \text{E}[X]\text{E}[X^3]", False),        # i² = j·k, but j = x·p < 0
    (r"(\text{E}[XY])^2 \le \text{E}[X^2]\text{E}[Y^2]", True),
    (r"(\text{E}[XY])^2 \le \text{E}[X^2 Y]\text{E}[Y]", False),        # j·k = x²y² p², k < 0
])
def test_the_cauchy_schwarz_lemma_asks_each_square_integrand_non_negative(row, holds):
    """The numbers refute the false rows; the lemma itself must not prove them either."""
    from derive.engines import cauchy_schwarz
    s = step(row, CAUCHY_SCHWARZ)
    assert cauchy_schwarz.prove(s, s.rhs, s.lhs, None) is holds



CENTRED = ("% derive: variable x, y\n% derive: joint p over x, y\n% derive: expectation E\n"
           "% derive: define \\mu = E[X]\n% derive: define \\nu = E[Y]\n")


@pytest.mark.parametrize("row, holds", [
    # U = X − μ, V = Y − ν: the means are constants at each point, held as real names
    (r"|E[(X-\mu)(Y-\nu)]|^2 \leq E[(X-\mu)^2]E[(Y-\nu)^2]", True),
    (r"Cov(X,Y)^2 \leq Var(X)Var(Y)", True),
    (r"|Cov(X,Y)|^2 \le Var(Y) Var(X)", True),
    (r"Cov(X,Y)^2 \leq Var(X)", False),                           # a factor dropped
    (r"|E[(X-\mu)(Y-\nu)]|^2 \leq E[(X-\mu)^2]E[(Y-\nu)]", False),  # a square dropped
    (r"|E[(X-\mu)(Y-\nu)]|^2 \leq E[(X-\mu)^2]E[(Y-\mu)^2]", False),  # the wrong centre
])
def test_the_cauchy_schwarz_lemma_takes_centred_quantities(row, holds):
    """Cauchy–Schwarz for any real quantities U, V of the variables, not only X and Y: the
    means inside the bodies were expanded by the normal form into products it could not
    sign; now each is held as one real name at a point (undecided before)."""
    from derive.engines import cauchy_schwarz
    s = step(row, CENTRED)
    assert cauchy_schwarz.prove(s, s.rhs, s.lhs, None) is holds


@pytest.mark.parametrize("row, verdict", [
    (r"Cov(X,Y)^2 \leq Var(X)Var(Y)", "verified"),
    (r"Cov(X,Y)^2 \geq Var(X)Var(Y)", "refuted"),                 # reversed
    (r"|E[(X-\mu)(Y-\nu)]|^2 \geq E[(X-\mu)^2]E[(Y-\nu)^2]", "refuted"),
    # false only for correlated X, Y (a factor dropped, a square moved outside): refuted at
    # a wide draw, whose joint table weighs its diagonal
    (r"Cov(X,Y)^2 \leq Var(X)", "refuted"),
    (r"|E[XY]|^2 \leq E[X^2]E[Y]^2", "refuted"),
    (r"|E[XY]|^2 \leq E[X^2]E[Y^2]", "verified"),
])
def test_the_covariance_inequality_is_verified_and_its_reverse_refuted(row, verdict):
    (found,) = decided(CENTRED + "$$ " + row + " $$\n")
    assert found == verdict


@pytest.mark.parametrize("row, proved", [
    (r"\frac{1}{2}e^{a} + \frac{1}{2}e^{b} \ge e^{\frac{a+b}{2}}", True),
    (r"\frac{1}{3}\exp(t) + \frac{2}{3}e^{2t} \ge e^{\frac{5t}{3}}", True),
    (r"\frac{1}{2}e^{a} + \frac{1}{2}e^{b} \ge e^{\frac{a+b}{3}}", False),   # not the mean
    (r"\frac{1}{2}e^{a} + \frac{1}{3}e^{b} \ge e^{\frac{a}{2}+\frac{b}{3}}", False),  # total 5/6
    (r"t e^{a} + (1 - t) e^{b} \ge e^{t a + (1 - t) b}", False),      # t = 2: weights < 0
])
def test_the_chord_above_exp_is_proved_only_for_weights_of_total_one_shown_non_negative(
        row, proved):
    from derive.engines import chords
    s = step(row)
    assert (chords.prove(s, None) is not None) is proved


LOG_SUM = ("% derive: positive u_1, u_2\n% derive: real \\lambda, t\n"
           "% derive: assume 0 < \\lambda, \\lambda < 1\n% derive: convex f\n")


@pytest.mark.parametrize("row, proved", [
    # the two-term log-sum inequality: t log t convex at u_1, u_2 (and -log with weights λu)
    (r"\lambda u_1\log u_1 + (1-\lambda) u_2 \log u_2 \ge (\lambda u_1 + (1-\lambda) u_2) "
     r"\log \frac{(\lambda u_1 + (1-\lambda) u_2)}{(\lambda + 1 - \lambda)}", True),
    (r"\lambda u_1\log u_1 + (1-\lambda) u_2 \log u_2 \le (\lambda u_1 + (1-\lambda) u_2) "
     r"\log (\lambda u_1 + (1-\lambda) u_2)", False),                # the wrong way
    (r"\lambda \log u_1 + (1-\lambda) \log u_2 \le \log(\lambda u_1 + (1-\lambda) u_2)", True),
    (r"\lambda \log u_1 + (1-\lambda) \log u_2 \ge \log(\lambda u_1 + (1-\lambda) u_2)", False),
    (r"\lambda u_1^2 + (1-\lambda) u_2^2 \ge (\lambda u_1 + (1-\lambda) u_2)^2", True),
    (r"\lambda f(u_1) + (1-\lambda) f(u_2) \ge f(\lambda u_1 + (1-\lambda) u_2)", True),
    (r"\lambda f(u_1) + (1-\lambda) f(u_2) \ge f(\lambda u_1 + (1-\lambda) u_1)", False),
    (r"t \log u_1 + (1-t) \log u_2 \le \log(t u_1 + (1-t) u_2)", False),   # t < 0: weight < 0
    (r"\frac{1}{2} u_1 \log u_1 + \frac{1}{2} u_2 \log u_2 \ge \frac{u_1 + u_2}{2} "
     r"\log \frac{u_1 + u_2}{3}", False),                             # not the mean
])
def test_jensen_at_finitely_many_points_takes_jensens_catalogue_of_functions(row, proved):
    """Σ_k w_k φ(t_k) ≥ W φ(Σ w t / W) written out, for φ convex (≤ for concave) where every
    t_k lies and weights shown ≥ 0 (1 − λ under 0 < λ < 1 over a common denominator)."""
    from derive.engines import chords
    from derive.engines.hypotheses import restrict
    s = restrict(step(row, LOG_SUM))
    assert (chords.prove(s, None) is not None) is proved


KL_TERMWISE = ("% derive: discrete x\n% derive: density q_1, q_2 over x\n% derive: real "
               "\\lambda\n% derive: assume 0 < \\lambda, \\lambda < 1\n")


@pytest.mark.parametrize("relation, verdict", [("\\le", "verified"), ("\\ge", "refuted")])
def test_a_termwise_log_sum_inequality_under_one_sum_is_proved_and_its_reverse_refuted(
        relation, verdict):
    """Convexity of KL: Σ_x m log m ≤ Σ_x [λ q_1 log q_1 + (1−λ) q_2 log q_2] for the mixture
    m, proved at each x by the two-term log-sum inequality (t log t convex)."""
    m = r"(\lambda q_1(x) + (1-\lambda)q_2(x))"
    row = (rf"\sum {m} \log {m} {relation} \sum \lambda q_1(x) \log q_1(x) + "
           r"(1-\lambda) q_2(x) \log q_2(x)")
    assert decided(KL_TERMWISE + "$$ " + row + " $$\n") == [verdict]


TANGENT = ("% derive: natural n\n% derive: positive p_i, q_i for i = 1..n\n"
           "% derive: real w_i for i = 1..n\n% derive: positive x, y\n% derive: real c\n")


@pytest.mark.parametrize("row, verdict", [
    (r"\ln \frac{x}{y} \le \frac{x}{y} - 1", "verified"),
    (r"\ln x \ge 1 - \frac{1}{x}", "verified"),                   # the mirror, at 1/x
    (r"-y \ln \frac{x}{y} \ge -y \left(\frac{x}{y} - 1\right)", "verified"),
    (r"-\sum_{i=1}^n p_i \ln \frac{q_i}{p_i} \ge -\sum_{i=1}^n p_i "
     r"\left(\frac{q_i}{p_i} - 1\right)", "verified"),            # termwise, under a minus
    (r"\log_2 x \le (x - 1) \log_2 e", "verified"),
    # false: the wrong constant, the wrong direction, a weight of either sign, log_2 without e
    (r"\ln x \le x - 2", "refuted"),
    (r"\ln x \ge x - 1", "refuted"),
    (r"\ln x \le 1 - \frac{1}{x}", "refuted"),
    (r"c \ln x \le c (x - 1)", "refuted"),
    (r"-2 \ln x \le -2 (x - 1)", "refuted"),
    (r"-\sum_{i=1}^n w_i \ln \frac{q_i}{p_i} \ge -\sum_{i=1}^n w_i "
     r"\left(\frac{q_i}{p_i} - 1\right)", "refuted"),
    (r"-\sum_{i=1}^n p_i \ln \frac{q_i}{p_i} \le -\sum_{i=1}^n p_i "
     r"\left(\frac{q_i}{p_i} - 1\right)", "refuted"),
    (r"\log_2 x \le (x - 1) \log_2 2", "refuted"),
])
def test_the_tangent_line_of_the_log_and_its_mirror_bound_each_term_of_their_sign(row, verdict):
    """`log u ≤ u − 1` lowers `c·log u` for c < 0 and its mirror `log u ≥ 1 − 1/u` for c > 0
    (u > 0), after the logs of one coefficient up to sign are joined (`log x − log y` is
    `log(x/y)`); a sum under a common minus is compared termwise with the minus in each term.
    Was: `\\ln\\frac{q}{p} \\le \\frac{q}{p} - 1` undecided (log q − log p, apart)."""
    assert decided(display(TANGENT, row)) == [verdict]


def test_the_mirror_of_the_log_tangent_never_lowers_a_term_of_negative_coefficient():
    import sympy as sp
    from derive.engines.bounds import _nonneg
    x = sp.Symbol("x", positive=True)
    assert _nonneg(sp, sp.log(x) - 1 + 1 / x, False, 0)
    assert _nonneg(sp, x - 1 - sp.log(x), False, 0)
    assert not _nonneg(sp, 1 - 1 / x - sp.log(x), False, 0)      # false at x = 2
    assert not _nonneg(sp, sp.log(x) - x + 1, False, 0)           # false at x = 2
    y = sp.Symbol("y", positive=True)                             # false at x = 10, y = 1:
    assert not _nonneg(sp, sp.log(y) - sp.log(x) + 1 / y - 1 / x, False, 0)  # −log x ≥ 1/x − 1


ENTROPY = ("% derive: discrete s in A\n% derive: density P_S over s\n"
           "% derive: random S with density P_S over s\n% derive: expectation E\n"
           "% derive: variable x\n% derive: density p over x\n")


@pytest.mark.parametrize("row, verdict", [
    (r"E_S[\log_2(\frac{1}{P_S(s)})] \leq E_S[(\frac{1}{P_S(s)}-1)]\log_2(e)", "verified"),
    (r"\mathbb{E}_{x \sim p}[\log(1 + x^2)] \le 2\mathbb{E}_{x \sim p}[x^2]", "verified"),
    (r"E_S[\log_2(\frac{1}{P_S(s)})] \geq E_S[(\frac{1}{P_S(s)}-1)]\log_2(e)", "refuted"),
    (r"-E_S[\log_2(\frac{1}{P_S(s)})] \leq -E_S[(\frac{1}{P_S(s)}-1)]\log_2(e)", "refuted"),
])
def test_multiples_of_expectations_of_one_distribution_are_compared_under_it(row, verdict):
    """`a·E_p[g] ≥ b·E_p[h]` is `E_p[a g − b h] ≥ 0` by linearity, proved at every point
    (the tangent bound of log_2 at 1/P_S(s), MathOverflow 235437); never the reverse."""
    assert decided(display(ENTROPY, row)) == [verdict]
