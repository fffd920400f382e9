"""Functions of a vector defined componentwise (the softmax as ML authors write it,
`derive/frontend/latex/vector_functions.py`): readings, verdicts of true rows and of their
look-alikes, and the refusals of what is not read."""

import pytest

from derive.engines import clock
from derive.engines.decide import decide
from probability_support import display, readings, steps, verdicts

FAMILY = ("% derive: natural n\n% derive: real x_j for j = 1..n\n% derive: real c\n"
          "% derive: integer i\n% derive: assume 1 \\le i, i \\le n\n")
SOFTMAX = r"\text{softmax}(x_i) = \frac{e^{x_i}}{\sum_j{e^{x_j}}}"


def checked(*rows, header=FAMILY, definition=SOFTMAX):
    """The verdicts of `rows` after the definition row (its own verdict left out)."""
    return verdicts(display(header, definition, *rows))[1:]


@pytest.mark.parametrize("row, expected", [
    (r"(\text{softmax}(x + c))_i = \frac{e^{x_i + c}}{\sum_j e^{x_j + c}}",
     "1 ≤ i, i ≤ n ⇒ (softmax(x + c))_i = e^(x_i + c) / (Σ_{j′=1}^{n} e^(x_j′ + c))"),
    (r"\text{softmax}(x) = \text{softmax}(x + c)",
     "1 ≤ i, i ≤ n, 1 ≤ k, k ≤ n ⇒ (softmax(x))_k = (softmax(x + c))_k"),
    (r"\sum_{k=1}^{n} (\text{softmax}(x))_k = 1", "1 ≤ i, i ≤ n ⇒ Σ_{k=1}^{n} (softmax(x))_k = 1"),
])
def test_readings(row, expected):
    assert readings(display(FAMILY, SOFTMAX, row))[1] == expected


@pytest.mark.parametrize("row", [
    r"(\text{softmax}(x + c))_i = \frac{e^{x_i + c}}{\sum_j e^{x_j + c}}",
    r"(\text{softmax}(x + c))_i = \frac{e^{x_i} \times e^c}{e^c \times \sum_j e^{x_j}}",
    r"(\text{softmax}(x + c))_i = (\text{softmax}(x))_i",
    r"(\text{softmax}(x - c))_i = (\text{softmax}(x))_i",
    r"(\text{softmax}(x))_1 = \frac{e^{x_1}}{\sum_j e^{x_j}}",
    r"\sum_{k=1}^{n} (\text{softmax}(x + c))_k = 1",
    r"\log (\text{softmax}(x))_i = x_i - \log \sum_j e^{x_j}",
    r"(\text{softmax}(x))_i = \text{softmax}(x_i)",
    r"\text{softmax}(x) = \text{softmax}(x + c)",
    r"\text{softmax}(x + c) = \text{softmax}(x)",
    r"\text{softmax}(x) = \text{softmax}(x - c) = \text{softmax}(x + 2c)",
    r"\text{softmax}(x + c)_i = \text{softmax}(x)_i",
    r"\text{softmax}(x + c)_i^2 = \text{softmax}(x)_i \cdot (\text{softmax}(x))_i",
])
def test_true_rows_are_verified(row):
    assert checked(row) == ["verified"] * (row.count("=") - row.count("_{k=1}"))


@pytest.mark.parametrize("row", [
    # the constant is added to every member, in the sum too
    r"(\text{softmax}(x + c))_i = \frac{e^{x_i + c}}{\sum_j e^{x_j}}",
    # e^c comes out of every term of the sum, and cancels
    r"(\text{softmax}(x + c))_i = \frac{e^{x_i} \times e^c}{\sum_j e^{x_j}}",
    r"(\text{softmax}(x + c))_i = e^c (\text{softmax}(x))_i",
    # scaling the inputs changes the softmax
    r"(\text{softmax}(2x))_i = (\text{softmax}(x))_i",
    r"\text{softmax}(x) = \text{softmax}(2x + c)",
    r"(\text{softmax}(c x))_i = (\text{softmax}(x))_i",
    r"\text{softmax}(x + c)_i = e^c \text{softmax}(x)_i",
    r"\text{softmax}(2x)_i = \text{softmax}(x)_i",
])
def test_look_alikes_are_refuted(row):
    assert checked(row) == ["refuted"]


def test_a_vector_identity_is_refuted_at_a_component_in_the_range():
    """The row of vectors is read at a fresh index k of the row, whose bounds 1 ≤ k ≤ n the
    instances keep: a counterexample is a component of the vectors, never x_{-1}."""
    step = steps(display(FAMILY, SOFTMAX, r"\text{softmax}(x) = \text{softmax}(2x + c)"))[1]
    result = decide(step, "0", clock.now() + 20)
    assert result.status.value == "refuted"
    values = dict(result.counterexample.assignment)
    assert 1 <= int(values["k"]) <= int(values["n"])
    assert not any(key.startswith("x_{-") or key == "x_{0}" for key in values)


@pytest.mark.parametrize("definition", [
    r"\sigma(x)_i = \frac{e^{x_i}}{\sum_j{e^{x_j}}}",
    r"(\mathrm{softmax}(x))_i = \frac{e^{x_i}}{\sum_j{e^{x_j}}}",
    r"\text{softmax}(x_i) = \frac{\exp(x_i)}{\sum_j{\exp(x_j)}}",
])
def test_each_spelling_of_the_head_defines_the_function_componentwise(definition):
    word = r"\sigma" if definition.startswith(r"\sigma") else r"\mathrm{softmax}"
    rows = [rf"({word}(x + c))_i = ({word}(x))_i", rf"{word}(x) = {word}(x + c)",
            rf"({word}(x + c))_i = e^c ({word}(x))_i"]
    assert checked(*rows, definition=definition) == ["verified", "verified", "refuted"]


def test_the_index_of_the_head_may_be_undeclared():
    header = "% derive: real x_j for j = 1..n\n% derive: real c\n"
    definition = r"(\mathrm{softmax}(x))_i = \frac{e^{x_i}}{\sum_j{e^{x_j}}}"
    rows = [r"\mathrm{softmax}(x) = \mathrm{softmax}(x + c)",
            r"(\mathrm{softmax}(x + c))_k = e^c (\mathrm{softmax}(x))_k"]
    assert checked(*rows, header=header, definition=definition) == ["verified", "refuted"]


@pytest.mark.parametrize("row, message", [
    (r"\text{softmax}(x) = 2", "this side is a number, and another side of the row is a vector"),
    (r"\text{softmax}(x) \le \text{softmax}(x + c)", "derive reads only = between vectors"),
    (r"2\text{softmax}(x) = \text{softmax}(x + c)", "its value is a vector"),
    (r"(\text{softmax}(x^2))_i = 1", "a power of the vector"),
    (r"(\text{softmax}(\exp(x)))_i = 1", "a function of the vector"),
    (r"(\text{softmax}(c))_i = 1", "does not mention the vector x"),
    (r"(\text{softmax}(x + x_1))_i = 1", "a family, beside the vector"),
    (r"(\text{softmax}(x + y))_i = 1", "y, a family, beside the vector"),
    (r"(\text{softmax}(x))_{n+1} = 0", "x_{n+1} is not a member of x"),
    (r"\text{softmax}(x)_{n+1} = 1", "x_{n+1} is not a member of x"),
    (r"(\text{softmax}(x), 1)_i = 1", "a subscript needs a name before it"),
    (r"\sum_{x=1}^{3} (\text{softmax}(x))_i = 1", "x is bound here"),
    (r"\text{softmax}(x_1) = 1", "write the component: (softmax(x))_{1}"),
    (r"2\text{softmax}(x_k) = 1", "write the component: (softmax(x))_{k}"),
    (r"y = \text{softmax}(x)", "defines no name here"),
    (r"\text{softmax}(x) =: y", "defines no name here"),
])
def test_what_is_not_read_is_refused(row, message):
    header = FAMILY + "% derive: real y_j for j = 1..n\n"
    step = steps(display(header, SOFTMAX, row))[1]
    assert step.kind == "unreadable" and message in step.message


def test_a_quantity_at_a_member_of_no_declared_range_defines_no_function():
    """`f(x_i)` of a family made by a sum (no declared range) stays the quantity: f(x) is
    refused as before."""
    text = display("% derive: integer i\n", r"f(x_i) = \sum_{j=1}^{3} x_j + x_i", r"f(x) = 1")
    assert steps(text)[1].kind == "unreadable"


def test_a_row_going_on_from_a_vector_is_read_at_its_index():
    """`&= \\text{softmax}(x - c)` below a row ending with a vector compares the same
    component k (a fresh index per row would compare component k with component k′:
    refuted though true), and a number going on from a vector is refused."""
    chain = (r"\begin{aligned} \text{softmax}(x) &= \text{softmax}(x + c) \\ &= "
             r"\text{softmax}(x - c) \end{aligned}")
    assert checked(chain) == ["verified", "verified"]
    wrong = chain.replace(r"\text{softmax}(x - c) \end", r"\text{softmax}(2x) \end")
    assert checked(wrong) == ["verified", "refuted"]
    number = chain.replace(r"\text{softmax}(x - c) \end", r"1 \end")
    assert [s.kind for s in steps(display(FAMILY, SOFTMAX, number))][-1] == "unreadable"
    component = (r"\begin{aligned} (\text{softmax}(x))_i &= (\text{softmax}(x + c))_i \\ &= "
                 r"\text{softmax}(x - c) \end{aligned}")
    step = steps(display(FAMILY, SOFTMAX, component))[-1]
    assert step.kind == "unreadable" and "the row above ends with a number" in step.message


def test_a_family_whose_letter_is_also_a_number_is_no_vector():
    """`x = 2` beside the family x_j: softmax(x) of the vector or of the number? refused."""
    text = display(FAMILY, SOFTMAX, "x = 2", r"\text{softmax}(x) = \text{softmax}(x + c)")
    assert steps(text)[-1].kind == "unreadable"
    text = display(FAMILY, SOFTMAX, "x = 2", r"(\text{softmax}(x + c))_i = 1")
    assert steps(text)[-1].kind == "unreadable"


def test_a_declared_vector_symbol_is_a_vector_too():
    """`real z in \\mathbb{R}^n`: its components z_1..z_n are the family the head takes."""
    header = ("% derive: natural n\n% derive: real z in \\mathbb{R}^n\n% derive: real c\n"
              "% derive: integer i\n")
    definition = r"\sigma(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j=1}^n e^{z_j}}"
    rows = [r"\sigma(z + c) = \sigma(z)", r"\sigma(z + c)_i = e^c\sigma(z)_i",
            r"\sigma(2z) = \sigma(z)"]
    assert checked(*rows, header=header, definition=definition) == \
        ["verified", "refuted", "refuted"]


LSE = ("% derive: natural n\n% derive: real x_i for i = 1..n\n% derive: real c\n"
       "% derive: define f(x) = \\log \\sum_i^n \\exp x_i\n")


@pytest.mark.parametrize("row, verdict", [
    # the log-sum-exp of the vector shifted by c: LSE(x + c) = LSE(x) + c
    (r"f(x + c) = f(x) + c", "verified"),
    (r"f(x) = \log \sum_{i=1}^n e^{x_i}", "verified"),
    (r"f(x + c) = f(x)", "refuted"),          # was verified: the parameter x was unused
    (r"f(2x) = 2 f(x)", "refuted"),
])
def test_a_function_defined_at_the_bare_vector_takes_its_members(row, verdict):
    assert verdicts(display(LSE, row)) == [verdict]


@pytest.mark.parametrize("header, row", [
    (LSE, r"f(2) = f(x)"),
    ("% derive: natural n\n% derive: define f(x) = \\log \\sum_{i=1}^n \\exp x_i\n",
     r"f(x + 1) = f(x)"),                     # x_i of no declared range: no vector
    ("% derive: natural n\n% derive: real x_i for i = 1..n\n"
     "% derive: define f(x, c) = \\log \\sum_{i=1}^n \\exp (x_i + c)\n", r"f(x, 1) = f(x, 2)"),
])
def test_a_parameter_spelled_as_a_family_is_read_only_as_its_vector(header, row):
    (step,) = steps(display(header, row))
    assert step.kind == "unreadable"


def test_a_function_of_a_family_of_no_range_is_read_at_the_family_itself():
    """`S_i(\\mathbf z)` after `define S_i(\\mathbf z) = …` of `real z_k` (no range): the body
    as written (Cross Validated's softmax Jacobian); at any other argument refused."""
    header = ("% derive: natural K\n% derive: integer i\n% derive: real z_k\n"
              "% derive: define S_i(\\mathbf z) = \\frac{e^{z_i}}{\\sum_k{e^{z_k}}}\n")
    assert verdicts(display(header, r"S_i(\mathbf z) = \frac{e^{z_i}}{\sum_k e^{z_k}}")) == \
        ["verified"]
    (step,) = steps(display(header, r"S_i(\mathbf z + 1) = S_i(\mathbf z)"))
    assert step.kind == "unreadable"


VECTOR = "% derive: natural n\n% derive: real z in \\mathbb{R}^n\n"


@pytest.mark.parametrize("row, reading, verdict", [
    # z_k names a component: k a whole number in 1..n (was a complex k, and refuted)
    (r"\sum_{j=1}^{n} z_j^2 \ge z_k^2", "1 ≤ k, k ≤ n ⇒ Σ_{j=1}^{n} z_j^2 ≥ z_k^2", None),
    (r"\max_j z_j \ge z_k", "1 ≤ k, k ≤ n ⇒ max_{j=1..n} z_j ≥ z_k", None),
    (r"\sum_{j=1}^{n} z_j^2 \ge z_k^2 + 1", None, "refuted"),
    (r"\sum_{j=1}^{n} (z_j + 1) = n + \sum_{j=1}^{n} z_j", None, "verified"),
])
def test_the_components_of_a_vector_symbol_are_a_family_over_its_dimension(row, reading,
                                                                            verdict):
    """`real z in \\mathbb{R}^n`: its components are the family `z_j for j = 1..n`."""
    if reading is not None:
        assert readings(display(VECTOR, row)) == [reading]
    (status,) = verdicts(display(VECTOR, row))
    assert status != "refuted" if verdict is None else status == verdict


@pytest.mark.parametrize("row, message", [
    (r"z_0 + z_{n+1} = 2 z_0", "z_{0} is not a member of z, declared over j = 1..n"),
    (r"z_{n+1} = z_{n+1}", "z_{n+1} is not a member of z, declared over j = 1..n"),
    (r"\sum_{j=1}^{n+1} z_j = 0", "no member of z, declared over j = 1..n"),
])
def test_a_component_outside_the_dimension_of_a_vector_symbol_is_refused(row, message):
    (step,) = steps(display(VECTOR, row))
    assert step.kind == "unreadable" and message in step.message, step.message


@pytest.mark.parametrize("row, message", [
    # atkE round 17/8: the component subscript follows the member-index rules
    (r"(\text{softmax}(x))_{(i)} = 1", "a bracketed index is the order statistic"),
    (r"\text{softmax}(x)_{x_1} = 1", "x_1 is not one"),          # was refuted at x_{-1.6}
    (r"\text{softmax}(x)_{\infty} = 0", "∞ is no index"),         # was accepted
])
def test_a_component_subscript_is_a_whole_number_index_as_a_members_is(row, message):
    step = steps(display(FAMILY, SOFTMAX, row))[-1]
    assert step.kind == "unreadable" and message in step.message, step.message


@pytest.mark.parametrize("row, message", [
    (r"x_{x_1} = 1", "x_1 is not one"),
    (r"x_{\infty} = 1", "∞ is no index"),
])
def test_a_member_at_a_real_or_infinite_index_is_refused(row, message):
    (step,) = steps(display("% derive: natural n\n% derive: real x_j for j = 1..n\n", row))
    assert step.kind == "unreadable" and message in step.message, step.message


def test_a_member_at_a_member_of_a_whole_number_family_is_read():
    header = ("% derive: natural n\n% derive: real x_j for j = 1..n\n"
              "% derive: natural m_j for j = 1..n\n")
    assert verdicts(display(header, r"x_{m_1} = x_{m_1}")) == ["verified"]


VECTOR_SYMBOL = "% derive: natural n\n% derive: real z in \\mathbb{R}^n\n"
VECTOR_VARIABLE = "% derive: natural J\n% derive: variable z in \\mathbb{R}^J\n"


@pytest.mark.parametrize("header", [VECTOR_SYMBOL, VECTOR_VARIABLE])
@pytest.mark.parametrize("row, column", [
    ("z + 1 = 1 + z", 4),          # was verified: z read as a scalar
    (r"z^2 \ge 0", 4),             # was verified
    ("2 z = z + z", 6),
    ("z^2 = -1", 4),
])
def test_a_bare_vector_read_as_a_number_is_refused_at_its_position(header, row, column):
    (step,) = steps(display(header, row))
    assert step.kind.value == "unreadable"
    assert "z is a vector" in step.message and "no arithmetic of vectors" in step.message
    assert step.location.column == column


@pytest.mark.parametrize("row, verdict", [
    (r"\sum_{j=1}^n z_j^2 \ge 0", "verified"),           # its components are numbers
    (r"\sum_{j=1}^n z_j^2 \ge 1", "refuted"),
])
def test_the_components_of_a_vector_are_still_read(row, verdict):
    assert verdicts(display(VECTOR_SYMBOL, row)) == [verdict]


def test_a_vector_at_a_density_s_point_is_still_read():
    header = (VECTOR_VARIABLE + "% derive: real \\mu in \\mathbb{R}^J\n"
              "% derive: positive \\sigma in \\mathbb{R}^J\n"
              "% derive: density q = \\mathcal{N}(\\mu, \\sigma^2) over z\n")
    assert verdicts(display(header, r"\int q(z) \, dz = 1")) == ["verified"]


@pytest.mark.parametrize("above, row", [
    ("", r"\nabla_z f(z) = f'(z)"),                    # was verified: z read as a number
    ("", r"\nabla_z f(z) = 0"),                        # was refuted at a number z
    ("f(z) = f(z)", r"\nabla_z f(w) = f'(w)"),         # was verified (f's gradient at w)
    ("", r"\frac{\partial}{\partial z} f(z) = f'(z)"),
    ("", r"\nabla_z z_1 = 1"),
])
def test_a_derivative_by_a_vector_is_refused(above, row):
    # z ∈ ℝ^J: the gradient is a vector, and derive has no arithmetic of vectors
    header = VECTOR_VARIABLE + "% derive: real w\n% derive: function f\n"
    got = steps(display(header, *([above] if above else []), row))
    assert got[-1].kind.value == "unreadable"
    assert "a derivative by z, a vector" in got[-1].message


def test_a_derivative_by_a_component_of_a_vector_is_still_read():
    header = VECTOR_VARIABLE + "% derive: integer j\n"
    assert verdicts(display(header, r"\frac{\partial}{\partial z_j} z_j^2 = 2 z_j",
                            r"\frac{\partial}{\partial z_j} z_j^2 = z_j")) == [
        "verified", "refuted"]


def test_a_bare_vector_inside_a_definition_is_refused_where_it_is_used():
    (first, second) = steps(display(VECTOR_SYMBOL + "% derive: define g = z + 1\n",
                                    "g = 1 + z", "g - 1 = 2"))
    assert first.kind.value == second.kind.value == "unreadable"
    assert "z is a vector" in second.message


# d2l's loss of two vectors `l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j`
# (y a declared family, ŷ a defined one): applied at exactly its own parameters its value
# is the body as written; at any other argument it stays refused (which members move?).
LOSS = ("% derive: natural q\n% derive: real o_j for j = 1..q\n"
        "% derive: nonnegative y_j for j = 1..q\n% derive: assume \\sum_{j=1}^q y_j = 1\n"
        "% derive: define \\hat{y}_j = \\frac{\\exp(o_j)}{\\sum_{k=1}^q \\exp(o_k)}\n"
        "$$ l(\\mathbf{y}, \\hat{\\mathbf{y}}) = - \\sum_{j=1}^q y_j \\log \\hat{y}_j $$\n")


@pytest.mark.parametrize("row, expected", [
    (r"l(\mathbf{y}, \hat{\mathbf{y}}) = \log \sum_{k=1}^q \exp(o_k) - \sum_{j=1}^q y_j o_j",
     "verified"),
    (r"l(\mathbf{y}, \hat{\mathbf{y}}) = \log \sum_{k=1}^q \exp(o_k) + \sum_{j=1}^q y_j o_j",
     "refuted"),
    (r"\partial_{o_j} l(\mathbf{y}, \hat{\mathbf{y}}) = \hat{y}_j - y_j", "verified"),
    (r"\partial_{o_j} l(\mathbf{y}, \hat{\mathbf{y}}) = \hat{y}_j + y_j", "refuted"),
])
def test_a_function_of_two_vectors_at_its_own_parameters_is_its_body(row, expected):
    assert verdicts(LOSS + f"$$ {row} $$\n")[-1] == expected


@pytest.mark.parametrize("row", [
    r"l(\mathbf{o}, \hat{\mathbf{y}}) = 0",               # another vector: members moved?
    r"l(\mathbf{y} + 1, \hat{\mathbf{y}}) = 0",
    r"l(\hat{\mathbf{y}}, \mathbf{y}) = 0",               # swapped
])
def test_a_function_of_two_vectors_elsewhere_stays_refused(row):
    (*_, last) = steps(LOSS + f"$$ {row} $$\n")
    assert last.kind.value == "unreadable"


_INNER = ("% derive: natural n\n% derive: real y_i for i = 1..n\n"
          "% derive: positive x_i for i = 1..n\n% derive: real \\mu in \\mathbb{R}^J\n"
          "% derive: real \\nu in \\mathbb{R}^J\n")


@pytest.mark.parametrize("row, expected", [
    (r"\langle y,x\rangle = \sum_{i=1}^n y_i x_i", "verified"),
    (r"\langle y,x\rangle = -\sum_{i=1}^n y_i x_i", "refuted"),
    (r"\langle y, x \rangle = \langle x,y\rangle", "verified"),
    (r"\left\langle y, x \right\rangle - \sum_{i=1}^n x_i \log x_i = "
     r"\sum_{i=1}^n (y_i x_i - x_i\log x_i)", "verified"),
    (r"\langle y, x \rangle + \sum_{i=1}^n x_i \log x_i = "
     r"\sum_{i=1}^n (y_i x_i - x_i\log x_i)", "refuted"),
    (r"\langle y,y\rangle \ge 0", "verified"),
    (r"\langle \mu, \nu \rangle = \sum_{j=1}^J \mu_j \nu_j", "verified"),
    (r"\langle \mu, \nu \rangle = \sum_{j=1}^J \mu_j \nu_j + 1", "refuted"),
    (r"\langle y, x\rangle^2 = \Big(\sum_{i=1}^n y_i x_i\Big)^2", "verified"),
])
def test_an_inner_product_of_declared_families_is_their_sum_of_products(row, expected):
    assert verdicts(display(_INNER, row)) == [expected]


@pytest.mark.parametrize("row, message", [
    (r"\langle y, 2x \rangle = 1", "written by their letters; not this"),
    (r"\langle y, \mu \rangle = 1", "declared over different ranges"),
    (r"\langle y, z \rangle = 1", "z is not one"),
    (r"\langle y \rangle = 1", "two arguments"),
    (r"\langle y, x, y \rangle = 1", "two arguments"),
    (r"\sup_t \langle y, t \rangle = 1", "t is bound"),
])
def test_an_inner_product_of_anything_else_is_refused(row, message):
    (step,) = steps(display(_INNER + "% derive: real a\n", row))
    assert step.kind == "unreadable" and message in step.message
