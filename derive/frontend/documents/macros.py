"""The author's macros: `\\newcommand`, `\\renewcommand`, `\\providecommand`,
`\\DeclareMathOperator` and `\\DeclarePairedDelimiter`, expanded in the math derive checks.

Only simple definitions are expanded: a fixed number of arguments (the first one optional
when it has a default), a body that does not call itself. A macro defined in any other way
(`\\def`, `\\let`, `\\NewDocumentCommand`, a recursive `\\newcommand`) is remembered, and
using it in checked math is an error at the place of use that says where and how it was
defined — derive never guesses what such a macro means. Definitions hold from where they
stand, as in LaTeX. Expanded characters keep an origin in the document (see `Mapped`).

What a definition does to a command that exists follows LaTeX (`latex_commands`):
`\\providecommand` of a command LaTeX or the document already has does nothing;
`\\newcommand` (and `\\DeclareMathOperator`, `\\DeclarePairedDelimiter`) of one is an error
at the definition, as in LaTeX — except the same definition again (a notebook's cells
repeat them) and, in Markdown and notebooks, which MathJax renders, a command MathJax
would simply redefine. A definition that gives one of the functions or operators derive
reads (`\\log`, `\\exp`, `\\int`, `\\frac`, …) another meaning is refused where the math
uses it: derive reads those only in their standard meaning.

The math is read as TeX reads it, token by token: `\\\\x` is the control symbol `\\\\` (a row
break), then the letter x — never the macro `\\x`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.frontend.documents.latex_commands import FIXED_MEANING, PREDEFINED
from derive.frontend.documents.mapped import Mapped, join

MAX_NESTED = 100               # expansions from one macro call: more means one never ends
MAX_EXPANSIONS = 5000          # per display
MAX_EXPANDED_CHARS = 50_000

DEFINITION = re.compile(
    r"\\(?P<command>newcommand|renewcommand|providecommand|DeclareMathOperator"
    r"|DeclarePairedDelimiter)(?P<star>\*?)(?![a-zA-Z])"
    r"|\\(?P<unsupported>def|gdef|edef|xdef|let|NewDocumentCommand|RenewDocumentCommand"
    r"|DeclareDocumentCommand|ProvideDocumentCommand|NewExpandableDocumentCommand"
    r"|DeclareExpandableDocumentCommand|DeclareRobustCommand|NewCommandCopy|RenewCommandCopy"
    r"|DeclareCommandCopy|DeclareTextCommand|ProvideTextCommand|newrobustcmd|renewrobustcmd)"
    r"(?![a-zA-Z])")
# A TeX control sequence: a control word (`\\x`) or a control symbol (`\\\\`, `\\%`, `\\{`).
_CONTROL = re.compile(r"\\(?:([a-zA-Z]+)|.)", re.S)
_EXPAND_ADVICE = "define it with \\newcommand (no recursion) to use it in checked math"
_PARAMETER = re.compile(r"#(#|[1-9])")


@dataclass(frozen=True)
class Macro:
    name: str
    params: int
    default: str | None        # the first argument's default, when it is optional
    body: str
    offset: int                # where it was defined
    paired: tuple = ()         # DeclarePairedDelimiter: (left, right)


@dataclass(frozen=True)
class Unsupported:
    name: str
    how: str                   # "\\def", "a recursive \\newcommand", …
    offset: int
    advice: str = _EXPAND_ADVICE


def group(text, i):
    """(start, end) of the content of the braced group at `text[i:]` after blanks, and
    the index just past it; None when there is no group there or it does not close."""
    j = _opening(text, i, "{")
    if j is None:
        return None
    depth = 0
    k = j
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return j + 1, k, k + 1
        k += 1
    return None


def _opening(text, i, opener):
    """The index of `opener` at `text[i:]` after blanks (spaces, tabs, newlines), or None
    when something else, or the end, stands there: where an argument of a macro opens."""
    j = i
    while j < len(text) and text[j] in " \t\n":
        j += 1
    return j if j < len(text) and text[j] == opener else None


def _bracket(text, i):
    """(start, end, past) of an optional `[…]` argument at `text[i:]` after blanks, or None."""
    j = _opening(text, i, "[")
    if j is None:
        return None
    depth = 0
    for k in range(j, len(text)):
        if text[k] in "[{":
            depth += 1
        elif text[k] in "]}":
            depth -= 1
            if depth == 0:
                return (j + 1, k, k + 1) if text[k] == "]" else None
    return None


# Macros so common that an undefined one has one meaning (a blog's MathJax configuration
# defines them where the page does not show it): `\\E` is the expectation `\\mathbb{E}`,
# `\\R` the real line `\\mathbb{R}`, and `\\d` the upright differential `\\mathrm{d}` —
# `\\d` only where a variable, a power or the end of a group follows it (`\\d x`,
# `\\d\\theta`, `\\d^2 x`, `\\frac{\\d}{\\d x}`): anywhere else (`\\d + 1`, LaTeX's
# text accent `\\d{o}`) it is left unexpanded and refused where it stands.
# Used only where the document defines no macro of that name; never a name a row defines.
CONVENTIONAL = {"E": Macro("E", 0, None, r"\mathbb{E}", -1),
                "R": Macro("R", 0, None, r"\mathbb{R}", -1),
                "d": Macro("d", 0, None, r"\mathrm{d}", -1)}
# What must follow a conventional macro for the convention to apply (none: anything).
_CONVENTIONAL_BEFORE = {"d": re.compile(r"\s*(?:[A-Za-z^}]|\\[A-Za-z])")}
# A MathJax configuration in the page naming the macro (`macros: {E: "…"}`): the page
# defines it, so the convention does not apply (derive reads no configuration).
_CONFIGURED = re.compile(r"macros\s*[:=]\s*\{[^{}]*?(?<![A-Za-z])[\"']?(E|R|d)[\"']?\s*:", re.S)
# A cheap test for a conventional macro in a display with no macro of the document.
_CONVENTIONAL_USE = re.compile(r"\\(?:E|R|d)(?![A-Za-z])")


class Macros:
    """The macros in force, in document order (with `CONVENTIONAL` where undefined)."""

    def __init__(self, source, latex=True):
        self.source = source
        self.table = {}
        self.latex = latex     # LaTeX's rules for existing commands; else MathJax's
        configured = {m.group(1) for m in _CONFIGURED.finditer(source.text)}
        self.conventional = {k: v for k, v in CONVENTIONAL.items() if k not in configured}

    # ------------------------------------------------------------ definitions
    def define_at(self, text, m, where=lambda i: i):
        """Read the definition that the `DEFINITION` match `m` starts in `text`; returns the
        index just past it. `where(i)` is the source offset of `text[i]`."""
        error = self.source.error
        offset = where(m.start())
        if m.group("unsupported"):
            how = "\\" + m.group("unsupported")
            name_match = re.compile(r"\s*\{?\s*(\\[a-zA-Z]+)").match(text, m.end())
            if name_match:
                name = name_match.group(1)[1:]
                self.table[name] = Unsupported(name, how, offset)
                return name_match.end()
            return m.end()
        command = m.group("command")
        name, at = self._defined_name(text, m.end(), offset, command)
        if command == "DeclareMathOperator":
            body = group(text, at)
            if body is None:
                raise error("\\DeclareMathOperator needs {\\name}{text}", offset)
            star = "*" if m.group("star") else ""
            macro = Macro(name, 0, None, "\\operatorname%s{%s}" % (star, text[body[0]:body[1]]), offset)
            self._check_new(command, name, macro)
            self.table[name] = macro
            return body[2]
        if command == "DeclarePairedDelimiter":
            left, right = group(text, at), None
            right = group(text, left[2]) if left else None
            if right is None:
                raise error("\\DeclarePairedDelimiter needs {\\name}{left}{right}", offset)
            macro = Macro(name, 1, None, "", offset,
                          (text[left[0]:left[1]].strip(), text[right[0]:right[1]].strip()))
            self._check_new(command, name, macro)
            self.table[name] = macro
            return right[2]
        params, default = 0, None
        count = _bracket(text, at)
        if count:
            try:
                params = int(text[count[0]:count[1]].strip())
            except ValueError:
                raise error("the number of arguments must be 0 to 9", where(count[0])) from None
            if not 0 <= params <= 9:
                raise error("the number of arguments must be 0 to 9", where(count[0]))
            at = count[2]
            optional = _bracket(text, at)
            if optional:
                default, at = text[optional[0]:optional[1]], optional[2]
        body = group(text, at)
        if body is None:
            raise error(f"\\{command} needs a body in braces after \\{name}", where(at))
        content = text[body[0]:body[1]]
        if command == "providecommand" and (name in self.table or name in PREDEFINED):
            return body[2]
        self._check_new(command, name, Macro(name, params, default, content, offset))
        if name in FIXED_MEANING:
            self.table[name] = Unsupported(
                name, f"\\{command}", offset, f"derive reads \\{name} only in its standard "
                "meaning; give the new meaning a name of its own")
        elif re.search(r"\\%s(?![a-zA-Z])" % re.escape(name), content):
            self.table[name] = Unsupported(name, f"a recursive \\{command}", offset)
        else:
            self.table[name] = Macro(name, params, default, content, offset)
        return body[2]

    def _check_new(self, command, name, macro):
        """A `\\newcommand`-like definition of a command that exists is LaTeX's error
        "Command already defined" — unless it repeats the same definition, or MathJax (which
        redefines) renders the document."""
        if command in ("renewcommand", "providecommand"):
            return
        known = self.table.get(name)
        if isinstance(known, Macro) and (known.params, known.default, known.body, known.paired) == \
                (macro.params, macro.default, macro.body, macro.paired):
            return
        if known is not None or (name in PREDEFINED and self.latex):
            where = f" (line {self.source.position(known.offset)[0]})" if known is not None else \
                " by LaTeX"
            raise self.source.error(f"\\{name} is already defined{where}: LaTeX refuses to define "
                                    f"it again with \\{command}; use \\renewcommand (or a new name)",
                                    macro.offset)

    def _defined_name(self, text, at, offset, command):
        braced = group(text, at)
        if braced is not None:
            name = text[braced[0]:braced[1]].strip()
            at = braced[2]
        else:
            bare = re.compile(r"\s*(\\[a-zA-Z]+)").match(text, at)
            name = bare.group(1) if bare else ""
            at = bare.end() if bare else at
        if not re.fullmatch(r"\\[a-zA-Z]+", name):
            raise self.source.error(f"\\{command} needs the name of a command (\\name) here", offset)
        return name[1:], at

    # ------------------------------------------------------------ expansion
    def expand(self, math):
        """The `Mapped` math with every macro in force expanded."""
        if not self.table and not _CONVENTIONAL_USE.search(math.text):   # cheap
            return math
        i, count, per_call = 0, 0, {}
        while True:
            m = _CONTROL.search(math.text, i)
            if m is None:
                return math
            name = m.group(1)
            macro = self.table.get(name, self.conventional.get(name)) if name else None
            if macro is not None and name not in self.table and name in _CONVENTIONAL_BEFORE \
                    and not _CONVENTIONAL_BEFORE[name].match(math.text, m.end()):
                macro = None
            if macro is None:
                i = m.end()
                continue
            origin = math.origin(m.start())
            if isinstance(macro, Unsupported):
                line = self.source.position(macro.offset)[0]
                raise self.source.error(
                    f"\\{macro.name} is defined with {macro.how} (line {line}), which derive "
                    f"does not expand; {macro.advice}", origin)
            replacement, end = self._call(macro, math, m.end(), origin)
            math = math.replace(m.start(), end, replacement)
            i = m.start()
            count += 1
            per_call[origin] = per_call.get(origin, 0) + 1   # nested calls share the origin
            if len(math) > MAX_EXPANDED_CHARS:
                raise self.source.error(f"expanding the macros here makes this formula longer than "
                                        f"{MAX_EXPANDED_CHARS} characters, more than derive reads",
                                        origin)
            if per_call[origin] > MAX_NESTED or count > MAX_EXPANSIONS:
                raise self.source.error(f"expanding the macros here takes more than {MAX_NESTED} "
                                        f"expansions (the last was \\{macro.name}): they call "
                                        "each other, or grow at every level", origin)

    def _call(self, macro, math, at, origin):
        """(the expansion as `Mapped`, the index past the call's arguments)."""
        text = math.text
        if macro.paired:
            return self._paired(macro, math, at, origin)
        args = []
        for n in range(macro.params):
            if n == 0 and macro.default is not None:
                optional = _bracket(text, at)
                if optional:
                    args.append(math[optional[0]:optional[1]])
                    at = optional[2]
                else:
                    args.append(Mapped.generated(macro.default, origin))
                continue
            braced = group(text, at)
            if braced is not None:
                args.append(math[braced[0]:braced[1]])
                at = braced[2]
                continue
            token = re.compile(r"\s*(\\[a-zA-Z]+|\\.|[^\s{}])").match(text, at)
            if token is None:
                raise self.source.error(f"\\{macro.name} takes {macro.params} argument"
                                        f"{'s' if macro.params != 1 else ''}; found too few", origin)
            args.append(math[token.start(1):token.end(1)])
            at = token.end()
        pieces, last = [], 0
        for p in _PARAMETER.finditer(macro.body):
            pieces.append(Mapped.generated(macro.body[last:p.start()], origin))
            if p.group(1) == "#":
                pieces.append(Mapped.generated("#", origin))
            else:
                k = int(p.group(1))
                if k > len(args):
                    raise self.source.error(f"\\{macro.name} uses #{k} but takes {len(args)} "
                                            "arguments", macro.offset)
                pieces.append(args[k - 1])      # as TeX does: the argument's tokens, unbraced
            last = p.end()
        pieces.append(Mapped.generated(macro.body[last:] + " ", origin))
        return join([Mapped.generated(" ", origin), *pieces]), at

    def _paired(self, macro, math, at, origin):
        text = math.text
        left, right = ("\\left", "\\right")
        if text.startswith("*", at):
            at += 1
        else:
            size = _bracket(text, at)
            if size:
                command = text[size[0]:size[1]].strip()
                left, right, at = command + "l", command + "r", size[2]
        braced = group(text, at)
        if braced is None:
            raise self.source.error(f"\\{macro.name} needs its argument in braces", origin)
        open_, close = macro.paired
        return (Mapped.generated(f" {left}{open_} ", origin) + math[braced[0]:braced[1]]
                + Mapped.generated(f" {right}{close} ", origin)), braced[2]
