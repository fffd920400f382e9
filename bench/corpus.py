"""A generated corpus of derivations, built from the notation: random chains of true
rewrites, and mutants of them (one line broken the ways people break them).

    python bench/corpus.py OUT_DIR [--count 200] [--seed 0]

Each file is a `.tex` derivation over densities p, q, r: a chain of 8 to 12 expressions,
each a sum of terms (KL, JS, entropies, cross-entropies, expectations of logs, log 2),
each line obtained from the one before by a true rewrite of one term. A mutant breaks one
line (a sign flip, swapped KL arguments, a dropped factor, log 2 for log 4) and marks it
`% derive: expect refuted`, so a correct checker passes every file.
"""

from __future__ import annotations

import argparse
import random
from fractions import Fraction
from pathlib import Path

DENSITIES = ("p", "q", "r")


def latex(term):
    """LaTeX of a term's quantity (without its coefficient)."""
    kind, *args = term
    if kind == "KL":
        return r"D_{KL}(%s \| %s)" % tuple(args)
    if kind == "JS":
        return r"D_{JS}(%s \| %s)" % tuple(args)
    if kind == "H":
        return "H(%s)" % args[0]
    if kind == "CE":
        return "H(%s, %s)" % tuple(args)
    if kind == "Elog":
        return r"\mathbb{E}_{x \sim %s}\left[\log %s(x)\right]" % tuple(args)
    if kind == "Eratio":
        return r"\mathbb{E}_{x \sim %s}\left[\log \frac{%s(x)}{%s(x)}\right]" % (args[0], args[0], args[1])
    return r"\log %d" % args[0]                         # ("log", 2) or ("log", 4)


def render(terms):
    out = []
    for coef, term in terms:
        sign = "-" if coef < 0 else "+"
        size = abs(coef)
        number = "" if size == 1 else (f"\\frac{{{size.numerator}}}{{{size.denominator}}} "
                                       if size.denominator != 1 else f"{size.numerator} ")
        out.append(f"{sign} {number}{latex(term)}")
    text = " ".join(out)
    return text[2:] if text.startswith("+ ") else text


def rewrite(rng, terms):
    """A true rewrite of one term (returns a new list), or None if none applies."""
    options = []
    for i, (c, (kind, *args)) in enumerate(terms):
        if kind == "KL":
            p, q = args
            options.append((i, [(c, ("CE", p, q)), (-c, ("H", p))]))
            options.append((i, [(c, ("Eratio", p, q))]))
        elif kind == "CE":
            options.append((i, [(-c, ("Elog", *args))]))
        elif kind == "H":
            options.append((i, [(-c, ("Elog", args[0], args[0]))]))
        elif kind == "JS":
            options.append((i, [(c, ("JS", args[1], args[0]))]))
        elif kind == "Eratio":
            p, q = args
            options.append((i, [(c, ("Elog", p, p)), (-c, ("Elog", p, q))]))
        elif kind == "log" and args[0] == 2:
            options.append((i, [(c / 2, ("log", 4))]))
        elif kind == "log":
            options.append((i, [(c * 2, ("log", 2))]))
    if not options:
        return None
    i, replacement = rng.choice(options)
    return terms[:i] + replacement + terms[i + 1:]


def mutate(rng, terms):
    """A wrong version of `terms`: one of the classic slips."""
    i = rng.randrange(len(terms))
    c, (kind, *args) = terms[i]
    slips = [(-c, (kind, *args))]                                   # sign flip
    if kind == "KL" and args[0] != args[1]:
        slips.append((c, ("KL", args[1], args[0])))                 # swapped KL arguments
    if abs(c) != 1:
        slips.append((c / abs(c), (kind, *args)))                   # dropped factor
    if kind == "log":
        slips.append((c, ("log", 6 - args[0])))                     # log 2 <-> log 4
    return terms[:i] + [rng.choice(slips)] + terms[i + 1:]


def start(rng):
    pairs = [(a, b) for a in DENSITIES for b in DENSITIES if a != b]
    kinds = [lambda: ("KL", *rng.choice(pairs)), lambda: ("JS", *rng.choice(pairs)),
             lambda: ("H", rng.choice(DENSITIES)), lambda: ("CE", *rng.choice(pairs)),
             lambda: ("log", 2)]
    return [(Fraction(rng.choice([-3, -2, -1, 1, 2, 3])), rng.choice(kinds)()) for _ in range(3)]


def derivation(rng, mutant):
    lines = [start(rng)]
    while len(lines) < rng.randint(8, 12):
        nxt = rewrite(rng, lines[-1])
        if nxt is None:
            break
        lines.append(nxt)
    broken = rng.randrange(1, len(lines)) if mutant else None
    body = []
    for n, terms in enumerate(lines):
        shown = mutate(rng, terms) if n == broken else terms
        prefix = "" if n == 0 else "&= "
        expect = "% derive: expect refuted\n" if broken is not None and n in (broken, broken + 1) else ""
        body.append(f"{expect}{prefix}{render(shown)}")
    head = "% derive: variable x\n% derive: density p, q, r\n\\begin{align*}\n"
    return head + " \\\\\n".join(body) + "\n\\end{align*}\n"


def write_corpus(folder, count=200, seed=0):
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"d{i:03d}.tex"
        path.write_text(derivation(rng, mutant=rng.random() < 0.3))
        paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_corpus(args.out, args.count, args.seed)


if __name__ == "__main__":
    main()
