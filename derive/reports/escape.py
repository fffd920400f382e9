"""Escaping for each output format: text is text, and math is only the math we read.

User text (titles, justifications, names, details) is escaped for its format. The
author's math is re-emitted only if it uses commands from an allowlist of mathematical
commands; any other command (`\\input`, `\\write18`, `\\def`, …, which the grammar reads as
a symbol name) is shown as its name in upright text instead, and TeX's `^^` escapes are
broken up, so nothing in a derivation file reaches TeX as a command. For HTML, math is
converted to MathML and the result must parse as XML made only of MathML elements.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

SAFE_COMMANDS = frozenset("""
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu
xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta
Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell infty partial nabla star ast prime
dagger cdot times div pm mp le leq ge geq ne neq approx sim simeq equiv to rightarrow
leftarrow mid vert Vert parallel in notin subset subseteq cup cap setminus emptyset
forall exists neg land lor frac dfrac tfrac sqrt log ln exp sin cos tan tanh sinh cosh
lim max min sup inf arg argmax argmin int sum prod mathbb mathbf mathrm mathit mathsf
mathtt mathcal mathfrak mathscr boldsymbol bm text textrm textbf textit operatorname
mathop left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr quad qquad lbrack
rbrack lbrace rbrace langle rangle searrow nearrow leqslant geqslant displaystyle
textstyle
""".split())
# A command, or the one environment a step's side may be: a `cases` right side (`Step.cases`).
_COMMAND = re.compile(r"\\(?:begin|end)\{cases\}|\\([a-zA-Z]+)")


PORTABLE = {"argmax": r"\operatorname*{arg\,max}", "argmin": r"\operatorname*{arg\,min}"}


def safe_math(latex):
    """The author's math with every command outside the allowlist made harmless (and the
    few allowed ones that renderers lack written portably)."""
    def neutralise(m):
        name = m.group(1)
        if name is None:                    # \begin{cases}, \end{cases}
            return m.group(0)
        if name in PORTABLE:
            return PORTABLE[name]
        return m.group(0) if name in SAFE_COMMANDS else r"\mathrm{\backslash %s}" % name
    latex = re.sub(r"\\arg\s*\\(max|min)(?![a-zA-Z])", r"\\arg\1", latex)
    latex = _COMMAND.sub(neutralise, latex)
    while "^^" in latex:                    # any run of carets: TeX reads ^^5c as a backslash
        latex = latex.replace("^^", "^{}^")
    return latex


def safe_markdown_math(latex):
    """`safe_math` for Markdown, where a page's HTML passes through: `<` and `>` in the math
    are written `\\lt`, `\\gt`, so no tag can open."""
    return safe_math(latex).replace("<", r"\lt ").replace(">", r"\gt ")


# `|`, `<`, `>` are letters of their own: in TeX's default text font they would print as
# an em dash and inverted punctuation.
_TEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
                 "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%",
                 "~": r"\textasciitilde{}", "|": r"\textbar{}", "<": r"\textless{}",
                 ">": r"\textgreater{}"}
_TEX_UNICODE = {"θ": r"$\theta$", "‖": r"$\|$", "→": r"$\to$", "≤": r"$\le$", "≥": r"$\ge$",
                "≠": r"$\ne$", "−": "-", "·": r"$\cdot$", "✓": r"$\checkmark$", "✗": r"$\times$",
                "≔": ":=", "∞": r"$\infty$", "∫": r"$\int$", "Σ": r"$\Sigma$", "½": r"$\frac12$",
                "—": "---", "–": "--", "…": r"\ldots{}", "²": r"$^2$", "≈": r"$\approx$"}


_SYMPY_INFINITY = re.compile(r"(?<![\w.])(-?)(z?)oo(?!\w)")


def readable(text):
    """SymPy's spellings in engine messages made readable: `oo` → ∞, `-oo` → −∞,
    `zoo` → complex ∞."""
    return _SYMPY_INFINITY.sub(
        lambda m: "complex ∞" if m.group(2) else ("−∞" if m.group(1) else "∞"), str(text))


def md_code(text):
    """A Markdown code span holding `text` as it is: no backslashes added (a code span
    shows them), fenced by more backticks than the text holds."""
    text = " ".join(str(text).split())
    run = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (run + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def visible(text):
    """`text` with its control characters (ESC, BEL, DEL, …) and bidirectional overrides
    shown escaped (`\\x1b`), as the terminal shows them: a report carries no byte that
    would act on the terminal it is printed to or break a TeX build. Line breaks stay."""
    from derive.interfaces.terminal import printable
    return "\n".join(printable(line) for line in str(text).split("\n"))


def tex_text(text):
    """Plain text for LaTeX: every special character escaped, common symbols in math."""
    out = []
    for part in re.split(r"(−∞)", visible(text)):
        if part == "−∞":
            out.append(r"$-\infty$")
        else:
            out.append(_tex_chars(part))
    return "".join(out)


def _tex_chars(text):
    out = []
    for ch in text:
        if ch in _TEX_SPECIALS:
            out.append(_TEX_SPECIALS[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append(_tex_letter(ch))
    return "".join(out)


# TeX's own spellings of letters and punctuation beyond ASCII, in the default (OT1) fonts,
# so that the report builds with plain pdflatex whatever its input encoding.
_TEX_LETTERS = {"ß": r"\ss{}", "æ": r"\ae{}", "Æ": r"\AE{}", "œ": r"\oe{}", "Œ": r"\OE{}",
                "ø": r"\o{}", "Ø": r"\O{}", "ł": r"\l{}", "Ł": r"\L{}", "ı": r"\i{}",
                "“": "``", "”": "''", "„": ",,", "‘": "`", "’": "'", "«": "``", "»": "''",
                "\u00a0": "~"}
_TEX_ACCENTS = {"\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=",
                "\u0306": "u", "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030b": "H",
                "\u030c": "v", "\u0327": "c", "\u0328": "k"}


def _tex_letter(ch):
    """A character beyond ASCII as TeX writes it: an accented Latin letter with its accent
    command (`Ü` → `\\"{U}`), a Greek letter in math, typographic quotes as TeX's; `?`
    for what the default fonts cannot show (emoji, other scripts)."""
    import unicodedata
    if ch in _TEX_LETTERS:
        return _TEX_LETTERS[ch]
    base, *marks = unicodedata.normalize("NFD", ch)
    if marks and ord(base) < 128 and base.isalpha() and all(m in _TEX_ACCENTS for m in marks):
        letter = r"\i{}" if base == "i" else r"\j{}" if base == "j" else base
        for mark in marks:
            letter = "\\%s{%s}" % (_TEX_ACCENTS[mark], letter)
        return letter
    name = unicodedata.name(ch, "")
    if name.startswith("GREEK ") and " LETTER " in name and name.split()[-1].isalpha():
        from derive.frontend.documents.latex_commands import PREDEFINED
        word = name.split()[-1].lower().replace("lamda", "lambda")
        word = "varsigma" if "FINAL SIGMA" in name else word.capitalize() if "CAPITAL" in name else word
        if word in PREDEFINED:
            return "$\\%s$" % word
        return {"omicron": "o"}.get(word) or (base.translate(_GREEK_LOOKALIKES)
                                              if base in _GREEK_LOOKALIKE_LETTERS else "?")
    return "?"


_GREEK_LOOKALIKE_LETTERS = "ΑΒΕΖΗΙΚΜΝΟΡΤΧ"      # Alpha, Beta, …: Latin letters in TeX
_GREEK_LOOKALIKES = str.maketrans(_GREEK_LOOKALIKE_LETTERS, "ABEZHIKMNOPTX")


def md_text(text):
    """Plain text for Markdown: HTML escaped, Markdown's markup characters escaped."""
    escaped = html.escape(visible(text), quote=False)
    return re.sub(r"([\\`*_\[\]#|$<>])", r"\\\1", escaped)


def html_text(text):
    return html.escape(visible(text), quote=True)


_MATHML = "{http://www.w3.org/1998/Math/MathML}"
_MATHML_TAGS = frozenset("""
math mrow mi mo mn ms mtext mspace msub msup msubsup mfrac msqrt mroot mover munder
munderover mtable mtr mtd mstyle mpadded mphantom menclose semantics annotation
""".split())


def mathml(latex):
    """MathML for the author's math; escaped code if it does not convert cleanly."""
    import latex2mathml.converter
    source = safe_math(latex).replace(r"\operatorname*", r"\operatorname")
    try:
        tree = ET.fromstring(latex2mathml.converter.convert(source))
    except Exception:  # noqa: BLE001 - any failure falls back to showing the source
        return f"<code>{html_text(latex)}</code>"
    if not all(el.tag.startswith(_MATHML) and el.tag[len(_MATHML):] in _MATHML_TAGS
               for el in tree.iter()):
        return f"<code>{html_text(latex)}</code>"
    _typeset_operators(tree)
    for element in tree.iter(_MATHML + "mi"):
        if element.text == "~":              # latex2mathml's \sim: the relation ∼
            element.tag, element.text = _MATHML + "mo", "\u223c"
    ET.register_namespace("", _MATHML[1:-1])
    return ET.tostring(tree, encoding="unicode", short_empty_elements=False)


# Names TeX sets as operators: upright, a thin space before what they apply to (none
# before a bracket), and for the optimisers and limits their subscript underneath.
OPERATOR_NAMES = frozenset("log ln exp sin cos tan tanh sinh cosh arg det dim ker Pr sup inf "
                           "max min lim".split())
LIMITS_UNDER = frozenset("max min lim sup inf argmax argmin".split())
_OPENING = frozenset("([{\u27e8|\u2016")


def _typeset_operators(tree):
    """Fix what latex2mathml leaves: `\\log x` glued as `logx`, `\\operatorname{KL}` spaced as
    a relation, `\\arg\\max_{y}` spelt letter by letter with its subscript beside it."""
    for parent in list(tree.iter()):
        children = list(parent)
        for i, child in enumerate(children):
            name = _tag(child)
            if name == "msub" and _operator_name(child[0]) in LIMITS_UNDER:
                base = _operator_element(_operator_name(child[0]))
                child.tag, child[0] = _MATHML + "munder", base
                if i and _tag(children[i - 1]) == "mo" and not (children[i - 1].text or "").strip():
                    parent.remove(children[i - 1])
        children = list(parent)
        for i, child in reversed(list(enumerate(children))):
            word = _operator_name(child)
            if _tag(child) == "munder" and _tag(child[0]) == "mo":
                element = child              # an optimum or limit made above
            elif word is not None and _tag(child) in ("mi", "mo") and word not in LIMITS_UNDER:
                element = parent[i] = _operator_element(word)
            else:
                continue
            if i and _tag(children[i - 1]) not in ("mo", "mspace"):
                parent.insert(i, ET.Element(_MATHML + "mspace", width="0.1667em"))
            following = children[i + 1] if i + 1 < len(children) else None
            if following is not None and not (_tag(following) == "mo" and (following.text or "") in _OPENING):
                index = list(parent).index(element)
                parent.insert(index + 1, ET.Element(_MATHML + "mspace", width="0.1667em"))


def _tag(element):
    return element.tag[len(_MATHML):] if element.tag.startswith(_MATHML) else element.tag


def _operator_name(element):
    """'log' for `<mi>log</mi>` or an `\\operatorname`'s `<mo>KL</mo>`; 'argmax' for the
    letters a, r, g, (space), m, a, x; else None."""
    tag = _tag(element)
    if tag in ("mi", "mo"):
        text = (element.text or "").strip()
        if len(text) > 1 and text.isalpha() and (tag == "mo" or text in OPERATOR_NAMES):
            return text
        return None
    if tag == "mrow" and len(element) and all(_tag(c) in ("mi", "mspace") for c in element):
        word = "".join((c.text or "") for c in element if _tag(c) == "mi")
        return word if word in ("argmax", "argmin") else None
    return None


def _operator_element(word):
    shown = {"argmax": "arg\u2009max", "argmin": "arg\u2009min"}.get(word, word)
    element = ET.Element(_MATHML + "mo", movablelimits="false", lspace="0", rspace="0")
    element.text = shown
    return element
