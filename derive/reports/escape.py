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
_COMMAND = re.compile(r"\\([a-zA-Z]+)")


PORTABLE = {"argmax": r"\operatorname*{arg\,max}", "argmin": r"\operatorname*{arg\,min}"}


def safe_math(latex):
    """The author's math with every command outside the allowlist made harmless (and the
    few allowed ones that renderers lack written portably)."""
    def neutralise(m):
        name = m.group(1)
        if name in PORTABLE:
            return PORTABLE[name]
        return m.group(0) if name in SAFE_COMMANDS else r"\mathrm{\backslash %s}" % name
    latex = re.sub(r"\\arg\s*\\(max|min)(?![a-zA-Z])", r"\\arg\1", latex)
    return _COMMAND.sub(neutralise, latex).replace("^^", "^{}^")


_TEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
                 "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%",
                 "~": r"\textasciitilde{}"}
_TEX_UNICODE = {"θ": r"$\theta$", "‖": r"$\|$", "→": r"$\to$", "≤": r"$\le$", "≥": r"$\ge$",
                "≠": r"$\ne$", "−": "-", "·": r"$\cdot$", "✓": r"$\checkmark$", "✗": r"$\times$",
                "≔": ":=", "∞": r"$\infty$", "∫": r"$\int$", "Σ": r"$\Sigma$", "½": r"$\frac12$",
                "—": "---", "–": "--", "…": r"\ldots{}", "²": r"$^2$", "≈": r"$\approx$"}


def tex_text(text):
    """Plain text for LaTeX: every special character escaped, common symbols in math."""
    out = []
    for ch in str(text):
        if ch in _TEX_SPECIALS:
            out.append(_TEX_SPECIALS[ch])
        elif ch in _TEX_UNICODE:
            out.append(_TEX_UNICODE[ch])
        elif ord(ch) < 128 or ch.isalpha():
            out.append(ch if ord(ch) < 128 else "?")
        else:
            out.append("?")
    return "".join(out)


def md_text(text):
    """Plain text for Markdown: HTML escaped, Markdown's markup characters escaped."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]#|$<>])", r"\\\1", escaped)


def html_text(text):
    return html.escape(str(text), quote=True)


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
        markup = latex2mathml.converter.convert(source)
        tree = ET.fromstring(markup)
    except Exception:  # noqa: BLE001 - any failure falls back to showing the source
        return f"<code>{html_text(latex)}</code>"
    if not all(el.tag.startswith(_MATHML) and el.tag[len(_MATHML):] in _MATHML_TAGS
               for el in tree.iter()):
        return f"<code>{html_text(latex)}</code>"
    return markup
