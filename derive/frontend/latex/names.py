"""Canonical names of what the parse tree holds: one spelling per name, and the
vocabulary of commands that may be part of a name.

`\\mathbf{x}`, `\\mathrm{x}`, `\\boldsymbol x` and `x` are `x` (typographic fonts);
`p_r`, `p_{r}` and `p_{\\mathrm{r}}` are `p_{r}`; `D^*`, `D^\\ast` and `D^{\\star}` are
`D^{\\star}`; `L'`, `L^{\\prime}` and `L^{'}` are `L'` (`L^{''}` is `L''`). Calligraphic, blackboard and fraktur letters
and accents are part of the name (`\\mathcal{L}`, `\\tilde{p}` and `p` are three names).
A command that is neither a letter-like name (Greek letters, `\\ell`, …) nor part of the
grammar is refused here with its position — nothing unknown becomes a name.
"""

from __future__ import annotations

import re

from lark import Token, Tree

from derive.notation.elementary import SPELLINGS

TYPOGRAPHIC_FONTS = frozenset({
    "mathbf", "mathrm", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "pmb", "text",
    "textrm", "textbf", "textit", "textsf", "operatorname", "mathop"})
DECORATIONS = {r"\star": r"^{\star}", r"\ast": r"^{\star}", "*": r"^{\star}",
               r"\prime": "'", "'": "'", r"\dagger": r"^{\dagger}"}   # `L^{''}` is `L''`

_GREEK = """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
lambda mu nu xi omicron pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi
omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega""".split()
# Commands that name a thing, as letters do.
LETTER_COMMANDS = frozenset("\\" + g for g in _GREEK) | {r"\ell", r"\infty", r"\emptyset"}
# The spellings of the double bar ‖ between a divergence's arguments, all read as `\|`:
# `\Vert`, `\lVert`/`\rVert`, `\parallel` and `\Arrowvert` print the same ‖ (`\mid
# \mid`, `\vert \vert` and `\lvert\rvert` are rewritten to `\|` before parsing,
# oldstyle.py). The grammar's SEP terminal lists the same commands.
DOUBLE_BARS = frozenset({"||", r"\|", r"\Vert", r"\lVert", r"\rVert", r"\parallel",
                         r"\Arrowvert"})


class NameError_(Exception):
    """A node that cannot be a name: carries the node for a positioned error."""

    def __init__(self, message, node):
        super().__init__(message)
        self.message, self.node = message, node


def command_name(token):
    """The canonical name of a COMMAND token, or a refusal naming the command."""
    if token.value in LETTER_COMMANDS:
        return token.value
    if token.value in OPERATOR_COMMANDS:
        return OPERATOR_COMMANDS[token.value]
    raise NameError_(unknown_command(token.value), token)


# What to write instead of a command derive does not read, where there is a reading.
INSTEAD = {r"\rm": "`\\rm` sets the rest of its group upright; write \\mathrm{KL}, or {\\rm KL} "
                   "with the braces around the word alone",
           r"\cal": "`\\cal` sets the rest of its group calligraphic; write \\mathcal{L}, or "
                    "{\\cal L} with the braces around the letter alone",
           **dict.fromkeys((r"\dots", r"\ldots", r"\cdots"),
                           "terms left out with dots (y_1 + \\dots + y_n, \\{x_1, \\dots, x_n\\}) are "
                           "not read yet: write a sum by its index, \\sum_{i=1}^{n} y_i"),
           **dict.fromkeys((r"\Downarrow", r"\Longdownarrow"),
                           "an arrow row is read only on a row of its own between two rows of a "
                           "display — \"hence\" above a statement (a = 2 \\\\ \\Downarrow \\\\ "
                           "a^2 = 4), a note between two links of a chain — with nothing beside "
                           "it but an annotation (\\Downarrow_{…}, \\overset{…}{\\Downarrow}, "
                           "\\Downarrow \\quad \\text{since …}); math right after the arrow "
                           "(\\Downarrow a^2 = 4: a statement, or an annotation?), or an arrow first "
                           "or last in the display (what follows from it?), is refused: write the "
                           "statement on a row of its own"),
           r"\given": "\\given is no LaTeX command (a macro of the author's, usually for the "
                       "bar of a conditional): write \\mid, p(x \\mid y), or define it in the "
                       "document (\\newcommand{\\given}{\\mid})",
           r"\det": "derive reads determinants only of diagonal matrices defined in the file "
                    "(define \\Sigma = \\text{diag}(\\sigma_1^2, \\ldots, \\sigma_n^2)), "
                    "written \\det\\Sigma or |\\Sigma|; else write the product of the "
                    "entries: \\prod_{i=1}^{n} \\sigma_i^2",
           **dict.fromkeys((r"\text{Tr}", r"\mathrm{Tr}", r"\operatorname{Tr}", r"\text{tr}",
                            r"\mathrm{tr}", r"\operatorname{tr}"),
                           "derive reads traces only of diagonal matrices, \\text{tr}(\\Sigma) "
                           "after define \\Sigma = \\text{diag}(…) (of one number it is "
                           "that number: leave it out)")}
# Operator commands that are names spelled upright: `\Pr` is `\mathrm{Pr}`.
OPERATOR_COMMANDS = {r"\Pr": "Pr"}


# Transposes (`x^\\top`, `x^\\intercal`, and `x^T`, `x^{\\mathrm{T}}` when T is no declared
# number): not read, and never a power.
TRANSPOSE_COMMANDS = frozenset({r"\top", r"\intercal", r"\transpose", r"\T"})
TRANSPOSES = ("derive does not read transposes yet (x^T, x^\\top, x^{\\mathrm{T}}): for "
              "scalars declare them real (real w: w^T x is w x) or write w x")


# Upright words every reader takes for one standard function that derive does not evaluate and
# whose meaning is no one-line formula an author states as a definition: refused wherever they
# stand (`unknown_command`) — also heading a row, where any other new word is the author's
# definition (`\\operatorname{sgn}(z) = 1` would make a false value of the sign function a
# definition every later row is checked against). A file that means another function
# declares it, or defines it with `% derive: define`. Activation functions (softplus, ReLU)
# are not here: texts define them by their formula in a row (`\\operatorname{softplus}(x) =
# \\log(1 + e^x)`), which stays a definition; at numbers only such a head is refused.
STANDARD_FUNCTIONS = {
    **dict.fromkeys(("sign", "sgn"), "the sign function"),
    **dict.fromkeys(("erf", "erfc", "erfi", "erfcx"), "an error function"),
    **dict.fromkeys(("sinc",), "the cardinal sine"),
    **dict.fromkeys(("Li", "li", "Ei", "Si", "Ci", "Shi", "Chi"),
                    "a polylogarithm or integral function"),
    **dict.fromkeys(("Ai", "Bi"), "an Airy function"),
    **dict.fromkeys(("Heaviside", "sech", "csch", "arcsec", "arccsc", "arccot", "arsech"),
                    "a standard function"),
}


# Words of remarks beside a row (`\\text{for } i = 1`, `\\quad \\text{if } x > 0`): never
# declarable as a name of the file (`Reader._declarable_word`), whatever they are set in.
REMARK_WORDS = frozenset("""for if and or iff where when whenever with since because by as
so thus hence then else otherwise all each every any some is are be not let such that
given on in of at to""".split())


def standard_word(command):
    """The word of an upright command (`\\operatorname{sgn}` → `sgn`) when it names a
    standard function derive does not read (`STANDARD_FUNCTIONS`), else None."""
    found = re.fullmatch(r"\\(?:operatorname|mathrm|text|textrm|rm)\s*\{\s*([A-Za-z]+)\s*\}",
                         command)
    return found.group(1) if found and found.group(1) in STANDARD_FUNCTIONS else None


def unknown_command(command):
    if command in TRANSPOSE_COMMANDS:
        return f"{TRANSPOSES}; `{command}` is a transpose"
    word = standard_word(command)
    if word is not None:
        return (f"derive does not read `{command}`: it is {STANDARD_FUNCTIONS[word]}, which "
                "derive does not evaluate — a row heading it is no definition either; declare "
                f"it if the file means an unknown function (% derive: function {command}) or "
                f"define it (% derive: define {command}(t) = …)")
    hint = INSTEAD.get(command)
    if command in (r"\Downarrow", r"\Longdownarrow"):   # read, but not where it stands
        return f"derive does not read `{command}` here: {hint}"
    return (f"derive does not read `{command}` yet: " + (hint if hint else
            "it is not in the notation it knows (the README lists what it reads)"))


def font_text(node):
    """`\\mathrm{KL}` → `KL`; `\\mathcal{L}` → `\\mathcal{L}`. A sign in a name joins two
    of its parts (`\\mathrm{log-sum-exp}`); a sign at an end (`\\mathrm{-1}`, `\\mathrm{+b}`)
    would make an operator part of a name: refused (a lone sign, `\\mathrm{+}`, is the
    operator itself, `wrappers`)."""
    font = node.children[0].value[1:]
    body = node.children[1].children
    for k, c in enumerate(body):
        if isinstance(c, Token) and c.type == "ADDOP" and not (
                0 < k < len(body) - 1 and not _is_sign(body[k - 1]) and not _is_sign(body[k + 1])):
            raise NameError_(f"a sign {c.value} in \\{font}{{…}} that joins no two parts of a "
                             "name: derive does not read it as part of a name (write the "
                             "operator outside the font)", c)
    inner = "".join(_body_text(c) for c in body)
    return inner if font in TYPOGRAPHIC_FONTS else "\\%s{%s}" % (font, inner)


def _is_sign(c):
    return isinstance(c, Token) and c.type == "ADDOP"


def _body_text(c):
    if isinstance(c, Tree):
        return font_text(c)
    if c.type == "COMMAND":
        return command_name(c)
    return c.value


def accent_text(node):
    """`\\tilde{p}` → `\\tilde{p}` (the accent is part of the name)."""
    accent, arg = node.children
    inner = flat_text(arg)
    command = accent.value
    command = {r"\widetilde": r"\tilde", r"\widehat": r"\hat", r"\overline": r"\bar"}.get(command, command)
    return "%s{%s}" % (command, inner)


def name_text(primary):
    """The canonical name of a LETTER, COMMAND, font or accent primary; None otherwise."""
    if isinstance(primary, Token):
        if primary.type == "LETTER":
            return primary.value
        if primary.type == "COMMAND":
            return command_name(primary)
        return None
    if isinstance(primary, Tree):
        if primary.data == "font":
            return font_text(primary)
        if primary.data == "accent":
            return accent_text(primary)
    return None


def decoration(sup):
    """The name decoration a superscript stands for (`^{\\star}`, `'`), or None for a power.
    A superscript in parentheses is an index, as in `\\mathbf{x}^{(i)}` (the i-th x of a
    data set): part of the name, never a power."""
    if isinstance(sup, Token):
        return DECORATIONS.get(sup.value) if sup.type == "DECOR" else None
    if isinstance(sup, Tree) and sup.data == "sgroup" and sup.children and \
            isinstance(sup.children[0], Tree) and sup.children[0].data == "decor":
        return "".join(DECORATIONS[t.value] for t in sup.children[0].children)
    inner = _single(sup)
    if isinstance(inner, Tree) and inner.data == "bracketed" and inner.children[0].value == "(" \
            and index_like(inner.children[1]):
        return "^{%s}" % flat_text(inner)
    return None


def label_and_power(sup):
    """(`^{(i)}`, the power) for a superscript that is a parenthesised index and then a whole
    number, `\\sigma^{(i)2}` (Kingma & Welling's (σ^{(i)})²: the label is the name's, the
    number its power, as `{\\sigma^{(i)}}^2` prints); None for anything else. The power is
    the superscript with only the number left in it."""
    if not (isinstance(sup, Tree) and sup.data == "sgroup"):
        return None
    run = _single(sup)
    if not (isinstance(run, Tree) and run.data == "run" and len(run.children) == 2):
        return None
    label, number = run.children
    if not (isinstance(label, Tree) and label.data == "script" and len(label.children) == 1 and
            isinstance(number, Tree) and number.data == "script" and len(number.children) == 1):
        return None
    bracket, digits = label.children[0], number.children[0]
    if not (isinstance(bracket, Tree) and bracket.data == "bracketed" and
            bracket.children[0].value == "(" and index_like(bracket.children[1]) and
            isinstance(digits, Token) and digits.type == "NUMBER" and digits.value.isdigit()):
        return None
    power = Tree("sgroup", [Tree("subitems", [Tree("sum", [Tree("run", [number], run.meta)],
                                                   run.meta)], run.meta)], sup.meta)
    return "^{%s}" % flat_text(bracket), power


# A word tag in a subscript or superscript: a run of two or more capitals (`IWAE`, `KL`) or a
# word in an upright font (`\\mathrm{elbo}`, `\\text{IWAE}`) — never an index.
_TAG = re.compile(r"\\(?:mathrm|text|textrm|textit|textsf|textbf|mathit|mathsf|operatorname)"
                  r"\s*\{\s*[A-Za-z]{2,}\s*\}|(?<![A-Z\\])[A-Z]{2,}")
_SPACING = re.compile(r"\\[,;:! ]|\\q?quad(?![A-Za-z])|~|\s")
CAPITALS_TAG = re.compile(r"\{?\s*[A-Z]{2,}\s*\}?")


def tag_beside(written, label=None):
    """(the tag, what stands beside it) where a subscript as written (`{IWAE,k}`, `{k,IWAE}`,
    `{IWAE_k}`, `{IWAE\\,k}`, `{\\mathrm{elbo},k}`) holds a word tag and anything more, or
    the tag alone with a superscript `label` in parentheses (`_{IWAE}^{(k)}`); None for a tag
    alone (`{IWAE}`, a name's label) or no tag (`{i,j}`). The written text is asked, not the
    key: the key drops the font and the spacing (`IWAE\\,k` is keyed `IWAEk`)."""
    body = _unbraced(written)
    tag = _TAG.search(body)
    rest = _SPACING.sub("", _TAG.sub("", body)).strip(",;_")
    if not rest and label is not None and re.fullmatch(r"\(.*\)", _unbraced(label)):
        rest = _unbraced(label)
    return (tag.group(0), rest) if tag is not None and rest else None


def is_tag(written):
    """Whether a subscript as written is a word tag alone (`{IWAE}`, `{\\mathrm{elbo}}`)."""
    return _TAG.fullmatch(_unbraced(written)) is not None


def _unbraced(written):
    body = written.strip()
    return body[1:-1].strip() if body.startswith("{") and body.endswith("}") else body


def index_like(args):
    """Whether the inside of `(…)` reads as an index: atoms (a letter, a number, a command
    such as `\\ell`) joined by `+`/`-`, one or more separated by commas (`(i)`, `(t-1)`,
    `(i,j)`). Anything else (`(\\frac12 \\sigma^2 t^2 + \\mu t)`, a product `(\\mu t)`) is
    an expression: `e^{(…)}`, `x^{(…)}` are then powers, never a made-up name."""
    for arg in args.children:
        if isinstance(arg, Token):
            if arg.type == "SEP" and arg.value == ",":
                continue
            return False
        if arg.data != "sum" or not arg.children:
            return False
        for i, part in enumerate(arg.children):
            if i % 2:
                if not (isinstance(part, Token) and part.value in ("+", "-")):
                    return False
            elif not (isinstance(part, Tree) and part.data == "run" and len(part.children) == 1
                      and _index_script(part.children[0])):
                return False
    return True


def _index_script(script):
    """An atom of an index label: an `_index_atom`, or a letter in a font or under an
    accent (`\\mathcal{D}`, `\\hat{\\theta}`), each possibly decorated (`D^*`, `D^{\\star}`,
    `D'`, `\\theta^\\dagger`) — `\\mathcal{L}^{(D^*)}`, the loss at the optimal
    discriminator D^*, is labelled as `\\mathcal{L}^{(D)}` is, never 𝓛 to the power D^*."""
    if not (isinstance(script, Tree) and script.data == "script" and script.children):
        return False
    atom, *tails = script.children
    if not (_index_atom(atom) or _lettered(atom)):
        return False
    for tail in tails:
        if isinstance(tail, Tree) and tail.data == "prime":
            continue
        if not (isinstance(tail, Tree) and tail.data == "superscript" and
                decoration(tail.children[1]) in DECORATIONS.values()):
            return False
    return True


def _lettered(node):
    """A font or accent around one letter or letter command (`\\mathcal{D}`, `\\hat\\theta`)."""
    if not (isinstance(node, Tree) and node.data in ("font", "accent")):
        return False
    body = node.children[1]
    if isinstance(body, Tree) and body.data == "fontbody" and len(body.children) == 1:
        body = body.children[0]
    while isinstance(body, Tree) and body.data == "group" and len(body.children) == 1:
        body = _single(body.children[0])        # `\\hat{\\theta}`: the group's one letter
    return _index_atom(body) and body.type != "NUMBER"


def _index_atom(token):
    """A letter, a whole number, or a letter command (`\\ell`, `\\tau`) — never a decimal
    (`x^{(0.5)}`) or a constant (`t^{(\\pi)}`), which are exponents."""
    if not isinstance(token, Token):
        return False
    if token.type == "NUMBER":
        return token.value.isdigit()
    if token.type == "COMMAND":
        return token.value in LETTER_COMMANDS and token.value not in (r"\pi", r"\infty",
                                                                       r"\emptyset")
    return token.type == "LETTER"


def _single(node):
    """The one primary of a superscript group (`{(i)}` → the bracket), or None."""
    while isinstance(node, Tree) and node.data in ("sgroup", "subitems", "sum", "run", "script") and \
            len(node.children) == 1:
        node = node.children[0]
    return node


def flat_text(node):
    """Canonical text of a small piece of math (a subscript, an argument list): fonts
    stripped, spacing normalised, commands checked against the vocabulary."""
    if isinstance(node, Token):
        if node.type == "COMMAND":
            return command_name(node)
        if node.type == "SEP" and node.value in ("|", r"\mid", r"\vert"):
            return "|"
        if node.type == "SEP" and node.value in DOUBLE_BARS:
            return r"\|"
        return node.value
    if node.data == "font":
        return font_text(node)
    if node.data == "accent":
        return accent_text(node)
    if node.data in ("sgroup", "group") and len(node.children) == 1:
        return flat_text(node.children[0])
    parts = [flat_text(c) for c in node.children]
    if node.data == "superscript":
        dec = decoration(node.children[1])
        return dec if dec is not None else "^{%s}" % parts[1]
    if node.data == "subscript":
        return "_{%s}" % parts[1]
    return "".join(parts)


def elementary_word(primary):
    """The elementary function an upright word in a typographic font spells (`\\mathrm{exp}`,
    `\\text{log}`, `\\operatorname{ln}` → exp, log, log), or None: printed as `\\exp`, it
    means exp — never a name of its own that a chain row could define."""
    if not (isinstance(primary, Tree) and primary.data == "font") or \
            primary.children[0].value[1:] not in TYPOGRAPHIC_FONTS or \
            not (isinstance(primary.children[1], Tree) and primary.children[1].data == "fontbody"):
        return None
    letters = primary.children[1].children
    if not letters or not all(isinstance(t, Token) and t.type == "LETTER" for t in letters):
        return None
    return SPELLINGS.get("\\" + "".join(t.value for t in letters))
