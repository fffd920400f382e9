"""Inequality events of discrete random variables, pinned: `\\mathbb{P}(X \\ge a)`,
`P(X < a)`, `\\Pr(|X - m| \\le w)` and `\\mathbb{E}[\\mathbb{1}\\{X \\ge a\\}]` of a variable whose law
is a mass function by formula (Poisson, binomial, Bernoulli, a user's formula on whole
numbers) read as the sum of the mass over the event's whole points — an atom on the
boundary counts for ≥ and ≤ only, a threshold that is no whole number is rounded into the
event — with the false variants (strict for non-strict, a point too many) refuted, and an
abstract discrete law refused at the event."""

import pytest

from derive.frontend.tex_file import load_tex
from probability_support import display, readings, verdicts

POISSON = ("% derive: discrete x\n% derive: positive \\lambda\n"
           "% derive: density f = \\mathrm{Poisson}(\\lambda) over x\n"
           "% derive: random X with density f over x\n% derive: real c\n")
BINOMIAL = ("% derive: discrete k\n% derive: positive p\n% derive: assume p < 1\n"
            "% derive: density b = \\mathrm{Bin}(3, p) over k\n"
            "% derive: random K with density b over k\n")
BERNOULLI = ("% derive: discrete y\n% derive: positive \\theta\n% derive: assume \\theta < 1\n"
             "% derive: density q = \\mathrm{Bernoulli}(\\theta) over y\n"
             "% derive: random Y with density q over y\n")
GEOMETRIC = ("% derive: discrete n\n% derive: positive r\n% derive: assume r < 1\n"
             "% derive: density g = (1 - r) r^{n - 1} over n in [1, \\infty)\n"
             "% derive: random N with density g over n\n")


@pytest.mark.parametrize("header, row, expected", [
    (POISSON, r"\mathbb{P}(X \ge 2) = 1 - f(0) - f(1)", "verified"),
    (POISSON, r"\mathbb{P}(X > 2) = 1 - f(0) - f(1) - f(2)", "verified"),
    (POISSON, r"\mathbb{P}(X \geq 1.5) = 1 - f(0) - f(1)", "verified"),
    (POISSON, r"P(X < 2) = e^{-\lambda}(1 + \lambda)", "verified"),
    (POISSON, r"\Pr(X \le 1.5) = \mathbb{P}(X < 2)", "verified"),
    (POISSON, r"\mathbb{P}(2X \ge 3) = 1 - f(0) - f(1)", "verified"),
    (POISSON, r"\mathbb{P}(X \ge -3) = 1", "verified"),
    (POISSON, r"\mathbb{P}(X < 0) = 0", "verified"),
    (POISSON, r"\mathbb{P}(|X - 2| \le 1) = f(1) + f(2) + f(3)", "verified"),
    (POISSON, r"\mathbb{P}(|X - 2| < 1) = f(2)", "verified"),
    (POISSON, r"\mathbb{E}[\mathbb{1}\{X \ge 2\}] = \mathbb{P}(X \ge 2)", "verified"),
    (POISSON, r"\mathbb{E}[X 1_{X \ge 1}] = \lambda", "verified"),
    (BINOMIAL, r"\mathbb{P}(K \ge 3) = p^3", "verified"),
    (BINOMIAL, r"\mathbb{P}(K > 2.5) = p^3", "verified"),
    (BINOMIAL, r"\mathbb{P}(K \ge 4) = 0", "verified"),
    (BINOMIAL, r"\mathbb{P}(K \le 0) = (1 - p)^3", "verified"),
    (BERNOULLI, r"\mathbb{P}(Y \ge 1) = \theta", "verified"),
    (BERNOULLI, r"\mathbb{P}(Y > 0) = \theta", "verified"),
    (BERNOULLI, r"\mathbb{P}(Y < 1) = 1 - \theta", "verified"),
    (GEOMETRIC, r"\mathbb{P}(N \ge 2) = r", "verified"),
    (GEOMETRIC, r"\mathbb{P}(N > 0.5) = 1", "verified"),
    # false variants: the boundary atom, one point too many, the other tail
    (POISSON, r"\mathbb{P}(X \le 2) = e^{-\lambda}(1 + \lambda)", "refuted"),
    (POISSON, r"\mathbb{P}(X > 2) = 1 - f(0) - f(1)", "refuted"),
    (POISSON, r"\mathbb{P}(|X - 2| < 1) = f(1) + f(2)", "refuted"),
    (POISSON, r"\mathbb{E}[X \mathbb{1}\{X \ge 2\}] = \lambda", "refuted"),
    (BINOMIAL, r"\mathbb{P}(K > 3) = p^3", "refuted"),
    (BINOMIAL, r"\mathbb{P}(K \ge 2.5) = p^2", "refuted"),
    (BERNOULLI, r"\mathbb{P}(Y \ge 1) = 1 - \theta", "refuted"),
    (BERNOULLI, r"\mathbb{P}(Y > 1) = \theta", "refuted"),
    (GEOMETRIC, r"\mathbb{P}(N \ge 2) = 1 - r", "refuted"),
    # |X − m| ≥ 0 is every x: the atom at m is counted once (atkR round 37)
    (POISSON, r"\mathbb{P}(|X - 1| \ge 0) = 1", "verified"),
    (POISSON, r"\mathbb{P}((X - 1)^2 \ge 0) = 1", "verified"),
    (POISSON, r"\mathbb{E}[\mathbb{1}\{|X - 1| \ge 0\}] = 1", "verified"),
    (POISSON, r"\mathbb{P}(|X - 1| > 0) = 1 - f(1)", "verified"),
    (POISSON, r"\mathbb{P}(|X - 1| \ge 0.5) = 1 - f(1)", "verified"),
    (POISSON, r"\mathbb{P}(|X - 1| \ge 0) = 1 + f(1)", "refuted"),
    (POISSON, r"\mathbb{E}[X \chi_{|X - 1| \ge 0}] = \lambda + f(1)", "refuted"),
    (BINOMIAL, r"\mathbb{P}(|2K - 2| \ge 0) > 1", "refuted"),
    (BERNOULLI, r"\mathbb{P}(|Y| \ge 0) = 2 - \theta", "refuted"),
])
def test_discrete_events_are_sums_of_mass(header, row, expected):
    (verdict,) = verdicts(display(header, row))
    assert verdict == expected


def test_the_event_is_its_whole_points():
    (reading,) = readings(display(POISSON, r"\mathbb{P}(X > 1.5) = 1 - f(0) - f(1)"))
    assert reading.startswith("Σ_{x=2}^{∞} f(x) =")


def test_a_threshold_of_unknown_sign_takes_away_the_points_below():
    """⌈c⌉ may lie below the law's first point: the sum runs over the law's points, less
    those below ⌈c⌉ (none when ⌈c⌉ ≤ 0) — never from ⌈c⌉ over points without mass."""
    (reading,) = readings(display(POISSON, r"\mathbb{P}(X \ge c) = 1"))
    assert reading.startswith("Σ_{x=0}^{∞} f(x) - Σ_{x′=0}^{ceil(c) - 1} f(x′) =")


@pytest.mark.parametrize("header, row, message", [
    ("% derive: discrete x\n% derive: density p over x\n"
     "% derive: random X with density p over x\n% derive: positive a\n",
     r"\mathbb{P}(X \ge a) = 1", "law is a mass function by formula"),
    (POISSON + "% derive: nonnegative w\n", r"\mathbb{P}(|X - 1| \ge w) \le 1",
     "counted twice"),
])
def test_discrete_events_not_read_are_refused(header, row, message):
    (step,) = load_tex("e.tex", display(header, row)).steps
    assert step.kind.value == "unreadable" and message in step.message
    assert step.location.line == header.count("\n") + 1 and step.location.column > 1
