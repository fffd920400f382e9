"""Old-style spellings of names (LaTeX 2.09 font switches, braces around a name), read as
the modern spellings they print as — or refused where the old switch's reach would change
how letters make words.

* `\\bf`, `\\it`, `\\sf`, `\\tt` (bare, `\\bf x`, or opening a group, `{\\bf x}`): bold,
  italic, sans and typewriter are typography, as `\\mathbf{x}` is `x`; the switch is
  dropped and what follows reads as written (`{\\bf x}_i` is `x_i`, `\\bf x y` is x·y).
* `{\\rm KL}`, `{\\rm d}`, `{\\cal L}`: a group that a switch opens and that holds only
  letters, digits and letter commands is `\\mathrm{KL}`, `\\mathrm{d}`, `\\mathcal{L}`.
  Anywhere else (`a + \\rm KL`, `{\\cal L_i}`) the switch reaches to the end of its group
  and changes which letters make one word: refused where it stands (names.INSTEAD).
* `{D}_{KL}`, `{\\rm KL}(p \\| q)`: braces around one name (no scripts inside) are the name,
  as TeX prints it; so are braces around one name or operator *with* its scripts and none
  outside (`{\\mathbb{E}_{x \\sim p}}[…]`, `{x_i}`).
* `\\log{X}`, `\\exp{(a)^2}`, `\\operatorname{ln}{X}`: braces right after a function word
  hold its whole argument, whatever X is — read as brackets around it whose delimiters are
  braces (`bracketed` with `{`), never dropped: `\\log{(\\sigma^2)^{1/2}}` is log((σ²)^½),
  not the `\\log(u)^k` form (products.py refuses a power after the closing brace). So do
  the braces of a plain TeX fraction there: `\\log{a \\over b} c` is log(a/b)·c.
  A sum or difference in those braces (`\\log{a - \\log b}`, Will Wolf's EM notes) prints
  as log a − log b, the braces invisible: refused, never the log of the difference.
* `\\mathrm{argmax}`, `\\text{argmax}`, `\\mathop{\\mathrm{arg\\,min}}`: the word set upright by
  hand is the operator `\\argmax` (`\\argmin`), as `\\operatorname*{argmax}` is (the text is
  rewritten in place, padded to the same length).
* `\\mathop{max}_D`, `\\operatorname*{sup}`, `\\mathop{\\rm min}`: an optimum or limit word
  (max, min, sup, inf, lim) set upright by hand as an operator is `\\max` (in place, same
  length); under a script (`\\lambda_{\\operatorname{max}}`, a label) it is left alone.
* `\\mathop{dp}`, `\\mathop{d\\theta}`, `\\mathop{d}p`: a differential set as an operator (for
  its spacing, reStructuredText's math) is `\\mathrm{d}p` (in place, same length), read as
  any differential is — after an integral in its row only: elsewhere nothing binds it, and
  it is refused (`unbound_operator_d`); `\\mathop{dpq}` or anything else in the braces
  stays refused.
* `\\lvert` in a row with no `\\rvert` (`p(x \\lvert y)`) opens no absolute value: it is the
  bar of a conditional, `\\mid` (in place, same length).
* `\\mid \\mid`, `\\vert \\vert`, `\\lvert\\rvert` are `\\|` (the text is rewritten in
  place, same length, so every position stays the author's).
* `\\mathbf{z_i}`, `\\boldsymbol{\\theta_k}`, `\\mathit{x^{(i)}}`: a typographic font
  (bold, italic, sans, typewriter) around one name and its scripts alone is that name with
  its scripts, as `{\\bf z_i}` is (`\\mathbf{z_i}` and `\\mathbf{z}_i` print and read alike):
  the text is rewritten in place to the old switch (`{\\bf    z_i}`, same length).
* `\\mathbf{X, Z}`, `\\boldsymbol{\\mu, \\sigma}`: the same fonts around a list of names
  (each with its scripts) separated by commas are those names (the font and its braces are
  blanked: bold is typography). A calligraphic, blackboard or upright font around a list is
  not rewritten, and the parser refuses it.
* `\\mathcal{L(q;\\theta)}`, `\\mathrm{f(x)}`, `\\boldsymbol{\\mu(x)}`: a font whose braces hold
  exactly one letter (Latin, or a letter command such as `\\mu`) and one balanced bracketed
  argument list after it, and nothing else, is that letter's font applied to the arguments,
  `\\mathcal{L}(q;\\theta)` — the only reading the author can mean, since a font's braces
  cannot name a call. The text is rewritten in place to TeX's brace-less font argument,
  `\\mathcal L(q;\\theta) ` (the font's braces become spaces: every position kept).
* `\\mathcal{L_i}`, `\\mathbf{z_i(x)}`, `\\mathcal{LL(q)}`: any other font's braces around a
  name *and* its arguments or scripts are refused, saying how to write it
  (`\\mathcal{L}_i`) — a calligraphic or upright font names a letter of its own, as
  `{\\cal L_i}` is refused.
* `{a \\over b}` (plain TeX's fraction, which MathJax reads everywhere): the braced group
  whose one `\\over` splits it is `\\frac{a}{b}` — read as that fraction in every way,
  `{d \\over dx}` a derivative too. Without braces of its own (`a \\over b` alone in a
  display, `\\left( a \\over b \\right)`), TeX's `\\over` splits the whole enclosing group
  or formula: the grammar has no such rule, and the parser refuses it where it stands
  (parse.py's message asks for braces or `\\frac`).
"""

from __future__ import annotations

import re

from lark import Token, Tree

from derive.frontend.latex import names as naming
from derive.frontend.latex.pieces import is_token, is_tree, tailless
from derive.frontend.latex.wrappers import Unread

# Switches that are only typography: dropped. Switches that make a name of their own.
TYPOGRAPHIC = frozenset({r"\bf", r"\it", r"\sf", r"\tt"})
NAMING = {r"\rm": r"\mathrm", r"\cal": r"\mathcal"}

# `\mid \mid`, `\vert \vert`, and `\lvert\rvert` (an empty absolute value is no
# expression: the two bars side by side print ‖)
DOUBLE_BAR = re.compile(r"\\(?:(mid|vert)(?![a-zA-Z])\s*\\\1|lvert\s*\\rvert)(?![a-zA-Z])")
# A math font whose braces hold a bracket or a script: `\mathcal{L(q)}`, `\mathrm{x_i}`.
FONT_OVER = re.compile(r"\\(mathbf|mathrm|mathit|mathsf|mathtt|boldsymbol|bm|pmb|mathcal|"
                       r"mathbb|mathfrak|mathscr)\s*\{([^{}]*?)([(\[_^])")


# `\mathrm{…}` around a whole side of a relation (Wei Deng's blog sets every formula
# upright: `\mathrm{\nabla_{x_1} \log p_1(x_1)} = \mathrm{\frac{1}{p_1(x_1)} …}`): what may
# stand before and after it, and what makes its content an expression rather than a name.
UPRIGHT_SIDE = re.compile(r"\\mathrm\s*\{")
_RELATION = r"(?:=|<|>|\\(?:le|leq|ge|geq|approx|propto)(?![a-zA-Z]))"
_SIDE_BEFORE = re.compile(r"(?:" + _RELATION + r"|&|\\\\)$")
_SIDE_AFTER = re.compile(r"\s*(?:$|" + _RELATION + r"|&|\\\\|\\(?:notag|nonumber)(?![a-zA-Z])"
                         r"|[,.])")
_EXPRESSION_MARK = re.compile(r"[=|]|\\(?:frac|dfrac|tfrac|nabla|int|iint|sum|prod|log|ln|"
                              r"exp|sqrt|partial|cdot|times|odot|mid)(?![a-zA-Z])")


# Any math font opening braces; then one letter and an opening bracket (`L(`, `\\mu [`).
ANY_FONT = re.compile(r"\\(mathbf|mathrm|mathit|mathsf|mathtt|boldsymbol|bm|pmb|mathcal|"
                      r"mathbb|mathfrak|mathscr)(?![a-zA-Z])\s*\{")
FONT_LETTER = re.compile(r"\s*(?:[a-zA-Z]|\\(?:" + "|".join(
    sorted((c[1:] for c in naming.LETTER_COMMANDS - {r"\infty", r"\emptyset"}), key=len,
           reverse=True)) +
    r")(?![a-zA-Z]))\s*(?=[(\[])")
CLOSER = {"(": ")", "[": "]", "{": "}"}

# A bold, italic, sans or typewriter font opening braces; then one name with its scripts and
# nothing else up to the closing brace (`z_i}`, `\theta_{k}^{2}}`, `x^{(i)}}`).
TYPOGRAPHIC_FONT = re.compile(r"\\(mathbf|boldsymbol|bm|pmb|mathit|mathsf|mathtt)(?![a-zA-Z])\s*\{")
SWITCH_OF = {"mathit": r"\it", "mathsf": r"\sf", "mathtt": r"\tt"}   # the others are bold
NAME_AND_SCRIPTS = re.compile(r"\s*(?:[a-zA-Z]|\\[a-zA-Z]+)(?:\s*[_^]\s*(?:\{[^{}]*\}|"
                              r"[a-zA-Z0-9]|\\[a-zA-Z]+))+\s*\}")
# The same fonts around a list of names (`\mathbf{X, Z}`, Will Wolf's `p(\mathbf{X, Z})`):
# bold, italic, sans and typewriter are typography, so the list of the names themselves.
_LIST_NAME = (r"\s*(?:[a-zA-Z]|\\(?:" + "|".join(sorted(
    (c[1:] for c in naming.LETTER_COMMANDS - {r"\infty", r"\emptyset"}), key=len, reverse=True)) +
    r")(?![a-zA-Z]))(?:\s*[_^]\s*(?:\{[^{}]*\}|[a-zA-Z0-9]))*\s*")
FONT_AROUND_A_LIST = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|mathit|mathsf|mathtt)"
                                r"(?![a-zA-Z])\s*\{(" + _LIST_NAME + r"(?:," + _LIST_NAME +
                                r")+)\}")


# `\mathrm{argmax}`, `\text{arg\,min}`, `\mathop{\mathrm{argmax}}`: the word set upright
# by hand is the operator `\argmax` (LIMOP), as `\operatorname*{argmax}` is.
_ARG_WORD = r"arg\s*(?:\\[,;! ]|\s)*(max|min)\s*"
ARG_UPRIGHT = re.compile(r"\\mathop\s*\{\s*\\(?:mathrm|operatorname|text|textrm)\s*\{\s*" +
                         _ARG_WORD + r"\}\s*\}|\\(?:mathrm|text|textrm|mathop)\s*\{\s*" +
                         _ARG_WORD.replace("(max|min)", "(?P<word>max|min)") + r"\}")


# `\mathop{max}_{D}`, `\operatorname*{sup}`, `\mathop{\rm min}`: an optimum or limit word set
# upright by hand is the operator `\max` (LIMOP) — not under a script, where
# `\lambda_{\operatorname{max}}` is a label (left to the parser, which refuses it).
LIMIT_UPRIGHT = re.compile(r"\\(?:mathop|operatorname\*?)\s*\{\s*(?:\\(?:rm|mathrm|operatorname)"
                           r"(?![a-zA-Z])\s*\{?\s*)?(?P<word>max|min|sup|inf|lim)\s*\}?\s*\}")
# `\operatorname*{Beta}`: the star only sets scripts under and over the word, as limits;
# a word of letters (no arg max, read by the grammar) means what `\operatorname{Beta}` does.
STARRED_WORD = re.compile(r"\\operatorname(\*)(?=\s*\{\s*(?!arg)[A-Za-z]+\s*\})")
_UNDER_A_SCRIPT = re.compile(r"[_^]\s*\{?\s*$")


def _limit_operator(found, text):
    if _UNDER_A_SCRIPT.search(text[:found.start()]) or \
            found.group().count("{") != found.group().count("}"):
        return found.group()
    return ("\\" + found.group("word")).ljust(len(found.group()))


# `\mathop{dp}`, `\mathop{d\theta}`, `\mathop{d}p` (reStructuredText math, cprior's docs): the
# differential set as an operator for its spacing is `\mathrm{d}p` (the same length).
OPERATOR_D = re.compile(r"\\mathop\s*\{\s*d\s*(?P<var>[a-zA-Z]|\\[a-zA-Z]+)?\s*\}")


def _upright_d(found):
    return ("\\mathrm{d}" + (found.group("var") or "")).ljust(len(found.group()))


def unbound_operator_d(text):
    """(message, offset) for `\\mathop{dp}` left by `normalise_text` — one with no integral
    before it in its row: a differential nothing binds (read as any `dp` there, it was the
    product d·p of two unknowns), else None."""
    found = OPERATOR_D.search(text)
    if found is None:
        return None
    return (f"{found.group().strip()} is a differential set as an operator, and no integral "
            f"before it in this row binds it: derive reads it only as an integral's "
            f"differential (\\int_0^1 f(p) \\mathop{{dp}})", found.start())


# `\lvert` in a row with no `\rvert` opens no absolute value: it is the bar of a conditional
# (`p(x \lvert y)`), `\mid`, as `\vert` is.
LONE_LVERT = re.compile(r"\\lvert(?![a-zA-Z])")


def _arg_operator(found):
    word = found.group(1) or found.group("word")
    return ("\\arg" + word).ljust(len(found.group()))


def normalise_text(text):
    """`\\mid \\mid` → `\\|` padded with spaces, `\\mathcal{L(q)}` → `\\mathcal L(q) ` (a font
    around one letter and its arguments: the letter's font applied to them), and
    `\\mathbf{z_i}` → `{\\bf    z_i}` (a typographic font around one name and its scripts: the
    old switch, read alike), `\\mathbf{X, Z}` → `        X, Z ` (around a list of names: the
    names): the same length, every offset kept."""
    text = DOUBLE_BAR.sub(lambda m: "\\|" + " " * (len(m.group()) - 2), text)
    text = ARG_UPRIGHT.sub(_arg_operator, text)
    if "\\mathop" in text or "\\operatorname" in text:
        text = LIMIT_UPRIGHT.sub(lambda m: _limit_operator(m, text), text)
    text = STARRED_WORD.sub(lambda m: "\\operatorname ", text)
    if "\\mathop" in text:                # only after an integral: a differential it binds
        text = OPERATOR_D.sub(lambda m: _upright_d(m) if "\\int" in text[:m.start()]
                              else m.group(), text)
    if "\\rvert" not in text:             # `p(x \\lvert y)`: no absolute value opens here
        text = LONE_LVERT.sub(lambda m: "\\mid".ljust(len(m.group())), text)
    text = FONT_AROUND_A_LIST.sub(
        lambda m: " " * (m.start(1) - m.start()) + m.group(1) + " ", text)
    for found in list(UPRIGHT_SIDE.finditer(text)):
        closing = _upright_side(found, text)
        if closing is not None:                 # the same length: later matches still fit
            text = (text[:found.start()] + " " * (found.end() - found.start()) +
                    text[found.end():closing] + " " + text[closing + 1:])
    for found in list(ANY_FONT.finditer(text)):
        closing = _letter_called(found, text)
        if closing is not None:                 # the same length: later matches still fit
            text = (text[:found.end() - 1] + " " + text[found.end():closing] + " " +
                    text[closing + 1:])
    return TYPOGRAPHIC_FONT.sub(lambda m: _old_switch(m, text), text)


def _letter_called(found, text):
    """The offset of the font's closing brace when its braces hold one letter, one
    balanced bracketed list right after it and nothing else (`\\mathcal{L(q;\\theta)}`);
    else None (then refused by `font_overreach` if it holds arguments or scripts)."""
    letter = FONT_LETTER.match(text, found.end())
    close = _matching(text, letter.end()) if letter is not None else None
    if close is None:
        return None
    end = close + 1
    while end < len(text) and text[end].isspace():
        end += 1
    return end if end < len(text) and text[end] == "}" else None


def _upright_side(found, text):
    """The offset of the closing brace of `\\mathrm{…}` when it wraps a whole side of a
    relation (nothing but a relation sign, `&`, `\\\\` or the row's start before it; a
    relation sign, `&`, `\\\\`, `\\notag`, `,`, `.` or the row's end after it) and its
    braces hold an ordinary expression: an operator (`\\frac`, `\\nabla`, `\\int`, `\\log`,
    …) or a bar or `=` in it, and no run of two or more Latin letters that could be an
    upright word (`KL`, `Var`) — only a differential `dx` (a `d` and one letter). A sign
    alone (`\\mathrm{a-b}`) keeps joining the parts of one name (names.py). Else None: the
    braces stay and a font around more than a name is refused as before."""
    start = found.start()
    while start and text[start - 1].isspace():
        start -= 1                              # a short window: no rescan of the row
    if start and _SIDE_BEFORE.search(text[max(0, start - 8):start]) is None:
        return None
    close = _matching(text, found.end() - 1)
    if close is None or _SIDE_AFTER.match(text, close + 1) is None:
        return None
    inside = text[found.end():close]
    if _EXPRESSION_MARK.search(inside) is None:
        return None
    words = re.findall(r"(?<![\\a-zA-Z])[a-zA-Z]{2,}", inside)
    return close if all(re.fullmatch(r"d[a-zA-Z]", word) for word in words) else None


def _matching(text, start):
    """The offset of the bracket closing the one opening at `start` (any of `( [ {` nested),
    or None if it is never closed."""
    depth = []
    for offset in range(start, len(text)):
        char = text[offset]
        if char == "\\" and offset + 1 < len(text) and text[offset + 1] in "{}[]()":
            return None                         # \{ \} and friends: not a plain list
        if char in "([{":
            depth.append(CLOSER[char])
        elif char in ")]}":
            if not depth or depth.pop() != char:
                return None
            if not depth:
                return offset
    return None


def _old_switch(found, text):
    """`{\\bf` padded to the length of `\\mathbf{` when the braces hold one name and its
    scripts and nothing else; else the text unchanged (refused by `font_overreach`)."""
    if NAME_AND_SCRIPTS.match(text, found.end()) is None:
        return found.group()
    switch = "{" + SWITCH_OF.get(found.group(1), r"\bf")
    return switch + " " * (len(found.group()) - len(switch))


def font_overreach(text):
    """(message, offset) for a font whose braces hold more than a name, or None."""
    found = FONT_OVER.search(text)
    if found is None:
        return None
    font, name, what = found.group(1), found.group(2).strip(), found.group(3)
    kind = "arguments" if what in "([" else "scripts"
    return (f"\\{font}{{…}} holds a name, not its {kind}: write the {kind} after the braces, "
            f"as in \\{font}{{{name}}}{what}…", found.start(3))


# Other spellings of a command (a wiki's `\\infin`, MediaWiki's and MathJax's alias of ∞).
SPELLED = {r"\infin": r"\infty"}


def rewrite(tree):
    """The tree with old-style switches and braced names read as their modern spellings,
    and the commands of `SPELLED` as theirs (the token keeps its place)."""
    for node in list(tree.iter_subtrees()):
        node.children[:] = [c.update(value=SPELLED[c.value]) if isinstance(c, Token) and
                            c.type == "COMMAND" and c.value in SPELLED else c
                            for c in node.children]
        if node.data == "run":
            _drop_typographic(node)
            _braced_arguments(node)
        elif node.data in ("group", "sgroup"):
            _naming_group(node)
    for node in list(tree.iter_subtrees()):
        if node.data == "overfrac":             # after the runs: `\log{a \over b}` is braced
            _plain_fraction(node)
    for node in list(tree.iter_subtrees()):
        if node.data == "script" and is_tree(node.children[0], "group"):
            inner = _sole_name(node.children[0])
            if inner is not None:
                node.children[0] = inner
            elif len(node.children) == 1:
                inner = _sole(node.children[0], "script")
                if inner is not None and not (is_tree(inner.children[0], "bracketed") and
                                              len(inner.children) > 1):
                    # {\mathbb{E}_{x \sim p}}[…]: TeX drops them — never around `(a)^2`,
                    # whose power would reach what stands before the braces (`f{(a)^2}`)
                    node.children[:] = inner.children
    return tree


def _switch(item):
    """The switch token an item of a run is (`\\bf`), or None."""
    command = tailless(item)
    if is_token(command, "COMMAND") and \
            (command.value in TYPOGRAPHIC or command.value in NAMING):
        return command
    return None


def _drop_typographic(run):
    kept = [c for c in run.children
            if _switch(c) is None or _switch(c).value not in TYPOGRAPHIC]
    if kept:
        run.children[:] = kept


def _braced_arguments(run):
    """A group right after a function word (`\\log{…}`) becomes brackets `{ … }`: the
    braces delimit the argument (module docstring)."""
    for word, item in zip(run.children, run.children[1:]):
        if not (is_tree(word, "func") or is_tree(word, "script") and (
                naming.elementary_word(word.children[0]) is not None or
                _sole(word.children[0], "func") is not None)):
            continue                            # `\log`, `\operatorname{ln}`, `{\log}`
        if is_tree(item, "script") and is_tree(item.children[0], "group", "overfrac"):
            group = item.children[0]
            meta = group.meta
            inside = group.children[0] if group.data == "group" else None
            if is_tree(inside, "sum") and len(inside.children) > 1:
                raise Unread("a sum or difference in braces after a function word "
                             "(\\log{a - \\log b}) prints as log a − log b, yet the braces "
                             "would make it the log of the difference: write brackets, "
                             "\\log(a - b), or close the braces before the sign, "
                             "\\log{a} - \\log{b}", inside.children[1].start_pos)
            opening = Token("OPEN", "{", meta.start_pos, meta.line, meta.column)
            closing = Token("CLOSE", "}", meta.end_pos - 1, meta.end_line, meta.end_column - 1)
            inner = list(group.children) if group.data == "group" else \
                [Tree("sum", [Tree("run", [Tree("script", [group], meta)], meta)], meta)]
            item.children[0] = Tree("bracketed", [opening, Tree("args", inner, meta), closing],
                                    meta)


def _naming_group(group):
    run = _sole(group, "run")
    if run is None or len(run.children) < 2:
        return
    switch = _switch(run.children[0])
    if switch is None or switch.value not in NAMING:
        return
    body = []
    for item in run.children[1:]:
        letter = tailless(item)
        if not (isinstance(letter, Token) and letter.type in ("LETTER", "NUMBER", "COMMAND")):
            return                              # refused where the switch stands
        body.append(letter)
    font = Tree("font", [Token.new_borrow_pos("FONT", NAMING[switch.value], switch),
                         Tree("fontbody", body)], run.meta)
    run.children[:] = [Tree("script", [font], run.meta)]


def _plain_fraction(node):
    """`{a \\over b}` made the tree of `\\frac{a}{b}`, in place (the positions kept)."""
    num, over, den = node.children
    node.data = "frac"
    node.children = [Token.new_borrow_pos("FRAC", r"\frac", over),
                     Tree("group", [num], node.meta), Tree("group", [den], node.meta)]


def _sole_name(group):
    """The name a group holds alone, with no scripts (`{D}`, `{\\mathrm{KL}}`), or None."""
    script = _sole(group, "script")
    if script is None or len(script.children) != 1:
        return None
    name = script.children[0]
    if isinstance(name, Token):
        return name if name.type in ("LETTER", "COMMAND") else None
    return name if name.data in ("font", "accent") else None


def _sole(node, data):
    """The node of kind `data` that `node` holds alone, through one-child wrappers."""
    while is_tree(node, "group", "sgroup", "subitems", "sum", "run") and len(node.children) == 1 \
            and not is_tree(node, data):
        node = node.children[0]
    return node if is_tree(node, data) else None
