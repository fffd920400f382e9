"""Divergences beyond KL and JS, and definitions whose parameters are distributions or
functions (mixed into `Reader`). One documented reading each:

* `\\chi^2(P \\| Q)` is Pearson's χ² in the f-divergence convention of f-GAN and of
  Csiszár: D_f with f(u) = (u − 1)², i.e. ∫ (p − q)² / q. `\\chi^2_{\\text{Pearson}}` is the
  same; `\\chi^2_{\\text{Neyman}}(P \\| Q)` is ∫ (q − p)² / p (f(u) = (1 − u)²/u). LSGAN's
  χ²_Pearson(A ‖ B) = ∫ (B − A)² / A is the Neyman one in this convention: a file that
  means LSGAN's states it with `% derive: define \\chi^2_{\\text{Pearson}}(P \\| Q) = …`,
  which then means what it says there. `\\chi^2` is a name, never χ squared.
* `D_f(P \\| Q) = \\int q f(p/q)` for a function f the file defines or declares (f-GAN,
  eq. 1; the same for `D_g`, `D_\\phi`).
* `\\mathrm{TV}(P, Q) = ½ ∫ |p − q|` (also `D_{TV}`); `D_{H}(P, Q) = ½ ∫ (√p − √q)²`, the
  squared Hellinger distance (also `\\mathrm{Hel}^2`… is not read: write D_H); f-GAN's
  "squared Hellinger" D_f with f(u) = (√u − 1)² is twice it.
* `H_p(q) = −∫ p log q`, the cross-entropy of q relative to p.
* `D_{KL}(q(z) \\| p(x, z))`, q against a joint over its variables and others: the integral
  ∫ q log(q / p(x, ·)) with x free (`kl_against_function`), never a KL — p(x, ·) is not
  normalised over z, so none of KL's lemmas applies.
* Other spellings of these (`D_{\\chi^2}`, `d_{TV}`, `\\mathcal{D}_{KL}`, …) are registry
  entries. A chain's first row `D_{foo}(p \\| q) = …` of divergence shape in a spelling
  derive does not know is refused (`unknown_divergence`), never its silent definition.
* `define \\chi^2(P \\| Q) = \\int \\frac{(Q(x) - P(x))^2}{P(x)} dx`: parameters separated by
  `\\|` are distributions over the file's first variable, and the definition applies to any
  distributions — sums of densities included (`p_d + p_g`, `2 p_g`).
* A definition's parameter applied to brackets in its body (`define V(G, D) = \\int
  \\log D(x) …`) is a function parameter; its argument is then a function's name: a
  declared function, or a function the file defines (`D^*` after `define D^*(x) = …`: the
  body with D^* applied, by its definition, wherever D was).
* The same for a quantity a row named by its whole head, `V(G, D) = …` with G, D functions
  its body applies (Goodfellow's value function): `V(G, D^*)` is that body with D^* where
  D was — V read as a function of the head's function arguments. The other arguments must
  be spelled as in the head (one naming nothing in the file, Lil'Log's G of `L(G, D)`, is
  only a label: the body cannot use it); a function the body mentions otherwise than applied (its
  derivative `D'`) is refused, never half replaced. A function argument neither declared
  nor defined (`D^*` used nowhere else) is refused, never an unknown function a
  counterexample would choose; a bracket after such a quantity (`V(G, D^*)(3)`) too
  (`Products._of_functions`).
"""

from __future__ import annotations

from derive.frontend.errors import InputError
from derive.frontend.latex.pieces import NamePiece, is_token, is_tree, single
from derive.model.names import Declaration, DistributionInfo, Domain, IndexRange, Kind, Name
from derive.frontend.latex import names as naming
from derive.model.terms import (Call, Defined, Dens, Dist, Expect, Op, Pow, Sym, free_names,
                                nodes)
from derive.notation import derivatives, registry
from derive.notation.joint import put_distributions

# between a divergence's arguments (`\lVert`, `\rVert` print as `\|`: `D(\mu \lVert \nu)`)
DIVERGENCE_BARS = tuple(sorted(naming.DOUBLE_BARS))


class Divergences:
    """f-divergences, cross-entropy H_p(q), definitions over distributions and functions."""

    def divergence(self, key, bracket):
        """`D_f(P ‖ Q)` or `H_p(q)` as a registry `Op`, or None when not one of them."""
        base, _, sub = key.partition("_{")
        sub = sub[:-1] if sub.endswith("}") else ""
        if not sub:
            return None
        self.not_ended(sub, bracket.node)
        found = self.declared(sub)
        if base == "H" and found is not None and found[1].kind is Kind.DISTRIBUTION and \
                len(bracket.args) == 1:
            q = self.distribution_argument(bracket.args[0])
            if q is None:
                raise self.error(f"H_{{{sub}}}(…) is a cross-entropy: its argument is a "
                                 "distribution", bracket.node)
            p = self.distribution_named(found[0], bracket.node)
            p, q = self.placed([p, q], [bracket.node, bracket.args[0]])
            self.derive_read("CE", bracket.node)    # a name with H(p), H(X): one meaning
            return self._op_power(Op(self.in_units("CE"), p, q), bracket)
        if base != "D" or found is None or found[1].kind not in (Kind.DEFINITION, Kind.FUNCTION):
            return None
        if len(bracket.args) != 2 or any(s not in DIVERGENCE_BARS for s in bracket.seps):
            raise self.error(f"{key}(P \\| Q) is the f-divergence of {sub}", bracket.node)
        dists = [self.distribution_argument(a) for a in bracket.args]
        if None in dists:
            like = [d.over for d in dists if d is not None]
            dists = [d if d is not None else self.formula_argument(a, like)
                     for d, a in zip(dists, bracket.args)]
        dists = self.placed(dists, bracket.args)
        u = Name("u", local=Declaration(Kind.SYMBOL, Domain.POSITIVE))
        name, declaration = found
        if declaration.kind is Kind.FUNCTION:
            f = Call(name, Sym(u))
        else:
            if len(declaration.info.params) != 1:
                raise self.error(f"{sub} is not a function of one argument", bracket.node)
            f = Defined(name, (Sym(u),), self._apply(declaration.info, (Sym(u),), bracket.node))
        return self._op_power(Op("Df", dists[0], dists[1], f, Sym(u)), bracket)

    def operator_form(self, key):
        """Whether `key` is `H_p` (p a distribution) or `D_f` (f a function): an operator,
        not a new name to define."""
        base, _, sub = key.partition("_{")
        found = self.declared(sub[:-1]) if sub.endswith("}") else None
        if found is None:
            return False
        kind = found[1].kind
        return base == "H" and kind is Kind.DISTRIBUTION or \
            base == "D" and kind in (Kind.DEFINITION, Kind.FUNCTION)

    def unknown_divergence(self, name, bracket, node):
        """Refuse a row that defines by `=` (a chain's first row) a name of divergence
        shape — `D`, `d` or `\\mathcal{D}` with a subscript, applied to two declared
        distributions separated by `\\|` (or a comma) — that is no divergence derive knows:
        a claim about a divergence in another spelling (`D_{\\chi^2}(p \\| q) = …` with the
        wrong convention) would otherwise be its unchecked definition. `:=` defines it."""
        if name.sub is None or name.base not in ("D", "d", "\\mathcal{D}") or \
                len(bracket.args) != 2 or registry.spelled(name.key) or \
                any(s not in DIVERGENCE_BARS + (",",) for s in bracket.seps):
            return
        if not self._of_two_distributions(bracket):
            return
        known = ", ".join(op.spellings[0] for op in registry.OPERATORS
                          if op.spellings and op.arity == 2 and op.takes == "distributions" and
                          "\\|" in op.separators)
        raise self.error(f"derive does not know the divergence {name.key}: define it with := "
                         f"({name.key}(p \\| q) := …), or write one it reads ({known}; D_f "
                         "for a function f the file declares)", node)

    def _of_two_distributions(self, bracket):
        """Whether both arguments of `bracket` read as distributions."""
        try:
            return None not in [self.distribution_argument(a) for a in bracket.args]
        except InputError:
            return False

    def squared_hellinger(self, name, bracket):
        """Refuse `H^2(P, Q)` of two declared distributions naming the squared Hellinger
        distance and its two conventions — ½ ∫ (√p − √q)² (Wikipedia, derive's `D_{H}`) or
        ∫ (√p − √q)² (Tsybakov): which one a row means, derive cannot tell, and a row
        `H^2(P, Q) = …` heading a chain is a claim about it, never its silent definition
        (as `unknown_divergence`)."""
        if name.base != "H" or name.sub is not None or name.primes or \
                self.source_text(name.power).strip("{} ") != "2" or \
                len(bracket.args) != 2 or \
                any(s not in DIVERGENCE_BARS + (",",) for s in bracket.seps):
            return
        if not self._of_two_distributions(bracket):
            return
        raise self.error("H^2(P, Q) is the squared Hellinger distance in two conventions "
                         "(\\frac{1}{2}\\int (\\sqrt{p} - \\sqrt{q})^2 or "
                         "\\int (\\sqrt{p} - \\sqrt{q})^2): write D_{H}(P, Q) for the "
                         "first, or name the one meant with := (D_{Hel}(P, Q) := …)", name.node)

    def kl_against_function(self, key, dists, bracket):
        """`D_{KL}(q(z) \\| p(x, z \\mid \\theta))`: KL of a distribution against a joint whose
        variables are q's and others, at their own (free or bound) values — the function
        z ↦ p(x, z) is positive but does not integrate to 1 over z. Read as the integral
        ∫ q log(q / p(x, ·)) (`registry.kl_against`), never as KL: none of KL's lemmas holds
        for it. Only with the joint written at its points: a bare `KL(q \\| p)` is Bishop's
        shorthand for the posterior, which a row of the display defines (`naming_ahead`) or
        which is refused. None for any other mismatch (refused by the caller)."""
        if key != "KL" or self.naming_ahead or not all(isinstance(d, Dist) for d in dists) or \
                not {v.variable for v in dists[0].over} < {v.variable for v in dists[1].over} \
                or not is_tree(single(bracket.args[1]), "run"):
            return None
        joint = self.term(bracket.args[1])          # its value: Dens at the written points
        if not isinstance(joint, Dens):
            return None

        def at(copies):
            return Dens(joint.dist, tuple(copies.get(v.variable, point)
                                          for v, point in zip(joint.dist.over, joint.at)))
        return registry.kl_against(dists[0], at, self.in_units("KL") != "KL")

    def _op_power(self, value, bracket):
        return Pow(value, self.term(bracket.power)) if bracket.power is not None else value

    # ------------------------------------------------------------------ definitions
    def distribution_parameters(self, bracket):
        """Parameters `P \\| Q` of a definition: local distributions over the first declared
        variable; None when the bracket is not such a list."""
        if not bracket.seps or any(s not in DIVERGENCE_BARS for s in bracket.seps):
            return None
        variables = self.scope.context.of_kind(Kind.VARIABLE)
        if not variables:
            return None
        keys = []
        for arg in bracket.args:
            piece = self.piece(single(arg)) if is_tree(single(arg), "script") else None
            if not isinstance(piece, NamePiece) or piece.power is not None or piece.primes:
                return None
            keys.append(piece.key)
        info = DistributionInfo(over=(variables[0],))
        return tuple(Name(k, local=Declaration(Kind.DISTRIBUTION, Domain.POSITIVE, info))
                     for k in keys)

    def applied(self, info, bracket, node):
        """(argument terms, body) of a definition applied to a bracket: distribution
        parameters take distributions, function parameters take functions' names, the
        others take values."""
        functions = {t.function for t in nodes(info.body) if isinstance(t, Call)}
        args, values, renamed, called, densities = [], {}, {}, {}, {}
        for param, arg in zip(info.params, bracket.args):
            of_family = self._family_parameter(info, param, functions, arg, node)
            if of_family is not None:           # f(y) of define f(x) = \sum_i x_i: the y_i
                (family, other), = of_family.items()
                called[family] = other
                args.append(Sym(other))
            elif param.local is not None and param.local.kind is Kind.DISTRIBUTION:
                dist = self.distribution_argument(arg) or self.formula_argument(arg, law=False)
                renamed[param] = dist
                args.append(dist)
            elif param in functions and (law := self._law_for_function(info, param, arg)):
                densities[param] = law          # H(q) of define H(P) = -\\int P(x) \\log P(x)
                args.append(law)
            elif param in functions:
                function = self.function_name(arg)
                called[param] = function
                args.append(Sym(function))
            elif (function := self._function_labelling(info, param, arg)) is not None:
                args.append(Sym(function))      # C(G) of define C(G) = V(D^*, G): as written
            else:
                self._not_averaging_a_random_variable(info, param, arg, node)
                value = self.term(arg)
                values[param] = value
                args.append(value)
        body = self._apply(info, (), node, values) if values else info.body
        if called:
            body = self.called(body, called, node)
        if densities:
            body = self.at_densities(body, densities, node)
        if renamed:
            body = put_distributions(body, renamed)
        return tuple(args), body

    def _law_for_function(self, info, param, arg):
        """The `Dist` of a declared density `arg` over one variable, put for a parameter its
        body applies at one point (`define H(P) = -\\int P(x) \\log P(x) dx`, `define KL(a,
        b) = …` applied at a declared density q: P(x) is q's value at x); None for any other
        argument (a function's name: `function_name`)."""
        item = single(arg)
        if not is_token(item, "LETTER") and not is_tree(item, "script"):
            return None
        try:
            piece = self.piece(item)
        except InputError:
            return None
        found = self.scope.lookup(piece.key) if isinstance(piece, NamePiece) and \
            piece.power is None and not piece.primes else None
        if found is None or found[1].kind is not Kind.DISTRIBUTION:
            return None
        law = self.distribution_argument(arg)
        if not isinstance(law, Dist) or law.given or law.cond or len(law.over) != 1 or any(
                isinstance(t, Call) and t.function == param and len(t.arguments) != 1
                for t in nodes(info.body)):
            return None
        return law

    def at_densities(self, body, densities, node):
        """`body` with each call `P(t)` of a parameter `densities` maps to a declared law
        (`_law_for_function`) made that law's density at t; a parameter left in the body
        otherwise than applied is refused, as for a function (`called`)."""
        body = _called(body, densities, lambda law, arguments: Dens(law, tuple(arguments)))
        for name in free_names(body):
            if name in densities:
                raise self.error(f"{name.latex} is a density here, and the definition's body "
                                 f"mentions it otherwise than applied at a point: derive does "
                                 f"not put a density there", node)
        return body

    def _function_labelling(self, info, param, arg):
        """The declared function an argument names where the definition's parameter is that
        function's own letter and its body does not use the parameter (`define C(G) =
        V(D^*, G)`, G a declared function: the body applies the file's G, as `V(G^*,
        D^*)` labels its quantity) — applied at that very function, `C(G)`, it is the body
        as written. Applied at another function (`C(H)`) it is refused: the body does not
        say how it would move. None for any other argument (read as a value)."""
        if param in free_names(info.body) or not is_tree(single(arg), "script") and \
                not is_token(single(arg), "LETTER"):
            return None
        try:
            piece = self.piece(single(arg))
        except InputError:
            return None
        found = self.scope.lookup(piece.key) if isinstance(piece, NamePiece) and \
            piece.power is None and not piece.primes else None
        if found is None or found[1].kind is not Kind.FUNCTION:
            return None
        if piece.key == param.latex:
            return found[0]
        own = self.scope.lookup(param.latex)
        if own is None or own[1].kind is not Kind.FUNCTION:
            return None
        raise self.error(f"the definition's parameter {param.latex} is the file's function "
                         f"{param.latex} in its body (it applies the declared "
                         f"{param.latex}, not a parameter): it is that quantity at "
                         f"{param.latex} only, and at {piece.key} it is not said — define it "
                         f"with {param.latex} applied as its parameter", arg)

    def _family_parameter(self, info, param, functions, arg, node):
        """A parameter its body does not use while it takes the members of the declared
        family of the parameter's letter (`define f(x) = \\log \\sum_i^n \\exp x_i`: x is
        the vector of the x_i) is that family: applied at the letter itself (`f(x)`), the
        body as written (None: the ordinary reading); at the letter of another family
        declared over the same range (`f(y)`, `real y_i for i = 1..n`), {x's family: y's}
        — the body with y_i for x_i; anywhere else (`f(2)`, `f(y + 1)`, a family over
        another range or none, a y that also names something of its own) refused, never a constant that ignores its argument (atkC/12:
        `\\max\\{x_1, …, x_n\\} \\le f(y)` was verified). None for any other parameter."""
        family = self.scope.lookup(param.latex + "_{\\cdot}")
        if family is None or family[0] not in functions or param in free_names(info.body):
            return None
        piece = None
        if is_token(single(arg), "LETTER") or is_tree(single(arg), "script"):
            try:
                piece = self.piece(single(arg))
            except InputError:
                piece = None
        key = piece.key if isinstance(piece, NamePiece) and piece.power is None and \
            not piece.primes else None
        if key == param.latex:
            return None
        other = self.scope.lookup(key + "_{\\cdot}") if key is not None else None
        if other is not None and self.scope.lookup(key) is None and \
                _one_range(family[1].info, other[1].info):
            return {family[0]: other[0]}
        raise self.error(f"the definition's parameter {param.latex} is not used by its body, "
                         f"which takes the members {param.latex}_i of the family "
                         f"{param.latex}: it is a function of that family, applied at "
                         f"{param.latex} itself or at the letter of another family declared "
                         f"over the same range (y for real y_i over it), not here", arg)

    def _not_averaging_a_random_variable(self, info, param, arg, node):
        """`define m(t) = E[t]` applied to a random variable (`m(\\hat\\theta)`): its
        parameter is a number, so the body would average the variable's value — E[u] = u,
        never the author's mean. Refused (define it at the random variable itself)."""
        if not any(isinstance(t, Expect) and param in free_names(t) for t in nodes(info.body)):
            return
        item = single(arg)
        try:
            piece = self.piece(item)
        except InputError:
            return
        if isinstance(piece, NamePiece) and piece.power is None and (
                piece.key in self.scope.random_spellings or
                self.capital_variable(piece.key) is not None):
            raise self.error(f"the definition's parameter {param.latex} is a number its body "
                             f"averages, and {piece.key} is a random variable: applied so it "
                             f"would average the variable's value (E[u] = u) — define it at "
                             f"the random variable (define …({piece.key}) = …)", node)

    def head_at_functions(self, key, bracket, node):
        """`V(G, D^*)` after a row named the quantity `V(G, D)` by its whole head, D a
        function its body applies: that body with D^* in D's place (the module's
        docstring), or None when `key(…)` is no such quantity there."""
        found = self.head_functions(key, bracket)
        if found is None:
            return None
        label, changed = found
        name = self.scope.heads[label]
        called = {function: self.function_name(arg) for function, arg in changed.items()}
        body = self.called(self.scope.table[name].info.body, called, node)
        args = tuple(Sym(called.get(n, n)) for n in self._head_names(label) if n is not None)
        return self._powered(Defined(name, args, body), bracket)

    def head_functions(self, key, bracket):
        """(label, {function: argument node}) when `key(…)` is written with the arguments
        of the one quantity `key(…)` a row named by its head, except at arguments that are
        functions its body applies (those changed, at least one); else None. A label that
        is only a label (`V(G^*, D^*)` beside `V(G, D)`: `FileScope.only_a_label`) is that
        quantity written so, never one of these."""
        labels = [label for label in self._head_labels(key)
                  if not self.scope.only_a_label(label)]
        if len(labels) != 1 or bracket.open != "(" or any(sep != "," for sep in bracket.seps):
            return None
        try:
            keys = [naming.flat_text(arg) for arg in bracket.args]
        except naming.NameError_:
            return None
        heads, spelled = self._head_names(labels[0]), self.label_keys(labels[0])
        if len(heads) != len(keys):
            return None
        name = self.scope.heads[labels[0]]
        applied = {t.function for t in nodes(self.scope.table[name].info.body)
                   if isinstance(t, Call)}
        changed = {}
        for head, own, written, arg in zip(heads, spelled, keys, bracket.args):
            if own != written:
                if head is None or head not in applied or \
                        self.scope.table[head].kind is not Kind.FUNCTION:
                    return None
                changed[head] = arg
        return (labels[0], changed) if changed else None

    def _head_names(self, label):
        """The Names a head's label `V(G,D)` spells as its arguments, None for one that is
        no name of the file (Lil'Log's `L(G, D)` with G named nowhere: the body cannot
        use it, so it is only a label, and must be spelled the same where V is used)."""
        found = [self.scope.lookup(k) for k in self.label_keys(label)]
        return [f[0] if f is not None else None for f in found]

    def called(self, body, functions, node):
        """`body` with calls of the functions `functions` maps replaced by calls of theirs:
        a defined function's value by its definition there. A replaced function left in
        the body otherwise than applied (`D'(x)`, a derivative's name) is refused."""
        def call(function, arguments):
            declaration = self.scope.table.get(function)
            if declaration is None or declaration.kind is not Kind.DEFINITION:
                return Call(function, *arguments)
            info = declaration.info
            if len(info.params) != len(arguments):
                raise self.error(f"{function.latex} takes {len(info.params)} argument(s), "
                                 "and the function it stands for here is applied to "
                                 f"{len(arguments)}", node)
            return Defined(function, tuple(arguments), self._apply(info, arguments, node))

        body = _called(body, functions, call)
        for name in free_names(body):
            of = name.local.info.of if name.local is not None and \
                isinstance(name.local.info, derivatives.Derivative) else name
            if of in functions:
                raise self.error(f"{of.latex} is a function argument here, and the body "
                                 f"mentions it otherwise than applied ({name.latex}): derive "
                                 "does not put another function there", node)
        return body

    def function_name(self, node):
        """The Name of a function written bare as an argument (`V(G, D)`): a declared
        function, one the file defines with parameters, or an optimum's bound function;
        anything else (an undeclared name, one only used as an unknown function) is refused."""
        piece = self.piece(single(node)) if not is_token(single(node), "LETTER") else \
            self._script(single(node), [], node)
        if not isinstance(piece, NamePiece) or piece.power is not None:
            raise self.error("a function's name is expected here", node)
        bound = self.bound_name(piece.key)
        if bound is not None and bound.origin is None and self.optimising(bound):
            return bound                # \max_D V(G, D): D ranges over functions
        found = self.scope.lookup(piece.key)
        if found is not None and (found[1].kind is Kind.FUNCTION and found[1].declared or
                                  found[1].kind is Kind.DEFINITION and found[1].info.params):
            return found[0]
        if found is not None and found[1].kind is not Kind.FUNCTION or bound is not None:
            raise self.error(f"{piece.key} is not a function", node)
        raise self.error(f"{piece.key} is neither a declared function nor one the file "
                         f"defines: declare it (% derive: function {piece.key}) or define it "
                         f"(% derive: define {piece.key}(x) = …) — an unknown function here "
                         "would be chosen by a counterexample", node)


def _called(term, functions, call):
    """`term` with calls of function parameters made `call(function, arguments)` of the
    given functions."""
    memo = {}
    for t in nodes(term):
        children = [memo.get(c, c) for c in t.children]
        if isinstance(t, Call) and t.function in functions:
            rebuilt = call(functions[t.function], children)
        else:
            rebuilt = t.rebuild(children) if children != t.children else t
        memo[t] = rebuilt
    return memo.get(term, term)


def _one_range(first, second):
    """Whether two families' declarations give them one range of indices (`for i = 1..n`,
    `for j = 1..n`): both declared with a range, the same first and last index. A family
    of random copies or one declared without a range has none to compare."""
    return type(first) is IndexRange and type(second) is IndexRange and \
        first.lower == second.lower and first.upper == second.upper
