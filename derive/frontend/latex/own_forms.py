"""Forms of registry operators a file defines itself (mixed into `Reader`).

A row `D_{KL}(p \\| q) := \\int q \\log \\frac{q}{p}` (also `\\triangleq`, `\\equiv`,
`\\stackrel{\\text{def}}{=}`) or a `% derive: define` of such a form is the author's definition
of the operator at those arguments, and the rows below use it (README "Definitions as papers
write them"). One name means one thing. The definition is compared with derive's meaning of
the form at its arguments (the normal form). Shown equal (Cover & Thomas's `I(X; Y) \\equiv
D(p(x, y) \\| p(x) p(y))` and conditional `D(p(y|x) \\| q(y|x)) \\equiv …`), the name stays
derive's operator everywhere else: `I(X; X)`, the joint and marginal divergences, `D_{KL}(q
\\| p)` are read and checked. Not shown equal (`I(X; Y) := H(X) - H(Y)`), the file's operator
beside derive's would be one name with two meanings: the same registry operator at other
arguments of the same shape, in any spelling (`D_{KL}(q \\| p)`, `\\mathrm{KL}(p \\| q)` beside a
defined `D_{KL}(p \\| q)`; `H(Y)` beside `H(X)`), and every other form of its name (I, H and h,
…: `namesake`) are refused where they stand — but the plain forms beside a conditional one
(`keeps_derives`) — and the definition is itself refused where a row above read that name
as derive's operator (`\\mathrm{KL}(p \\| q)` above a `define D_{KL}(P \\| Q) = …`).

A form whose every law is given by a formula (`random X with density
\\mathrm{Bernoulli}(\\tfrac12) over x`: H(X) is a number) is no definition of notation but a
claim about a determined quantity: such a row is checked, as `\\mathbb{E}[X] :=` of a declared
law is (`Reader._head`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from derive.frontend.errors import InputError
from derive.model.names import Kind
from derive.model.terms import Add, Dens, Dist, Family, Op, neg
from derive.model.terms import nodes as subterms
from derive.notation import registry

# between the arguments of a head written as an information operator's (`D(P \\| Q)`,
# `I(X; Y)`, `H(X | Y)`)
_OPERATOR_BARS = re.compile(r"\\\||\\[lr]?Vert|\\mid|;|\|")

# registry operators that are one quantity under two keys: the entropy of a distribution,
# H(p), and of random variables, H(X) (the marginal of X's law)
_SAME_QUANTITY = {"HX": "H"}

# registry operators that are conditional notions whatever their arguments
_CONDITIONAL = frozenset({"CH", "CMI"})


@dataclass(frozen=True)
class OperatorForm:
    """One form of a registry operator: `op` its key (units and the distribution/variable
    split of entropy folded: `KL`, `H`, `MI`, …), `shape` what each argument is (a `law` — an inline
    family too —, a `conditional`, a law `at a value`, a `formula`) and which
    arguments are over the same variables (`I(X; X)`, a variable paired with itself, is
    another form than `I(X; Y)`: Cover & Thomas's `I(X; X) = H(X)`), and whether
    every law it reads is given by a formula (`determined`: the form is then a number)."""

    op: str
    shape: tuple
    determined: bool
    # derive's value of the form at the head's arguments (`Op(MI, X, Y)`; Cover & Thomas's
    # averaged conditional divergence), to compare the author's definition with
    reading: object = field(default=None, compare=False)


def _folded(key):
    """A registry operator key with its unit and the distribution/variable split of entropy
    folded (`KL@bits` → `KL`, `HX` → `H`)."""
    op = key.removesuffix(registry.BITS)
    return _SAME_QUANTITY.get(op, op)


def _namesakes():
    """Each folded registry operator → the one name it shares a spelling with others under
    (`H`, `h`: the entropy of a law, of random variables, conditional, cross-entropy; `I`:
    the mutual information and the conditional one), as the smallest folded key of the
    operators linked by spellings."""
    spelled = {}
    for op in registry.OPERATORS:
        spelled.setdefault(_folded(op.key), set()).update(op.spellings)
    names = {op: {op} for op in spelled}
    for op, spellings in spelled.items():
        for other, theirs in spelled.items():
            if spellings & theirs and names[op] is not names[other]:
                merged = names[op] | names[other]
                for member in merged:
                    names[member] = merged
    return {op: min(linked) for op, linked in names.items()}


_NAMESAKES = _namesakes()


def namesake(op):
    """The one name a folded registry operator `op` is written under (`CH`, `HX` → `H`;
    `CMI` → `MI`): a form of it the file defines otherwise than derive means it makes every
    other form of that name a second meaning."""
    return _NAMESAKES.get(op, op)


def shown_equal(first, second, context):
    """Whether the normal form shows two terms equal (their difference vanishes)."""
    from derive.engines import chords, normal_form
    normaliser = normal_form.Normaliser(context)
    try:
        return chords.vanishes(normaliser.value(Add(first, neg(second))))
    except (normal_form.Unsupported, normal_form.Undefined):
        return False


def agrees_with_derive(form, body, context):
    """Whether the author's definition `body` of `form` is shown (the normal form) to be
    derive's meaning of the form at its arguments (`I(X; Y) := H(X) + H(Y) - H(X, Y)`):
    the file's operator is then derive's, and its other forms may keep derive's meaning."""
    return form.reading is not None and shown_equal(form.reading, body, context)


def is_conditional(form):
    """Whether `form` is a conditional notion (`H(Y | X)`, `I(X; Y | Z)`, `D(p(y|x) \\|
    q(y|x))`, a law at a value): one the texts define from the unconditional one."""
    return form.op in _CONDITIONAL or any(s in ("conditional", "at a value")
                                          for s in form.shape)


def keeps_derives(own, form):
    """Whether `form` keeps derive's meaning beside `own`, a form of its name the file
    defines otherwise than derive shows: only an unconditional form beside a conditional
    definition (Cover & Thomas define the conditional relative entropy from the plain one,
    which the definition leaves as it is)."""
    return is_conditional(own.form) and not is_conditional(form)


def read_above(scope, source, op, label, conditional=False):
    """Why the file may not define `label`, a form of registry operator `op` derive cannot
    show equal to its own (a `conditional` one: `keeps_derives`), where a row above read
    an operator of that name as derive's (`\\mathrm{KL}(p \\| q) \\ge 0` above `define D_{KL}(P
    \\| Q) = …`; `I(X; X) = H(X)` above `I(X; Y) := …`); None if none did."""
    reads = [scope.derive_reads.get((namesake(op), True))]
    if not conditional:
        reads.append(scope.derive_reads.get((namesake(op), False)))
    first = min((r for r in reads if r is not None), default=None)
    if first is None:
        return None
    line, _ = source.position(first)
    title = registry.BY_KEY[op].title
    return (f"{label} is defined here otherwise than derive can show its {title} to be, and "
            f"the row at line {line} reads that name as derive's operator: "
            f"one name, two meanings in the file — define it before its first use, write "
            f"derive's definition, or give the file's quantity a name of its own")


def operators_spelled(spelling, arity):
    """The folded keys of the registry operators `spelling` names at `arity` arguments."""
    return {_folded(op.key) for op in registry.OPERATORS
            if spelling in op.spellings and op.arity == arity}


def form_shape(arguments):
    """The shape of an operator's `arguments` (`OperatorForm.shape`): what each is, and
    which are over the same variables."""
    laws = [frozenset(v.variable for v in a.over) for a in arguments if isinstance(a, Dist)]
    # an inline family is over the variable of the law beside it (`D(p\\|\\mathcal{N}(0,1))`)
    spaces = [frozenset(v.variable for v in a.over) if isinstance(a, Dist) else
              laws[0] if isinstance(a, Family) and laws else k
              for k, a in enumerate(arguments)]
    return tuple(_argument_shape(a) for a in arguments) + \
        tuple(spaces.index(space) for space in spaces)


def own_name_in(form, body):
    """The `Op` in `body` of `form`'s name (`namesake`) at a form that would not keep
    derive's meaning beside a definition of `form` (`keeps_derives`), or None: `H(X)` in
    `H(X, Y) := H(X) + H(Y | X)`, `\\mathrm{KL}(p \\| q)` in `D_{KL}(p \\| q) :=
    \\mathrm{KL}(p \\| q) + 1`; not the plain `H(X, Y)` in `H(Y | X) := H(X, Y) - H(X)`."""
    for node in subterms(body):
        if isinstance(node, Op) and namesake(_folded(node.key)) == namesake(form.op):
            used = OperatorForm(_folded(node.key), form_shape(node.arguments), False)
            if not (is_conditional(form) and not is_conditional(used)):
                return node
    return None


def defined_by_itself(form, body, context):
    """Whether a definition `body` of `form` uses the name it defines (`own_name_in`: there
    derive's operator) while the normal form does not show it to be derive's meaning of the
    form (`agrees_with_derive`): the head would be the file's operator and the body's
    derive's — one name, two meanings in one row. A body shown equal (`H(X, Y) := H(X) +
    H(Y | X)`, the chain rule) defines the name as derive's, which its body reads."""
    return own_name_in(form, body) is not None and not agrees_with_derive(form, body, context)


def same_form_refused(form, label):
    """Why a definition of `label` (`form`) whose body uses its own name is refused
    (`defined_by_itself`)."""
    title = registry.BY_KEY[form.op].title
    return (f"{label} is defined here by the {title} itself ({_spelled(form.op)} in the "
            f"body, read as derive's {title}), and derive cannot show this definition equal "
            f"to its own {label}: the head would be the file's {title} and the body's "
            f"derive's — one name, two meanings in one row. Write derive's definition, the "
            f"body without the {title}, or give the file's quantity a name of its own")


def _spelled(op):
    """A short spelling of registry operator `op` for a message."""
    return registry.BY_KEY[op].spellings[0] if registry.BY_KEY[op].spellings else op


class _Probed(Exception):
    """Raised inside a probing read once the form is known: the read stops there, before
    it records anything (a use of the operator, an averaged conditioning variable)."""

    def __init__(self, form):
        super().__init__("probed")
        self.form = form


def _argument_shape(argument):
    """What one argument of an operator is, for comparing forms."""
    if isinstance(argument, Dist):
        if argument.cond:
            return "at a value"
        return "conditional" if argument.given else "law"
    # an inline family (`\\mathcal{N}(0, 1)`) is a law as a declared `density q = \\mathcal{N}(0,
    # 1)` is: the same shape, or `D(p\\|\\mathcal{N}(0,1))` defined and `D(p\\|q)` are two meanings
    return "law" if isinstance(argument, Family) else "formula"


class OwnForms:
    """Records the forms of registry operators the file defines and refuses the operator
    at other arguments of the same shape."""

    probing_form = False

    def form_of(self, key, arguments):
        """The `OperatorForm` of registry operator `key` at `arguments` (its `Dist`s)."""
        return OperatorForm(_folded(key), form_shape(arguments),
                            all(isinstance(a, Family) or isinstance(a, Dist) and
                                self._determined(a.name) for a in arguments))

    def _determined(self, law):
        """Whether the declared law `law` is given by a formula (a family, a table, pieces),
        or is an expression in such laws (the product law of independent variables)."""
        found = self.scope.table.get(law)
        if found is None or found.kind is not Kind.DISTRIBUTION:
            return False
        info = found.info
        if info.formula is not None or info.family is not None:
            return True
        return info.expression is not None and all(
            isinstance(d.dist, Family) or self._determined(d.dist.name)
            for d in subterms(info.expression) if isinstance(d, Dens))

    def probe_form(self, key, bracket):
        """The `OperatorForm` `key(bracket)` reads as (derive's operator), or None when it
        does not read as one. Nothing of the read is kept (the conditioning variables an
        averaged conditional divergence notes for its row included)."""
        self.probing_form, averaged = True, dict(self.averaged_given)
        try:
            self.information(key, bracket) or self._operator(key, bracket)
        except _Probed as probed:
            return probed.form
        except InputError:
            return None
        finally:
            self.probing_form, self.averaged_given = False, averaged
        return None

    def own_form_here(self, key, arguments, node, reading):
        """At a read of registry operator `key` with `arguments` as derive's `reading`: while
        probing, stop with the form; else refuse it where the file defines the operator
        itself (`not_an_own_form`), and note the first read of its name as derive's."""
        form = replace(self.form_of(key, arguments), reading=reading)
        if self.probing_form:
            raise _Probed(form)
        self.not_an_own_form(form, node)
        self.derive_read(form.op, node, is_conditional(form))

    def derive_read(self, op, node, conditional=False):
        """Note a read of registry operator `op` (its key) at `node` as derive's: the first
        of its name, conditional or not, for a definition below that derive cannot show
        equal (`read_above`)."""
        self.scope.derive_reads.setdefault((namesake(_folded(op)), conditional), self.offset + (
            0 if node is None or node.meta.empty else node.meta.start_pos))

    def defines_a_form(self, key, bracket, node):
        """At a head `key(bracket)` defining a form of a registry operator (a `:=` row, or a
        `define` directive): whether the row is to be checked instead — every law of the
        form given by a formula (`H(X) :=` of a declared Bernoulli X: a number, not
        notation; rows only). Otherwise the form is kept for the head (`head_form`), to be
        the file's own once defined; a second form of that shape is refused here."""
        form = self.probe_form(key, bracket)
        if form is None:
            return False
        if form.determined and not self.defining:
            return True
        self.not_an_own_form(form, node)
        self.head_form = form
        return False

    def not_an_own_form(self, form, node):
        """Refuse `form`, read at `node`, where the file defines a form of its name
        (`namesake`) itself otherwise than derive shows it means: the operator at other
        arguments of the defined form's shape (`D_{KL}(q \\| p)` beside `D_{KL}(p \\| q) :=
        \\int q \\log \\frac{q}{p}`), or at any other form (`I(X; X)`, `I(X; Y | Z)` beside
        `I(X; Y) := H(X) - H(Y)`). A definition shown equal to derive's leaves the name
        derive's operator everywhere else."""
        for own in self.scope.defined_forms:
            if own.agrees or namesake(own.form.op) != namesake(form.op):
                continue
            if own.form.shape != form.shape and keeps_derives(own, form):
                continue                # D(p(x) \| q(x)) beside a conditional definition
            line, _ = self.source.position(own.start)
            title = registry.BY_KEY[form.op].title
            if own.form.op == form.op and own.form.shape == form.shape:
                raise self.error(
                    f"the file defines the {title} itself as {own.label} (line {line}): "
                    f"here, at other arguments or in another spelling, is it that "
                    f"definition or derive's {title}? One name, one meaning — write "
                    f"{own.label}, or give the file's quantity a name of its own", node)
            raise self.error(
                f"the file defines {own.label} itself (line {line}), and derive cannot show "
                f"that definition equal to its own: here, at other arguments, is this its "
                f"{title} or the file's? One name, one meaning — write derive's definition "
                f"there, or give the file's quantity a name of its own", node)

    def defines_an_operator(self, head, params, head_text, body_text):
        """At `define D_{KL}(P \\| Q) = \\int P(x) \\log …` (registry spelling `head`, fresh
        `params`, a function-style definition taking any laws): the file's own meaning of
        that registry operator, claimed for every spelling — written with an operator's
        bars (`\\|`, `;`, `|`) or applying a parameter in its body (`P(x)`). A function of a
        number (`define H(t) = …`, a Heaviside step) claims only its own spelling."""
        if not params or not registry.spelled(head):
            return
        applied = any(re.search(rf"(?<![A-Za-z\\]){re.escape(p.latex)}\s*(\\left)?\s*\(",
                                body_text) for p in params)
        if not applied and not _OPERATOR_BARS.search(head_text):
            return
        label = " ".join(head_text.split())
        claimed = operators_spelled(head, len(params))
        self.not_read_above(claimed, label, None)
        for op in claimed:
            self.scope.defined_operators.setdefault(op, (head, label))

    def not_read_above(self, ops, label, node, conditional=False):
        """Refuse at `node` a definition `label` of registry operators `ops` (the file's own
        meaning of them, not shown to be derive's; a `conditional` form) where a row above
        read one of their names as derive's operator: one name, one meaning in the file."""
        for op in sorted(ops):
            why = read_above(self.scope, self.source, op, label, conditional)
            if why is not None:
                raise self.error(why, node)

    def spells_the_files_operator(self, key):
        """Whether `key` is the spelling of a registry operator the file defines itself
        (`define D(P \\| Q) = …`: D(p \\| q) of densities is that definition's value)."""
        return any(spelling == key for spelling, _ in self.scope.defined_operators.values())

    def not_the_files_operator(self, key, bracket):
        """Refuse registry spelling `key` applied to `bracket` where the file defines the
        operator it names itself under another spelling (`\\mathrm{KL}(p \\| q)`, `D(p \\| q)`
        beside `define D_{KL}(P \\| Q) = …`): one name, one meaning. Also where a row
        defining `key(…)` could not be read (`D_{KL}(p \\| q) := \\mathrm{KL}(p \\| q) + 1`,
        refused): any reading of it below would be a guess."""
        self.not_ended(key, bracket.node)
        for op in operators_spelled(key, len(bracket.args)):
            spelling, label = self.scope.defined_operators.get(op, (key, None))
            if spelling != key:
                title = registry.BY_KEY[op].title
                raise self.error(
                    f"the file defines the {title} itself as {label}: here, in another "
                    f"spelling, is it that definition or derive's {title}? One name, one "
                    f"meaning — write it as defined, or give the file's quantity "
                    f"a name of its own", bracket.node)
