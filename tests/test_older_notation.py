"""Notation of older notes and of optimiser papers, pinned: `\\odot` (the elementwise,
Hadamard, product: Adam's `g_t \\odot g_t`) between numbers is their product, between
declared vectors or matrices refused; `\\circ` stays refused (composition or Hadamard?)."""

import pytest

from probability_support import display, steps, verdicts

NUMBERS = ("% derive: real a, b, \\beta\n% derive: natural n\n"
           "% derive: real g_i for i = 1..n\n% derive: density p over x\n")


@pytest.mark.parametrize("true, false", [
    (r"a \odot b = b a", r"a \odot b = a + b"),
    (r"a \cdot b \odot b = a b^2", r"a \cdot b \odot b = a b"),         # one run of products
    (r"a + b \odot g_1 = a + g_1 b", r"a + b \odot g_1 = (a + b) g_1"),   # binds as \cdot
    (r"b \odot g_1^2 = b g_1 g_1", r"b \odot g_1^2 = (b g_1)^2"),        # a power first
    (r"\log a \odot b = b \log a", r"\log a \odot b = \log(a b)"),       # ends a log's argument
    (r"a ⊙ b = a b", r"a ⊙ b = a^2 b"),                                   # the Unicode sign
    (r"(1-\beta) \sum_{i=1}^n \beta^{n-i} \cdot g_i \odot g_i = (1-\beta) \sum_{i=1}^n "
     r"\beta^{n-i} g_i^2",
     r"(1-\beta) \sum_{i=1}^n \beta^{n-i} \cdot g_i \odot g_i = (1-\beta) \sum_{i=1}^{n-1} "
     r"\beta^{n-i} g_i^2"),                                                  # Adam's v_t
    (r"\mathbb{E}_{x \sim p}[x \odot x] = \mathbb{E}_{x \sim p}[x^2]",
     r"\mathbb{E}_{x \sim p}[x \odot x] = \mathbb{E}_{x \sim p}[x] \odot \mathbb{E}_{x \sim p}[x]"),
])
def test_the_elementwise_product_of_numbers_is_their_product(true, false):
    assert verdicts(display(NUMBERS, true, false)) == ["verified", "refuted"]


def test_a_row_may_break_after_the_elementwise_product():
    """`a \\odot \\\\ &\\quad b`: the row goes on, as after `\\cdot`."""
    text = NUMBERS + "$$\\begin{aligned} y &= a \\odot \\\\ &\\quad b \\\\ &= ab \\end{aligned}$$\n"
    assert verdicts(text) == ["definition", "verified"]


VECTORS = ("% derive: real \\mu, \\nu, \\sigma in \\mathbb{R}^n\n"
           "% derive: define \\Sigma = \\text{diag}(\\sigma^2)\n")


@pytest.mark.parametrize("row", [
    r"\mu \odot \nu = \nu \odot \mu",          # vectors: derive has no vector arithmetic
    r"\mu^T \nu \odot \nu = 0",
    r"\Sigma \odot \Sigma = \Sigma^2",         # a diagonal matrix read as a number
    r"a \circ b = a b",                        # composition or Hadamard? refused as before
])
def test_the_elementwise_product_of_vectors_or_matrices_is_refused(row):
    (step,) = steps(display(VECTORS, row))
    assert step.message is not None


def test_plain_tex_eqalign_is_an_aligned_block():
    """`\\eqalign{ … \\cr … }` (plain TeX, older notes): rows end at `\\cr`, aligned at `&`,
    as `aligned`; a wrong link is refuted at its own row."""
    header = "% derive: real a, b\n"
    text = header + ("$$\\eqalign{ (a+b)^2 &= a^2 + 2ab + b^2 \\cr &= b^2 + 2ab + a^2 \\cr}$$\n"
                     "$$\\eqalign { (a-b)^2 = a^2 - 2ab + b^2 \\crcr &= a^2 + b^2 }$$\n")
    assert verdicts(text) == ["verified", "verified", "verified", "refuted"]
    assert [s.location.line for s in steps(text)] == [2, 2, 3, 3]


@pytest.mark.parametrize("row", [
    r"a \cr = a",                                   # a \cr outside an \eqalign
    r"\eqalignno{ a &= a & (1) \cr }",              # a column of equation numbers
    r"\eqalign a = a",                              # no braced group
])
def test_plain_tex_alignment_elsewhere_is_refused(row):
    assert all(s.message is not None for s in steps(display("% derive: real a\n", row)))
