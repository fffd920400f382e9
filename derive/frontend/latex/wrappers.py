"""Typographic wrappers taken off a row before parsing, keeping every offset the source's.

* `\\boxed{A = B}` (a result drawn in a box) is `A = B`; a box around part of an expression
  groups it, as the printed frame does: `2\\boxed{a + b}` is 2(a + b) — unless what it frames
  starts with an operator (`\\boxed{+ b}`, a term going on with the expression before it).
* `\\underline{A = B}` (a claim underlined for emphasis, as a blog marks a fact it uses) is
  `A = B`; underlined around an expression with an operator (`\\underline{a + b}`) it
  groups it, as `\\boxed` does. `\\underline{X}` around one name stays that name's accent
  (X̲, a name of its own).
* `\\phantom{X}` (also `\\hphantom`, `\\vphantom`) prints nothing: blanked, so a row
  `\\phantom{E(E(X|Y))} &= …` goes on with the chain above, as TeX shows it.
* `Y{=}y`: braces around a lone relation sign (spacing it as a symbol) are blanked.
* A relation with a label stacked on it that names a reason — `\\stackrel{(a)}{\\le}`,
  `\\overset{\\text{Jensen}}{=}`, `\\stackrel{\\eqref{e}}{=}`, `\\underset{\\text{AM-GM}}{\\ge}`
  (Cover & Thomas mark each step so), a footnote mark (`\\stackrel{\\star}{=}`, `\\overset{*}{\\le}`,
  `\\dagger`, `\\ddagger`, `\\ast`, up to three of them: the remark under the display says why), the relation braced or one token as TeX takes an
  argument (`\\overset{(a)}=`, `\\stackrel{(a)}\\le`) — is the relation; the label is a
  remark, set aside. Words typed in math without `\\text` (`\\stackrel{ind}{=}`,
  `\\stackrel{iid/zero\\ mean}{=}`, `\\overset{Jensen}{\\le}`: one word of three letters or
  more) are words as in `\\text`; `annotations` reads any label's words (`stacked_words`, tags
  aside) as the same words beside the row — words that may state a hypothesis (`ind`, `by
  independence`, `zero mean`) make the row's reason, which refutes nothing. A label that says "definition"
  (`def`, `\\text{def}`, `\\mathrm{def}`, `\\triangle`, `\\vartriangle`, `\\Delta`: the
  delta-equal sign `\\overset{\\Delta}{=}`) makes it the definition sign `:=`.
  The label `!` on `=` ("required": the first-order condition `\\frac{d}{d\\lambda} L
  \\stackrel{!}{=} 0 \\Rightarrow …`; the same in words, `\\overset{\\text{set}}{=}`, `want`,
  `FOC`, `at the optimum`: `REQUIRING`) makes it `=` in a premise — before the row's first
  `\\Rightarrow`, where the equation is imposed, not claimed (`required_in_premises`, which
  layout applies to the whole row); anywhere else it is refused.
  Any other label may change what the relation says (`\\stackrel{d}{=}`: equal in
  distribution; `\\overset{?}{=}`, `\\overset{(?)}{=}`: asked): refused.
* An operator sign set in a font or as a binary operator — `\\mathrm{+}`, `\\text{-}`,
  `\\mathbin{\\cdot}`, `\\operatorname{\\times}` — is that operator (upright type does not
  make a sign a name): `a \\mathrm{+} b` is a + b, and a row `&\\quad \\mathrm{+} b` goes on
  with the expression above (`layout` joins it, `operator_fonts`). Any other sign in a font
  (`\\mathrm{-1}`, `\\mathrm{+b}`) is refused where names are read (`names.font_text`).

* `\\cancel{X}` (also `\\bcancel`, `\\xcancel`: MathJax's cancel extension) strikes X
  through to show the reader that it cancels against another factor — it is still there:
  the expression is worth what is written, so `\\cancel{X}` is `{X}` (a group), and the
  step that then drops the struck pair is checked as any step is. A struck term with its
  sign (`a \\cancel{- b} \\cancel{+ b}`) goes on with the expression before it, as a boxed
  one does (`a - b + b`), so the sign is not read as a factor's. Only an expression is read
  so: struck through, a relation is its negation (`a \\cancel{=} b` prints a ≠ b,
  `\\cancel{\\le}` "not ≤"), and an operator, a bracket alone or an empty group is no
  factor — each refused at the `\\cancel`. `\\cancelto{v}{X}` claims
  more — that X becomes v (in a limit, or by a fact the arrow does not name) — and is
  refused: write X, or v with the step that makes X into v.
* A switch of print style or size (`\\displaystyle`, `\\Huge`, `\\small`, …) or a spacing
  command (`\\quad`, `\\,`) set aside elsewhere is refused where an argument goes
  (`2^\\Huge 3`, `\\frac\\displaystyle{1}{2}`, `\\sqrt\\Large 4`, `\\frac{1}\\small{2}`): TeX
  takes the command itself as that argument, so what prints is not 2³, ½ or √4
  (`_switch_as_argument`). One exception: `\\limits` (`\\nolimits`) right after the `_` or `^`
  of `\\sum` or `\\prod` (`\\sum_\\limits{x=0}^{\\infty}`, which MathJax typesets as
  `\\sum\\limits_{x=0}^{\\infty}`): the switch says only where the limits print, so the script
  is the argument after it.

Each wrapper is blanked to spaces of the same length (the definition sign written over its
start, a box's braces turned into brackets), so positions in messages stay those of the
source. Anything else is left alone.
"""

from __future__ import annotations

import re

from derive.frontend.latex.relations import DEFINING, ORDER, RELATION
from derive.frontend.latex.styles import STYLES

_BOXED = re.compile(r"\\boxed\s*\{")
_UNDERLINED = re.compile(r"\\underline\s*\{")
_OPERATOR = re.compile(r"[+\-/]|\\(cdot|times|odot|pm|mp)(?![a-zA-Z])")
_PHANTOM = re.compile(r"\\[hv]?phantom\s*\{")
_CANCEL = re.compile(r"\\(?P<kind>[bx]?cancel|cancelto)(?![a-zA-Z])\s*")
# What cannot stand as a struck-through expression (`_struck_expression`): a relation sign
# (`=`, `\\le`, `\\to`, `\\in`, …), a separator, or an operator the group ends with.
_NOT_STRUCK = re.compile(r"[=<>,;&]|:=|\\(?:not|" + "|".join(
    ORDER + DEFINING + ("approx", "simeq", "cong", "propto", "ll", "gg", "sim", "to", "in",
                        "notin", "mid", "subset", "subseteq", "supset", "supseteq",
                        "Rightarrow", "implies", "Longrightarrow", "iff", "Leftrightarrow",
                        "leftarrow", "Leftarrow", "rightarrow", "mapsto")) + r")(?![a-zA-Z])")
_LEADING_BINARY = re.compile(r"\s*(?:[*/]|\\(?:cdot|times|odot|div|ast)(?![a-zA-Z]))")
_TRAILING_OPERATOR = re.compile(r"(?:[+\-*/]|\\(?:cdot|times|odot|div|pm|mp|ast))\s*$")
_SIGNED = re.compile(r"\s*[+-]")
_OPENS = re.compile(r"[(\[]|\\(?:\{|lbrace|lbrack|langle|lceil|lfloor|left)(?![a-zA-Z])")
_CLOSES = re.compile(r"[)\]]|\\(?:\}|rbrace|rbrack|rangle|rceil|rfloor|right)(?![a-zA-Z])")
# A switch of print style or size, or spacing: set aside in a formula (layout.STYLES, the
# grammar's SPACING), but never where an argument goes (`_switch_as_argument`).
_SWITCH = re.compile(r"\\(?:" + STYLES + r"|q?quad|limits|nolimits)(?![a-zA-Z])|\\[,;:! >]|~")
# What takes an argument a switch could stand as: a script, and the commands of one or two.
_SLOT = re.compile(r"[\^_]|\\(?P<command>[dtc]?frac|[dt]?binom|sqrt|"
                   r"math(?:bf|rm|it|sf|tt|bb|cal|frak|scr|normal|op|bin|rel|ord)|"
                   r"text(?:rm|bf|it|sf|tt|normal|up)?|"
                   r"operatorname|boldsymbol|bm|pmb|mbox|hat|bar|tilde|vec|dot|ddot|check|breve|"
                   r"widehat|widetilde|overline|underline|mathring|boxed|[bx]?cancel)(?![a-zA-Z])")
# `\\sum_\\limits{x=0}^{\\infty}`: \\limits written after the script sign of a sum or product
# (MathJax typesets it as \\sum\\limits_{x=0}^{\\infty}; the switch changes only where the
# limits print) — the argument is the group after it (`_switch_as_argument`).
_LIMITS_IN_SCRIPT = re.compile(r"\\(?:no)?limits(?![a-zA-Z])")
_TWO_ARGUMENTS = re.compile(r"[dtc]?frac|[dt]?binom$")
_STACKED = re.compile(r"\\(stackrel|overset|underset)\s*\{")
_BRACED_RELATION = re.compile(r"(?<![\\}^_])\{\s*(?P<sign>=|<|>|\\(?:le|leq|ge|geq|ne|neq|lt|gt)"
                              r"(?![a-zA-Z]))\s*\}")
_RELATION = re.compile(r"\s*" + RELATION + r"\s*$")
_BARE_RELATION = re.compile(r"\s*(" + RELATION + r")")
# A footnote mark (`\\star`, `*`, `\\dagger`, repeated: `\\star\\star`) names the remark below
# the display that justifies the step, as a number or `(a)` does.
_FOOTNOTE_MARK = r"(?:(?:\\(?:star|ast|dagger|ddagger)(?![a-zA-Z])|\*)\s*){1,3}"
_REASON_LABEL = re.compile(r"\s*(" + _FOOTNOTE_MARK + r"|\(.*\)|\[.*\]|[0-9]+|\\(eq)?ref\s*\{[^{}]*\}|"
                           r"\\(text|textrm|textit|mathrm|mbox)\s*\{\s*(\(.*\)|(?:[^{}A-Za-z]*[A-Za-z]){3}[^{}]*)\})"
                           r"\s*$")
_NOT_A_REASON = re.compile(r"(?i)\b(law|a\.\s*s\.?|dist\w*)\b|[?!]")
# Words saying a relation is required, not claimed — "set equal", the first-order condition
# (`\\overset{\\text{set}}{=} 0`, `\\stackrel{FOC}{=}`, `\\text{(want)}`, `at the optimum`):
# the words of `!`, read as it is (`required_in_premises`; anywhere else refused).
REQUIRING = re.compile(r"(?i)^\W*(?:(?:we|i|one)\s+)?(?:set(?:ting)?|want(?:ed)?|wish|"
                       r"requir(?:e|es|ed|ing|ement)|must|should|need(?:ed)?|goal|aim|"
                       r"solv(?:e|es|ed|ing)|equat(?:e|es|ed|ing)|impos(?:e|es|ed|ing)|"
                       r"f\.?\s*o\.?\s*c\.?|first[- ]order\s+conditions?|opt\.?|optimality|"
                       r"at\s+(?:the\s+|an\s+)?optim(?:um|a|al\w*))(?![A-Za-z])")
# A label of words typed in math, without `\\text` (`\\stackrel{ind}{=}`,
# `\\stackrel{iid/zero\\ mean}{=}`, `\\overset{Jensen}{\\le}`): words of letters (`i.i.d.`,
# `Cauchy-Schwarz`) apart by spaces, `\\ `, `~`, `/` or `,`, one of them of three letters or
# more (dots aside: `i.i.d.`) —
# a lone letter (`d`: in distribution, `c`) or two (`as`: almost surely) is no word.
_WORD_IN_MATH = r"[A-Za-z](?:[A-Za-z'.-]*[A-Za-z.])?"
_BARE_WORDS = re.compile(r"\s*(?=.*[A-Za-z](?:\.?[A-Za-z]){2})" + _WORD_IN_MATH +
                         r"(?:(?:\s|\\[ ,;]|~|/|,)+" + _WORD_IN_MATH + r")*\s*$")
# What is left of a tag (`(a)`, `(iv)`, `[3]`, `\\text{(A1)}`) once its brackets are off.
_TAG_WORD = re.compile(r"^(?:[A-Za-z]{1,2}[0-9]*|[0-9]+[a-z]?|[ivxIVX]+|[0-9.]+)?$")
_BINARY_START = re.compile(r"\s*([+-]|\\(cdot|times|odot|pm|mp)(?![a-zA-Z]))")
# A font or binary-operator command around one operator sign, and nothing else.
_OPERATOR_FONT = re.compile(
    r"\\(?:math(?:rm|bf|it|sf|tt|normal|bin|op|ord)|text(?:rm|bf|it|sf|normal)?|mbox|"
    r"operatorname|boldsymbol|bm|pmb)\s*\{\s*(?P<sign>[+-]|\\(?:cdot|times|odot|pm|mp)(?![a-zA-Z]))\s*\}")
# `\\stackrel{!}{=}`: "required to be equal", a condition imposed — read as `=` only in a
# premise (`\\frac{d}{d\\lambda} L \\stackrel{!}{=} 0 \\Rightarrow …`), where `=` is imposed.
_REQUIRED_LABEL = re.compile(r"\s*!\s*$")
_PREMISE_END = re.compile(r"\\(?:Rightarrow|implies|Longrightarrow)(?![a-zA-Z])")
# `\\overset{\\Delta}{=}` (delta-equal, as `\\triangleq` prints it: information theory's
# "defined as", Cover & Thomas's `\\stackrel{\\Delta}{=}`) is a definition label too
_DEFINITION_LABEL = re.compile(r"\s*(def|\\(text|mathrm|rm)\s*\{\s*def\s*\.?\s*\}|"
                               r"\\(triangle|vartriangle|Delta)(?![a-zA-Z])|"
                               r"\\rm\s+def)\s*\.?\s*$")


class Unread(Exception):
    """A wrapper derive does not take off (its message, and its offset in the row)."""

    def __init__(self, message, offset):
        super().__init__(message)
        self.message, self.offset = message, offset


def operator_fonts(text):
    """The spans `(start, end)` of `text` to blank so that each font or binary-operator
    command around a lone operator sign (`\\mathrm{+}`) leaves the sign alone."""
    return [span for m in _OPERATOR_FONT.finditer(text)
            for span in ((m.start(), m.start("sign")), (m.end("sign"), m.end()))]


def unwrap(text):
    """The row with `\\boxed{…}`, stacked labels on relations, fonts around an operator
    sign, braces around a lone relation sign and blank words (`\\text{ }`) blanked (same
    length)."""
    _switch_as_argument(text)
    return _braced_relations(_stacked_and_boxed(_phantoms(_cancelled(_blank_words(text)))))


# `\\text{ }`, `\\mbox{~}`, `\\text{\\quad}`, `\\mathrm{}`: a word of nothing — spacing as TeX
# prints it (a text font's blanks are word spaces, a math font's none), never a name (it was
# read as a symbol with an empty name, `x \\text{ } x` as x·?·x). `math` names a math font.
BLANK_WORD = re.compile(r"\\(?:text(?:rm|it|bf|sf|normal)?|mbox|hbox|(?P<math>math(?:rm|bf|it|sf|tt|"
                        r"cal|bb|frak|scr)|operatorname|boldsymbol))\s*"
                        r"\{(?P<inside>(?:\s|~|\\[ ,;:!]|\\q?quad(?![a-zA-Z]))*)\}")


def _blank_words(text):
    """`text` with each blank word (`BLANK_WORD`) blanked (same length)."""
    return BLANK_WORD.sub(lambda m: " " * len(m.group(0)), text)


def _cancelled(text):
    """`\\cancel{X}`, `\\bcancel{X}`, `\\xcancel{X}` are `{X}`: the command is blanked, its
    braces kept as a group — and blanked too around a struck term with its sign (`\\cancel{-
    b}`), which goes on with the expression. X must be an expression; `\\cancelto` is refused
    (module docstring)."""
    if "cancel" not in text:
        return text
    chars = list(text)
    for match in _CANCEL.finditer(text):
        if match.group("kind") == "cancelto":
            raise Unread("\\cancelto{v}{X} claims that X becomes v, which derive does not "
                         "check: write X, or v after a step that shows X = v", match.start())
        if match.end() < len(text) and text[match.end()] == "{":
            close = _closing_brace(text, match.end())
            inside = text[match.end() + 1:close] if close is not None else ""
            if close is None or not _struck_expression(inside):
                raise Unread(f"\\{match.group('kind')}{{{inside.strip()}}} strikes through what "
                             "is no expression: a struck relation is its negation (a \\cancel{=} "
                             "b prints a ≠ b), an operator or a bracket alone is no factor — "
                             "write the relation (\\ne) or the expression plainly", match.start())
            _blank(chars, match.start(), match.end())
            if _SIGNED.match(inside) and not re.search(r"(?:[\^_]|\\[a-zA-Z]+)\s*$",
                                                      text[:match.start()]):
                _blank(chars, match.end(), match.end() + 1)     # a term with its sign
                _blank(chars, close, close + 1)
    return "".join(chars)


def _struck_expression(inside):
    """Whether the struck `inside` of `\\cancel{…}` is an expression: not empty, no relation
    or separator outside its braces, its brackets balanced, no operator at its end (nor a
    binary one at its start)."""
    if not inside.strip() or _LEADING_BINARY.match(inside) or _TRAILING_OPERATOR.search(inside):
        return False
    if _top_level(_NOT_STRUCK, inside):
        return False
    depth = 0
    for match in re.finditer(_OPENS.pattern + "|" + _CLOSES.pattern, inside):
        depth += 1 if _OPENS.fullmatch(match.group()) else -1
        if depth < 0:
            return False
    return depth == 0


def _switch_as_argument(text):
    """Refuse a switch of print style or size or a spacing command (`_SWITCH`) standing where
    an argument goes: after `^` or `_`, as the (first or second) argument of `\\frac`,
    `\\binom`, `\\sqrt` (after its index), a font or an accent. TeX takes the command as
    that argument (`2^\\Huge 3` is 2 with an empty superscript, then 3), so setting it
    aside would hand the next token over as the argument."""
    if "\\" not in text and "~" not in text:
        return
    for match in _SLOT.finditer(text):
        if match.start() and text[match.start() - 1] == "\\":
            continue                                    # `\\^`, `\\_`: no script
        command = match.group("command") or ""
        at = _skip_space(text, match.end())
        if command == "sqrt" and text.startswith("[", at):
            close = text.find("]", at)
            at = _skip_space(text, close + 1) if close >= 0 else at
        slots = 2 if _TWO_ARGUMENTS.match(command) else 1
        if not command and _LIMITS_IN_SCRIPT.match(text, at) and \
                _after_big_operator(text, match.start()):
            at = _skip_space(text, _LIMITS_IN_SCRIPT.match(text, at).end())
        for _ in range(slots):
            if _SWITCH.match(text, at):
                raise Unread(f"{_SWITCH.match(text, at).group()} where an argument goes: TeX "
                             "takes the command itself as the argument, so the next group is "
                             "not it — write the argument in braces ({\\Huge 3}) or drop the "
                             "switch", at)
            at = _skip_space(text, _argument_end(text, at))


def _after_big_operator(text, at):
    """Whether `\\sum` or `\\prod` ends just before `at` (spaces aside)."""
    while at and text[at - 1] in " \t\n":
        at -= 1
    return any(text.endswith(op, 0, at) for op in ("\\sum", "\\prod"))


def _argument_end(text, at):
    """Where the one argument TeX takes at `at` ends: a braced group, a control word, or
    one character."""
    if text.startswith("{", at):
        close = _closing_brace(text, at)
        return len(text) if close is None else close + 1
    word = re.compile(r"\\[a-zA-Z]+|\\?.", re.DOTALL).match(text, at)
    return word.end() if word else len(text)


def _skip_space(text, at):
    while at < len(text) and text[at] in " \t\n":
        at += 1
    return at


def _phantoms(text):
    """`\\phantom{X}`, `\\hphantom{X}`, `\\vphantom{X}` print nothing (they reserve X's
    space, to align a row under another): blanked whole."""
    chars = list(text)
    for match in _PHANTOM.finditer(text):
        close = _closing_brace(text, match.end() - 1)
        if re.search(r"(?:[\^_]|\\[a-zA-Z]+)\s*$", text[:match.start()]):
            continue          # an argument (`2^\\phantom{1}3`, `\\sqrt\\phantom{9}4`): TeX takes the
            #                   phantom as it, blanking would hand the next token over — unread
        if close is not None:
            _blank(chars, match.start(), close + 1)
    return "".join(chars)


def _braced_relations(text):
    """`Y{=}y`, `a {\\le} b`: braces around a lone relation sign (TeX's way to space it as
    an ordinary symbol) print the relation — blanked, the sign kept."""
    chars = list(text)
    for match in _BRACED_RELATION.finditer(text):
        if re.search(r"\\[a-zA-Z]+\s*$", text[:match.start()]):
            continue                    # a command's argument (`\\mathrm{=}`, `\\stackrel…`)
        _blank(chars, match.start(), match.start("sign"))
        _blank(chars, match.end("sign"), match.end())
    return "".join(chars)


def _stacked_and_boxed(text):
    chars = list(text)
    for start, end in operator_fonts(text):
        _blank(chars, start, end)
    text = "".join(chars)
    if not any(w in text for w in ("\\boxed", "\\stackrel", "\\overset", "\\underset",
                                   "\\underline")):
        return text
    for match in _UNDERLINED.finditer(text):
        close = _closing_brace(text, match.end() - 1)
        inside = text[match.end():close] if close is not None else ""
        if _states_a_relation(inside):
            _blank(chars, match.start(), match.end())
            _blank(chars, close, close + 1)
        elif _top_level(_OPERATOR, inside):         # an expression: a group, as a box
            _blank(chars, match.start(), match.end() - 1)
            chars[match.end() - 1], chars[close] = "(", ")"
    for match in _BOXED.finditer(text):
        close = _closing_brace(text, match.end() - 1)
        if close is not None:
            _blank(chars, match.start(), match.end())
            _blank(chars, close, close + 1)
            inside = text[match.end():close]
            if not _states_a_relation(inside) and not _BINARY_START.match(inside):
                chars[match.end() - 1], chars[close] = "(", ")"     # a part: a group
    for match in _STACKED.finditer(text):
        label_end = _closing_brace(text, match.end() - 1)
        if label_end is None:
            continue
        stacked = stacked_relation(text, label_end + 1)
        if stacked is None:
            _stacked_arrow(text, match.start(), label_end + 1)
            continue
        at, end, relation = stacked
        label = text[match.end():label_end]
        definition = _DEFINITION_LABEL.match(label) and relation == "="
        if not definition and not reads_as_reason(label):
            raise Unread(f"a relation with the label {label.strip()} stacked on it: derive "
                         "reads a label naming a reason ((a), \\text{Jensen}, words such as ind or "
                         "iid) as the relation itself and \\stackrel{\\text{def}}{=} as :=, "
                         "but this one may change "
                         "what the relation says (d: in distribution; ?: asked; !, set, want, "
                         "FOC: required, read as = only before \\Rightarrow) — "
                         "write the relation plainly", match.start())
        _blank(chars, match.start(), end)
        if definition:
            chars[match.start():match.start() + 2] = [":", "="]
        else:
            chars[at:at + len(relation)] = list(relation)
    return "".join(chars)


_ARROW = re.compile(r"\s*\{?\s*\\(?:to|rightarrow|longrightarrow|Rightarrow|Longrightarrow|"
                    r"leftarrow|longleftarrow|mapsto|searrow|nearrow|nrightarrow)(?![a-zA-Z])")


def _stacked_arrow(text, start, after):
    """Refuse a label stacked on an arrow (`a_n \\stackrel{n \\to \\infty}{\\longrightarrow}
    0`, `\\overset{P}{\\to}`: converges, in some sense): derive reads no such arrow, and
    the label's math would otherwise reach the parser as a bare expression."""
    if _ARROW.match(text, after):
        raise Unread("an arrow with a label stacked on it (a limit, or convergence in some "
                     "sense) is not read: write the limit as \\lim_{n \\to \\infty} a_n = 0",
                     start)


def reads_as_reason(label):
    """Whether a label stacked on a relation is set aside as a reason's name or read as
    words (`stacked_words`): a tag (`(a)`, `\\star`, `\\eqref{e}`, `3`), words in text
    (`\\text{Jensen}`, `\\text{by independence}`) or typed in math (`ind`,
    `iid/zero\\ mean`) — never a label that may say another relation (`d`, `law`, `?`)."""
    return (_REASON_LABEL.match(label) is not None or _BARE_WORDS.match(label) is not None) \
        and _NOT_A_REASON.search(label) is None and not required(label)


def required(label):
    """Whether a label stacked on a relation says it is required, not claimed: `!`, or the
    same in words (`REQUIRING`: `\\text{set}`, `want`, `FOC`, `at the optimum`)."""
    if _REQUIRED_LABEL.match(label):
        return True
    plain = re.sub(r"\\[ ,;]|~|\\[a-zA-Z]+\s*|[{}]", " ", label)
    return REQUIRING.match(plain) is not None


def stacked_words(label):
    """The words a label stacked on a relation says, as plain text (`\\text{by independence}`
    → `by independence`, `iid/zero\\ mean` → `iid zero mean`, `(\\text{Jensen})` →
    `Jensen`) — None for a tag that only points at a remark elsewhere (`(a)`, `(iv)`, `[3]`,
    `\\star`, `\\eqref{e}`), which says nothing itself. `annotations` reads these words as
    the same words beside the row: a reason when they may state a hypothesis."""
    if not reads_as_reason(label) or _DEFINITION_LABEL.match(label):
        return None
    plain = re.sub(r"\\(?:eq)?ref\s*\{[^{}]*\}|\\(?:star|ast|dagger|ddagger)(?![a-zA-Z])", " ", label)
    plain = re.sub(r"\\[ ,;]|~|/|\\[a-zA-Z]+\s*|[{}]", " ", plain)
    plain = " ".join(plain.split())
    bare = plain.strip("()[]* ").strip()
    return None if _TAG_WORD.match(bare) else plain


def closing_box(text):
    """The offset of the `}` that ends `text` (spacing aside) when it closes a `\\boxed{`
    (`\\boxed{A = B.}`: the box frames the row's last words), else None."""
    end = len(text.rstrip()) - 1
    if end < 0 or text[end] != "}":
        return None
    for match in _BOXED.finditer(text):
        if _closing_brace(text, match.end() - 1) == end:
            return end
    return None


def required_in_premises(text):
    """The (start, end) spans to blank so that each `\\stackrel{!}{=}` (`\\overset{!}{=}`:
    "required to be equal") in the premise of the row `text` — before its first
    `\\Rightarrow` — is the `=` it imposes: `\\frac{d}{d\\lambda} L \\stackrel{!}{=} 0
    \\Rightarrow …` is the condition dL/dλ = 0. Layout blanks them on the whole row, before
    its premise is split into conditions; anywhere else the label stays, and is refused."""
    spans = []
    if not _STACKED.search(text):
        return spans
    for match in _STACKED.finditer(text):
        label_end = _closing_brace(text, match.end() - 1)
        stacked = stacked_relation(text, label_end + 1) if label_end is not None else None
        if stacked is None or stacked[2] != "=" or \
                not required(text[match.end():label_end]) or \
                not _in_a_premise(text, match.start()):
            continue
        at, end, relation = stacked
        spans += [(match.start(), at), (at + len(relation), end)]
    return spans


def _in_a_premise(text, at):
    """Whether offset `at` lies in the premise of the row `text`: before its first
    `\\Rightarrow` (`\\implies`, `\\Longrightarrow`) outside braces, which comes after it."""
    depth = 0
    for k, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and _PREMISE_END.match(text, k):
            return k > at
    return False


def stacked_relation(text, start):
    """(offset, end, relation) of the relation a stacked label sits on, its argument at
    `start` (after the label's closing brace): braced (`{=}`, `{\\le}`) or one token, as TeX
    takes an argument (`\\overset{(a)}=`, `\\overset{(a)}\\le`); `end` is past it (and its
    brace). None when that argument is no relation."""
    second = re.compile(r"\s*\{").match(text, start)
    if second is not None:
        end = _closing_brace(text, second.end() - 1)
        if end is None or not _RELATION.match(text[second.end():end]):
            return None
        relation = text[second.end():end].strip()
        return text.index(relation, second.end()), end + 1, relation
    bare = _BARE_RELATION.match(text, start)
    if bare is None:
        return None
    return bare.start(1), bare.end(1), bare.group(1)


def _states_a_relation(text):
    """Whether `text` holds a relation outside its own braces (a boxed equation)."""
    depth = 0
    for k, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and _RELATION.match(text[k:].split(" ")[0] if ch == "\\" else ch):
            return True
    return False


def _top_level(pattern, text):
    """Whether `pattern` matches somewhere in `text` outside its braces."""
    depth = 0
    for k, ch in enumerate(text):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and pattern.match(text, k):
            return True
    return False


def _closing_brace(text, opening):
    """The offset of the `}` matching the `{` at `opening`, or None."""
    # imported here: the documents package imports the layout, which imports this module
    # (`python -m derive.frontend.latex.parse` starts from this side of that circle)
    from derive.frontend.documents.macros import group
    braced = group(text, opening)
    return None if braced is None else braced[1]


def _blank(chars, start, end):
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "
