"""The names of one file and the declarations in force as it is read.

A spelling names one `Name` object in the file scope for the whole file; what is assumed
about it changes where a directive says so (`% derive: positive a`), and the `Context`
snapshot taken at each row is what that row's steps are checked under. A name the file
uses without declaring it gets an implicit declaration on first use — a complex symbol, or
an opaque function when it is applied to brackets — and using it both ways is an error:
one name means one thing. A name whose defining row could not be read (`\\sigma(x) \\doteq
…` before `\\doteq` was read, `f = …` refused after f was used) is `unread` from there on:
a later row using it is an error, never a row about an unknown complex number or function
(which a counterexample would then choose). An undeclared sum bound (or family's last index) is a natural
number for the whole file, so it is refused where a row above used it as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace

from derive.frontend.log_base import INFERRED
from derive.model.context import Context
from derive.model.names import (Declaration, Domain, IndexRange, Kind, Name, SampleSpaceInfo,
                                SetInfo, SizeInfo,
                                VariableInfo)
from derive.model.terms import E, OO, PI, Allowance, Term, free_names, nodes

# New terms that applying definitions may build in one file, in all: plenty for notes
# (the seed builds a few dozen), and it stops definitions that double at each level.
MAX_EXPANSION = 50_000


@dataclass(frozen=True)
class OwnForm:
    """A form of a registry operator (`form`, an `OperatorForm`) the file defines, as
    written (`label`: `D_{KL}(p \\| q)`), at offset `start`; `agrees` when the definition
    is shown to be derive's meaning of the form (its other forms then keep that meaning)."""

    form: object
    label: str
    start: int
    agrees: bool = False


def own_range(key):
    """The spelling shown for the range of a discrete variable declared without one."""
    return f"\\operatorname{{range}}({key})"


# The constants derive reads by their spelling (unless the file declares the letter: `real
# e`): one meaning each, which no definition may rebind (`rebinds_constant`).
CONSTANTS = {"e": E, r"\pi": PI, r"\infty": OO}


def rebinds_constant(key, arguments=False):
    """Why a definition of `key` (a directive, a row, `\\text{where } \\pi = 3` beside a row,
    a diagonal matrix) is refused when key spells a constant derive reads (π, e, ∞, also
    as a function's name): it would give the constant a second meaning — `\\sin(\\pi) =
    \\sin(3)` verified under "where π = 3". None for any other name. With `arguments` (a
    prior `define \\pi(\\mu) = …`) the message says why no function of that name is read
    beside the constant: the densities' own formulas need the constant (`\\sqrt{2\\pi}`),
    and `2\\pi(\\mu - \\mu_0)` would be a call to one reader and a product to another."""
    if key.rstrip("'") not in CONSTANTS:
        return None
    if arguments:
        return (f"{key} is a constant derive reads ({key.rstrip(chr(39))} has one meaning): "
                f"a definition cannot rebind it, and a function {key}(…) beside it would make {key}(a + b) a call to one reader "
                f"and the product {key}·(a + b) to another, and formulas need the constant "
                f"(\\sqrt{{2{key}}}) — name the function with another letter (g(\\mu)), or "
                f"declare an abstract density (density {key} over \\mu), in whose file a "
                f"bare {key} is refused")
    return (f"{key} is a constant derive reads ({key.rstrip(chr(39))} has one meaning): a "
            "definition cannot rebind it — name the quantity otherwise, or state the value "
            "as a claim")


class LabelledAbove(Exception):
    """A quantity `L(r, θ)` defined after the file defined `L(q, θ)`: the name with other
    arguments; or a family `a_n` defined after its member spelling `a_2` was (one name, one
    meaning). Carries the message."""


class UsedBefore(Exception):
    """A name is defined after the file used it as an undeclared number or function: one
    name would mean two things. Carries the offset of that first use."""

    def __init__(self, key, offset):
        super().__init__(key)
        self.key, self.offset = key, offset


def label_name(label):
    """The name a head's label applies: `\\mathcal{L}(\\theta,\\phi;x)` → \\mathcal{L}."""
    return label[:label.index("(")]


def label_keys(label):
    """The arguments' spellings in a head's label: `V(G,D^{*})` → G, D^{*}; `L(p;X)` →
    p, X; `q'(k|x_{i})` → k, x_{i}."""
    inner = label[label.index("(") + 1:-1]
    keys, depth, start = [], 0, 0
    for k, char in enumerate(inner + ","):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char in ",;|" and depth == 0:
            keys.append(inner[start:k])
            start = k + 1
    return keys


def reaches(value, name):
    """Whether `name` occurs in `value` — a term (inside definitions too), a Name, or
    typed data holding them (a declaration's info, a hypothesis, tuples, pairs)."""
    if value is name:
        return True
    if isinstance(value, Term):
        return any(a is name or isinstance(a, tuple) and any(x is name for x in a)
                   for t in nodes(value) for a in t.args)
    if isinstance(value, (tuple, list, frozenset, set)):
        return any(reaches(v, name) for v in value)
    if is_dataclass(value) and not isinstance(value, (type, Name)):
        return any(reaches(getattr(value, f.name), name) for f in fields(value))
    return False


def unread_message(key, line, density=False):
    """Why a row cannot use a name whose defining row (at `line`) could not be read; a
    `density` declared abstract, whose formula that row would have given, is not unknown
    but any density at all — which the author did not mean either."""
    if density:
        return (f"{key}'s definition at line {line} could not be read: this row would read "
                f"{key} as the abstract density declared above, any density at all, not the "
                "one that row gives (fix that row)")
    return (f"{key}'s definition at line {line} could not be read: this row would read it as "
            "an unknown of its own (fix that row, or declare the name)")


@dataclass(frozen=True)
class Abbreviation:
    """A function's value named by the function's own bare spelling (`FileScope.abbreviate`):
    the value's Name and the argument's text as written (`w^\\top x`)."""

    name: Name
    argument: str


class FileScope:
    def __init__(self):
        self.names = {}           # canonical key → Name
        self.table = {}           # Name → Declaration, in declaration order
        self.first_use = {}       # Name → offset of an implicit declaration's first use
        self.parameters = {}      # distribution Name → parameter Names
        self.function_parameters = {}   # function Name → numbers it moves with (`depends f on θ`)
        self.call_forms = {}      # declared function Name → whether its first call had `;`
        self.written_arity = {}   # such a function Name → the arguments its first call wrote
        self.moving_shown = {}    # opaque function Name → the numbers its first call moved with
        self.fixed = set()        # definition Names held at their current value
        self.heads = {}           # label text of a chain-defined quantity → its Name
        self.readings = {}        # notation switched on by directives (`expectation E`, …)
        self.notes = ()           # readings the file's assumptions state (`log_base.INFERRED`)
        self.assumptions = ()     # hypotheses of every row from here on (`assume …`)
        self.index_ranges = ()    # (letter, bound): an index's range, for the rows using it
        self.ended = {}           # key of a row-local definition → offset of the definition
        self.operator_uses = {}   # D, h (also function names) → offset of a use as operator
        self.operator_values = {}  # registry key (JS, KL, TV) → its values read with arguments
        self.own_forms = {}       # operator key (D_{KL}) → label of a form a `define` gave it
        self.read_operators = set()  # operator spellings read as derive's operator above
        self.defined_forms = []   # `OwnForm`s: registry operators' forms the file defines
        self.derive_reads = {}    # (name of registry operators, `own_forms.namesake`: MI for
        #                          I; whether conditional) → offset of its first read as derive's
        self.defined_operators = {}  # folded registry key (KL) → (spelling, label) a
        #                          function-style `define D_{KL}(P \| Q) = …` gives it
        self.unread = {}          # key of a name whose defining row could not be read → offset
        self.two_meanings = {}    # Name used as a number and as a function → why (`conflicted`)
        self.special_refused = {}  # key of a known function refused undefined (σ) → first use
        self.unranged = set()     # bound Names of integrals written with no range (`\\int f dx`)
        self.measure = None       # (key, offset): the undeclared measure letter read first
        self.plain_words = []     # (word, offset, row span) of a plain `log` read as \log
        self.letter_members = {}  # letter → [(member key, family key, Declaration)]: `real \mu_p`
        self.recurrence_uses = {}   # family Name defined by its recurrence → first row use
        self.recurrences = {}     # family key `a_{\cdot}` → offset of its recurrence read at one index
        self.at_file_index = {}   # family key `b_{\cdot}` → offset of a row defining b at the file's index
        self.own_members = {}     # family key `x_{\cdot}` → key `x_{0}` of a member defined as a name of its own
        self.one_names = {}       # base `h` → key `h_i` of a definition whose body does not use i
        self.abbreviations = {}   # function key `\sigma` → `Abbreviation` (`\sigma = \sigma(a)`)
        self.random_spellings = set()   # keys `random X with density p over x` declared
        self.random_laws = {}     # such a key → its density Name, when over x alone
        self.special_uses = {}    # key → offset of its first use read as Euler's Γ or B
        self.given_laws = set()   # laws (their latex) read here as the law given data, E[θ | y]
        self.estimates_read = set()   # words read as an estimator's MSE, bias (estimators.py)
        self.posteriors = frozenset()   # such laws anywhere in the file (`ahead.Plan`)
        self.labelled_found = set()     # letters x whose x^{(i)} this pass read as a family member
        self.labelled_plan = frozenset()   # such letters anywhere in the file (`ahead.Plan`)
        self.identity = None      # offset of the first undeclared I read as the identity matrix
        self.matrices = {}        # key → `matrices.DiagonalDefinition` (`define \\Sigma = \\text{diag}(…)`)
        self.allowance = Allowance(MAX_EXPANSION)
        self._context = None

    # ------------------------------------------------------------------ names
    def name(self, key):
        """The file's Name for a spelling (made on first request)."""
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = Name(key)
        return found

    def lookup(self, key):
        """(Name, Declaration) for a spelling the file has declared or used, else None."""
        name = self.names.get(key)
        if name is None or name not in self.table:
            return None
        return name, self.table[name]

    def declare(self, key, declaration):
        """Declare (or re-declare) a spelling from here on; returns its Name."""
        if not (declaration.kind is Kind.SYMBOL and declaration.domain.is_integer):
            self.not_an_index(key)
        name = self.name(key)
        self.table.pop(name, None)          # keep the table in order of the latest declaration
        self.table[name] = declaration
        self.first_use.pop(name, None)
        self.ended.pop(key, None)
        self.unread.pop(key, None)
        self._context = None
        return name

    def refine(self, name, info):
        """Give the declared `name` more of its meaning in place (its `info`), keeping its
        place in the table: `define g_\\theta(x) = \\int g_\\theta(x|z) p(z) dz`, the marginal
        of a conditional family (`frontend.latex.marginals`)."""
        self.table[name] = replace(self.table[name], info=info)
        self._context = None

    def letter_family(self, member, letter, family, declaration):
        """`real \\mu_p` with p not yet declared declared the family μ (`family`, with
        `declaration`): its member `\\mu_{p}` is recorded, for `not_an_index`."""
        self.letter_members.setdefault(letter, []).append((member, family, declaration))
        return self.declare(family, declaration)

    def not_an_index(self, letter):
        """The letter of `real \\mu_p` is being declared as no whole number (a density, a
        variable, a real: `density p = \\mathcal{N}(\\mu_p, \\sigma_p^2) over x`), so `\\mu_p`
        was no member of a family at an index: it is a name of its own, of the family's
        kind — as it is when p is declared first. A family declared only so is withdrawn."""
        for member, family, declaration in self.letter_members.pop(letter, ()):
            self.declare(member, Declaration(Kind.SYMBOL, declaration.domain))
            if self.table.get(self.names[family]) is declaration and not any(
                    f == family for pending in self.letter_members.values()
                    for _, f, _ in pending):
                del self.table[self.names[family]]
                self._context = None

    def end_local(self, key, offset):
        """The definition of `key` made beside a row (`\\quad (f(u) = …)`, at `offset`)
        ends with that row: a later use of the spelling is an error (`implicit` says so),
        never another meaning of the same name. A quantity's label (`f(x)`) names it no
        more, and its name (f) is ended too: `f(x) = …` below is no new definition."""
        name = self.names[key]
        self.table.pop(name, None)
        for spelling in self.spellings(name):
            self.ended[spelling] = offset
        for label in [label for label, named in self.heads.items() if named is name]:
            del self.heads[label]
        self._context = None

    def forget_use_since(self, key, offset):
        """Forget `key` as an undeclared name first used at or after `offset` — by a row that
        could not be read there (its record in `unread` says where), which leaves nothing
        the name means: a row defining it beside itself then makes it fresh."""
        found = self.lookup(key)
        if found is not None and not found[1].declared and \
                self.first_use.get(found[0], -1) >= offset:
            del self.table[found[0]]
            self.first_use.pop(found[0], None)
            self._context = None

    def spellings(self, name):
        """The keys a defined Name is reached by: its own, and for a quantity defined with
        its arguments (`\\mathcal{L}(\\theta, \\phi; x)`, Name spelled as that label) the
        name its label applies (`\\mathcal{L}`), which `Reader.not_ended` checks."""
        return list(dict.fromkeys([name.latex] + [label_name(label) for label, named in
                                                 self.heads.items() if named is name]))

    def declare_variable(self, key, discrete=False, support=None, interval=None):
        """Declare a variable; a discrete one without a range ranges over a finite set of
        its own (unspelled, with its size); a continuous one over the real line, or over
        `interval` ((low, high, closed): `variable p in [0, 1]`)."""
        if discrete and support is None:
            support = Name(own_range(key))
            self.declare_unspelled(support, Declaration(Kind.SET, Domain.COMPLEX,
                                                        SetInfo(Name(f"|{support.latex}|"))))
        if support is not None and support in self.table:
            size = self.table[support].info.size
            if size not in self.table:
                self.declare_unspelled(size, Declaration(Kind.SYMBOL, Domain.NATURAL,
                                                         SizeInfo(support)))
        return self.declare(key, Declaration(Kind.VARIABLE, Domain.REAL,
                                             VariableInfo(discrete=discrete, support=support,
                                                          interval=interval)))

    def declare_unspelled(self, name, declaration):
        """Declare a name no spelling reaches (the range of a discrete variable declared
        without one): it is in the context for the engines, never read."""
        self.table[name] = declaration
        self._context = None
        return name

    def withdraw_unspelled(self, name):
        """A name `declare_unspelled` made for one row (a premise's law) ends with it."""
        self.table.pop(name, None)
        self._context = None

    def alias(self, key, name):
        """From here on, the spelling `key` names `name` too (two spellings, one thing). A
        letter so made no whole number (`random X with density f_X over x`) ends the index
        reading of names declared with it above (`positive \\sigma_X`: a name of its own,
        never the family σ at X's value — σ_X and σ_Y would both be σ at x)."""
        found = self.names.get(key)
        if found is not None and found is not name and found in self.table and \
                self.table[found].declared:
            return False
        meaning = self.table.get(name)
        if meaning is None or not (meaning.kind is Kind.SYMBOL and meaning.domain.is_integer):
            self.not_an_index(key)
        self.names[key] = name
        self._context = None
        return True

    def implicit(self, key, kind, offset, declaration=None):
        """The Name of an undeclared spelling used as `kind` (SYMBOL or FUNCTION). Returns
        (Name, None), or (Name, offset of the conflicting first use) when the file already
        used it as the other kind (or defined it beside one row only: see `end_local`; or
        its defining row could not be read: see `unread`). `declaration` is what the first
        use makes it (undeclared and complex unless given: the samples of a variable)."""
        name = self.name(key)
        if key in self.ended:
            return name, self.ended[key]
        if self.unread_at(key) is not None:
            return name, self.unread_at(key)
        found = self.table.get(name)
        if found is None:
            self.table[name] = declaration or Declaration(kind, Domain.COMPLEX, declared=False)
            self.first_use[name] = offset
            self._context = None
            return name, None
        if found.kind is not kind and not found.declared:
            return name, self.first_use.get(name)
        return name, None

    def unread_at(self, key):
        """The offset of the unread definition of `key` (primes aside), or of a name of which
        `key` is a member by a further index — `\\mathcal{L}_{IWAE,k}` after a row defining
        `\\mathcal{L}_{IWAE}` could not be read: the name the author defined, at k, never a
        fresh number (an inequality of fresh numbers is refuted); else None."""
        key = key.rstrip("'")
        if key in self.unread:
            return self.unread[key]
        for unread, at in self.unread.items():
            if unread.endswith("}") and key.startswith(unread[:-1] + ","):
                return at
        return None

    def natural(self, name, since, domain=Domain.NATURAL):
        """An undeclared symbol used as a sum's bound is a natural number (as an index, an
        integer: `domain`): for the whole
        file, so only when the file has not used it before the row starting at offset
        `since` (there it was a complex number: one name would mean two things). Returns
        None, or the offset of that earlier use."""
        found = self.table.get(name)
        if found is None or found.declared or found.kind is not Kind.SYMBOL or \
                found.domain in (domain, Domain.NATURAL):
            return None
        first = self.first_use.get(name)
        if first is not None and first < since:
            return first
        self.table[name] = Declaration(Kind.SYMBOL, domain, declared=False)
        self._context = None
        return None

    def define(self, key, info, head=None):
        """Define a name (a directive or a chain's first row); `head` is the label text of
        a quantity written with arguments (`\\mathcal{L}'(G|D^\\star)`). Raises `UsedBefore`
        when the file already used the name undeclared (a definition is not an assumption:
        the earlier use would mean something else) — for an indexed family `p_{\\cdot}`, the
        family or one of its member spellings (`p_k` read as a name of its own)."""
        spelled = key if head is None else head
        if rebinds_constant(key) is not None:
            raise LabelledAbove(rebinds_constant(key, bool(getattr(info, "params", None)) or
                                                  head is not None))
        space = self.lookup(key)
        if space is not None and isinstance(space[1].info, SampleSpaceInfo):
            raise LabelledAbove(f"{key} is the sample space of {space[1].info.variable.latex} "
                                "in this file (an integral's subscript above), no number: "
                                "name this quantity otherwise")
        other = next((label for label in self.heads if label != head and
                      label.startswith(key.rstrip("'") + "(") and
                      not self.one_family(label, head) and
                      not (head is not None and self.only_a_label(label) and
                           self._over_functions(head))), None)
        if other is not None and not key.endswith("'"):
            raise LabelledAbove(f"{key} is defined above as the quantity {other} (its whole "
                                "head names it): a second quantity of that name, with other "
                                "arguments, would be a second meaning — name it otherwise, or "
                                f"define {key} as a function: % derive: define {key}(t) = …")
        for spelling in dict.fromkeys((spelled, key)):   # `f(1) = 3` after f(a) was used
            found = self.names.get(spelling)
            if found is not None and found in self.first_use:
                raise UsedBefore(spelling, self.first_use[found])
            if spelling in self.special_refused:       # σ(z) refused above, defined here
                raise UsedBefore(spelling, self.special_refused[spelling])
        if spelled.endswith("_{\\cdot}"):     # a family p_j: a member p_k used as a name above
            prefix = spelled.removesuffix("\\cdot}")
            for member, used in self.names.items():
                if member.startswith(prefix) and used in self.first_use:
                    raise UsedBefore(member, self.first_use[used])
                if member.startswith(prefix) and used in self.table:  # `a_2 = 5`, `a_n = n^2`
                    raise LabelledAbove(f"{member} is defined above as a name of its own: the "
                                        f"family {spelled} defined here would give it a second "
                                        "meaning (one name means one thing) — define the "
                                        "family first, its members are then claims about it")
        self._one_name_at_letter(key)
        name = self.declare(spelled, Declaration(Kind.DEFINITION, info=info))
        if head is not None:
            self.heads[head] = name
        return name

    def own_form(self, form, label, start, agrees):
        """The file defines registry operator form `form` (`OperatorForm`) itself as
        `label` at offset `start`: the operator at other arguments of that shape is then
        refused, and at any other form of its name unless the definition `agrees` with
        derive's meaning (`OwnForms.not_an_own_form`)."""
        self.defined_forms.append(OwnForm(form, label, start, agrees))

    def abbreviate(self, key, argument, info):
        """`\\sigma = \\sigma(w^\\top x)` (blogs' "simplify notation"): the bare spelling of
        the function `key` names, from here on, its value `info.body` at `argument` (the
        argument's text, as written) — a Name of its own beside the function's, which the
        spelling with an argument still names. Raises `LabelledAbove` for a second such row
        (the bare name would get a second value)."""
        if key in self.abbreviations:
            raise LabelledAbove(f"{key} already names the value {key}"
                                f"({self.abbreviations[key].argument}) above: a second value "
                                "would be a second meaning — name this one otherwise")
        name = Name(key)
        self.table[name] = Declaration(Kind.DEFINITION, info=info)
        self.abbreviations[key] = Abbreviation(name, argument)
        self._context = None
        return name

    def renew(self, key):
        """A `define` directive gives the defined `key` a new meaning from here on
        (`Directives._define`): the spelling names a fresh Name, so the rows above keep the
        old one (each step holds the meaning it was read with) and the rows below read the
        new one — one name, one meaning, in each scope. Returns the old Name."""
        old = self.names[key]
        self.table.pop(old, None)
        self.names[key] = Name(key)
        self._context = None
        return old

    def reaching(self, name):
        """What in force from here on still holds `name` (a defined Name), in words: a
        definition or declaration whose meaning uses it, an assumption (`assume`), its
        being held `fixed`, a `depends` — each would keep the meaning `renew` ends."""
        if name in self.fixed:
            return f"'fixed {name.latex}'"
        for other, declaration in self.table.items():
            if other is not name and reaches(declaration.info, name):
                return f"the definition of {other.latex}"
        found = next((h for h in self.assumptions if reaches(h, name)), None)
        if found is not None:
            return f"the assumption {found.latex}"
        if any(reaches(v, name) for v in (*self.parameters.items(),
                                          *self.function_parameters.items())):
            return f"a 'depends' on {name.latex}"
        return None

    def only_a_label(self, label):
        """Whether a head's label has an argument that names nothing in the file
        (`V(G^*, D^*)`, G^* declared nowhere; Lil'Log's `L(G, D)` with G named nowhere): its
        body cannot use that argument, so the quantity is only ever that label, written so,
        never the letter applied elsewhere — another quantity labelled by the same letter
        (`V(G, D) = …`, G and D declared functions its body applies) is no second meaning
        of it. A label with a declared function among its arguments (Lil'Log's `L(G, D)`, D
        declared) is a quantity of that function, applied elsewhere at others (`L(G, D^*)`)."""
        found = [self.lookup(k) for k in label_keys(label)]
        return any(f is None for f in found) and \
            not any(f is not None and f[1].kind is Kind.FUNCTION for f in found)

    def _over_functions(self, head):
        """Whether every argument of the label `head` is a declared function (`V(G, D)`,
        the GAN value at the generator and the discriminator): the only quantity that may
        stand beside one `only_a_label` (never `p(y_1, y_2|θ) = 1` beside
        `p(\\mathbf{y}|θ)`, which would define a claim away)."""
        found = [self.lookup(k) for k in label_keys(head)]
        return bool(found) and all(f is not None and f[1].kind is Kind.FUNCTION for f in found)

    def _one_name_at_letter(self, key):
        """Note the base of a name defined at one letter, `s_{j}`, that is no family at each
        index (j declared a real number or a variable, `… \\equiv \\mathcal{L}_q`): a member
        spelling at a whole number (`s_1`, `s_k` of an integer k) is then refused
        (`Reader._no_member_of_one_name`), never a fresh unknown nor a new definition. A
        family defined at one index (a recurrence, a row at the file's index) refuses its
        members itself (`Reader._not_unfolded`)."""
        at = re.fullmatch(r"(.+?)_\{([A-Za-z])\}", key)
        family = at.group(1) + "_{\\cdot}" if at is not None else None
        if at is not None and family not in self.recurrences and \
                family not in self.at_file_index:
            self.one_names.setdefault(at.group(1), key)

    def one_family(self, label, head):
        """Whether two heads of one letter name one density family told apart by the kind
        of their first argument (Bayesian usage: `p(y_i|\\theta)` and `p(\\mathbf{y}|
        \\theta)`): the same other arguments, and first a member `y_{i}` of a declared
        indexed family at its free index letter, the other the family's letter alone —
        a letter the file gives no meaning of its own. A use then matches one head by its
        label (or is refused); anything else is a second meaning of the letter."""
        if head is None:
            return False
        first, second = label_keys(label), label_keys(head)
        if len(first) != len(second) or first[1:] != second[1:] or \
                label_name(label) != label_name(head):
            return False
        return self._member_and_vector(first[0], second[0]) or \
            self._member_and_vector(second[0], first[0])

    def _member_and_vector(self, member, vector):
        """`y_{i}` and `y`: a member of the declared family y at its index letter i (a
        letter the file does not declare as anything but a whole number), and y itself,
        undeclared and unused."""
        found = re.fullmatch(r"(.+?)_\{([A-Za-z])\}", member)
        if found is None or found.group(1) != vector or self.lookup(vector) is not None:
            return False
        family = self.lookup(vector + "_{\\cdot}")
        index = self.lookup(found.group(2))
        return family is not None and family[1].kind is Kind.FUNCTION and \
            isinstance(family[1].info, IndexRange) and (
                index is None or index[1].kind is Kind.SYMBOL and index[1].domain.is_integer)

    def assumed(self, terms):
        """The hypotheses in force for a row stating `terms`: the `assume`d ones, and the
        range of each undeclared index letter the row uses (`1 ≤ i ≤ n` of `o_i` in
        `real o_i for i = 1..n`) — never of a letter it does not use, which would restrict
        the row's other names (n ≥ 1) by a bound the row never stated."""
        used = set().union(*(free_names(t) for t in terms if t is not None))
        return self.assumptions + tuple(h for letter, h in self.index_ranges if letter in used)

    # ------------------------------------------------------------------ context
    def depends(self, distribution, parameter):
        self.parameters[distribution] = self.parameters.get(distribution, ()) + (parameter,)
        self._context = None

    def depends_function(self, function, number):
        """`depends f on \\theta` of a declared function: f's calls read θ as an argument
        before the written ones (the reader's `moving_arguments`); the assumption is shown."""
        if number not in self.function_parameters.get(function, ()):
            self.function_parameters[function] = \
                self.function_parameters.get(function, ()) + (number,)
            self.notes += ((function.latex, "depends on", number.latex),)
        self._context = None

    def hold(self, name, fixed):
        (self.fixed.add if fixed else self.fixed.discard)(name)
        self._context = None

    @property
    def context(self):
        """The immutable snapshot of what is declared now."""
        if self._context is None:
            self._context = Context(dict(self.table), dict(self.parameters), frozenset(self.fixed),
                                    self.notes)
        return self._context

    def infer_bits(self):
        """Read every information quantity in bits, as the file's logarithms say
        (`log_base`): stated among the assumptions once one is read so (`inferred_bits`)."""
        self.readings["information"] = "bits"
        self.readings["bits inferred"] = True

    def inferred_bits(self):
        """An information quantity was read in bits inferred from the file's logarithms."""
        if self.readings.get("bits inferred") and INFERRED not in self.notes:
            self.notes += (INFERRED,)
            self._context = None

