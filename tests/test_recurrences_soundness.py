"""Sequences defined by a recurrence: the readings attack round 31 found unsound.

* F9: a member at a letter of a recurrence over random variables is random — refused inside
  a moment (it was averaged as a fixed number: `Var(m_t) = 0` verified); at a number it is
  unrolled and averaged as the polynomial it is.
* F2: "one step of the recurrence" relates only members at the letter plus a whole number
  (`m_{2t-1}` was the same unknown as `m_{t-1}`).
* F3: a member under a derivative, an integral, a sum or a limit is no fixed value (d/dβ
  m_t held m_{t-1} constant).
* F10: a member at a number a definition brings into a hypothesis is unrolled there too.
* F1: a member whose unrolled term would nest too deep is refused where it is written (it
  crashed the file when the read derivation was pickled).
"""

import pickle

import pytest

from derive.frontend.tex_file import load_tex
from probability_support import display, readings
from test_recurrences import one

IID = ("% derive: natural n, t\n% derive: real \\beta\n"
       "% derive: random g_i for i = 1..n, iid\n"
       "% derive: define m_t = \\beta m_{t-1} + (1-\\beta) g_t\n% derive: assume m_0 = 0\n")
SINGLE = ("% derive: natural t\n% derive: real \\beta, r\n% derive: random W, X independent\n"
          "% derive: define m_t = \\beta m_{t-1} + W\n% derive: assume m_0 = 0\n"
          "% derive: define a_t = r a_{t-1}\n% derive: assume a_0 = 1\n")
HAT = "% derive: define \\hat{m}_t = \\frac{m_t}{1 - \\beta^t}\n"
EMA = ("% derive: natural t\n% derive: real \\beta\n"
       "% derive: define m_t = \\beta m_{t-1} + (1-\\beta) g_t\n% derive: assume m_0 = 0\n")
GEOMETRIC = "% derive: natural t\n% derive: real r\n% derive: define a_t = r a_{t-1}\n" \
            "% derive: assume a_0 = 1\n"
RANDOM = "a member of a sequence defined by its recurrence over random variables"


@pytest.mark.parametrize("header, row", [
    (IID, r"Var(m_t) = 0"),
    (IID, r"\mathbb{E}[m_t] = m_t"),
    (IID, r"\mathbb{E}[m_t^2] = \mathbb{E}[m_t]^2"),
    (IID, r"Cov(m_t, g_t) = 0"),
    (IID, r"\mathbb{E}[m_{t-1} g_t] = m_{t-1} \mathbb{E}[g_t]"),
    (IID + HAT, r"Var(\hat{m}_t) = 0"),                 # through a definition
    (IID + HAT, r"\mathbb{E}[\hat{m}_t] = \hat{m}_t"),
    (SINGLE, r"\mathbb{E}[m_t X] = m_t \mathbb{E}[X]"),
    (SINGLE, r"Var(m_t) = 0"),
])
def test_a_member_over_random_variables_is_not_averaged_at_a_letter(header, row):
    assert one(header, row) == ["error"]
    assert RANDOM in readings(display(header, row))[0]


@pytest.mark.parametrize("header, row, verdict", [
    (IID, r"\mathbb{E}[m_2] = (1-\beta)\beta \mathbb{E}[g_1] + (1-\beta) \mathbb{E}[g_2]",
     "verified"),
    (IID, r"\mathbb{E}[m_2] = (1-\beta^2)\mathbb{E}[g_1]", "verified"),
    (IID, r"Var(m_1) = (1-\beta)^2 Var(g_1)", "verified"),
    (IID, r"Var(m_1) = (1-\beta) Var(g_1)", "refuted"),
    (IID, r"\mathbb{E}[m_2] = m_2", "refuted"),
    (SINGLE, r"\mathbb{E}[a_t X] = a_t \mathbb{E}[X]", "verified"),   # a_t is a number
])
def test_members_at_numbers_are_averaged_unrolled(header, row, verdict):
    assert one(header, row) == [verdict]


@pytest.mark.parametrize("header, row", [
    (GEOMETRIC + "% derive: assume t \\ge 1\n", r"a_{2t} = r a_{t-1}"),
    (GEOMETRIC + "% derive: assume t \\ge 1\n", r"a_{2t} = r a_{2t-2}"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n% derive: assume m_0 = 0\n"
     "% derive: assume t \\ge 1\n", r"m_{2t} - m_{t-1} = g_{2t}"),
    ("% derive: natural t\n"
     "% derive: define m_t = m_{t-1} + (t-1)(t-2)(t-3)(t-4)(t-5)(t-6)(t-7)(t-8) g_t\n"
     "% derive: assume m_0 = 0\n",
     r"m_{2t} = m_{t-1} + (2t-1)(2t-2)(2t-3)(2t-4)(2t-5)(2t-6)(2t-7)(2t-8) g_{2t}"),
])
def test_one_step_relates_only_members_a_fixed_distance_apart(header, row):
    assert one(header, row) != ["verified"]


@pytest.mark.parametrize("header, row", [
    (GEOMETRIC, r"a_{t+1} = r a_t"),                   # look-alikes: one step does it
    (EMA, r"m_{t+1} - \beta m_t = (1-\beta) g_{t+1}"),
])
def test_one_step_still_relates_members_at_the_letter_plus_a_number(header, row):
    assert one(header, row) == ["verified"]


@pytest.mark.parametrize("header, row", [
    ("% derive: natural t\n% derive: real \\beta\n"
     "% derive: define m_t = \\beta (t-1)(t-2)(t-3)(t-4)(t-5) m_{t-1} + g_t\n"
     "% derive: assume m_0 = 0\n",
     r"\frac{d}{d\beta} m_t = (t-1)(t-2)(t-3)(t-4)(t-5) m_{t-1}"),
    (EMA, r"\frac{d}{d\beta} m_t = m_{t-1} - g_t \quad \text{for } t \ge 1"),
    (EMA, r"\frac{\partial m_t}{\partial \beta} = m_{t-1} - g_t \quad \text{for } t \ge 1"),
    (EMA, r"\int_0^1 m_t \, d\beta = \frac12 m_{t-1} + \frac12 g_t \quad \text{for } t \ge 1"),
    ("% derive: natural t\n% derive: real \\beta, c\n% derive: define m_t = \\beta m_{t-1} + c\n"
     "% derive: assume m_0 = 0\n", r"\frac{d}{dc} m_t = 1 \quad \text{for } t \ge 1"),
    (GEOMETRIC, r"\frac{d}{dr} a_t = a_{t-1} \quad \text{for } t \ge 1"),
])
def test_a_member_under_an_operator_is_no_fixed_value(header, row):
    assert one(header, row) != ["verified"]


def test_a_derivative_is_still_refuted_at_an_unrolled_instance():
    assert one(EMA, r"\frac{d}{d\beta} m_t = m_{t-1} - g_t") == ["refuted"]


HAT_C = ("% derive: natural t\n% derive: real \\beta, c\n% derive: assume 0 < \\beta < 1\n"
         "% derive: define m_t = \\beta m_{t-1} + c\n% derive: assume m_0 = 0\n" + HAT)


@pytest.mark.parametrize("header, row", [
    (HAT_C, r"c = 0 \quad \text{for } \hat{m}_2 = c"),          # true: c/(1-β) = c
    (HAT_C + "% derive: assume \\hat{m}_2 = c\n", r"c = 0"),
    (HAT_C, r"c = 0 \quad \text{for } m_2 = c"),
])
def test_members_a_definition_brings_into_a_hypothesis_are_unrolled(header, row):
    assert one(header, row) != ["refuted"]


@pytest.mark.parametrize("row, verdict", [
    (r"\hat{m}_2 = \frac{c}{1 - \beta}", "verified"),     # the step's sides, as before
    (r"\hat{m}_2 = \frac{c}{1 + \beta}", "refuted"),
])
def test_members_a_definition_brings_into_the_sides_are_unrolled(row, verdict):
    assert one(HAT_C, row) == [verdict]


def deep(body, index):
    """A file with the recurrence `body` (m_0 = 1) and a row at member `index`."""
    return (f"% derive: natural t\n% derive: real x, \\beta\n% derive: define m_t = {body}\n"
            f"% derive: assume m_0 = 1\n$$ m_{{{index}}} = m_{{{index}}} + 0 $$\n")


@pytest.mark.parametrize("body, index", [
    (r"\beta m_{t-1} + g_t", 180),
    (r"\beta m_{t-1} + g_t", 200),
    (r"\frac{x}{1 + m_{t-1}}", 120),
    (r"\frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + "
     r"m_{t-1}}}}}}}", 25),
])
def test_a_member_nested_too_deep_is_refused_at_its_position(body, index):
    text = deep(body, index)
    (message,) = readings(text)
    assert "nested more than" in message
    pickle.dumps(load_tex("deep.tex", text))


@pytest.mark.parametrize("body, index", [
    (r"\beta m_{t-1} + g_t", 90),
    (r"F_{t-1}", 150),
    (r"\frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + \frac{x}{1 + "
     r"m_{t-1}}}}}}}", 10),
])
def test_a_member_within_the_bound_is_read_and_ships(body, index):
    text = deep(body.replace("F_{t-1}", "m_{t-1} + 1"), index)
    assert "nested" not in readings(text)[0]
    pickle.dumps(load_tex("deep.tex", text))
