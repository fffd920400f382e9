"""Reading one file into a `Derivation`: the part every front-end shares.

A front-end (a `.tex` file, a YAML file, a document) finds directives and rows of display
math in its text, in file order, and feeds them here; the builder keeps the file's scope,
reads each row, assembles chains and collects the derivation. A row derive cannot read
becomes an unreadable step with its error, and the rest is still read; a directive that
cannot be read stops the file (what follows would mean something else) — except a `define`
whose head is read and whose body is refused, and a kind directive (`real`, `variable`,
`function`, …) of new names: an unread definition at its place, the names without a
meaning from there on (`Builder._unread_define`, `_unread_declaration`), as a row defining
them would be.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from derive.frontend.ahead import Candidate, Plan, cycle_message, stale_message
from derive.frontend.chains import UNREAD_LABEL, ChainBuilder, conditioned_definition
from derive.frontend.directives import Directives, default_title
from derive.frontend.errors import InputError
from derive.frontend.joint_optima import joint_optimisers
from derive.frontend.layout import (cases_written, continuation, first_relation, first_token,
                                    reason_row,
                                    indent, lead_blanked, otherwise_at, signed_start)
from derive.frontend.latex.annotations import (AFTER_COMMA, RemarkError, annotate, beside,
                                               bounds_in_reason, may_head, shown_remark)
from derive.frontend.latex import oldstyle
from derive.frontend.latex.parse import MAX_ROW_CHARS
from derive.frontend.latex.names import unknown_command
from derive.frontend.latex.relations import top_level_relations
from derive.frontend.latex.wrappers import Unread, unwrap
from derive.frontend.latex.parse import CASES_ONLY_WHOLE
from derive.frontend.latex.reader import (
    DEFINE, PLAIN_DEFINITION_SIGNS, RESTATES, Reader, Restated, free_values, summed_away_message,
)
from derive.frontend.reals import why_not_real
from derive.frontend.quantifiers import outside_domain
from derive.frontend.scope import FileScope
from derive.model.derivation import Derivation, Relation, StepKind
from derive.model.names import Kind
from derive.model.terms import At, free_names


# Why a row stating no relation starts no chain although a row below continues it.
_CASES = re.compile(r"\\begin\s*\{cases\}")
# A row saying it holds for every value of a letter (`\quad \forall x > 0`, `\text{for all }
# x > 0`): as a premise, shown at one drawn value only (`chains.EVERY_PREMISE`)
_EVERY = re.compile(r"\\forall(?![a-zA-Z])|\\(?:text(?:rm|it|normal)?|mbox|mathrm)\s*\{\s*"
                    r"(?i:for\s+(?:all|every|any|each))(?![a-zA-Z])")
# The reason a row rests on when a heading on a line of its own stood above the row above it
# in its display (`Builder._lone_heading`): it may be said of this row too.
HEADING_SCOPE = ("a heading on a line of its own stands above it in its display; derive "
                 "takes it as the condition of the line just below it only")
# … or when prose or a declaration stands between it and such a heading
HEADING_APART = ("a heading on a line of its own above it, with prose or a declaration between, "
                 "may be its condition, which derive does not take")
# … and when a line above it that derive could not read may state its condition
# (`annotations.may_head`: `&\text{Suppose } t = 1: \\`)
UNREAD_HEADING = ("the line above it, which derive could not read, may state its condition "
                  "(it ends with ':' or a stop, or its words are no label)")


LONE_REASON = ("a row led by \\because is read as the reason of the row above it in its "
               "display, and here there is none: derive does not take it as a hypothesis of "
               "the row below — write a hypothesis beside that row, \\quad (a > 0), or the "
               "reason after the row it supports")


class _Heading(NamedTuple):
    """A line heading the line below it from a line of its own (`Builder._lone_heading`)."""
    hence: bool                 # `&\therefore \\`, `&\text{so that} \\`: it follows from above
    conditions: list            # [(offset, text)] `&\text{For } t = 1: \\`: its conditions
    unread: str = ""            # a line derive could not read that may head it: the reason


_TAILS = {
    "under": "this row stands under the right-hand side of the row above (its left column "
             "is empty) and states no relation: it is the rest of that row's expression, "
             "never the first side of a chain, but derive cannot tell how it goes on",
    "unread": "the row above could not be read and this row states no relation: it may be "
              "the rest of that row's expression, so it is never the first side of a chain",
}


class _SideUnread(Exception):
    """A row's sides could not be read (`Reader.read_row` failed): `error` says where."""

    def __init__(self, error):
        super().__init__(error.message)
        self.error = error


# A row's leading sign that it follows from the row above (`\implies\boxed{A = B = C}`):
# no relation between its sides, so blanked where they are cut (`_relations`)
LEADING_HENCE = re.compile(r"\s*(?:\\implies|\\Longrightarrow|\\Rightarrow|\\therefore)(?![A-Za-z])")


def _relations(row):
    """`top_level_relations` of a row as the grammar sees it (wrappers and old-style names
    taken off, a leading `\\implies` blanked, every offset kept), or None."""
    try:
        text = unwrap(oldstyle.normalise_text(row))
    except Unread:
        return None
    lead = LEADING_HENCE.match(text)
    return top_level_relations(" " * lead.end() + text[lead.end():] if lead else text)


def _unboxed(row):
    """The row with its typographic wrappers blanked (`\\boxed{A = B = C}`: `wrappers`),
    so that the part before a side is balanced and reads as a row; the row if they cannot
    be."""
    try:
        return unwrap(row)
    except Unread:
        return row


class Builder:
    def __init__(self, source, plan=None):
        self.source = source
        self.scope = FileScope()
        self.reader = Reader(self.scope, source)
        self.directives = Directives(self.scope, self.reader, source)
        self.chains = ChainBuilder(self.scope, source)
        self._read = 0               # rows read so far
        self.plan = plan or Plan()   # definitions read ahead of their first use (`ahead`)
        self.scope.posteriors = self.plan.posteriors
        self.scope.labelled_plan = self.plan.labelled
        self.chains.refused = self.plan.refused
        self.found = []              # new `ahead.Candidate`s met on this pass
        self.refusing = {}           # at → why a planned definition is not read ahead
        self._spans = []             # (start, end) of each row read
        self._ahead = {}             # offset of a row read ahead → (entry, its body's names)
        self._heading = None         # a line of its own heading the next one (`_lone_heading`)
        self._under_heading = False  # a row of the display read took such a heading
        # the annotations of the display's arrow rows read so far (`\\Downarrow_{T(x) = …}`,
        # `Annotated.noted`): reasons of every row below them in the display
        self._noted = ()

    def directive(self, keyword, body, offset, within=False):
        """Apply a directive; `offset` is where its body starts in the source (`within`: it
        stands between the rows of one display)."""
        self._withdraw_plain_words()
        try:
            changes = self.directives.apply(keyword, body, offset, within)
        except Restated as stated:        # define f_X(x) = … of a declared f: checked
            self.chains.end_chain()
            self.chains.add(stated.parts)
            changes = True
        except InputError as error:
            if not (self._unread_define(body, offset, error) if keyword == "define" else
                    self._unread_declaration(keyword, body, offset, error)):
                raise
            changes = True
        if changes:
            self.chains.end_chain(resumable=keyword == "assume" and not within)
            self._heading_apart()

    def prose_between(self):
        """Prose stands between the display read last and the next one: a row that follows
        from the display above may rest on it too (`ChainBuilder.prose_between`)."""
        self._heading_apart()
        self.chains.prose_between()

    def _heading_apart(self):
        """Prose or a declaration stands between a heading on a line of its own and the line
        it would head: that line is not plainly the one it heads — checked without its
        conditions, a counterexample refutes nothing (never claimed under a condition the
        author may have meant for the prose)."""
        if self._heading is not None and self._heading.conditions:
            self._heading = self._heading._replace(conditions=[], unread=HEADING_APART)

    def display(self, rows):
        """Read the rows of one display, `(text, offset, justification, under, cases)` each
        (`under`: the row stands under the right-hand side of the row above, `layout.Row`;
        `cases`: for the row of one case of a `cases` right side, the row of the whole
        environment, `Row.whole`, the same for each of its cases — their steps become one,
        whose cases they are: `ChainBuilder.by_cases`). A row that
        defines a quantity (`\\mathcal{L}(q) = …`) which an earlier row of the display
        already uses is read first (Bishop's "where we have defined"), so the earlier row
        means it; so is a definition the plan reads ahead of a use in this display (`ahead`),
        then skipped where it stands (`_at_its_row`)."""
        self._under_heading, self._noted = False, ()
        if rows:
            self._read_ahead(rows[0][1], rows[-1][1] + len(rows[-1][0]))
        rows = [r for r in rows if not self._at_its_row(r[1])]
        keys = [" ".join(self.reader.row_words(text)) for text, *_ in rows]
        first, rest = [], []
        for k, (text, offset, why, under, cases) in enumerate(rows):
            label = self.reader.defined_label(text, offset)
            used = label is not None and any(" ".join(self.reader.row_words(label)) in key
                                             for key in keys[:k])
            follows = k + 1 < len(rows) and self.reader.continues(rows[k + 1][0])
            (first if used and not follows else rest).append(
                (text, offset, why, k > 0, follows, under, cases))
        for text, offset, why, _, follows, _, _ in first:
            self.reader.naming_ahead = True
            try:
                self.row(text, offset, why, heads=follows)
            finally:
                self.reader.naming_ahead = False
        made = None                  # the steps before the first case of a `cases`
        for k, (text, offset, why, below, follows, under, cases) in enumerate(rest):
            if cases is not None and made is None:
                made = len(self.chains.steps)
            self.row(text, offset, why, below=below, heads=follows, under=under,
                     followed=k + 1 < len(rest))
            if cases is not None and (k + 1 == len(rest) or rest[k + 1][-1] is not cases):
                self.chains.by_cases(made, sum(r[-1] is cases for r in rest),
                                     cases_written(self.source.text, cases), cases.agreeing)
                made = None

    def _read_ahead(self, start, end, stack=()):
        """Read the planned definitions whose first use lies in [start, end) — each after
        those its own row needs first — unless one closes a cycle: its row holds the use of
        a definition being read ahead (`stack`), which then is refused with it. (A
        definition read ahead whose body uses a name defined above its own row is refused
        in `row`.)"""
        for entry in self.plan.using(start, end):
            if entry.offset in self._ahead:
                continue
            closing = [e for e in stack if entry.holds(e.use) or e is entry]
            if closing:
                line, _ = self.source.position(entry.offset)
                for e in stack[stack.index(closing[0]):] + (entry,):
                    self.refusing[e.at] = cycle_message(
                        e.key, *self.source.position(e.use), entry.defines, line)
                continue
            self._read_ahead(entry.offset, entry.offset + len(entry.text), stack + (entry,))
            if any(e.at in self.refusing for e in stack + (entry,)):
                continue
            self._ahead[entry.offset] = (entry, None)
            self.row(entry.text, entry.offset, entry.justification, ahead=True)
            self._ahead[entry.offset] = (entry, self._body_names(entry))

    def _body_names(self, entry):
        """The declarations of the names a definition read ahead reaches (its body's), as
        they are where it was read: compared where its row stands (`_at_its_row`)."""
        found = self.scope.lookup(entry.defines)
        if found is None or found[1].kind is not Kind.DEFINITION:
            return {}
        return {name: self.scope.table.get(name) for name in free_names(found[1].info.body)
                if self.scope.names.get(name.latex) is name}      # not its parameters

    def _at_its_row(self, offset):
        """Whether the row at `offset` was read ahead (then it is skipped here). A name its
        body reaches whose declaration changed between the two places, or a directive
        (`expect`, `at`) waiting for this row, refuses the reading ahead (the next pass
        reads the file without it)."""
        if offset not in self._ahead:
            return False
        entry, names = self._ahead[offset]
        expect, _ = self.directives.take_pending()
        point = self.directives.take_point()
        changed = sorted(n.latex for n, d in (names or {}).items()
                         if self.scope.table.get(n) is not d or
                         self.scope.names.get(n.latex) is not n)
        where = self.source.position(entry.use)
        if changed:
            self.refusing[entry.at] = stale_message(entry.key, *where, ", ".join(changed))
        elif expect or point is not None:
            self.refusing[entry.at] = stale_message(entry.key, *where, "an expect or at "
                                                    "directive written for this row")
        return True

    def row(self, text, offset, justification="", expect="", below=False, heads=False,
            under=False, ahead=False, followed=False):
        """Read one row (`_one_row`; `followed`: another row of its display follows it;
        `ahead`: a definition read ahead of its first use,
        which takes no directive waiting for the next row). A definition in it of a name a
        row above used becomes a candidate to read ahead (`ahead.Candidate`), unless rows
        below continue it; when that use is in a definition read ahead from below this
        row, that one is refused: read at its first use it would miss this name's meaning
        (a cycle when this row uses it)."""
        self._spans.append((offset, offset + len(text)))
        made, steps = len(self.chains.forward), len(self.chains.steps)
        self._one_row(text, offset, justification, expect, below, heads, under, ahead,
                      followed)
        if not ahead and self._heading is None and len(self.chains.steps) > steps and all(
                s.kind is StepKind.UNREADABLE for s in self.chains.steps[steps:]) and \
                may_head(text):
            # `&\text{Suppose } t = 1: \\ a t &= a`: an error heading the line below, which
            # is checked without it, but not refuted
            self._heading = _Heading(False, [], UNREAD_HEADING)
        for key, defines, use, at in self.chains.forward[made:]:
            early = next((e for e, _ in self._ahead.values() if e.holds(use)), None)
            if early is not None and offset < early.offset:
                line, _ = self.source.position(offset)
                self.refusing[early.at] = cycle_message(
                    early.key, *self.source.position(early.use), key, line)
            elif not heads and use < offset and any(a <= use < b for a, b in self._spans):
                self.found.append(Candidate(key, defines, use, at, text, offset,
                                            justification))

    def _one_row(self, text, offset, justification, expect, below, heads, under, ahead,
                 followed=False):
        """Read one row of display math found at `offset` of the source. A row that goes on
        with an expression (`+ …`, `layout.continuation`) reaches here only when it could
        not be joined to the row above it — the first row of a display after another one
        (`$$ a = b $$ $$ + c $$`), a row after `\\intertext`: an error at its operator,
        never an expression of its own with the operator dropped. A leading `-` is a sign
        instead on the file's first row (nothing to continue), and on a row that `heads`
        the chain of the display's next rows (`-\\log(ab) \\\\ &= …`), unless marked
        binary (`{}-`, `layout.signed_start`). A row `below` another one in its display
        that states no relation and that no row below continues (`heads` false) could only
        go on with the row above in a way derive did not recognise (`&\\quad
        2b^2`): an error, never a row dropped in silence (`_stated_nothing`); so is a
        display's first row stating no relation when the row `followed` by it starts a
        claim of its own (`$$ 5 \\\\ 1 = 1 $$`: the 5 is no side of it). Nor does such a
        row start a chain when it may be the tail of the expression above: it stands `under`
        that row's right-hand side (`a = &b \\\\ &(-1) \\\\ \\ge &0`), or the row above could
        not be read (`a = \\sum_i \\\\ (-1) \\\\ \\ge 0`); so may such a
        row derive cannot read before a left side of its own (`&\\quad \\unknown{+ b}`,
        `_unreadable`). In each case the row above is cut short: its last step is an error
        too (`ChainBuilder.cut_short`), never decided on the part of the expression it
        holds."""
        self._withdraw_plain_words()
        heading, self._heading = (None, self._heading) if ahead else (self._heading, None)
        if heading is not None and (heading.conditions or heading.unread):
            self._under_heading = True      # the display's rows below: `HEADING_SCOPE`
        above = self.chains.last_row() if below else None
        tail = "" if not below else "under" if under else "unread" if self.chains.broken() else ""
        pending_expect, note = ("", "") if ahead else self.directives.take_pending()
        point = None if ahead else self.directives.take_point()
        self._read += 1
        at = continuation(text)
        if at is not None and self._read > 1 and not (heads and signed_start(text, at)):
            op = re.match(r"\\[a-zA-Z]+|.", text[at:]).group(0)
            self.chains.cut_short()
            self.chains.unreadable(self.source.error(
                f"this row starts with a binary {op}: it continues the expression above, but "
                "derive joins a continuation row only to the row above it in the same display, "
                "or in a display just before it with nothing but blank lines between (write "
                "it after \\\\ there)", offset + at), offset + at, text)
            self._withdraw_cut_definition(offset + at)
            return
        if reason_row(text):             # `\because a > 0` with no row above to give it to
            self._lone_reason(text, offset)
            return
        unread_cases = _CASES.search(text)
        if unread_cases is not None:
            # cases the layout did not make one claim of (after a factor, `-\\alpha
            # \\begin{cases}…`): refused at the environment, never at a case's condition
            self._unreadable(self.source.error(CASES_ONLY_WHOLE, offset + unread_cases.start()),
                             offset, text, above)
            return
        if self._named_optimisers(text, offset):
            return
        try:
            annotated = annotate(text)
        except RemarkError as problem:
            self._unreadable(self.source.error(problem.message, offset + problem.offset),
                             offset, text, above)
            return
        self._noted += tuple(reason for _, reason in annotated.noted)
        if annotated.unit is not None and \
                annotated.unit[1] != self.scope.readings.get("information", "nats"):
            at, unit = annotated.unit
            remedy = (f", or declare % derive: information in {unit}"
                      if unit in ("bits", "nats") else "")
            self._unreadable(self.source.error(
                f"this value is stated in {unit}, but the file reads information in "
                f"{self.scope.readings.get('information', 'nats')}: derive does not convert a "
                f"stated value — state it in the file's unit{remedy}",
                offset + at), offset, text, above)
            return
        if annotated.heads_only is not None and not self._fresh_heads(annotated.rows, offset):
            self._unreadable(self.source.error(AFTER_COMMA, offset + annotated.heads_only),
                             offset, text, above)
            return
        outside = outside_domain(annotated.quantified, self.reader.declared,
                                 self.scope.assumptions) if annotated.quantified else None
        if outside is not None:
            self._unreadable(self.source.error(outside[1], offset + outside[0]), offset, text,
                             above)
            return
        if self._lone_heading(annotated, offset, heading):
            return
        written, local = list(annotated.hypotheses), []
        headed, said, hence = annotated.headed, (), annotated.hence
        if heading is not None:      # `&\text{For } t = 1: \\ a t &= a`: this row's heading
            written += [(at - offset, condition) for at, condition in heading.conditions]
            headed = headed + [at - offset for at, _ in heading.conditions]
            hence = hence or heading.hence
            said = (heading.unread,) if heading.unread else ()
        elif self._under_heading and not self.reader.continues(text):
            said = (HEADING_SCOPE,)
        said += self._noted
        made = len(self.chains.steps)
        lifted = self._lift_earlier_records(annotated, offset)
        try:
            for at, definition in annotated.definitions:
                key = self._define_beside(definition, offset + at)
                if key is None:
                    written.append((at, definition))
                else:
                    local.append((key, offset + at))
            self._rows(annotated.rows, written, offset, point,
                       (justification or shown_remark(annotated.remarks),
                        expect or pending_expect, note), above,
                       annotated.index_conditions, annotated.reasons, hence, headed,
                       _EVERY.search(text) is not None, said, annotated.named)
            self.chains.line_read(made)
            if (below or followed) and (not heads or tail) and annotated.rows and \
                    len(self.chains.steps) == made:
                self._stated_nothing(text, offset, above if below else range(0),
                                     tail if heads else "", first=not below)
        except InputError as error:
            self._unreadable(error, offset, text, above)
        finally:
            if local:                   # a chain through these steps holds under them
                said = tuple(self.scope.lookup(key)[1].info.latex for key, _ in local)
                self.chains.steps[made:] = [replace(s, local=said)
                                            for s in self.chains.steps[made:]]
            for key, at in local:
                self.scope.end_local(key, at)
            self._restore_records(lifted, {key for key, _ in local})

    def _lift_earlier_records(self, annotated, offset):
        """Set aside, while this row is read, what an earlier row left about a name this row
        defines beside itself (`\\text{where } g(u) = …`, also one under a condition, `g(u) =
        u t, t = 2`): that the name was defined beside that row only (`scope.ended`) or that
        its definition there could not be read (`scope.unread`). The row says what the name
        means; its own reading — or its own reason for refusing it — is what counts, never
        the earlier row's. Returns {key: (ended offset, unread offset)} to restore."""
        lifted = {}
        if not (self.scope.ended or self.scope.unread):
            return lifted
        for at, equation in annotated.definitions + list(annotated.hypotheses):
            key = self._defined_head(equation, offset + at)
            if key is not None and (key in self.scope.ended or key in self.scope.unread):
                lifted[key] = (self.scope.ended.pop(key, None), self.scope.unread.pop(key, None))
                if lifted[key][1] is not None:
                    self.scope.forget_use_since(key, lifted[key][1])
        return lifted

    def _defined_head(self, equation, offset):
        """The key of the name an equation beside a row would define (`g(u) = …`, `M = …`:
        its head before `=`), or None when it has no such head."""
        if equation.count("=") != 1 or re.search(r"[<>]|\\(?:[lg]eq?|neq?)(?![a-zA-Z])", equation):
            return None
        head = equation[:equation.index("=")]
        try:
            return self.reader.read_name(head[:head.index("(")] if "(" in head else head,
                                         offset)
        except InputError:
            return None

    def _restore_records(self, lifted, defined):
        """After the row, an earlier row's record of a name comes back unless this row
        defined the name itself (it is then ended by this row) or left its own record."""
        for key, (ended, unread) in lifted.items():
            if key in defined:
                continue
            if ended is not None:
                self.scope.ended.setdefault(key, ended)
            if unread is not None:
                self.scope.unread.setdefault(key, unread)

    def _lone_heading(self, annotated, offset, heading):
        """Whether the line is only a heading of the line below it — a condition
        (`&\\text{For } t = 1: \\\\`), `\\therefore` or words saying "hence"
        (`&\\text{so that} \\\\`) on a line of its own, as align's left column holds
        them: kept for the next line read (`heading`, one above it, too), which is claimed
        under it as if it stood on that line; never a line that vanishes, the row below
        claimed without it (round 19, atkJ #8). Its scope beyond that line is not written:
        the display's later rows that start a chain are checked without it and a
        counterexample refutes nothing (`HEADING_SCOPE`)."""
        if annotated.rows or not (annotated.hence or annotated.headed):
            return False
        above = heading or _Heading(False, [])
        self._heading = _Heading(above.hence or annotated.hence, above.conditions + [
            (offset + at, condition) for at, condition in annotated.hypotheses], above.unread)
        return True

    def _lone_reason(self, text, offset):
        """A row led by `\\because` that no row above it in its display takes as its reason
        (`layout.reason_row`: the first row, `$$ \\because a > 0 $$`): an error at it — never
        set aside, since the line below may rest on it — and that line is checked without
        it, a counterexample refuting nothing (as below a heading derive could not read)."""
        at = offset + indent(text)
        self.chains.unreadable(self.source.error(LONE_REASON, at), at, text)
        self._heading = _Heading(False, [], LONE_REASON)

    def _restates_declarations(self, reason, at):
        """Whether a reason beside a row only bounds declared names as their declarations
        already do (`\\text{; Because }\\beta,\\delta\\geq 0` of nonnegative β, δ): every
        instance meets it, a counterexample's too, so it excludes none and the row is
        checked as if it were not written. Any other reason stays (`Step.reasons`). Reads
        nothing unless every letter of the bounds is declared (no name made on the way)."""
        from derive.engines.hypotheses import implied
        relations = bounds_in_reason(reason)
        if not relations:
            return False
        for relation in relations:
            letters = re.findall(r"\\[a-zA-Z]+|[A-Za-z]", re.sub(
                r"\\(?:[lg]eq?(?:slant)?|[lg]t|neq?)(?![a-zA-Z])", " ", relation))
            if any(self.reader.declared(letter) is None for letter in letters):
                return False
            try:
                read = self.reader.read_assumption(relation, at)
            except InputError:
                return False
            if not read or not all(implied(h, self.scope.context) for h in read):
                return False
        return True

    def _summed_not_continued(self, parts):
        """A row going on (`&= \\sum_i a_i + b_i`) from a side that uses, free, an index
        over which a sum of this row went on (`x_i = … \\\\ &= \\sum_i a_i + b_i`): which i
        is meant is not clear — refused, as within one row (`Reader._summed_nowhere_else`)."""
        above = self.chains.continued_term() if parts and parts[0].relation is not None \
            else None
        if above is None:
            return
        for name in self.reader.summed_away:
            if name in free_values(above):
                raise self.source.error(summed_away_message(
                    name, "the row this one goes on from uses"), parts[0].start)

    def _named_optimisers(self, text, offset):
        """A row naming joint optimisers (`joint_optima`): a definition step stating nothing
        to check, its names unread from here on. False when the row is no such row, or
        when one of its names already means something (then it is read as any row)."""
        found = joint_optimisers(text)
        if found is None:
            return False
        keys = [self.reader.would_define(f"{spelling} = 0", offset + at)
                for at, spelling in found.names]
        if None in keys or len(set(keys)) != len(keys) or any(self.reader.knows(k) for k in keys):
            return False
        start = offset + found.names[0][0]
        self.chains.named_unread(start, found.optimum, found.latex, (
            f"names the joint optimisers {found.latex}; derive reads an optimum over one "
            f"variable only, so a later use of {' or '.join(keys)} is an error"))
        for key, (at, _) in zip(keys, found.names):
            self.scope.unread[key] = offset + at
        return True

    def _withdraw_plain_words(self):
        """Plain `log`, `ln`, `exp` is the function only in a file that never makes one of
        its letters a name (`Products.function_letters`): a row that read it so, above a row
        or directive that declares, uses or defines such a letter, becomes an error at the
        word (checked before each row and directive, and at the end) — the spelling never
        means the function above and l·o·g below. Read so in a directive (`define f(t) =
        log(t)`), the file is an error at the word, as it is when the letter is declared
        above the directive: whatever the order, never a definition reading the word as the
        function in a file where its letters are names."""
        kept = []
        for word, at, span in self.scope.plain_words:
            letter = next((c for c in word if self.reader.knows(c)), None)
            if letter is None:
                kept.append((word, at, span))
                continue
            message = (f"`{word}` in plain letters is the function \\{word} only in a file "
                       f"where none of its letters is a name, and this file makes {letter} "
                       f"one: write \\{word} for the function")
            if not self.chains.void_row(span, message, at):
                raise self.source.error(message, at)
        self.scope.plain_words = kept

    def _fresh_heads(self, rows, offset):
        """Whether each row defines a name of its own that the file has not given a meaning
        yet (`P(x) = …, \\quad Q(x) = …`: two definitions, never a result and a condition)."""
        keys = [self.reader.would_define(row, offset) for row in rows]
        return None not in keys and len(set(keys)) == len(keys) and \
            not any(self.reader.knows(key) for key in keys)

    def _stated_nothing(self, text, offset, above, tail="", first=False):
        """A row below another in its display that states no relation, and that no row
        below continues — or that may be the `tail` of the expression above (`_TAILS`) —:
        an error at its first token; the row `above` it (the steps it made) is cut short,
        and a definition just above it ends (the row may have gone on with it). `first`:
        the display's first row, with rows below it that do not go on from it."""
        at = offset + indent(text)
        self.chains.cut_short(above)
        why = _TAILS[tail] if tail else ("this row states no relation and the row below "
                                         "does not continue it (it has a left side of its "
                                         "own): derive cannot tell what it says") if first \
            else ("this row states no relation and no row below continues it: derive "
                  "cannot tell how it goes on from the row above")
        self.chains.unreadable(self.source.error(
            why + " (a row continuing the expression above starts with its operator, & + …; "
            "a step starts with its relation, & = …)", at), at, text)
        self._withdraw_cut_definition(at)

    def _withdraw_cut_definition(self, offset):
        """A definition made by the row just above a continuation that could not be joined
        (`$$ F = a $$ $$ + b $$`) would keep only part of what the author wrote: it ends
        there, and a later use of the name is an error, never the partial meaning."""
        steps = self.chains.steps
        if len(steps) > 1 and steps[-2].kind == "definition" and steps[-2].lhs is not None and \
                steps[-1].kind == "unreadable":
            self.scope.end_local(steps[-2].lhs.name.latex, offset)

    def _rows(self, rows, written, offset, point, pending, above, index_conditions=(),
              reasons_beside=(), hence=False, headed=(), every=False, said=(), named=()):
        """Read the rows of one annotated row, each with the hypotheses written beside it —
        after it, never after another row of the line (`annotations.beside`) — (`above`: as
        in `_unreadable`; `index_conditions`: the offsets of `, \\quad i = j`, a condition
        only between two indices, else AFTER_COMMA there; `reasons_beside`: (offset, text)
        of the reasons in words, `Step.reasons`; `hence`: the line starts with `\\therefore`
        or words saying so, `Annotated.hence`; `headed`: offsets of conditions heading the
        line, said of every row; `every`: the line says it holds for every value of a
        letter, `ChainBuilder.add`; `said`: reasons every row of it rests on). A row led by
        `\\implies` leads its line as `\\therefore` does: every row of the line follows from
        the line above (`ChainBuilder.line_start`)."""
        self.chains.line_start()
        led = [hence]                 # the line follows from above: its first row says so
        for k, row in enumerate(rows):
            laws = []                 # `Z \sim N(0, 1) \implies …` of a z with no law: its law

            def read(text, k=k):
                """Read `text` (the row, or the part of it from a relation on) as a row."""
                try:
                    parts = self.reader.read_row(lead_blanked(text), offset)
                except InputError as error:
                    raise _SideUnread(error) from None
                self._summed_not_continued(parts)
                stated, hypotheses = self.reader.hypotheses, ()
                for at, h_text in (w for w in written if beside(rows, w[0]) == k or w[0] in headed):
                    assumed = self.reader.read_assumption(h_text, offset + at)
                    if at in index_conditions and not all(
                            self.reader.is_index(t) for h in assumed for t in (h.lhs, h.rhs)):
                        raise self.source.error(AFTER_COMMA, offset + at)
                    if otherwise_at(self.source.text, self.source.origin(offset + at)):
                        self._negation_of_reals(assumed, offset + at)
                    hypotheses += assumed
                reasons = tuple(text for at, text in reasons_beside if beside(rows, at) == k
                                and not self._restates_declarations(text, offset + at)) + said
                if point is not None:
                    parts = self._at(parts, point, offset)
                if k == 0:
                    led[0] = led[0] or self.reader.hence
                labels = self._naming_labels([w for at, w in named if beside(rows, at) == k],
                                             offset, bool(hypotheses) or self.reader.premised) \
                    if text is row else []
                self.chains.add(parts, *pending, hypotheses + stated,
                                conditioned=bool(hypotheses) or self.reader.premised,
                                premise=stated if self.reader.premised and not hypotheses
                                else (),
                                reasons=reasons, hence=self.reader.hence or led[0],
                                every=every)
                for label in labels:
                    self.chains.named_by_label(label, pending[0])

            try:         # the row first: an index it uses (`p_i`) is one in `if i = k`
                for at, h_text in (w for w in written if beside(rows, w[0]) == k or w[0] in headed):
                    laws.append(self.directives.row_law(h_text, offset + at))
                read(row)
            except _SideUnread as unread:
                if point is not None or not self._unreadable_sides(unread.error, offset, row,
                                                                   above, read):
                    self._unreadable(unread.error, offset, row, above)
            except InputError as error:
                self._unreadable(error, offset, row, above)
            finally:
                for name in laws:
                    if name is not None:
                        self.scope.withdraw_unspelled(name)

    def _naming_labels(self, texts, offset, conditioned):
        """The `Part`s of each brace label naming what it spans (`annotations._naming_label`:
        `X := F(q, \\theta)` at the row's offsets), read after the row with the reader's
        state about that row kept. A label that cannot be read, names neither a new quantity
        nor one derive reads (`UNREAD_LABEL`), or defines one under the row's conditions
        (`conditioned_definition`) makes the row an error (it names a quantity: never set
        aside)."""
        reader = self.reader
        kept = (reader.hypotheses, reader.hence, reader.premised, reader.restating,
                reader.vector_row)
        try:
            found = [reader.read_row(text, offset) for text in texts]
        finally:
            (reader.hypotheses, reader.hence, reader.premised, reader.restating,
             reader.vector_row) = kept
        for _, named in found:
            if named.relation is DEFINE and named.head is not None and conditioned:
                raise self.source.error(conditioned_definition(named.head.label or named.head.key),
                                        named.start)
            if not (named.relation is DEFINE and named.head is not None or
                    named.relation is RESTATES):
                key = reader.would_define(f"{named.latex} = 0", named.start)
                if key is not None:       # its later uses are errors, never an unknown
                    self.scope.unread.setdefault(key, named.start)
                raise self.source.error(UNREAD_LABEL.format(named.latex), named.start)
        return found

    def _unreadable_sides(self, error, offset, row, above, read):
        """A row of several relations (`A = B = C`, `&= B \\le C`) with a side derive
        could not read: each transition is a step, as when it is read, so the steps after
        it keep their places — the sides before the broken one are read as a row of their
        own (`A = B`), each transition touching the broken side is an error (the first one
        shows `error`), and the chain goes on from the side after it, read with the rest of
        the row as a row continuing it (`= C = D`: C = D is checked), a later broken side
        alike. The sides are cut at the relations outside brackets and braces
        (`relations.top_level_relations`), where the grammar cuts them. False — the row is
        then one error, as before — when it is not such a chain, the error does not lie in
        one of its sides, or the sides before it cannot be read either."""
        row = _unboxed(row)
        if error.line is None or len(row) > MAX_ROW_CHARS or \
                not self._own_left_side(row, offset, error):   # it may go on with the row above
            return False
        cuts = _relations(row)
        if not cuts or len(cuts) < 2:
            return False
        key = self.reader.would_define(row, offset) or self.reader.restated_density(row, offset)
        before = self.scope.lookup(key) if key is not None else None
        if not self._read_broken(error, offset, row, cuts, read, first=True):
            return False
        if key is not None and self.scope.lookup(key) == before:
            self.scope.unread.setdefault(key, offset + indent(row))     # not defined after all
        return True

    def _read_broken(self, error, offset, row, cuts, read, first=False, withheld=None,
                     after_head=False):
        """`_unreadable_sides` for `row` (the row, or from a relation on: blanked before it),
        its relations at `cuts`; `withheld`: the error of a side before it that no step has
        shown yet; `after_head`: the row is blanked before the relation after its head
        (its first side, which could not be read). Returns False only when nothing was read
        (`first`: the row itself)."""
        where = (error.line, error.column or 1)
        ends = [start for start, _ in cuts] + [len(row)]
        starts = [indent(row)] + [end for _, end in cuts]
        broken = next((j for j in range(len(ends)) if self.source.position(offset + starts[j])
                       <= where < self.source.position(offset + ends[j])), None)
        continuing = not row[:cuts[0][0]].strip()

        def each_an_error():                # one error per transition left
            for k, (start, end) in enumerate(cuts):
                self.chains.unreadable((withheld or error) if k == 0 else error, offset + end,
                                       row[start:ends[k + 1]], within=True)
            return True

        if broken is None or (continuing and broken == 0):
            return not first and each_an_error()
        if broken >= 2:
            self.reader.cut_short = True         # its last side is not the row's last
            try:
                read(row[:cuts[broken - 1][0]])
            except (_SideUnread, InputError):
                return not first and each_an_error()
            finally:
                self.reader.cut_short = False
            withheld = None
        if broken >= 1:
            start, end = cuts[broken - 1]
            if not (broken == 1 and not continuing and
                    self.reader.would_define(row, offset) is not None):    # `f(x) = ⟨broken⟩`
                # `\widehat{L}^{\mathrm{IWAE}} := ⟨broken⟩ = C`: an unread definition
                self.chains.unreadable(withheld or error, offset + end, row[start:ends[broken]],
                                       within=True, defining=broken == 1 and
                                       (not continuing or after_head) and
                                       row[start:end] in PLAIN_DEFINITION_SIGNS)
                withheld = error if withheld is not None else None
            else:
                withheld = error
        else:
            withheld = error
        if broken == len(cuts):
            return True
        self.chains.withhold(withheld, offset + starts[broken])
        rest = " " * cuts[broken][0] + row[cuts[broken][0]:]
        try:
            read(rest)
        except _SideUnread as unread:
            self._read_broken(unread.error, offset, rest, cuts[broken:], read,
                              withheld=self.chains.withheld(),
                              after_head=broken == 0 and not continuing)
        except InputError as other:     # past its sides (a hypothesis beside it): one error
            self.chains.unreadable(self.chains.withheld() or other, offset + cuts[broken][1],
                                   rest)
        return True

    def _negation_of_reals(self, hypotheses, at):
        """`\\text{otherwise}` beside a case `x > 0` is ¬(x > 0), which `layout` wrote as
        `x \\le 0`: the same only where both sides are real numbers — for a complex x,
        "otherwise" also covers every non-real value, where x ≤ 0 claims nothing. So an
        order relation there needs sides the normal form shows real (letters declared
        real, densities, …); else an error at `otherwise` naming what to declare."""
        for h in hypotheses:
            if h.relation in (Relation.EQ, Relation.NE):
                continue
            for side in (h.lhs, h.rhs):
                why = why_not_real(side, self.scope.context)
                if why is not None:
                    raise self.source.error(
                        f"\\text{{otherwise}} is the negation of the other case's condition, "
                        f"which is {h.latex} only where both sides are real (a non-real value is "
                        f"'otherwise' too): {why}", at)

    def _unreadable(self, error, offset, text, above=None):
        """A row that could not be read: an unreadable step; and the name it would have
        defined — or the declared abstract density it would have given a formula — is
        `unread` from here on (a later use is an error, never an unknown). Read
        no further than a left side of its own, it may have gone on with the row above:
        a definition just above ends, and the steps `above` (made by the row above it in
        its display, if any) are cut short."""
        own = self._own_left_side(text, offset, error)
        at = offset + len(text) - len(text.lstrip())
        self.chains.unreadable(error, at, text,
                               defining=own and self._plain_definition(text, offset, error))
        if not own:
            if above is not None:
                self.chains.cut_short(above)
            self._withdraw_cut_definition(offset)
        key = self.reader.would_define(text, offset) or \
            self.reader.restated_density(text, offset)
        if key is not None:
            self.scope.unread[key] = at

    def _unread_define(self, body, offset, error):
        """`% derive: define g = a + \\text{constant}`: a define whose head names a new
        name and whose body derive refuses (the error after its `=` or definition sign) is
        an unread definition at its place, and g is `unread` from here on — a row using it
        is an error naming this line, the other rows are checked as usual. Returns whether
        it was one; any other refused define (its head, a second meaning, a declared name)
        still stops the file, since the rows below would read the name otherwise, and so
        does one that spent the file's expansion allowance (`scope.MAX_EXPANSION`: nothing
        below could be read within it)."""
        if self.scope.allowance.left < 0:
            return False
        relation = first_relation(body)
        key = self.reader.would_define(body, offset)
        if key is None or relation is None or error.line is None or \
                (error.line, error.column or 1) < self.source.position(offset + relation):
            return False
        self._unread_directive(error, offset, body, [key])
        return True

    def _unread_declaration(self, keyword, body, offset, error):
        """`% derive: real \\text{softmax}_i, b` (a word derive reads itself), `real x^2`,
        `real z_i for i = 1..\\infty`: a kind directive derive refuses is an unread
        declaration at its place, as a refused define is (`_unread_define`): the names it
        lists that read as names are `unread` from here on — a row using one is an error
        naming this line, never an undeclared complex number — and the other rows are
        checked. A name of it that does not read as a name stays refused wherever a row
        writes it. Returns whether it was one; a directive giving a declared name a second
        meaning (`real f` after `function f`) still stops the file, since the rows below
        would read the name with its first meaning."""
        names = self.directives.would_declare(keyword, body, offset)
        if not names or any(key is not None and self.scope.lookup(key) is not None
                            for key, _ in names):
            return False
        self._unread_directive(error, offset, body, [key for key, _ in names if key])
        return True

    def _unread_directive(self, error, offset, body, keys):
        """A directive derive refuses, whose rows stay checked: its error as an unread
        definition at its place, and `keys`, the names it would have given a meaning,
        `unread` from here on (`scope.unread_at`)."""
        self.chains.end_chain()
        self.chains.unreadable(error, offset, body, defining=True)
        for key in keys:
            self.scope.unread[key] = offset

    def _plain_definition(self, text, offset, error):
        """Whether an unread row plainly defines a name (`Reader.plainly_defines`), its
        error in its body or not."""
        relation = first_relation(text)
        in_body = relation is not None and error.line is not None and \
            (error.line, error.column or 1) >= self.source.position(offset + relation)
        return self.reader.plainly_defines(text, offset, in_body)

    def _own_left_side(self, text, offset, error):
        """Whether an unread row has a left side of its own, so it does not go on with the
        row above: it states a relation of its own, and was read as far as it (`h &= \\det
        b`, the error after it), or what stands before it is a left side — math in its left
        alignment column (`\\frob(a) &\\le 1`) or math starting with an operand
        (`\\Pr(X \\le x) \\le 1`). A row with no relation (`&\\unknown + b`), or whose
        first token may be a binary operator derive does not read (`&\\oplus b = c`),
        might."""
        relation = first_relation(text)
        if relation is None or error.line is None:
            return False
        if (error.line, error.column or 1) >= self.source.position(offset + relation):
            return True
        return self._left_column_holds_math(text, offset, relation) or \
            not self._may_be_operator(text, offset, error)

    def _left_column_holds_math(self, text, offset, relation):
        """Whether math stands in a row's left alignment column, before an `&` (blanked in
        `text`, seen in the source) that precedes its first relation: `\\frob(a) &\\le 1`
        is aligned at a relation of its own, its left side in that column — a row going on
        with the one above leaves the column empty (`&\\quad + b`)."""
        for at in range(relation):
            if text[at] == " " and self.source.text[self.source.origin(offset + at)] == "&":
                return indent(text[:at]) < at
        return False

    def _may_be_operator(self, text, offset, error):
        """Whether an unread row's first token may be a binary operator: a sign in a font
        (`\\mathrm{+b}`), or a command derive does not know (`\\oplus`), the error at it.
        Anything else it knows (`\\Pr`, a letter, a bracket) starts an operand."""
        at = first_token(text)
        if at is None:
            return True
        command = re.match(r"\\[a-zA-Z]+", text[at:])
        return command is not None and \
            error.message.startswith(unknown_command(command.group(0))) and \
            (error.line, error.column or 1) == self.source.position(offset + at)

    def _define_beside(self, definition, offset):
        """`directives.define_beside`, marking the name `unread` when it fails."""
        try:
            return self.directives.define_beside(definition, offset)
        except InputError:
            key = self.reader.would_define(definition, offset)
            if key is not None:
                self.scope.unread[key] = offset
            raise

    def _at(self, parts, point, offset):
        """Every side of a row claimed `at θ = θ_0`, evaluated there."""
        if parts[0].relation is not None or parts[0].head is not None:
            raise self.source.error("a row claimed 'at' a point stands alone: it neither "
                                    "continues a chain nor defines a name", offset)
        name, value = point
        return [replace(p, term=At(p.term, name, value)) for p in parts]

    def derivation(self, path, require_steps=True):
        """The derivation read so far; with `require_steps`, a file with no relation at
        all is an error (a page of prose passes `False`)."""
        self._withdraw_plain_words()
        self.chains.two_meanings(self.scope.two_meanings)
        if self.directives.expect:
            raise self.source.error("this expect has no row after it to be about",
                                    self.directives.expect_at)
        if not self.chains.steps and require_steps:
            raise InputError("no relation (=, \\le, …) found: nothing to check",
                             self.source.file)
        return Derivation(str(path), self.directives.title or default_title(path),
                          self.scope.context, tuple(self.chains.steps),
                          self.chains.model_chains(), tuple(self.directives.figures))
