"""Vectors and diagonal matrices, a bounded reading (the VAE's KL in matrix notation).

derive has no matrix arithmetic. What VAE authors write of the diagonal Gaussian is read
here, over the vector symbols the file declares (`real \\mu in \\mathbb{R}^n`, `variable z
in \\mathbb{R}^n`, a family over a range `real \\theta_k for k = 0..d`), by turning every
matrix expression into sums and products of **entries at one index**:

* A **diagonal matrix** is the identity (`I`, `\\mathbf{I}`, `\\mathbb{I}`, undeclared), a
  name the file defines diagonal (`% derive: define \\Sigma = \\text{diag}(\\sigma_1^2,
  \\ldots, \\sigma_n^2)`, `\\text{diag}(\\sigma^2)`, `\\sigma^2 I` — σ a declared vector:
  entry j is σ_j²), a bracket of such factors (`(\\sigma^2\\mathbf{I})`, a number or a
  vector's power times diagonal matrices), and any of them to the power −1 (the diagonal of
  reciprocals). `Diagonal` holds its entry at an index and the index range.
* A **vector** is a declared vector or ranged family's bare name (component j its member
  j; inside `\\int … dz` the bound copy's), the zero vector `\\vec{0}` (`\\mathbf{0}`), and
  sums and differences of them in brackets (`(z - \\mu)`).

Each operator is one entry of `OPERATORS`, read from where it is written:

* `determinant`: `|\\Sigma|`, `\\det\\Sigma`, `\\det(\\Sigma)` — Π_j entries (so
  `\\log|\\Sigma|` is the log of that product, Σ_j log entries);
* `trace`: `\\text{tr}(D)`, `\\operatorname{tr}\\{D\\}`, `\\mathrm{Tr}[D]` — Σ_j entries;
* `transpose`: `a^T b`, `a^T D_1 … D_k b` (also `^\\top`, `^{\\mathsf{T}}`, T no declared or
  bound number) — Σ_j a_j (D_1)_jj … (D_k)_jj b_j, a quadratic form or a dot product; `w^T`
  of a declared real number (`real w`, a member `x_i^T` of `real x_i for i = 1..n`, not bold)
  is w itself — a 1×1 matrix is its own transpose (never of an undeclared, complex letter,
  whose transpose might be meant conjugate).

Everything else stays refused, at its position and saying why: a matrix name not defined
diagonal, a matrix standing where a number is meant (`\\Sigma + 1`, `\\Sigma^{-1}` alone), a
transpose of what is no declared vector or not followed by diagonal matrices and a vector, a
product with a factor that is no diagonal matrix, vectors or matrices of different
dimensions, an identity or zero vector whose dimension nothing fixes (`\\text{tr}(I)`).
The reading is looked for only in a row that writes a transpose, `\\det`, a trace, `diag`
or a name defined diagonal (`MARKS`): the common path pays one text search per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, Tree

from derive.frontend.errors import InputError
from derive.frontend.latex import names as naming
from derive.frontend.latex.pieces import (
    is_token, is_tree, one_item, single, tailless, unscripted,
)
from derive.model.names import Kind
from derive.model.terms import ONE, Add, Call, Mul, Num, Pow, Product, Sum, Sym, neg
from derive.notation import vectors
from derive.notation.show import show

# A row that may write matrix notation: a transpose (`^T` unbraced takes the T alone, `w^Tx`),
# \det, a trace word, diag.
# Bars holding an I (`|I|`, `|\\mathbf{I}|`, `\\lvert \\sigma^2 I \\rvert`): a determinant.
MARKS = re.compile(r"\^\s*T|\^\s*\{?\s*(?:\\(?:mathsf|mathrm|text|mathbf|mathit)\s*\{?\s*)?T(?![a-zA-Z])"
                   r"|\\top(?![a-zA-Z])|\\intercal|\\det(?![a-zA-Z])|\{\s*[Tt]r\s*\}|diag"
                   r"|(?:\||\\[lv]?vert)[^|]*?(?<![\\a-zA-Z])I(?![a-zA-Z])")
_IDENTITY = re.compile(r"I|\\(?:mathbf|mathbb|boldsymbol|bm|mathrm)\s*\{?\s*I\s*\}?")
_ZERO = re.compile(r"\{?\s*(?:0|\\(?:vec|mathbf|boldsymbol|bm)\s*\{?\s*0\s*\}?)\s*\}?")
_TRACE = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*[Tt]r\s*\}")
_DIAG = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*diag\s*\}")
_INVERSE = re.compile(r"\{?\s*-\s*1\s*\}?")
_INTEGER = re.compile(r"\{?\s*(-?\s*\d+)\s*\}?")
_VECTOR_FONT = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|vec|overrightarrow|mathbold)(?![a-zA-Z])")
_DOTS = (r"\ldots", r"\dots", r"\cdots", r"\dotsc")
_INDEX_LETTERS = ("j", "k", "l", "m", "r", "s", "q")
TRANSPOSES = ("derive does not read transposes yet but in a^T b and a^T D b of declared "
              "vectors (real \\mu in \\mathbb{R}^n) and diagonal matrices, and of declared real "
              "numbers (real w: w^T is w)")


@dataclass(frozen=True)
class Span:
    """An index range lower..upper (terms) of a vector or a diagonal matrix."""

    lower: object
    upper: object


@dataclass(frozen=True)
class Diagonal:
    """A diagonal matrix as read: `entry(j)` its entry at index term j, `span` its index
    range (None: the identity's, fixed by what it multiplies)."""

    entry: object
    span: Span | None


@dataclass(frozen=True)
class VectorValue:
    """A vector as read: `component(j)` at index term j, `span` (None: the zero vector)."""

    component: object
    span: Span | None


@dataclass(frozen=True)
class DiagonalDefinition:
    """`define \\Sigma = \\text{diag}(\\sigma_1^2, …, \\sigma_n^2)`: entry j is the vector
    `base`'s component j to `power` (None: the component itself), over `span`."""

    base: str
    power: object
    span: Span


class NotMatrix(Exception):
    """What is read here is not a matrix (or vector) of this reading."""


class Matrices:
    """The reader's part for vectors and diagonal matrices (see the module)."""

    # ------------------------------------------------------------------ entry points
    def matrix_run(self, items):
        """The run's items with every determinant, trace and transpose read into a `read`
        item (its term), or None when the run writes none of them."""
        if not self.matrix_text:
            return None
        out, k, changed = [], 0, False
        while k < len(items):
            item = items[k]
            operator = self._operator_at(item)
            binders = any(is_tree(i, "big", "inner_limop") for i in items)
            if operator == "transpose" and binders and self._integrals_only(items):
                used = self._transpose_length(items, k)
                out.append(Tree("matrix_form", items[k:k + used], item.meta))
                k += used
                changed = True
                continue
            if operator is None or operator == "transpose" and binders:
                out.append(item)        # `\sum_{T=1}^n a^T`: T may be bound there
                k += 1
                continue
            if binders:
                raise self.error("matrix notation beside a sum, product, integral or limit "
                                 "in one run is not read: bracket it, (\\mu^T \\mu)", item)
            value, used = OPERATORS[operator](self, items, k)
            out.append(Tree("read", [value], item.meta))
            k += used
            changed = True
        return out if changed else None

    def deferred_transpose(self, node):
        """A `matrix_form` (a^T D … b in a run with an integral) read where the product
        reaches it — inside the integral's binding, so `\\int q(z) z^T z \\, dz` is of the
        bound copy's components, never the free z's."""
        items = node.children
        if self._operator_at(items[0]) != "transpose":
            raise self.error("T is bound here: a^T is not read as a transpose", items[0])
        value, used = self._transpose(items, 0)
        if used != len(items):
            raise self.error(f"{TRANSPOSES}: a transpose beside an integral is read only in "
                             "a^T b and a^T D b of declared vectors", items[0])
        return value

    def _integrals_only(self, items):
        """Whether a run's binders are all integrals and none is over a T (`dT`): a
        transpose there is read in the integral's scope (`deferred_transpose`)."""
        for item in items:
            if is_tree(item, "inner_limop") or is_tree(item, "big") and \
                    item.children[0].value not in (r"\int", r"\iint"):
                return False
        return not re.search(r"(?<![\\a-zA-Z])d\s*T(?![a-zA-Z])",
                             " ".join(self.source_text(i) for i in items))

    def _transpose_length(self, items, k):
        """How many items a^T D_1 … D_k b spans from k (read later, in its scope)."""
        m = k + 1
        while m < len(items) and self._diagonal_item(items[m]):
            m += 1
        if m >= len(items):
            raise self.error("a transpose is read only in a^T b or a^T D b (a, b declared "
                             "vectors, D diagonal matrices): nothing follows it here",
                             items[k])
        return m + 1 - k

    def matrix_operator(self, items):
        """Whether a run's items write a determinant, trace or transpose (a side that
        does is no head of a definition: `\\text{tr}(\\Sigma) = …` is a claim)."""
        return self.matrix_text and any(self._operator_at(i) for i in items)

    def bars_determinant(self, inner):
        """`|\\Sigma|`, `|I|` of a diagonal matrix: its determinant; None when the bars hold
        no matrix of this reading (they are then an absolute value)."""
        if not self.matrix_text:
            return None
        node = single(inner)
        items = node.children if is_tree(node, "run") else [node]
        if not any(self._diagonal_name(i) for i in items):
            return None
        return self._determinant_of(self._diagonal_product(items, inner), inner)

    def refuse_matrix_name(self, key, node):
        """A name defined diagonal, or an I read as the identity above, read as a number:
        refused, saying where it is read (one name, one meaning)."""
        if key == "I" and self.scope.identity is not None:
            line, column = self.source.position(self.scope.identity)
            raise self.error(f"I is read at line {line}, column {column} as the identity "
                             "matrix: a number I would give it a second meaning — declare "
                             "or name the number otherwise", node)
        if key in self.scope.matrices:
            raise self.error(f"{key} is a diagonal matrix (defined above): derive reads it "
                             f"only in |{key}|, \\det {key}, \\text{{tr}}({key}) and a^T "
                             f"{key}^{{-1}} b of declared vectors, never as a number", node)

    def diagonal_covariance(self, arg):
        """A normal's covariance written as a diagonal matrix: a name the file defines
        diagonal (`\\Sigma`, `define \\Sigma = \\text{diag}(\\sigma_1^2, \\ldots,
        \\sigma_J^2)`) or `\\text{diag}(…)` written there — the term of its diagonal, the
        declared vector's power (σ^2), so that `\\mathcal{N}(\\mu, \\Sigma)` over z in ℝ^J
        is the product of the N(μ_j, σ_j²) (`vectors`: a vector parameter stands for its
        component). None when the argument writes no such matrix (an ordinary variance,
        `\\sigma^2 I` among them). A diagonal whose entries are no declared vector symbol's
        (a family over a range) is refused: derive reads vector parameters of symbols only."""
        if not self.matrix_text:
            return None
        node = single(arg)
        items = node.children if is_tree(node, "run") else [node]
        text = self.source_text(arg).strip()
        if text in self.scope.matrices:
            spec = self.scope.matrices[text]
        elif len(items) == 2 and _DIAG.fullmatch(self.source_text(items[0]).strip()):
            spec = self._diag_powered(items[1])
        else:
            return None
        found = self.declared(spec.base)
        if found is None or not isinstance(found[1].info, vectors.Vector):
            raise self.error(f"a normal's covariance is read as a diagonal matrix of a "
                             f"declared vector symbol's entries (real \\sigma in "
                             f"\\mathbb{{R}}^J): {spec.base} is none", arg)
        vector = Sym(found[0])
        return vector if spec.power is None else Pow(vector, spec.power)

    def diagonal_definition(self, name_text, value_text, start):
        """`\\Sigma = \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2)`, `\\text{diag}(\\sigma^2)`
        or `\\sigma^2 I` (σ a declared vector): its `DiagonalDefinition`; None when the value
        writes no such matrix (an ordinary definition)."""
        tree = self._parse(value_text, start)
        node = single(tree.children[0]) if len(tree.children) == 1 else None
        items = node.children if is_tree(node, "run") else [node]
        if len(items) == 2 and _DIAG.fullmatch(self.source_text(items[0]).strip()):
            return self._diag_powered(items[1])
        if _DIAG.search(value_text):
            raise self.error("diag reads \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2) or "
                             "\\text{diag}(\\sigma^2) of a declared vector", items[0])
        if len(items) == 2 and self._identity(items[1]):
            base, power = self._vector_power(items[0])
            return DiagonalDefinition(base, power, self._vector(base, items[0]).span)
        return None

    # ------------------------------------------------------------------ operators
    def _operator_at(self, item):
        """The operator an item writes (a key of `OPERATORS`), or None."""
        primary = unscripted(item)
        if is_token(primary, "COMMAND") and primary.value == r"\det":
            return "determinant"
        if is_tree(tailless(item), "font") and _TRACE.fullmatch(self.source_text(item).strip()):
            return "trace"
        if self._transposed(item) is not None:
            return "transpose"
        return None

    def _determinant(self, items, k):
        """`\\det\\Sigma`, `\\det(\\Sigma)`: Π_j entries (2 items)."""
        argument = self._operand(items, k, r"\det")
        matrix = self._diagonal_argument(argument, items[k])
        return self._determinant_of(matrix, argument), 2

    def _trace(self, items, k):
        """`\\text{tr}(D)`, `\\operatorname{tr}\\{D\\}`: Σ_j entries (2 items)."""
        argument = self._operand(items, k, "the trace")
        matrix = self._diagonal_argument(argument, items[k])
        if matrix.span is None:
            raise self.error("the trace of the identity is its dimension, which nothing "
                             "here fixes: write the dimension", argument)
        index = self._matrix_index()
        return Sum(index, matrix.entry(Sym(index)), matrix.span.lower,
                   matrix.span.upper), 2

    def _transpose(self, items, k):
        """`a^T b`, `a^T D_1 … D_k b`: Σ_j a_j D_jj … b_j (2 + k items); `w^T` of a declared
        real number: w itself (1 item). A refusal says first what transposes derive reads."""
        number = self._real_number(self._transposed(items[k]))
        if number is not None:
            return number, 1
        try:
            return self._quadratic_form(items, k)
        except InputError as exc:
            exc.message = f"{TRANSPOSES}: {exc.message}"
            raise

    def _quadratic_form(self, items, k):
        try:
            left = self._vector_node(self._transposed(items[k]), items[k])
        except NotMatrix:
            raise self.error("derive reads the transpose of a declared vector, the zero "
                             "vector, or their sums and differences in brackets ((z - \\mu)^T)"
                             " only: this is none", items[k]) from None
        factors, m = [], k + 1
        while m < len(items) and self._diagonal_item(items[m]):
            factors.append(self._diagonal_factor(items[m]))
            m += 1
        if m >= len(items):
            raise self.error("a transpose is read only in a^T b or a^T D b (a, b declared "
                             "vectors, D diagonal matrices): nothing follows it here",
                             items[k])
        try:
            right = self._vector_node(items[m], items[m])
        except NotMatrix:
            raise self.error("a transpose is read only in a^T b or a^T D b (a, b declared "
                             "vectors, D diagonal matrices defined in the file): this is "
                             "no declared vector nor diagonal matrix", items[m]) from None
        span = self._one_span([left.span, right.span] + [f.span for f in factors], items[k])
        if span is None:
            raise self.error("the dimension of this product is fixed by nothing (a zero "
                             "vector and identities): write its value", items[k])
        index = Sym(self._matrix_index())
        body = left.component(index)
        for f in factors:
            body = Mul(body, f.entry(index))
        return Sum(index.name, Mul(body, right.component(index)), span.lower,
                   span.upper), m + 1 - k

    def _real_number(self, node):
        """The term of a transposed name that is a declared real number — a symbol declared
        real (`real w`) or a member of a family declared real (`real x_i for i = 1..n`),
        never a vector, a ranged family's bare name, a variable or an undeclared (complex)
        letter, nor a bold or arrowed letter (`\\mathbf{w}`, written for a vector): a 1×1
        matrix is its own transpose, and a real one has no conjugate to take. None for
        anything else (read, or refused, as a vector's transpose)."""
        if _VECTOR_FONT.match(self.source_text(node).strip()):
            return None                 # `\\mathbf{w}^T`: a bold letter is written for a vector
        try:
            piece = self.piece(node)
        except Exception:               # noqa: BLE001 - not a name: no number of this kind
            return None
        if getattr(piece, "power", 0) is not None or getattr(piece, "primes", 1) or \
                self.ranged_family(getattr(piece, "base", "")) is not None and \
                piece.sub is None:
            return None
        term = self.term(node)
        name = term.name if isinstance(term, Sym) else \
            term.function if isinstance(term, Call) and len(term.arguments) == 1 else None
        if name is None or name.local is not None or name.origin is not None:
            return None
        declaration = self.scope.context.declaration(name)
        kind = Kind.SYMBOL if isinstance(term, Sym) else Kind.FUNCTION
        if not declaration.declared or declaration.kind is not kind or \
                isinstance(declaration.info, vectors.Vector) or not declaration.domain.is_real:
            return None
        return term

    # ------------------------------------------------------------------ matrices
    def _operand(self, items, k, what):
        if k + 1 >= len(items):
            raise self.error(f"{what} needs its matrix after it", items[k])
        return items[k + 1]

    def _diagonal_argument(self, node, operator):
        """A diagonal matrix written as an operator's argument: one factor, or a bracket
        holding a product of factors; refused at the operator otherwise."""
        try:
            if is_tree(tailless(node), "bracketed") and not self._diagonal_item(node):
                return self._diagonal_product(self._bracket_items(node.children[0]), node)
            return self._diagonal_factor(node)
        except NotMatrix:
            raise self.error(f"derive does not read `{self.source_text(operator).strip()}` "
                             "yet but of diagonal matrices (it has no others): of I or a name "
                             "defined in the file by \\text{diag}(\\sigma_1^2, \\ldots, "
                             "\\sigma_n^2), their inverses and products; "
                             f"{self.source_text(node).strip()} is none", operator) from None

    def _determinant_of(self, matrix, node):
        if matrix.span is None:
            if not _is_one(matrix.entry(Sym(self._matrix_index()))):
                raise self.error("the determinant of this multiple of the identity depends "
                                 "on its dimension, which nothing here fixes: write its "
                                 "value", node)
            return ONE                          # |I| = 1 in every dimension
        index = self._matrix_index()
        return Product(index, matrix.entry(Sym(index)), matrix.span.lower, matrix.span.upper)

    def _diagonal_item(self, item):
        """Whether an item is a diagonal matrix factor (without reading it)."""
        if not is_tree(item, "script"):
            return self._diagonal_name(item)
        primary = item.children[0]
        if is_tree(primary, "bracketed"):
            inner = self._bracket_items(primary, strict=False)
            return inner is not None and any(self._diagonal_name(i) for i in inner)
        return self._diagonal_name(item)

    def _diagonal_name(self, item):
        """Whether an item is I or a name defined diagonal, with or without a power."""
        primary = item.children[0] if is_tree(item, "script") else item
        text = self.source_text(primary).strip()
        return text in self.scope.matrices or self._identity(primary)

    def _identity(self, item):
        primary = item.children[0] if is_tree(item, "script") and \
            len(item.children) == 1 else item
        return _IDENTITY.fullmatch(self.source_text(primary).strip()) is not None and \
            self.scope.lookup("I") is None and self.bound_name("I") is None

    def _diagonal_factor(self, item):
        """One diagonal factor: I, a defined name, a bracket of factors, each to ^{-1}."""
        primary = item.children[0] if is_tree(item, "script") else item
        tails = item.children[1:] if is_tree(item, "script") else []
        inverse = False
        for tail in tails:
            if is_tree(tail, "superscript") and not inverse and \
                    _INVERSE.fullmatch(self.source_text(tail.children[-1]).strip()):
                inverse = True
            else:
                raise self.error("of a diagonal matrix derive reads only the inverse, "
                                 "^{-1}", tail)
        if is_tree(primary, "bracketed"):
            matrix = self._diagonal_product(self._bracket_items(primary), primary)
        else:
            matrix = self._named_diagonal(primary)
        if not inverse:
            return matrix
        return Diagonal(lambda j, e=matrix.entry: Pow(e(j), Num(-1)), matrix.span)

    def _named_diagonal(self, primary):
        text = self.source_text(primary).strip()
        if text in self.scope.matrices:
            spec = self.scope.matrices[text]
            vector = self._vector(spec.base, primary)
            return Diagonal(_powered(vector.component, spec.power), spec.span)
        if self._identity(primary):
            if self.scope.identity is None:
                self.scope.identity = self.offset + (
                    primary.meta.start_pos if isinstance(primary, Tree) else primary.start_pos)
            return Diagonal(lambda j: ONE, None)
        raise NotMatrix()

    def _diagonal_product(self, items, node):
        """A product of diagonal factors and numbers (`\\sigma^2 \\mathbf{I}`: a vector's
        power is the diagonal of its components' powers) — at least one matrix."""
        if not any(self._diagonal_name(i) for i in items):
            raise NotMatrix()
        entries, spans = [], []
        for item in items:
            if self._diagonal_item(item):
                matrix = self._diagonal_factor(item)
                entries.append(matrix.entry)
                spans.append(matrix.span)
                continue
            base, power = self._vector_power(item, required=False)
            if base is not None:
                vector = self._vector(base, item)
                entries.append(_powered(vector.component, power))
                spans.append(vector.span)
            else:
                value = self.term(Tree("run", [item], item.meta))
                entries.append(lambda j, v=value: v)
        span = self._one_span(spans, node)

        def entry(j):
            value = entries[0](j)
            for e in entries[1:]:
                value = Mul(value, e(j))
            return value
        return Diagonal(entry, span)

    def _bracket_items(self, bracketed, strict=True):
        """The items of a bracket's one argument when it is one run, else None (or refused
        when `strict`)."""
        args = [c for c in bracketed.children if is_tree(c, "args")]
        inner = args[0].children if args else []
        if len(inner) == 1:
            node = single(inner[0])
            if is_tree(node, "run"):
                return node.children
            if is_tree(node, "script") or isinstance(node, Token):
                return [node]
        if strict:
            raise NotMatrix()
        return None

    def _diag_powered(self, bracket):
        """diag's bracket with an optional integer power after it (`\\text{diag}(\\sigma^2)^{-1}`:
        the diagonal of the entries' powers, (c^a)^p = c^{ap} for an integer p). Any other
        script after the bracket (`^{1/2}`, `^T`, a prime, a subscript) is refused, never
        dropped."""
        tails = bracket.children[1:] if is_tree(bracket, "script") else []
        if not tails:
            return self._diag_list(bracket)
        written = _INTEGER.fullmatch(self.source_text(tails[0].children[-1]).strip()) \
            if len(tails) == 1 and is_tree(tails[0], "superscript") else None
        if written is None:
            raise self.error("of \\text{diag}(…) derive reads only an integer power after its "
                             "bracket (^{-1}: the reciprocals, ^2: the squares); "
                             f"not {self.source_text(tails[0]).strip()}", tails[0])
        matrix = self._diag_list(bracket.children[0])
        power = Num(int(written.group(1).replace(" ", "")))
        power = power if matrix.power is None else Mul(matrix.power, power)
        return DiagonalDefinition(matrix.base, power, matrix.span)

    def _diag_list(self, bracket):
        """`(\\sigma_1^2, \\ldots, \\sigma_n^2)` or `(\\sigma^2)` after diag."""
        primary = bracket.children[0] if is_tree(bracket, "script") else bracket
        args = [c for c in primary.children if is_tree(c, "args")] if \
            is_tree(primary, "bracketed") else []
        entries = [a for a in args[0].children if not is_token(a, "SEP")] if args else []
        if len(entries) == 1:
            item = _one_item(entries[0])
            base, power = self._vector_power(item)
            return DiagonalDefinition(base, power, self._vector(base, item).span)
        if len(entries) != 3 or self.source_text(entries[1]).strip() not in _DOTS:
            raise self.error("diag reads \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2): "
                             "the first entry, dots, the last", bracket)
        first, last = _one_item(entries[0]), _one_item(entries[2])
        base, power = self._vector_power(first, subscript=True)
        base_last, power_last = self._vector_power(last, subscript=True)
        span = self._vector(base, first).span
        if base_last != base or power_last != power or \
                self.term(_subscript(first)) != span.lower or \
                self.term(_subscript(last)) != span.upper:
            raise self.error(f"diag's entries are read as the components {show(span.lower)}"
                             f"..{show(span.upper)} of one declared vector, its first and last "
                             "written alike (\\sigma_1^2, \\ldots, \\sigma_n^2)", bracket)
        return DiagonalDefinition(base, power, span)

    # ------------------------------------------------------------------ vectors
    def _transposed(self, item):
        """The item without its transpose superscript, when it has one; else None (a
        subscript stays with its letter: `x_i^T`, `x^T_i` is the member x_i's transpose)."""
        if not is_tree(item, "script") or len(item.children) not in (2, 3):
            return None
        sups = [c for c in item.children[1:] if is_tree(c, "superscript")]
        kept = [c for c in item.children if not is_tree(c, "superscript")]
        if len(sups) != 1 or len(kept) != len(item.children) - 1 or \
                not all(is_tree(c, "subscript") for c in kept[1:]):
            return None
        sup = one_item(sups[0].children[-1])
        text = self.source_text(sup).strip() if not isinstance(sup, Token) else sup.value
        if text in (r"\top", r"\intercal", r"\transpose"):
            return Tree("script", kept, item.meta)
        try:
            letter = naming.name_text(sup) if is_token(sup, "LETTER") or \
                is_tree(sup, "font") else None
        except naming.NameError_:
            return None
        if letter != "T" or self.scope.lookup("T") is not None or \
                self.bound_name("T") is not None:
            return None
        return Tree("script", kept, item.meta)

    def _vector_node(self, node, where):
        """A vector: a declared vector's bare name, the zero vector, or a bracket (group)
        of sums and differences of them."""
        node = single(node) if is_tree(node, "sgroup", "group") else node
        node = unscripted(node)
        if is_tree(node, "group"):
            return self._vector_node(node.children[0], where)
        if is_tree(node, "bracketed") and node.children[0].value == "(":
            args = [c for c in node.children if is_tree(c, "args")]
            if args and len(args[0].children) == 1:
                return self._vector_node(args[0].children[0], where)
            raise NotMatrix()
        if is_tree(node, "sum"):
            parts, sign = [], 1
            for child in node.children:
                if is_token(child, "ADDOP"):
                    sign = -1 if child.value == "-" else 1
                    continue
                parts.append((sign, self._vector_node(child, where)))
            return _added(parts, self._one_span([p.span for _, p in parts], where))
        if is_tree(node, "signed"):
            part = self._vector_node(node.children[1], where)
            return VectorValue(lambda j, c=part.component: neg(c(j)), part.span) \
                if node.children[0].value == "-" else part
        if is_tree(node, "run"):
            if len(node.children) != 1:     # (2\mu)^T, (\Sigma\mu)^T: not read
                raise NotMatrix()
            return self._vector_node(node.children[0], where)
        text = self.source_text(node).strip()
        if _ZERO.fullmatch(text):
            return VectorValue(lambda j: Num(0), None)
        try:
            piece = self.piece(node)
        except Exception:
            raise NotMatrix() from None
        if getattr(piece, "sub", 0) is not None or getattr(piece, "power", 0) is not None \
                or getattr(piece, "primes", 1):
            raise NotMatrix()
        return self._vector(piece.base, node)

    def _vector(self, base, node):
        """The declared vector spelled `base`: the bound copy of a vector variable inside
        its integral, a vector symbol or variable, a family declared over a range."""
        owner = self.vector_at(base, node)
        if owner is not None and owner.origin is None and owner.latex != base:
            base, owner = owner.latex, None     # the free variable, by another spelling
        if owner is not None:
            dimension = vectors.dimension(owner, self.scope.context) \
                if owner.origin is not None else None
            if dimension is None:
                raise self.error(f"{base} is bound here as a number, not a declared vector",
                                 node)
            if owner not in self.copy_components:
                self.copy_components[owner] = vectors.components_of_copy(owner)
            family = self.copy_components[owner]
            return VectorValue(lambda j: Call(family, j), Span(ONE, dimension))
        found = self.declared(base)
        info = found[1].info if found is not None else None
        if isinstance(info, vectors.VectorVariableInfo) and info.dimension is not None:
            return VectorValue(lambda j: Call(info.components, j), Span(ONE, info.dimension))
        ranged = self.ranged_family(base)
        if ranged is None:
            raise self.error(f"{base} is no declared vector (real {base} in \\mathbb{{R}}^n, "
                             f"or a family over a range): derive reads transposes, diag and "
                             f"quadratic forms of declared vectors only", node)
        family, span = ranged
        return VectorValue(lambda j: Call(family, j), Span(span.lower, span.upper))

    def _vector_power(self, item, required=True, subscript=False):
        """(base, power) of a declared vector's name with an optional power (`\\sigma^2`;
        with `subscript`, a member `\\sigma_1^2` whose subscript is left to the caller)."""
        primary = item.children[0] if is_tree(item, "script") else item
        tails = item.children[1:] if is_tree(item, "script") else []
        power, subs = None, 0
        for tail in tails:
            if is_tree(tail, "superscript") and power is None:
                power = self.term(tail.children[-1])
            elif is_tree(tail, "subscript") and subscript:
                subs += 1
            else:
                power = False
        fine = power is not False and (subs == 1) == subscript and \
            (is_token(primary, "LETTER", "COMMAND") or is_tree(primary, "font", "accent"))
        base = self.source_text(primary).strip() if fine else None
        if base is not None and base not in self.scope.matrices:
            try:
                self._vector(base, item)
                return base, power
            except Exception:
                pass
        if required:
            raise self.error("read here is a declared vector, or its power (\\sigma^2: "
                             "the components' squares)", item)
        return None, None

    # ------------------------------------------------------------------ helpers
    def _one_span(self, spans, node):
        """The one index range of factors (None ones fit any); different ones refused."""
        found = None
        for span in spans:
            if span is None:
                continue
            if found is not None and span != found:
                raise self.error(f"dimensions differ here ({show(found.lower)}.."
                                 f"{show(found.upper)} and {show(span.lower)}.."
                                 f"{show(span.upper)}): derive reads products of "
                                 "vectors and diagonal matrices of one dimension only", node)
            found = span
        return found

    def _matrix_index(self):
        """A summation index written nowhere in the row (never one of its letters)."""
        for letter in _INDEX_LETTERS:
            if not re.search(r"(?<![\\a-zA-Z])" + letter + r"(?![a-zA-Z])", self.row_text) \
                    and self.scope.lookup(letter) is None and self.bound_name(letter) is None:
                return self.fresh(letter, declaration=vectors.LOCAL_INDEX)
        return self.fresh(r"\iota", declaration=vectors.LOCAL_INDEX)


# One entry per operator.
OPERATORS = {
    "determinant": Matrices._determinant,
    "trace": Matrices._trace,
    "transpose": Matrices._transpose,
}


def _powered(component, power):
    if power is None:
        return component
    return lambda j: Pow(component(j), power)


def _is_one(term):
    """Whether an identity's entry is 1 as written (1, 1·1, 1^{-1}): its determinant is 1
    in every dimension; `2I`'s is 2^n."""
    if isinstance(term, Mul):
        return all(_is_one(t) for t in term.args)
    if isinstance(term, Pow):
        return _is_one(term.args[0])
    return term == ONE


def _added(parts, span):
    def component(j):
        return Add(*[p.component(j) if s > 0 else neg(p.component(j)) for s, p in parts])
    return VectorValue(component, span)


def _one_item(arg):
    node = single(arg)
    if is_tree(node, "run") and len(node.children) == 1:
        return node.children[0]
    return node


def _subscript(item):
    return next(t for t in item.children[1:] if is_tree(t, "subscript")).children[-1]
