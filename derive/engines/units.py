"""Information quantities in nats beside logarithms written in another base.

derive reads KL, JS, H, cross-entropy and I in nats unless the file says `% derive:
information in bits` or writes every logarithm as `\\log_2` (`frontend/log_base.py`). A
step comparing one of them, in nats, with an expression written with `\\log_2` (`H(X) =
-p \\log_2 p - (1-p) \\log_2 (1-p)` beside a `\\ln`, the entropy "in bits" of StatProofBook)
fails in nats, but a counterexample there would be a claim about units, not
mathematics. So before such a step is refuted it is checked again with every information
quantity in the base written beside it (its value in nats over log b): when the step holds
there on every instance tried, it is `undecided`, saying which declaration the author
meant; when it fails in that base too, the refutation stands (the step is wrong in any
unit).
"""

from __future__ import annotations

from derive.model.derivation import UNDECIDED, Verdict
from derive.model.terms import Const, Fn, Num, Op, Pow, Sym, div, log, nodes
from derive.notation import registry


def written_base(step):
    """The base b ≠ e of the logarithms written in a step that also holds an information
    quantity in nats (`\\log_2 u` is read log(u)/log(2); `\\log_D u` of a declared number
    D, Cover & Thomas's D-ary codes, log(u)/log(D)), as a term; None otherwise (also when
    two bases are written)."""
    terms = [t for side in (step.lhs, step.rhs) if side is not None for t in nodes(side)]
    if not any(isinstance(t, Op) and t.key in registry.INFORMATION for t in terms):
        return None
    bases = {t.base.operands[0] for t in terms
             if isinstance(t, Pow) and t.exponent is Num(-1) and isinstance(t.base, Fn)
             and t.base.fname == "log" and isinstance(t.base.operands[0], (Num, Const, Sym))
             and t.base.operands[0] is not Const("e")}
    return next(iter(bases)) if len(bases) == 1 else None


def in_base(term, base):
    """`term` with each information quantity in nats put in `base` (divided by log base)."""
    done = {}
    for t in nodes(term):
        new = t.rebuild([done[c] for c in t.children])
        done[t] = div(new, log(base)) if isinstance(t, Op) and t.key in registry.INFORMATION \
            else new
    return done[term]


def hint(step, base):
    """Why a step refuted in nats but holding in `base` is undecided."""
    names = sorted({registry.BY_KEY[t.key].title for side in (step.lhs, step.rhs)
                    for t in nodes(side) if isinstance(t, Op) and t.key in registry.INFORMATION})
    from derive.notation.show import show
    written = "log₂" if base is Num(2) else f"logarithms to base {show(base)}"
    unit = ("declare `% derive: information in bits` (derive reads bits undeclared only in a "
            "file whose every logarithm is written \\log_2)" if base is Num(2) else
            "derive reads information in nats, or in bits after `% derive: information in "
            "bits`")
    return (f"the {' and '.join(names)} {'is' if len(names) == 1 else 'are'} in nats (derive's "
            f"default), and the step is written with {written}: it fails in nats but holds "
            f"in that base on every instance tried — a claim about units, not a mistake; "
            f"{unit}")


def in_other_units(step, verdict, seed, deadline):
    """`verdict` (a refutation) unless the step holds, on enough instances and with none
    against it, with its information quantities in the base written beside them: then
    undecided, saying so."""
    from derive.engines.decide import agrees
    from derive.engines.numeric.compare import compare
    base = written_base(step)
    if base is None:
        return verdict
    again = compare(in_base(step.lhs, base), in_base(step.rhs, base), step.relation,
                    step.context, seed, deadline)
    if again.counterexample is not None or not agrees(again) or again.differed:
        return verdict
    return Verdict(UNDECIDED, "units", hint(step, base))
