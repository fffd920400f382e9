"""Random variables known only by their moments and independence (initialisation notes:
Xavier/Glorot, He, LeCun; dropout; variances of sums of products): `random W_i, X_i for i =
1..n, iid`, `random W, X independent` of undeclared names, `assume \\mathbb{E}[W] = 0`.
True variants verify, one-edit false ones are refuted at their step (with a real joint law
as counterexample), and what derive cannot make sound is refused at its position."""

import pytest

from derive.frontend.errors import InputError
from probability_support import display, readings, verdicts

FAMILIES = ("% derive: natural n\n% derive: random W_i, X_i for i = 1..n, iid\n"
            "% derive: assume \\mathbb{E}[W_i] = 0, \\mathbb{E}[X_i] = 0\n")
SINGLE = "% derive: random W, X independent\n% derive: assume \\mathbb{E}[W] = 0\n"
NO_MEANS = "% derive: natural n\n% derive: random W_i, X_i for i = 1..n, iid\n"


@pytest.mark.parametrize("header, row", [
    (FAMILIES, r"Var\left(\sum_{i}W_iX_i\right) = \sum_i Var(W_iX_i)"),
    (FAMILIES, r"Var\left(\sum_{i}W_iX_i\right) = \sum_iVar(W_iX_i)"
               r" + 2\sum_{i<j}Cov\left(W_iX_i,W_jX_j\right)"),
    (NO_MEANS, r"\sum_{i<j} \mathbb{E}[X_i^2 X_j^2] = \frac{n(n-1)}{2} \mathbb{E}[X_1^2]^2"),
    (FAMILIES, r"Var\left(\sum_{i=1}^{n} W_iX_i\right) = n\,Var(W_1)Var(X_1)"),
    (FAMILIES, r"\sum_i\left(\mathbb{E}[W_i^2X_i^2]-\left(\mathbb{E}[W_iX_i]\right)^2\right)"
               r" = n\mathbb{E}[X_i^2]\mathbb{E}[W_i^2]"),
    (FAMILIES, r"n\mathbb{E}[X_i^2]\mathbb{E}[W_i^2] = n\left(Var(X_i)Var(W_i)\right)"),
    (FAMILIES, r"\mathbb{E}[W_i X_i] = 0"),
    (FAMILIES, r"Cov(W_1X_1, W_2X_2) = 0"),
    (FAMILIES, r"\mathbb{E}[X_1^2] = \mathbb{E}[X_2^2]"),      # identically distributed
    (FAMILIES, r"Var\left(\frac{1}{\sqrt{n}}\sum_{i=1}^{n} W_i X_i\right) = Var(W_1 X_1)"),
    (NO_MEANS, r"Var(W_1 X_1) = \mathbb{E}[W_1^2]\mathbb{E}[X_1^2]"
               r" - \mathbb{E}[W_1]^2\mathbb{E}[X_1]^2"),
    (NO_MEANS, r"\mathbb{E}\left[\left(\sum_{i=1}^{n} X_i\right)^2\right]"
               r" = n\mathbb{E}[X_1^2] + n(n-1)\mathbb{E}[X_1]^2"),
    (NO_MEANS, r"\mathbb{E}[X_1 X_2] = \mathbb{E}[X_1]\mathbb{E}[X_2]"),
    (NO_MEANS, r"\mathbb{E}\left[\left(\sum_{i=1}^{n} W_i X_i\right)^2\right]"
               r" = \sum_{i=1}^{n}\sum_{j=1}^{n} \mathbb{E}[W_iW_j]\mathbb{E}[X_iX_j]"),
    (NO_MEANS, r"\sum_{i=1}^{n}\sum_{j=1}^{n} \mathbb{E}[W_iW_j]\mathbb{E}[X_iX_j]"
               r" = n\mathbb{E}[W_1^2]\mathbb{E}[X_1^2] + n(n-1)\mathbb{E}[W_1]^2\mathbb{E}[X_1]^2"),
    (NO_MEANS, r"Var(W_i X_i) = Var(W_i)Var(X_i) + Var(W_i)\mathbb{E}[X_i]^2"
               r" + Var(X_i)\mathbb{E}[W_i]^2"),
    (NO_MEANS, r"Var\left(\sum_{i=1}^{n} X_i\right) = n\,Var(X_1)"),
    (SINGLE, r"Var(WX) = \mathbb{E}[W^2]\mathbb{E}[X^2] - \mathbb{E}[W]^2\mathbb{E}[X]^2"),
    (SINGLE, r"Var(WX) = Var(W)\mathbb{E}[X^2]"),                     # He: w zero mean
    (SINGLE, r"Var(W + X) = Var(W) + Var(X)"),
    (SINGLE, r"Cov(W, X) = 0"),
    (SINGLE, r"\mathbb{E}[(W + X)^2] = \mathbb{E}[W^2] + \mathbb{E}[X^2]"),
])
def test_true_variants_are_verified(header, row):
    assert verdicts(display(header, row)) == ["verified"]


@pytest.mark.parametrize("header, row", [
    (FAMILIES, r"Var\left(\sum_{i}W_iX_i\right) = n\sum_i Var(W_iX_i)"),
    (FAMILIES, r"Var\left(\sum_{i}W_iX_i\right) = n\sum_iVar(W_iX_i)"
               r" + 2\sum_{i<j}Cov\left(W_iX_i,W_jX_j\right)"),
    (NO_MEANS, r"\sum_{i<j} \mathbb{E}[X_i^2 X_j^2] = \frac{n(n-1)}{2} \mathbb{E}[X_1^4]"),
    (FAMILIES, r"Var\left(\sum_{i=1}^{n} W_iX_i\right) = n^2 Var(W_1)Var(X_1)"),
    (FAMILIES, r"n\mathbb{E}[X_i^2]\mathbb{E}[W_i^2] = n\left(Var(X_i) + Var(W_i)\right)"),
    (FAMILIES, r"Var(W_iX_i) = Var(W_i)"),
    (NO_MEANS, r"Var(W_1 X_1) = Var(W_1) Var(X_1)"),     # true only for zero means
    (NO_MEANS, r"\mathbb{E}[X_1 X_1] = \mathbb{E}[X_1]^2"),       # one variable, not two
    (NO_MEANS, r"\mathbb{E}[X_i X_j] = \mathbb{E}[X_i]\mathbb{E}[X_j]"),    # false at i = j
    (NO_MEANS, r"\mathbb{E}[X_i X_1] = \mathbb{E}[X_i]\mathbb{E}[X_1]"),    # false at i = 1
    (NO_MEANS, r"\mathbb{E}\left[\left(\sum_{i=1}^{n} X_i\right)^2\right]"
               r" = n^2\mathbb{E}[X_1]^2"),
    (SINGLE, r"Var(WX) = Var(W) Var(X)"),         # X need not have mean 0 (He's mutant)
    (SINGLE, r"Var(WX) = \mathbb{E}[W^2]\mathbb{E}[X]^2"),
    (SINGLE, r"Var(W + X) = Var(W) - Var(X)"),
    (SINGLE, r"\mathbb{E}[X^2] = \mathbb{E}[X]^2"),         # a real law has a variance
])
def test_false_variants_are_refuted(header, row):
    assert verdicts(display(header, row)) == ["refuted"]


@pytest.mark.parametrize("header, row, message", [
    (SINGLE, r"\mathbb{E}[e^W] = 1", "polynomials in them only"),
    (SINGLE, r"\mathbb{E}\left[\frac{1}{X}\right] = 1", "polynomials in them only"),
    (NO_MEANS, r"\mathbb{E}\left[X_1 \sum_{i=1}^{n} X_i\right] = 0", "may equal it"),
    # a sum over i < a fixed j, or no moment relying on i ≠ j: never read as pairs
    (NO_MEANS, r"\sum_{i<j} \mathbb{E}[X_i X_j] = (j-1)\mathbb{E}[X_1]^2", "a fixed j"),
    ("% derive: natural n\n% derive: real x_i for i = 1..n\n",
     r"\sum_{i<j} x_i = \sum_{i=1}^{j-1} x_i", "a fixed j"),
    (NO_MEANS, r"\mathbb{E}\left[\sum_{i=1}^{n} i X_i^2\right] = 0", "depends on a member"),
    (NO_MEANS, r"\mathbb{E}\left[\left(\sum_{i=5}^{n} X_i\right)^2\right] = 0", "terms"),
    ("% derive: natural n\n% derive: random W_i for i = 1..n, iid\n"
     "% derive: random X_i for i = 1..n, iid\n",
     r"\mathbb{E}[W_1 X_1] = 0", "different directives"),
])
def test_what_cannot_be_made_sound_is_refused(header, row, message):
    (reading,) = readings(display(header, row))
    assert message in reading


@pytest.mark.parametrize("directive, message", [
    ("random W_i, X_i for i = 1..n, independent", "identically distributed"),
    ("random W_i, X_i for i = 1..n", "identically distributed"),
    ("random W, independent", "two or more"),
    ("random W", "known only by their moments"),
])
def test_directives_refused(directive, message):
    with pytest.raises(InputError, match=message):
        readings(display(f"% derive: natural n\n% derive: {directive}\n", r"1 = 1"))


@pytest.mark.parametrize("fact", [r"\mathbb{E}[W] = 1", r"\mathbb{E}[X^2] = 1"])
def test_other_moment_facts_are_refused(fact):
    header = SINGLE + f"% derive: assume {fact}\n"
    with pytest.raises(InputError, match="only as a mean, once"):
        readings(display(header, r"1 = 1"))


def test_a_mean_must_be_real():
    header = "% derive: random W, X independent\n% derive: assume \\mathbb{E}[W] = \\mu\n"
    with pytest.raises(InputError, match="declare it real"):
        readings(display(header, r"1 = 1"))
    real = "% derive: real \\mu\n" + header
    assert verdicts(display(real, r"\mathbb{E}[W X] = \mu \mathbb{E}[X]")) == ["verified"]
    assert verdicts(display(real, r"\mathbb{E}[W^2] = \mu^2")) == ["refuted"]


def test_hidden_law_names_are_not_taken_twice():
    header = "% derive: variable \\xi_W\n% derive: random W, X independent\n"
    with pytest.raises(InputError, match="derive names the law"):
        readings(display(header, r"1 = 1"))


UNCENTRED = "% derive: random W, X independent\n"
ONE_FAMILY = "% derive: natural n\n% derive: random X_i for i = 1..n, iid\n"


@pytest.mark.parametrize("mean", [r"\mathbb{E}[W_i] = i", r"\mathbb{E}[W_j] = 2j",
                                  r"\mathbb{E}[W_i] = c_i", r"\mathbb{E}[W_k] = k + 1"])
def test_a_mean_moving_with_the_member_index_is_refused(mean):
    """atkH F7, atkJ 3: `assume \\mathbb{E}[W_i] = i` of an iid family was read with i one
    free integer (every member's mean that one number). Identically distributed members
    have one mean: a mean written with the member's index is refused at the fact."""
    header = ("% derive: natural n, k\n% derive: real c_i for i = 1..n\n"
              "% derive: random W_i for i = 1..n, iid\n" f"% derive: assume {mean}\n")
    with pytest.raises(InputError, match="one mean, which cannot depend on the index"):
        readings(display(header, r"\mathbb{E}[W_1] = 1"))


def test_a_mean_free_of_the_index_still_shifts_the_family():
    header = ("% derive: natural n\n% derive: real \\mu\n"
              "% derive: random W_i for i = 1..n, iid\n% derive: assume \\mathbb{E}[W_i] = n\n")
    assert verdicts(display(header, r"\mathbb{E}[W_1 + W_2] = 2n")) == ["verified"]
    assert verdicts(display(header, r"\mathbb{E}[W_1 + W_2] = n")) == ["refuted"]


@pytest.mark.parametrize("header, row, expected", [
    # atkH F6: an expectation inside a moment is a number, not another random variable
    (UNCENTRED, r"\mathbb{E}[(W - \mathbb{E}[W])^2] = \mathrm{Var}(W)", "verified"),
    (UNCENTRED, r"\mathbb{E}[(W - \mathbb{E}[W])^2] = \mathbb{E}[W^2]", "refuted"),
    (UNCENTRED, r"\mathbb{E}[(W - \mathbb{E}[X])^2] = \mathrm{Var}(W)", "refuted"),
    (UNCENTRED, r"\mathbb{E}[(W - \mathbb{E}[W])^3] = 0", "refuted"),
    (UNCENTRED, r"\mathbb{E}[(W-\mathbb{E}[W])(X-\mathbb{E}[X])] = 0", "verified"),
    (UNCENTRED, r"\mathbb{E}[W \mathbb{E}[X]] = \mathbb{E}[W]\mathbb{E}[X]", "verified"),
    (UNCENTRED, r"\mathbb{E}[W \mathbb{E}[X]] = \mathbb{E}[W]", "refuted"),
    (ONE_FAMILY, r"\mathbb{E}[(X_1 - \mathbb{E}[X_2])^2] = \mathrm{Var}(X_1)", "verified"),
    (ONE_FAMILY, r"\mathbb{E}[(X_1 - \mathbb{E}[X_2])^2] = \mathbb{E}[X_1^2]", "refuted"),
    # atkH F8: \sum_{j \ne i} over the range of the family averaged in its summand
    (ONE_FAMILY, r"\sum_{j \ne i} \mathbb{E}[X_i X_j] = (n-1)\mathbb{E}[X_1]^2", "verified"),
    (ONE_FAMILY, r"\sum_{j \ne i} \mathbb{E}[X_i X_j] = (n-2)\mathbb{E}[X_1]^2", "refuted"),
    (ONE_FAMILY, r"\sum_{j \neq i} \mathrm{Cov}(X_i, X_j) = 0", "verified"),
    (ONE_FAMILY, r"\sum_{j \neq i} \mathrm{Cov}(X_i, X_j) = \mathrm{Var}(X_1)", "refuted"),
    (ONE_FAMILY, r"\sum_{i \ne j} \mathbb{E}[X_i X_j] = n(n-1)\mathbb{E}[X_1]^2", "refuted"),
])
def test_means_inside_moments_and_sums_but_one(header, row, expected):
    assert verdicts(display(header, row)) == [expected]


@pytest.mark.parametrize("row, expected", [
    # a constant term 1 of the argument was dropped from the mean (`_bare` took the sum
    # 1 + E[W] for a product 1 · E[W]): E[1 + W] = E[W] was verified
    (r"\mathbb{E}[1 + W] = 1 + \mathbb{E}[W]", "verified"),
    (r"\mathbb{E}[1 + W] = \mathbb{E}[W]", "refuted"),
    (r"\mathbb{E}[(1 + W)^2] = 1 + 2\mathbb{E}[W] + \mathbb{E}[W^2]", "verified"),
    (r"\mathbb{E}[(1 + W)^2] = 2\mathbb{E}[W] + \mathbb{E}[W^2]", "refuted"),
])
def test_a_constant_term_one_is_kept(row, expected):
    assert verdicts(display(UNCENTRED, row)) == [expected]
