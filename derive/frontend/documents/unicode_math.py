"""Unicode math characters pasted into LaTeX math, read as the commands they print as.

Authors paste `∥`, `≤`, `∑`, `α` from rendered pages and from unicode-math documents
(XeLaTeX and LuaLaTeX typeset them). Each character below is spelled as the one LaTeX
command that prints it — `D_{KL}[P∥Q]` is `D_{KL}[P \\| Q]`, `a ≤ b` is `a \\le b` — and
is then read exactly as that command is (or refused as it is: `≈` is `\\approx`, which
derive does not check). The spelling follows unicode-math: `ε` (U+03B5) is `\\varepsilon`,
`ϵ` (U+03F5) `\\epsilon`, `φ` (U+03C6) `\\varphi`, `ϕ` (U+03D5) `\\phi`. Any other
character outside ASCII is left as it stands, and the parser refuses it where it stands.

Like a macro expansion, the new text keeps the position of the character it replaces
(`Mapped`), so a message about it points at the author's character.
"""

from __future__ import annotations

from derive.frontend.documents.mapped import Mapped, join

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "varepsilon",
    "ϵ": "epsilon", "ζ": "zeta", "η": "eta", "θ": "theta", "ϑ": "vartheta", "ι": "iota",
    "κ": "kappa", "λ": "lambda", "μ": "mu", "µ": "mu", "ν": "nu", "ξ": "xi", "π": "pi",
    "ρ": "rho", "ϱ": "varrho", "σ": "sigma", "ς": "varsigma", "τ": "tau",
    "υ": "upsilon", "φ": "varphi", "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi",
    "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}

_SYMBOLS = {
    # relations
    "≤": r"\le", "⩽": r"\le", "≥": r"\ge", "⩾": r"\ge", "≠": r"\ne", "≔": ":=",
    "≡": r"\equiv", "≈": r"\approx", "∝": r"\propto", "≪": r"\ll", "≫": r"\gg",
    "⇒": r"\Rightarrow", "⟹": r"\implies", "⇔": r"\iff", "⟺": r"\iff",
    # separators, arrows, membership
    "∥": r"\|", "‖": r"\|", "∣": r"\mid", "→": r"\to", "⟶": r"\to", "∈": r"\in",
    "∉": r"\notin", "∼": r"\sim",
    # operators and constants
    "∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∬": r"\iint", "∭": r"\iiint",
    "∇": r"\nabla", "∂": r"\partial", "·": r"\cdot", "⋅": r"\cdot", "×": r"\times",
    "⊙": r"\odot",
    # a web page's minus is often a dash (typed `–`, or a figure or full-width dash); in
    # math no dash is anything else, so each is the minus sign
    "−": "-", "–": "-", "‒": "-", "－": "-", "±": r"\pm", "∓": r"\mp", "√": r"\sqrt", "∞": r"\infty", "′": "'",
    "″": "''", "⊤": r"\top", "…": r"\ldots", "⋯": r"\cdots",
    "ℝ": r"\mathbb{R}", "𝔼": r"\mathbb{E}",
    # spaces
    "\u00a0": " ", "\u2009": " ", "\u2002": " ", "\u2003": " ", "\u202f": " ",
}

SPELLING = {**{ch: "\\" + word for ch, word in _GREEK.items()}, **_SYMBOLS}


def spell(math):
    """The `Mapped` math with every character of `SPELLING` written as its command; a
    command is followed by a space, so that `αx` is `\\alpha x`, never `\\alphax`."""
    if math.text.isascii():
        return math
    pieces, last = [], 0
    for i, ch in enumerate(math.text):
        command = SPELLING.get(ch)
        if command is None:
            continue
        pieces.append(math[last:i])
        trailing = " " if command[-1].isalpha() else ""
        pieces.append(Mapped.generated(command + trailing, math.origin(i)))
        last = i + 1
    return join(pieces + [math[last:]]) if pieces else math
