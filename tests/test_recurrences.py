"""Sequences defined by a recurrence (README "Sequences defined by a recurrence").

`% derive: define m_t = \\beta m_{t-1} + (1 - \\beta) g_t` with `natural t` defines m by its
recurrence; members at numbers are unrolled down to the bases, claims at the letter are
verified only by induction and refuted only by a counterexample at a small value of it.
Each true row has a false twin (one edit) that must be refuted, or at least not verified."""

import pytest

from derive.frontend.errors import InputError
from derive.frontend.tex_file import load_tex
from probability_support import display, readings, verdicts

EMA = ("% derive: natural t\n% derive: real \\beta\n% derive: assume 0 < \\beta < 1\n"
       "% derive: define m_t = \\beta m_{t-1} + (1 - \\beta) g_t\n% derive: assume m_0 = 0\n")
EMA_FREE = ("% derive: natural t\n% derive: real \\beta\n"
            "% derive: define m_t = \\beta m_{t-1} + (1 - \\beta) g_t\n")
MOMENTUM = ("% derive: natural t\n% derive: real \\gamma, \\eta\n"
            "% derive: define v_t = \\gamma v_{t-1} + \\eta g_t\n% derive: define v_0 = 0\n")
MEAN = ("% derive: natural t\n"
        "% derive: define \\mu_t = \\mu_{t-1} + \\frac{x_t - \\mu_{t-1}}{t}\n")
GEOMETRIC = ("% derive: natural n\n% derive: positive r\n% derive: define a_n = r a_{n-1}\n"
             "% derive: assume a_0 = 1\n")
FIBONACCI = ("% derive: natural n\n% derive: define F_n = F_{n-1} + F_{n-2}\n"
             "% derive: assume F_0 = 0\n% derive: assume F_1 = 1\n")


def one(header, row):
    """The verdict of the one step of a file: `header`, then `row` as a display."""
    return verdicts(display(header, row))


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_1 = (1 - \beta) g_1"),
    (EMA, r"m_3 = \beta^2 (1 - \beta) g_1 + \beta (1 - \beta) g_2 + (1 - \beta) g_3"),
    (EMA, r"m_{2} = \beta (1 - \beta) g_1 + g_2 (1 - \beta)"),
    (EMA, r"m_2 - \beta m_1 = (1 - \beta) g_2"),
    (MOMENTUM, r"v_2 = \gamma \eta g_1 + \eta g_2"),
    (MEAN, r"\mu_3 = \frac{x_1 + x_2 + x_3}{3}"),
    (GEOMETRIC, r"a_4 = r^4"),
    (FIBONACCI, r"F_6 = 8"),
    (EMA_FREE, r"m_2 = \beta^2 m_0 + \beta (1 - \beta) g_1 + (1 - \beta) g_2"),
])
def test_members_at_numbers_unroll(header, row):
    assert one(header, row) == ["verified"]


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_2 = \beta^2 (1 - \beta) g_1 + (1 - \beta) g_2"),       # one β too many
    (EMA, r"m_3 = \beta^2 (1 - \beta) g_1 + \beta (1 - \beta) g_2 + \beta g_3"),
    (MOMENTUM, r"v_2 = \gamma \eta g_1 + \gamma \eta g_2"),
    (MEAN, r"\mu_3 = \frac{x_1 + x_2 + x_3}{2}"),
    (GEOMETRIC, r"a_4 = r^5"),
    (FIBONACCI, r"F_6 = 9"),
    (EMA_FREE, r"m_1 = (1 - \beta) g_1"),          # no base: m_0 is an unknown member
])
def test_wrong_members_are_refuted(header, row):
    assert one(header, row) == ["refuted"]


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_t = (1 - \beta)\sum_{i=0}^{t-1} \beta^i g_{t-i}"),
    (EMA, r"m_t = (1 - \beta)\sum_{j=0}^{t-1} \beta^j g_{t-j}"),
    (EMA, r"m_t = (1 - \beta)\sum_{i=1}^{t} \beta^{t-i} g_i"),
    (EMA, r"(1 - \beta)\sum_{i=1}^{t} \beta^{t-i} g_i = m_t"),
    (EMA_FREE, r"m_t = \beta^t m_0 + (1 - \beta)\sum_{i=1}^{t} \beta^{t-i} g_i"),
    (MOMENTUM, r"v_t = \eta \sum_{s=1}^{t} \gamma^{t-s} g_s"),
    (MEAN, r"\mu_t = \frac{1}{t} \sum_{i=1}^{t} x_i"),
    (GEOMETRIC, r"a_n = r^n"),
    (GEOMETRIC.replace("positive r", "real r"), r"a_n = r^n"),      # r may be 0 or negative
    (EMA, r"m_t = \beta^{t-1} m_0 + (1 - \beta)\sum_{i=1}^{t} \beta^{t-i} g_i"),  # m_0 = 0
])
def test_closed_forms_are_proved_by_induction(header, row):
    assert one(header, row) == ["verified"]


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_t = (1 - \beta)\sum_{i=0}^{t-1} \beta^i g_{i+1}"),     # weights reversed
    (EMA, r"m_t = (1 - \beta)\sum_{i=1}^{t-1} \beta^{t-i} g_i"),     # the newest term lost
    (EMA, r"m_t = (1 - \beta)\sum_{i=0}^{t} \beta^i g_{t-i}"),       # one term too many
    (EMA_FREE, r"m_t = (1 - \beta)\sum_{i=1}^{t} \beta^{t-i} g_i"),  # m_0 forgotten
    (MOMENTUM, r"v_t = \eta \sum_{s=1}^{t} \gamma^{s} g_s"),
    (MEAN, r"\mu_t = \frac{1}{t+1} \sum_{i=1}^{t} x_i"),
    (GEOMETRIC, r"a_n = r^{n+1}"),
    (GEOMETRIC.replace("positive r", "real r"), r"a_n = r^{n-1}"),
])
def test_wrong_closed_forms_are_refuted(header, row):
    assert one(header, row) == ["refuted"]


def test_a_closed_form_true_only_at_first_values_is_not_verified():
    # F_n = n agrees with Fibonacci at n = 1 only: refuted at n = 2 or 3, never verified
    assert one(FIBONACCI, r"F_n = n") == ["refuted"]
    # agreement at the first four values is no proof: the step stays undecided at worst
    row = r"m_t = (1 - \beta)\sum_{i=0}^{t-1} \beta^i g_{t-i} + (t-1)(t-2)(t-3)(t-4)(t-5) g_1"
    assert one(EMA, row) != ["verified"]


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_t = \beta m_{t-1} + (1 - \beta) g_t"),       # the recurrence restated
    (EMA, r"m_t - \beta m_{t-1} = (1 - \beta) g_t"),
    (MEAN, r"t \mu_t = (t - 1) \mu_{t-1} + x_t"),
])
def test_steps_between_members_at_the_letter_take_one_step(header, row):
    # read as unknowns, m_t = anything would be refuted by choosing m_t
    assert one(header, row) == ["verified"]


@pytest.mark.parametrize("header, row", [
    (EMA, r"m_t = \beta m_{t-1} + g_t"),
    (MEAN, r"t \mu_t = t \mu_{t-1} + x_t"),
])
def test_wrong_steps_between_members_are_refuted(header, row):
    assert one(header, row) == ["refuted"]


def test_one_step_needs_the_recurrence_at_the_letters_first_value():
    # F_n = F_{n-1} + F_{n-2} holds from n = 2 (bases F_0, F_1): at n = 1 it would read F_{-1},
    # no member of the sequence — neither a step of the recurrence nor a counterexample
    assert one(FIBONACCI, r"F_n = F_{n-1} + F_{n-2}") == ["undecided"]
    assert one(FIBONACCI, r"F_{n+1} = F_{n} + F_{n-1}") == ["verified"]
    assert one(FIBONACCI, r"F_{n+1} = F_{n} + 2 F_{n-1}") == ["refuted"]
    derivation = load_tex("r.tex", FIBONACCI + "$$ F_{-1} = 1 $$\n")
    assert "negative index" in derivation.steps[0].message


def test_members_read_unrolled():
    text = display(EMA, r"m_2 = 0")
    assert readings(text) == ["0 < β, β < 1 ⇒ m_2 = 0"]


@pytest.mark.parametrize("header, message", [
    ("% derive: natural t\n% derive: define m_t = m_{t+1} + g_t\n", "minus a fixed whole"),
    ("% derive: natural t\n% derive: define m_t = m_{t} + g_t\n", "minus a fixed whole"),
    ("% derive: natural t\n% derive: define m_t = m_{2t} + g_t\n", "minus a fixed whole"),
    ("% derive: natural t\n% derive: define m_t = m_{1} + g_t\n", "m_{1}"),
    ("% derive: define m_t = m_{t-1} + g_t\n", "natural number"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "% derive: define m_t = 2 m_{t-1}\n", "not defined on its own"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "% derive: assume m_0 = 0\n% derive: assume m_1 = 3\n", "second meaning"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "% derive: assume m_0 = 0\n% derive: assume m_0 = 1\n", "given above"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "% derive: assume m_0 = m_1\n", "uses m"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "% derive: assume m_0 = t\n", "index letter"),
    ("% derive: natural t\n% derive: define m_t = m_{t-1} + g_t\n"
     "$$ m_2 = g_1 + g_2 $$\n% derive: assume m_0 = 0\n", "read a member"),
])
def test_what_cannot_be_made_sound_is_refused(header, message):
    with pytest.raises(InputError, match=message):
        load_tex("r.tex", header + "$$ m_1 = 0 $$\n")


def test_a_member_defined_before_the_recurrence_makes_none():
    # m_0 named first: m_t is then one name at the file's t (as before), members refused
    derivation = load_tex("r.tex", "% derive: natural t\n% derive: define m_0 = 0\n"
                          "% derive: define m_t = m_{t-1} + g_t\n$$ m_1 = g_1 $$\n")
    assert "one name" in derivation.steps[0].message


def test_a_real_letter_makes_no_recurrence():
    # at a real t, m_t is one name (m_{t-1} another): no member at a number exists
    derivation = load_tex("r.tex", "% derive: real t\n% derive: define m_t = m_{t-1} + g_t\n"
                          "$$ m_1 = 0 $$\n")
    assert "one name" in derivation.steps[0].message


BIAS = EMA + "% derive: define \\hat{m}_t = \\frac{m_t}{1 - \\beta^t}\n"


@pytest.mark.parametrize("row, verdict", [
    (r"\hat{m}_1 = g_1", "verified"),                 # members a definition holds unroll too
    (r"\hat{m}_2 = \frac{\beta g_1 + g_2}{1 + \beta}", "verified"),
    (r"\hat{m}_2 = \frac{g_1 + g_2}{2}", "refuted"),
    (r"\hat{m}_t (1 - \beta^t) = m_t", "verified"),
    (r"\hat{m}_t = m_t", "refuted"),
])
def test_members_inside_definitions(row, verdict):
    assert one(BIAS, row) == [verdict]


@pytest.mark.parametrize("header, row", [
    (EMA, r"\sum_{i=1}^{t} m_i = \sum_{i=1}^{t} m_i"),        # over the family: not unrolled
    (EMA, r"\sum_{i=1}^{2} m_i = (1 - \beta)(1 + \beta) g_1 + (1 - \beta) g_2"),
    ("% derive: natural t, n\n% derive: define a_t = a_{t-1} + n\n% derive: assume a_0 = 0\n",
     r"a_n = n^2"),                                   # n inside the recurrence too
])
def test_what_is_not_unrolled_is_never_refuted(header, row):
    assert one(header, row) != ["refuted"]
