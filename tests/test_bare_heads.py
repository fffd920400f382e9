"""Bare heads of defined functions and labelled quantities, and names whose letter carries
a meaning: read as the author means, or refused at their position — never a free unknown
that makes a refutation (jethroGIT's logistic regression, rewritten with subscripts)."""

import pytest

from probability_support import display, steps, verdicts

LOGISTIC = ("% derive: real x, \\theta_0, \\theta_1\n"
            "$$ h_{\\theta}(x_i) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x_i}} $$\n")
AT_X = r"\frac{e^{-\theta_0 - \theta_1 x}}{(1 + e^{-\theta_0 - \theta_1 x})^2}"


def last(text):
    return steps(text)[-1]


@pytest.mark.parametrize("text", [
    # jethroGIT: the bare h_θ differentiated, the author's h_θ at x (was: refuted at a complex x_i)
    LOGISTIC + rf"$$ \frac{{\partial h_{{\theta}}}}{{\partial \theta_0}} = {AT_X} $$" + "\n",
    LOGISTIC + rf"$$ \frac{{\partial h_{{\theta}}}}{{\partial \theta_0}} = h_\theta(x_i) $$" + "\n",
    # the bare head in a product, a power, a sum
    display("", r"h(x_i) = x_i^2", r"(1 - h) h = h - h^2"),
    display("", r"g_k(y_j) = y_j + 1", r"g_k^2 = y_j^2 + 2 y_j + 1"),
    # a label whose argument is an expression of an undeclared letter
    display("", r"h(2t) = t^2", r"h + 1 = t^2 + 1"),
])
def test_a_bare_head_labelled_at_an_undeclared_letter_is_refused(text):
    """After the row `h_\\theta(x_i) = …` (x_i declared nowhere: a free unknown), the bare
    `h_\\theta` is the quantity at x_i or the function at an argument the row does not
    write (jethroGIT's ∂h_θ/∂θ_0 in x): refused at the name, never read at the hidden x_i."""
    step = last(text)
    assert step.kind == "unreadable" and "which the file does not declare" in step.message, \
        step.message


@pytest.mark.parametrize("rows, expected", [
    # written at its label, the quantity is read: true verified, false refuted
    ([r"\frac{\partial h_{\theta}(x_i)}{\partial \theta_0} = h_\theta(x_i)(1 - h_\theta(x_i))"],
     "verified"),
    ([r"\frac{\partial h_{\theta}(x_i)}{\partial \theta_0} = h_\theta(x_i)(1 + h_\theta(x_i))"],
     "refuted"),
    ([r"\frac{\partial h_{\theta}(x_i)}{\partial \theta_1} = x_i h_\theta(x_i)(1 - h_\theta(x_i))"],
     "verified"),
    ([r"\frac{\partial h_{\theta}(x_i)}{\partial \theta_1} = h_\theta(x_i)(1 - h_\theta(x_i))"],
     "refuted"),
])
def test_the_labelled_quantity_written_with_its_label_is_read(rows, expected):
    assert verdicts(LOGISTIC + "".join(f"$$ {r} $$\n" for r in rows))[-1] == expected


@pytest.mark.parametrize("header, rows, expected", [
    # a label at a member of a declared family: the bare head is the quantity there
    ("% derive: real x_i for i = 1..n\n", [r"h(x_i) = x_i^2", r"h + 1 = x_i^2 + 1"], "verified"),
    ("% derive: real x_i for i = 1..n\n", [r"h(x_i) = x_i^2", r"h + 1 = x_i^2"], "refuted"),
    # a function of a fresh letter: the bare name differentiated is its derivative there
    ("", [r"f(x) = x^2", r"\frac{df}{dx} = 2x"], "verified"),
    ("", [r"f(x) = x^2", r"\frac{df}{dx} = 3x"], "refuted"),
    ("% derive: real x\n", [r"f(x) = x^2", r"\frac{df}{dx} = 2x"], "verified"),
])
def test_a_bare_head_at_declared_names_or_of_a_function_is_read(header, rows, expected):
    """A label of declared names keeps the documented reading (the name alone is the
    quantity as written at its label), and a function of a fresh letter differentiated by
    a letter is its derivative there (`\\frac{df}{dx}` is f'(x))."""
    assert verdicts(display(header, *rows))[-1] == expected


SIGMOID = ("% derive: real w, x, y\n"
           "% derive: define \\sigma(z) = \\frac{1}{1 + \\exp(-z)}\n"
           "$$ \\sigma = \\sigma(w^\\top x) $$\n")


@pytest.mark.parametrize("row", [
    r"\sigma(\sigma) = \sigma^2",
    r"\sigma(2\sigma) = 2\sigma^2",
    r"\sigma(-\sigma) = -\sigma^2",
    r"\sigma(\sigma^2) = \sigma^3",
    r"1 + \sigma(\sigma) = 1 + \sigma^2",
])
def test_a_value_named_by_its_function_s_letter_before_one_term_holding_it_is_refused(row):
    """After `\\sigma = \\sigma(w^\\top x)`, `\\sigma(\\sigma)` is σ applied to its own value
    σ(σ(a)), or the value times a bracket σ·σ: both plain, so refused at the bracket (it was
    read as the product, silently)."""
    step = last(SIGMOID + f"$$ {row} $$\n")
    assert step.kind == "unreadable" and "applied to its own value" in step.message, \
        step.message


@pytest.mark.parametrize("row, expected", [
    (r"\sigma(1 - \sigma) = \sigma - \sigma^2", "verified"),
    (r"\sigma(\sigma - 1) = \sigma + \sigma^2", "refuted"),
    (r"\sigma \cdot (\sigma) = \sigma^2", "verified"),
    (r"\sigma \cdot (2\sigma) = \sigma^2", "refuted"),
])
def test_a_value_named_by_its_function_s_letter_times_a_sum_is_still_read(row, expected):
    assert verdicts(SIGMOID + f"$$ {row} $$\n")[-1] == expected


@pytest.mark.parametrize("header, row, expected", [
    ("% derive: real x\n", r"\sum_{i=1}^{m} (x^{(i)})^2 \ge 0", "verified"),
    ("% derive: real x\n", r"\sum_{i=1}^{m} (x^{(i)})^2 < 0", "refuted"),
    ("% derive: real x\n", r"\sum_{i=1}^{m} \sqrt{(x^{(i)})^2} = -\sum_{i=1}^{m} x^{(i)}",
     "refuted"),
    ("% derive: positive y\n", r"\sum_{i=1}^{m} \log y^{(i)} \ge \sum_{i=1}^{m} \log y^{(i)}",
     "verified"),
    ("% derive: positive y\n", r"\sum_{i=1}^{m} y^{(i)} > 0", "verified"),
    ("% derive: positive y\n", r"\sum_{i=1}^{m} y^{(i)} < 0", "refuted"),
])
def test_a_labelled_family_of_a_declared_real_letter_takes_its_values(header, row, expected):
    """`x^{(i)}` (CS229's i-th example) of a letter declared `real` is real, of a `positive`
    one positive: its members were drawn complex, and refuted what the author's x rules out
    (`(x^{(i)})^2 \\ge 0` at a complex x^{(1)})."""
    assert verdicts(display("% derive: natural m\n" + header, row))[-1] == expected


def test_a_labelled_family_of_an_undeclared_letter_stays_complex():
    text = display("% derive: natural m\n", r"\sum_{i=1}^{m} (x^{(i)})^2 \ge 0")
    assert verdicts(text)[-1] == "refuted"
