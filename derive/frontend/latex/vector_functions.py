"""Functions of a vector defined componentwise: the softmax as ML authors write it.

A row `\\text{softmax}(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}` after `% derive: real x_j
for j = 1..n` defines, besides the quantity at each member, a **vector-valued function of
the family x, componentwise**: its component i is the body, a formula in the family's
members. That is the reading when the head applies a name to exactly one member of a family
declared over a range (whose bare letter names nothing else), or of a declared vector symbol
(`real z in \\mathbb{R}^n`: its components over 1..n, `ranged_family`), at a letter that is
a whole number of the file (`integer i`, or an undeclared index), and the body takes the
family at that letter (`Componentwise`). The head may also be written as a component,
`\\sigma(z)_i = …` or `(\\mathrm{softmax}(z))_j = …` (the name new, z the bare name of such
a family): it is then labelled as `\\sigma(z_i)` would be (`component_head`), and read the
same way. Then:

* **An argument as a vector.** Inside `softmax( … )` the bare family name `x` is the vector
  x, and the argument must be affine in it with scalar coefficients: `x`, `x + c`, `2x + c`,
  `x - c` — each member x_j of the body becomes the argument with x_j for x (x_j + c): the
  family shifted (scaled) by a scalar. Anything else is refused at the argument: a member
  inside it (`x + x_1`), another bare family (`x + y`: the vectors added, not read), a
  power, a product or a function of x (`x^2`, `x \\cdot x`, `\\exp(x)`: elementwise, a dot
  product?), a vector symbol (`real c in \\mathbb{R}^n`), an argument without x.
* **A component.** `(\\text{softmax}(x + c))_i`, `\\text{softmax}(x + c)_i` is component i
  of softmax at that vector: the body with the head's letter put at i and every member of x
  shifted. The index is checked as the member x_i would be (in the family's range: `1 ≤ i ≤
  n` a hypothesis of the row, a number outside it refused), and a power after the subscript
  is the component's power. Shown `(softmax(x + c))_i`.
* **A vector value.** `\\text{softmax}(x)` standing alone as a whole side of a relation is
  the vector (but `\\text{softmax}(x_i)`, the head as written, is the quantity it names); a
  row `\\text{softmax}(x) = \\text{softmax}(x + c)` whose sides are all vector values of
  such functions is an identity of **every component**: it is read at a fresh index k of the
  row, with `1 ≤ k`, `k ≤ n` its hypotheses, so it is verified only when every component k
  in 1..n is proven equal and refuted only by a certified counterexample at one component.
  Only `=` is read between vectors (`\\le` of vectors: componentwise or an order? refused);
  a vector value anywhere else (`2\\,\\text{softmax}(x)`, a side of vectors beside a side of
  numbers) is refused, naming the two readings derive has. A row going on from a row ending
  with a vector (`&= \\text{softmax}(x - c)`) is read at that row's index (`vector_row`);
  a vector value defines no name (`y = \\text{softmax}(x)`).

A function **defined at the bare vector** (`define f(x) = \\log \\sum_i^n \\exp x_i`: a
parameter spelled as the family whose members the body takes, `of_a_vector`) is a function
of the vector with a number as value: `f(x + c)` is the body with each member x_j put at x_j
+ c, with the arguments read as above; such a parameter is refused in every other case (it
was a parameter the body never used: f(2) = f(x) was verified).

A definition of several parameters spelled as families (d2l's `l(\\mathbf{y},
\\hat{\\mathbf{y}}) = -\\sum_j y_j \\log \\hat{y}_j`) is read only at exactly its own
parameters, spelled as in its head: the body as written (`_at_own_vectors`).

The component may also be written without brackets around the application,
`\\text{softmax}(x + c)_i` (`applies_componentwise`): the same reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.frontend.latex import names as naming
from derive.frontend.errors import InputError
from derive.frontend.latex.pieces import (
    BracketPiece, LazyPiece, NamePiece, is_tree, single, subitems,
)
from derive.model.derivation import Hypothesis, Relation
from derive.model.names import Declaration, Domain, IndexRange, Kind, Name
from derive.model.terms import (
    ONE, Add, Call, Defined, Dens, Deriv, Dist, Family, Mul, Pow, Sym, free_names, nodes,
    substitute,
)
from derive.notation import vectors
from derive.notation.show import show

_MEMBER = re.compile(r"(.+?)_\{([^{}]+)\}")
_FAMILY = "_{\\cdot}"
_ROW_INDICES = ("k", "l", "m", "r", "s", "q")     # the fresh index of a row of vectors


@dataclass(frozen=True)
class Componentwise:
    """A function of an indexed family defined componentwise by the head `key(x_i)`: the
    definition's Name, the family `x_{·}`, its declared range, the head's index letter i
    (None for a function of the vector with a number as value: `of_a_vector`), the family's
    spelling `x`, and the body (component i)."""

    name: Name
    family: Name
    span: IndexRange
    index: Name
    base: str
    body: object


class VectorFunctions:
    """The reader's part for functions of a vector defined componentwise (see the module)."""

    def componentwise(self, key):
        """The `Componentwise` definition that the name `key` has, or None."""
        labels = self._head_labels(key)
        if len(labels) != 1:
            return None
        keys = self.label_keys(labels[0])
        found = _MEMBER.fullmatch(keys[0]) if len(keys) == 1 else None
        if found is None:
            return None
        base, letter = found.groups()
        family, index = self.ranged_family(base), self.scope.lookup(letter)
        if family is None or index is None or index[1].kind is not Kind.SYMBOL or \
                not index[1].domain.is_integer:
            return None
        name = self.scope.heads[labels[0]]
        body = self.scope.table[name].info.body
        terms = set(nodes(body))
        if Call(family[0], Sym(index[0])) not in terms or \
                any(isinstance(t, Deriv) for t in terms):
            return None
        return Componentwise(name, *family, index[0], base, body)

    def ranged_family(self, base):
        """(the family's Name, its `IndexRange`) of the vector spelled `base`: an indexed
        family declared over a range (`real x_j for j = 1..n`) whose bare letter is no name
        of the file, or a declared vector symbol (`real z in \\mathbb{R}^n`: its components
        over 1..n); else None."""
        family, bare = self.scope.lookup(base + _FAMILY), self.scope.lookup(base)
        if bare is None and family is not None and family[1].kind is Kind.FUNCTION and \
                isinstance(family[1].info, IndexRange):
            return family[0], family[1].info
        info = bare[1].info if bare is not None else None
        if isinstance(info, vectors.Vector):
            last = info.dimension
            text = last.name.latex if isinstance(last, Sym) else show(last)
            return info.components, IndexRange("j", ONE, last, f"j = 1..{text}")
        return None

    def vector_application(self, side):
        """(spec, NamePiece, BracketPiece) when `side` (a row's side, or a bracket's one
        argument) is exactly a componentwise function applied to one argument, else None."""
        if not self.scope.heads:        # no head defines anything componentwise
            return None
        node = single(side)
        items = node.children if is_tree(node, "run") else [node]
        if len(items) != 2 or not all(is_tree(i, "script") for i in items):
            return None
        try:
            name, bracket = self.piece(items[0]), self.piece(items[1])
        except Exception:               # what it is not read here is read, or refused, later
            return None
        if not isinstance(name, NamePiece) or not isinstance(bracket, BracketPiece) or \
                name.power is not None or name.primes:
            return None
        spec = self.componentwise(name.key)
        if spec is None or self._label(name.key, bracket) in self.scope.heads:
            return None                 # softmax(x_i): the quantity the head names
        return spec, name, bracket

    def component(self, bracketed, sub, node):
        """`(f(A))_k`: component k of the componentwise function f at the vector A."""
        _, args, _ = bracketed.children
        found = self.vector_application(args.children[0]) if len(args.children) == 1 else None
        if found is None:
            raise self.error("a subscript needs a name before it (derive reads a bracket "
                             "with a subscript only as a component, (f(x))_i, of a function "
                             "of a vector defined componentwise: f(x_i) = …)", node)
        return self._component_of(*found, sub, node)

    def _component_of(self, spec, name, bracket, sub, node):
        """Component `sub` (a subscript node) of `spec` applied by `name` to `bracket`."""
        member = NamePiece(f"{spec.base}_{{{naming.flat_text(sub)}}}", spec.base, sub, None,
                           0, node)
        self._no_bracketed_index(member)        # (softmax(x))_{(i)}: an order statistic
        indices = [self._index(a, member) for a in subitems(sub)]
        if len(indices) != 1:
            raise self.error(f"{name.key} is a function of the vector {spec.base}, with one "
                             "index per component: write (f(x))_i", sub)
        self._whole_member_indices(indices, spec.span, member)
        return self._component_at(spec, name, bracket, indices[0])

    def applies_componentwise(self, p, nxt):
        """The `Componentwise` definition when `p` names one and `nxt` is a bracket with a
        subscript (`\\text{softmax}(x + c)_i`), else None."""
        if not isinstance(p, NamePiece) or not isinstance(nxt, LazyPiece) or \
                not is_tree(nxt.primary, "component") or p.sub is not None or \
                p.power is not None or p.primes:
            return None
        return self.componentwise(p.key)

    def applied_component(self, spec, p, nxt):
        """`\\text{softmax}(x + c)_i` (the name `p`, then `nxt`, `applies_componentwise`):
        component i, as `(\\text{softmax}(x + c))_i` is — a power after the subscript is
        its power."""
        bracketed, sub = nxt.primary.children
        bracket = self._script(bracketed, [], bracketed)
        value = self._component_of(spec, p, bracket, sub, nxt.node)
        return Pow(value, self.term(nxt.power)) if nxt.power is not None else value

    def vector_side(self, side):
        """The component at the row's fresh index of a side that is a vector value
        (`\\text{softmax}(x + c)` alone), else None."""
        found = self.vector_application(side)
        if found is None:
            return None
        spec, name, bracket = found
        if self._row_index is None:
            self._row_index = self._fresh_index(spec)
        index, span = self._row_index
        if span is not spec.span and (span.lower, span.upper) != (spec.span.lower,
                                                                  spec.span.upper):
            raise self.error(f"{name.key} is a function of a vector over {spec.span.text}, "
                             f"and this row's other vector is over {span.text}: vectors of "
                             "two lengths are never equal", side)
        return self._component_at(spec, name, bracket, Sym(index))

    def vectors_alike(self, relations, sides, head):
        """A row with a vector value in it is an identity of vectors only when every side
        is one and every relation is `=`; else refused at the first side that breaks it.
        `sides`: (side node, whether a vector), the first one None when it is the side the
        row goes on from (the last of the row above). A row of vectors defines no name
        (`y = \\text{softmax}(x)`: `head`, the offset of the name it would define)."""
        if self._row_index is None:
            return
        if head is not None:
            raise self.source.error("a vector (a function defined componentwise, applied to "
                                    "a vector) defines no name here: derive reads names of "
                                    "numbers — define the component (y_i = "
                                    "(\\text{softmax}(x))_i)", head)
        written = next(side for side, _ in sides if side is not None)
        for relation, (side, is_vector) in zip(relations, sides):
            if not is_vector:
                raise self.error("this side is a number, and another side of the row is a "
                                 "vector (a function defined componentwise, applied to a "
                                 "vector): compare a component, (f(x))_i, or vectors on "
                                 "every side" if side is not None else "the row above ends "
                                 "with a number, and this row goes on with a vector (a "
                                 "function defined componentwise, applied to a vector)",
                                 side or written)
            if relation not in (None, Relation.EQ):
                raise self.error("derive reads only = between vectors (an order of vectors: "
                                 "componentwise, or another? write a component (f(x))_i)",
                                 side)

    def no_bare_vector(self, parts):
        """Refuse a row that reads a declared vector (`real z in \\mathbb{R}^n`, `variable
        z in \\mathbb{R}^J`) bare as a number — `z + 1`, `z^2`, `2z`: derive has no
        arithmetic of vectors (elementwise? a norm? a dot product?), and read as a scalar the
        row would be checked about a number z the file never declared. A vector stands bare
        only where a vector is meant: a density's point (`q(z)`, `\\mathcal{N}(z; \\mu,
        \\sigma^2)`), a family's parameters, a function's argument (`f(z)`), a function of
        the vector (`\\mathrm{LSE}(x + c)`). The error stands at its first bare use."""
        context = self.scope.context
        if not self.vector_uses and not any(
                isinstance(d.info, (vectors.Vector, vectors.VectorVariableInfo))
                for d in context.table.values()):
            return                      # (cheap) no vector declared: nothing to look for
        for part in parts:
            if part.term is None:
                continue
            name = _bare_vector(part.term, context)
            if name is not None:
                key = name.latex
                message = (f"{key} is a vector (declared in a space of vectors), read here as "
                           f"a number: derive has no arithmetic of vectors — write its "
                           f"components ({key}_j, \\sum_j {key}_j^2), or declare {key} a "
                           f"number")
                if name in self.vector_uses:
                    raise self.error(message, self.vector_uses[name])
                raise self.source.error(message, part.start)     # inside a definition

    def vector_elsewhere(self, key, bracket, node):
        """A componentwise function applied where a number is read (`2\\,
        \\text{softmax}(x)`, `\\log \\text{softmax}(x)_i`): refused, naming what derive reads."""
        spec = self.componentwise(key)
        if spec is not None:
            self._not_at_a_member(spec, key, bracket, node)
            raise self.error(f"{key} is a function of the vector {spec.base}, defined "
                             "componentwise: its value is a vector, read only as a whole "
                             f"side of an equation between vectors ({key}({spec.base}) = "
                             f"{key}({spec.base} + c)) or through a component, "
                             f"({key}({spec.base}))_i", node)

    def component_head(self, items):
        """(name, label) of the first side of a row defining a function of a vector by its
        component i, written `(\\mathrm{softmax}(z))_i` or `\\sigma(z)_i` (`items`, the
        side's): the quantity labelled as the head `f(z_i)` would be, so read the same way;
        None for any other side. z is the bare name of a family declared over a range, i
        one letter, f a name the file does not know."""
        if len(items) > 2 or not all(is_tree(i, "script") for i in items) or \
                len(items[-1].children) < 2 or not is_tree(items[-1].children[0], "bracketed"):
            return None                 # (cheap) no bracket with a script: no component
        try:
            last = self.piece(items[-1])
            if not isinstance(last, LazyPiece) or last.power is not None or \
                    not is_tree(last.primary, "component"):
                return None
            bracketed, sub = last.primary.children
            _, args, _ = bracketed.children
            inner = single(args.children[0]) if len(args.children) == 1 else None
            if len(items) == 2 and inner is None:   # g(a, b)_1: no one argument
                return None
            if len(items) == 2:             # \sigma(z)_i: the name, then its bracket
                applied, argument = items[0], inner
            else:                           # (\mathrm{softmax}(z))_i
                run = inner.children if is_tree(inner, "run") else []
                if len(run) != 2:
                    return None
                applied = run[0]
                argument = self.piece(run[1])
                if not isinstance(argument, BracketPiece) or argument.open != "(" or \
                        len(argument.args) != 1 or argument.power is not None:
                    return None
                argument = argument.args[0]
            self.heading = True             # a head's name: any upright word
            name, base = self.piece(applied), naming.flat_text(argument)
            letter = naming.flat_text(sub)
        except (InputError, naming.NameError_):
            return None
        finally:
            self.heading = False
        if not isinstance(name, NamePiece) or name.sub is not None or name.power is not None \
                or name.primes or self.knows(name.key) or not re.fullmatch(r"[A-Za-z]", letter):
            return None
        if self.ranged_family(base) is None:
            return None
        return name.key, f"{name.key}({base}_{{{letter}}})"

    # ------------------------------------------------------------------ the reading
    def _component_at(self, spec, name, bracket, index):
        """The body of `spec` at `index`, each member of its family put at the argument."""
        point, argument = self._vector_argument(spec, name, bracket)
        at_index = substitute(spec.body, {spec.index: index})
        label = f"({name.key}({show(argument)}))" + _FAMILY
        shown = self.shown_components.setdefault(label, Name(label,
                                                            local=self.scope.table[spec.name]))
        return Defined(shown, (index,), _members_at(at_index, spec.family, point, argument))

    def of_a_vector(self, p, name, info, bracket):
        """`f(x + c)` after `define f(x) = \\log \\sum_i e^{x_i}` (a parameter spelled as the
        vector x, whose members the body takes): f is a function of the vector, and its value
        at an argument affine in x is the body with every member x_j put at the argument
        with x_j for x — never the body unchanged, as a parameter the body does not mention
        would make it (LSE(x + c) = LSE(x) was verified). None when no parameter of the
        definition is spelled as a family the body takes, or when f is applied to that
        family itself (`S_i(\\mathbf z)`, z_k of no declared range: the body as written);
        refused when that family is not a vector (declared over a range, or a vector symbol),
        when f has other parameters, or when the body also takes the parameter itself
        (`f(x) = x + x_1`)."""
        taken = {t.function for t in nodes(info.body) if isinstance(t, Call)}
        spelled = [q for q in info.params if self.scope.lookup(q.latex + _FAMILY) is not None
                   and self.scope.lookup(q.latex + _FAMILY)[0] in taken]
        if not spelled:
            return None
        (param, *more) = spelled
        family = self.ranged_family(param.latex)
        if family is None and len(info.params) == 1 and len(bracket.args) == 1 and \
                naming.flat_text(bracket.args[0]) == param.latex:
            return None                 # S_i(\\mathbf z) at the family itself: the body
        if self._at_own_vectors(info, bracket, spelled):     # l(\\mathbf{y}, \\hat{\\mathbf{y}})
            others = [(q, arg) for q, arg in zip(info.params, bracket.args) if q not in spelled]
            args = tuple(self.term(arg) for _, arg in others)
            return Defined(name, args, self._apply(info, args, bracket.node,
                                                   {q: a for (q, _), a in zip(others, args)}))
        if family is None or more or len(info.params) > 1 or param in free_names(info.body):
            raise self.error(f"{p.key}({param.latex}) is defined with a parameter spelled as "
                             f"the family {param.latex}_j whose members its body takes: derive "
                             f"reads it as a function of the vector {param.latex} only when "
                             f"that is its one parameter, the body takes {param.latex} only "
                             f"through its members, and the family is declared over a range "
                             f"(% derive: real {param.latex}_j for j = 1..n)", bracket.node)
        spec = Componentwise(name, *family, None, param.latex, info.body)
        point, argument = self._vector_argument(spec, p, bracket)
        label = f"{p.key}({show(argument)})"     # shown so; the vector is no free name of it
        shown = self.shown_components.setdefault(label, Name(label,
                                                            local=self.scope.table[name]))
        return Defined(shown, (), _members_at(info.body, spec.family, point, argument))

    @staticmethod
    def _at_own_vectors(info, bracket, spelled):
        """Whether a definition of several parameters, some spelled as families (`spelled`:
        d2l's loss `l(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_j y_j \\log \\hat{y}_j`, a
        log-likelihood `LLK(\\lambda, x) = \\sum_t [\\log \\lambda - \\lambda x_t]`), is applied at
        exactly its own parameters, spelled as in its head, and its body takes none of
        the families but through members: its value is then the body with each other
        parameter put at its argument (the file's λ) — each vector is itself. At any other
        argument it stays refused (which members move?)."""
        if len(info.params) < 2 or bracket.open != "(" or \
                len(bracket.args) != len(info.params) or \
                any(sep != "," for sep in bracket.seps):
            return False
        try:
            written = [naming.flat_text(arg) for arg in bracket.args]
        except naming.NameError_:
            return False
        return written == [q.latex for q in info.params] and \
            not set(spelled) & free_names(info.body)

    def _vector_argument(self, spec, name, bracket):
        """(the Name standing for the vector, the argument read in it); refused unless the
        argument is affine in the vector with scalar coefficients (see the module)."""
        if bracket.power is not None or bracket.open != "(" or len(bracket.args) != 1:
            raise self.error(f"{name.key} is a function of the vector {spec.base}: write it "
                             f"applied to one argument in round brackets, "
                             f"{name.key}({spec.base})", bracket.node)
        self._not_at_a_member(spec, name.key, bracket, bracket.node)
        if self.bound_name(spec.base) is not None:     # \sum_{x=1}^3 (softmax(x))_i
            raise self.error(f"{spec.base} is bound here, and names the family "
                             f"{spec.base}_j: in {name.key}(…), the vector or the number? name "
                             "one of them otherwise", bracket.node)
        point = Name(spec.base, local=Declaration(Kind.SYMBOL, Domain.REAL))
        with self.binding(spec.base, point):
            argument = self.term(bracket.args[0])
        why = _not_affine(argument, point, spec, self.scope)
        if why is not None:
            raise self.error(f"{name.key}({self.source_text(bracket.args[0])}): {why} — derive "
                             f"reads a function of the vector {spec.base} at {spec.base} "
                             f"shifted or scaled by numbers ({spec.base} + c, "
                             f"2{spec.base})", bracket.node)
        return point, argument

    def _not_at_a_member(self, spec, key, bracket, node):
        """`\\text{softmax}(x_1)` beside the head `\\text{softmax}(x_i)`: component 1, or
        the function at the number x_1? Refused, naming the component's spelling."""
        label = self._label(key, bracket)
        member = _MEMBER.fullmatch(label[len(key) + 1:-1])
        if member is not None and member.group(1) == spec.base and spec.index is not None:
            raise self.error(f"{label}: the head {key}({spec.base}_{spec.index.latex}) names "
                             f"component {spec.index.latex} of a function of the vector "
                             f"{spec.base}; at another member, write the component: "
                             f"({key}({spec.base}))_{{{member.group(2)}}}", node)

    def _fresh_index(self, spec):
        """A whole number of this row only, in the family's range: (Name, range)."""
        taken = {n.latex for n in free_names(spec.body)}
        letter = next((k for k in _ROW_INDICES if k not in taken and
                       self.scope.lookup(k) is None and
                       not re.search(rf"(?<![\\A-Za-z]){k}(?![A-Za-z])", self.row_text)),
                      "\\kappa")
        # in the file's table, not local: the engines record its bounds there (`WholeRange`)
        index = self.scope.declare_unspelled(
            Name(letter), Declaration(Kind.SYMBOL, Domain.INTEGER, declared=False))
        first, last = (" ".join(t.split()) for t in spec.span.text.split("=", 1)[1].split(".."))
        for low, high, text in ((spec.span.lower, Sym(index), f"{first} \\le {letter}"),
                                (Sym(index), spec.span.upper, f"{letter} \\le {last}")):
            # of every step writing k: this row's, and one going on from its last side
            self.scope.index_ranges += ((index, Hypothesis(Relation.LE, low, high, text)),)
        return index, spec.span


def _members_at(body, family, point, argument):
    """`body` with every member of `family` put at `argument` (a term in `point`, the
    vector) with the member for the point: x_j ↦ x_j + c."""
    def walk(t):
        if isinstance(t, Call) and t.function is family:
            return substitute(argument, {point: t})
        return t.rebuild([walk(c) for c in t.children]) if t.children else t
    return walk(body)


def _not_affine(term, point, spec, scope):
    """Why `term` is no affine function of the vector `point` with scalar coefficients (an
    expression of the vector built by adding numbers and multiplying by numbers), or None."""
    names = free_names(term)
    if point not in names:
        return f"the argument does not mention the vector {spec.base}"
    for name in names - {point}:
        if name is spec.family or scope.lookup(name.latex + _FAMILY) is not None:
            family = name.latex.removesuffix(_FAMILY)
            return f"it takes {family}, a family, beside the vector (a member, or vectors added?)"
        if isinstance(scope.context.info(name), (vectors.Vector, vectors.VectorVariableInfo)):
            return f"{name.latex} is a vector: the vectors added, or a number?"
    return _affine(term, point)


def _affine(term, point):
    if point not in free_names(term) or term == Sym(point):
        return None
    if isinstance(term, Mul):
        holding = [a for a in term.args if point in free_names(a)]
        return "a product of the vector with itself is not read" if len(holding) > 1 else \
            _affine(holding[0], point)
    if isinstance(term, Pow):
        return "a power of the vector (elementwise, or of a norm?) is not read"
    if isinstance(term, Add):
        return next((why for why in (_affine(a, point) for a in term.args) if why), None)
    return "a function of the vector (elementwise?) is not read"


# where a bare vector stands for a vector: the points, parameters and arguments of these
_HOLDS_VECTORS = (Call, Dens, Dist, Family)


def _bare_vector(term, context):
    """The first vector (declared in `context`) that `term` reads bare as a number —
    outside every density, distribution, family and function application (and outside the
    arguments of a defined function applied, `Defined`) — else None."""
    stack = [term]
    seen = set()
    while stack:
        t = stack.pop()
        if t in seen:
            continue
        seen.add(t)
        if isinstance(t, Sym):
            if isinstance(context.info(t.name), (vectors.Vector, vectors.VectorVariableInfo)):
                return t.name
            continue
        if isinstance(t, _HOLDS_VECTORS):
            continue
        if isinstance(t, Defined):
            stack.append(t.body)
            continue
        stack.extend(t.children)
    return None
