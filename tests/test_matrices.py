"""Vectors and diagonal matrices, the bounded reading of `derive/frontend/latex/matrices.py`:
determinants, traces and quadratic forms of diagonal matrices over declared vectors are
verified when true, refuted (or at least never verified) when false, and every other matrix
expression is refused saying why."""

import pytest


from probability_support import display, first_refusal, steps, verdicts

HEADER = ("% derive: variable z in \\mathbb{R}^n\n% derive: real \\mu in \\mathbb{R}^n\n"
          "% derive: real \\nu in \\mathbb{R}^m\n% derive: positive \\sigma in \\mathbb{R}^n\n"
          "% derive: real a\n"
          "% derive: define \\Sigma = \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2)\n")


def checked(*rows, header=HEADER):
    return verdicts(display(header, *rows))


@pytest.mark.parametrize("row", [
    r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i^2",
    r"\operatorname{tr}\{ I^{-1}\Sigma \} = \sum_{i=1}^n \sigma_i^2",
    r"\log|\Sigma| = \sum_{i=1}^n \log \sigma_i^2",
    r"\det \Sigma = \prod_{i=1}^n \sigma_i^2",
    r"|\Sigma|^{1/2} = \prod_{j=1}^n \sigma_j",
    r"\log\frac{|I|}{|\Sigma|} = -\sum_{i=1}^n \log \sigma_i^2",
    r"\mu^T \mu = \sum_{i=1}^n \mu_i^2",
    r"\mu^\top \Sigma^{-1} \mu = \sum_{i=1}^n \frac{\mu_i^2}{\sigma_i^2}",
    r"(\vec{0} - \mu)^T I^{-1}(\vec{0} - \mu) = \sum_{i=1}^n \mu_i^2",
    r"(z-\mu)^T(\sigma^2 \mathbf{I})^{-1}(z-\mu) = \sum_{i=1}^n \frac{(z_i - \mu_i)^2}{\sigma_i^2}",
    r"\frac{1}{2}\left[-\log|\Sigma| - n + \text{tr}\{\Sigma\} + \mu^T\mu\right] = "
    r"\frac{1}{2}\sum_{i=1}^n \left(\mu_i^2 + \sigma_i^2 - 1 - \log \sigma_i^2\right)",
])
def test_true_identities_are_verified(row):
    assert checked(row) == ["verified"]


@pytest.mark.parametrize("row", [
    r"\text{tr}(\Sigma) = \prod_{i=1}^n \sigma_i^2",
    r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i",
    r"\det \Sigma = \prod_{i=1}^n \sigma_i",
    r"\frac{1}{2}\mu^T \mu = \sum_{i=1}^n \mu_i^2",
    r"\mu^T \Sigma^{-1} \mu = \sum_{i=1}^n \mu_i^2 \sigma_i^2",
    r"\log|\Sigma| = \sum_{i=1}^n \log \sigma_i",
])
def test_false_identities_are_refuted(row):
    assert checked(row) == ["refuted"]


@pytest.mark.parametrize("row, message", [
    (r"\mu^T A \mu = 0", "A is no declared vector"),
    (r"\text{tr}(A) = 0", "yet but of diagonal matrices (it has no others)"),
    (r"\det A = 1", "yet but of diagonal matrices (it has no others)"),
    (r"\mu^T \nu = 0", "dimensions differ here (1..n and 1..m)"),
    (r"a^T \mu = 0", "\\mu is a vector (declared in a space of vectors), read here as a number"),
    (r"\Sigma^{-1} = 1", "\\Sigma is a diagonal matrix"),
    (r"\Sigma + 1 = 2", "\\Sigma is a diagonal matrix"),
    (r"\text{tr}(I) = n", "the trace of the identity is its dimension"),
    (r"\mu^T \Sigma^{2} \mu = 0", "only the inverse"),
    (r"\mu^T = 0", "nothing follows it"),
    (r"(2\mu)^T \mu = 0", "the transpose of a declared vector"),
    (r"\int \det \Sigma \, dz = 0", "beside a sum, product, integral"),
])
def test_what_is_not_read_is_refused(row, message):
    step = steps(display(HEADER, row))[0]
    assert step.kind == "unreadable" and message in step.message


@pytest.mark.parametrize("row", [r"\mathbf{1}^T x = x", r"\mathbf{1}^\top x = x",
                                 r"\mathbf{1}^{T} \mathbf{1} = 1", r"\mathbf{1}^T \mathbf{1} = n",
                                 r"\boldsymbol{1}^T x = x"])
def test_the_ones_vector_transposed_is_refused(row):
    """`\\mathbf{1}^T x` is the all-ones vector's inner product with x, never the number 1
    to a power T (`\\mathbf{1}^T x = x` was verified): refused as a transpose, as `w^T x` is."""
    (step,) = steps(display("% derive: real x\n", row))
    assert step.kind == "unreadable" and "transpose" in step.message


def test_a_non_diagonal_definition_is_refused():
    """diag of anything but one declared vector's components, first and last written
    alike, is refused at the definition (never a matrix guessed from it)."""
    header = HEADER.replace(r"\sigma_1^2, \ldots, \sigma_n^2", r"\sigma_1^2, \ldots, \mu_n^2")
    assert "components 1..n of one declared vector" in \
        first_refusal(display(header, r"\text{tr}(\Sigma) = 0"))[2]


@pytest.mark.parametrize("definition", [r"\text{diag}(\sigma^2)", r"\sigma^2 I"])
def test_other_diagonal_spellings(definition):
    header = HEADER.replace(r"\text{diag}(\sigma_1^2, \ldots, \sigma_n^2)", definition)
    assert checked(r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i^2",
                   r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i", header=header) == \
        ["verified", "refuted"]


def test_a_dot_product_of_ranged_families_under_a_derivative():
    """θ^T x of families declared over 0..d (the LMS rule): Σ_k θ_k x_k, differentiated."""
    header = ("% derive: natural d\n% derive: real \\theta_k for k = 0..d\n"
              "% derive: real x_k for k = 0..d\n% derive: integer j\n"
              "% derive: assume 0 \\le j, j \\le d\n")
    assert checked(r"\partial_{\theta_j}\left( {\theta}^\mathsf{T}x \right) = x_j",
                   r"\partial_{\theta_j}\left( {\theta}^\mathsf{T}x \right) = x_j^2",
                   header=header) == ["verified", "refuted"]


def test_a_declared_T_is_a_power():
    """T declared a number: `\\gamma^T` stays a power, never a transpose."""
    header = "% derive: integer T\n% derive: real \\gamma\n"
    assert checked(r"\gamma^T \gamma = \gamma^{T+1}", header=header) == ["verified"]


def test_a_dimension_is_a_natural_number():
    """ℝ^n with n undeclared: n ≥ 1, so -n + Σ_i σ_i² = Σ_i (σ_i² - 1) is no longer refuted
    at n = -1 (an empty sum)."""
    assert checked(r"-n + \sum_{i=1}^n \sigma_i^2 = \sum_{i=1}^n (\sigma_i^2 - 1)") == \
        ["verified"]


@pytest.mark.parametrize("half, expected", [(r"\frac{1}{2}", "verified"), ("", "refuted")])
def test_the_fraktur_kl_spelling_with_the_matrix_form(half, expected):
    """`\\mathfrak{D}_\\text{KL}` is KL (one registry entry); against N(0, I) the diagonal
    Gaussian's KL in matrix notation is verified, without its ½ refuted."""
    header = HEADER + ("% derive: density q = \\mathcal{N}(\\mu, \\sigma^2) over z\n"
                       "% derive: density p = \\mathcal{N}(0, I) over z\n")
    row = (r"\mathfrak{D}_\text{KL}[q(z) \| p(z)] = " + half +
           r"\left[-\log|\Sigma| - n + \text{tr}\{\Sigma\} + \mu^T \mu\right]")
    assert checked(row, header=header) == [expected]


@pytest.mark.parametrize("definition, true, false", [
    (r"\text{diag}(\sigma^2)^{-1}", r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i^{-2}",
     r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i^2"),
    (r"\text{diag}(\sigma_1, \ldots, \sigma_n)^2", r"\det \Sigma = \prod_{i=1}^n \sigma_i^2",
     r"\det \Sigma = \prod_{i=1}^n \sigma_i"),
    (r"\text{diag}(\sigma_1, \ldots, \sigma_n)^{-1}", r"\text{tr}(\Sigma) = \sum_{i=1}^n "
     r"\frac{1}{\sigma_i}", r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i"),
])
def test_an_integer_power_after_diag_is_applied_to_the_entries(definition, true, false):
    """`\\text{diag}(\\sigma^2)^{-1}` is the diagonal of the reciprocals (the power after
    diag's bracket was dropped: tr = Σσ_i² verified)."""
    header = HEADER.replace(r"\text{diag}(\sigma_1^2, \ldots, \sigma_n^2)", definition)
    assert checked(true, false, header=header) == ["verified", "refuted"]


@pytest.mark.parametrize("script", ["^{1/2}", "^T", "'", "_0"])
def test_another_script_after_diag_is_refused(script):
    header = HEADER.replace(r"\text{diag}(\sigma_1^2, \ldots, \sigma_n^2)",
                            r"\text{diag}(\sigma^2)" + script)
    assert "only an integer power after its bracket" in \
        first_refusal(display(header, r"\text{tr}(\Sigma) = \sum_{i=1}^n \sigma_i^2"))[2]


@pytest.mark.parametrize("row, expected", [
    (r"|I| = 1", "verified"), (r"|\mathbf{I}| = 1", "verified"),
    (r"\lvert I \rvert = 1", "verified"), (r"\det(I^{-1}) = 1", "verified"),
    (r"|I| = 2", "refuted"), (r"\det I = 2", "refuted"),
    (r"|I - 1| = |1 - I|", "verified"),          # no identity alone in bars: |·| of a number
])
def test_the_identity_in_bars_is_a_determinant(row, expected):
    """README: |I| = 1 — a row writing no other matrix notation read |I| as the absolute
    value of an undeclared complex I (`|I| = 1` refuted)."""
    assert checked(row, header="% derive: real \\mu in \\mathbb{R}^n\n") == [expected]


@pytest.mark.parametrize("row", [r"|2 I| = 1", r"\det(2 I) = 1", r"\det(2 I) = 2^n"])
def test_a_multiple_of_an_identity_of_no_dimension_has_no_determinant(row):
    """det(2I) = 2^n with n fixed by nothing: it was 1 (`\\det(2 I) = 1` verified)."""
    (step,) = steps(display("% derive: real \\mu in \\mathbb{R}^n\n", row))
    assert step.kind == "unreadable" and "depends on its dimension" in step.message


def test_i_read_as_the_identity_is_no_number_below():
    """One name, one meaning: after `\\mu^T I \\mu` or `|I|`, `I + 1` is refused (it was a
    complex unknown, refuted)."""
    text = display("% derive: real \\mu in \\mathbb{R}^n\n", r"\mu^T I \mu = \mu^T \mu",
                   r"|I| = 1", r"I + 1 = 2")
    assert verdicts(text) == ["verified", "verified", "error"]
    assert "as the identity matrix" in steps(text)[2].message


def test_a_transpose_beside_an_integral_over_the_vector_is_read_in_its_scope():
    """`\\int \\mu^T \\mu \\, dz` (z in R^n: a transpose beside an integral is read in the
    integral's scope since 916c84c): a constant over all of R^n has no finite integral, so
    neither 0 nor 3 is ever verified or refuted — undecided."""
    assert checked(r"\int \mu^T \mu \, dz = 0", r"\int \mu^T \mu \, dz = 3") == \
        ["undecided", "undecided"]
