"""Side remarks inside a display, read or set aside by one documented rule each — never
multiplied into the formula. The row's text keeps every offset (remarks are blanked with
spaces), so positions in messages stay exact.

* A **label** `\\text{sum rule}` (words, with a space) at the start of a row is set aside —
  unless its words may change what the row claims (a negation, a supposition, a quantifier,
  a question, a goal, a qualifier: `_NO_LABEL`), which is an error.
* After a top-level `\\quad`, `\\qquad` or `\\hspace{3cm}` (outside every bracket; a run of two or more
  control spaces `\\ \\ \\ `, typed for one, is one):
  - a style switch heading it (`\\scriptstyle{X}`, `{\\scriptstyle X}`) only sets its
    print size: X is read by these rules (`_unstyled`);
  - `\\text{…}` of words only is a remark, set aside (`\\quad \\text{(Kullback-Leibler)}`,
    also `\\text{(Pearson } \\chi^2\\text{)}`, a parenthesis opened and closed in text);
    `\\text{for } a, b > 0`, `\\text{if } q(x) > 0` (also when, where, with, provided;
    `\\mathrm{for}`, `\\mbox{for }`,
    `\\text{ and }` between conditions) state hypotheses of the row, and
    `\\text{for positive } a, b` (negative, nonnegative) states a, b > 0; words followed by
    any other math are an error;
  - `(f(u) = u \\log u)` defines a fresh f for this row only (the builder ends it); about
    a name the file already declared or used (`(p_g(x) = p_{data}(x))`) it is a
    hypothesis of the row, never a new meaning of that name;
  - `(q(x) > 0)`, `(a, b > 0)`, `(a \\in (0, \\infty))`, `(t \\in [0, 1])`,
    `(a \\in \\mathbb{R}_{>0})` — relations, and membership in an interval read as its
    bounds — are hypotheses of the row; so is a bound on names written bare
    (`\\quad a, b > 0`, `\\quad a \\in (0, 1)`), bound-first or chained (`\\quad 0 < c`,
    `-1 < c < 0`, `c > 0 > d`; `0 < a, b` is 0 < a, 0 < b), or a list of them
    (`\\quad a > 0, 0 < b < 1`; a list of relations not all bounds is an error, never a
    second row); `0 < a, b < 1` (both in (0, 1)? or 0 < a and b < 1?) is refused as
    ambiguous, here, before an arrow and in `assume`. `(a \\in (-\\infty, \\infty))`
    states only that a is real, which is declared, not assumed: an error;
  - a parenthesis of words only (`(\\text{Jensen})`) or an equation tag (`(1)`, `(2.3)`,
    `(ii)`, `(*)`, `(\\star)`) is set aside; any other math in parentheses (`(a \\succ 0)`,
    `(a \\text{ positive})`, `(a \\in \\mathbb{R}_+)`) is an error at its position;
  - math inside a remark's text belongs to the remark: `\\text{for $a, b > 0$}` states
    hypotheses of the row; any other remark whose `$…$` math states a relation is refused
    (it would be a hypothesis set aside);
  - after a comma a relation (`…, \\quad i = j`) may be a case's condition or a second
    result — derive cannot tell which: an error naming both spellings (`\\text{if } i = j`
    for a condition, a row of its own for a result) — unless it is `i = j` or `i \\ne j`
    between two letters that are whole-number indices once the row is read (`p_j`, `o_i`
    made them so): a result about indices is no derivative's result, so it is a condition;
    but an equation whose left side applies a function word, or a name to an expression
    with + or − (`, \\quad \\log(1 - \\sigma(z)) = …`, `\\sigma(-z) = …`), is a second result
    (`_result_after_comma`), as is a derivative of the function the row states, at the same
    letters (`f'(u) = \\log u + 1, \\qquad f''(u) = \\frac{1}{u}`), and two definition heads
    (`P(x) = …, \\quad Q(x) = …`) are two rows when both name fresh quantities — which
    the builder checks (a known name there may be a condition: the same error); so is
    a comma list with no `\\quad` whose every piece is such a head or a bare name's
    (`h = \\lambda(b - a), p = \\frac{-a}{b - a}`, `_listed_definitions`);
  - a further relation `A = B` is a second row of its own (what stands beside a row — a
    condition, a remark — is that row's: the row it follows, `beside`); math with no relation before it
    (`\\frac{1}{0} \\quad a = a`) is an error, unless that row goes on with a relation
    (`a + b \\quad = c`);
  - any other math after a `\\quad` beside a row (`a = a \\quad 2`) is an error: never
    multiplied in. A `\\quad` with nothing before it indents the row.
* `\\text{ nats}` (a unit) at the end of a row is set aside; `\\text{ bits}` is refused:
  derive's logarithms are natural.
* Decorations: `\\color{red}` and `\\textcolor{red}` are set aside (what they colour is
  read as TeX prints it: the braces of `\\color{red}{X}` and `{\\color{red} X}` group
  nothing); `\\underbrace{X}_{label}` and `\\overbrace{X}^{label}` read as the group
  `{X}`, their label set aside (a remark, not checked) — a sum X beside a factor or after
  '-' is refused (TeX prints no brackets, so the grouping would be a guess); a label naming
  a quantity over a whole term (`_{F(q, \\theta)}`, `_{D_{KL}(q \\| p)}`) is read as `X :=
  label` too (`Annotated.named`, `_naming_label`);
  `\\underset{label}{X}` under an operator (`\\mathbb{E}`, `\\lim`, `\\max`, …) is its
  subscript, `{X}_{label}`; a label in words under a quantity is set aside (`{X}` stays),
  math under one refused; over a relation (`\\underset{\\text{Jensen}}{\\le}`,
  `\\underset{(a)}=`) it is a stacked label, read as `\\stackrel`'s (`wrappers`: a reason is
  set aside, `d` or `?` refused). `\\because` and words after it (`\\because \\text{Jensen}`, to the end of the row) are set aside,
  and so is a sentence whose math names no letter (`\\because \\text{by } (3)`); a reason
  in math (`\\because t > 0`), or a sentence about a letter (`\\because a \\text{ is
  positive}`: a hypothesis in words) — and after a `\\quad` or in a column, words starting
  with because, since, as, by, … followed by math — is a **reason** (`Annotated.reasons`,
  `Step.reasons`): derive neither checks nor uses it, the row may rest on it, so the step
  is checked without it and a counterexample then refutes nothing.
* An equation label at the very end of a row (`\\text{(9)}`, `\\text { (公式9) }`, a
  parenthesis whose content is no math: `(公式10)`, `(\\text{eq. 3})`) is set aside, as
  `\\tag{9}` is; a parenthesis of math there (`(10)`, `(x + 1)`) is a factor as anywhere.
* A proof's end mark at the end of a row (`Q.E.D.`, `\\qed`, `\\blacksquare`, `∎`) is set aside.
* `\\forall x \\in S,` before a row (`\\quad \\forall x \\in S`, `, \\quad x \\in S` after it)
  says that it holds for every value of x — which every row claims anyway — and is set
  aside, when S is x's own range.
* Any other `\\forall` after a row — behind a `\\quad`, or right after the row's relation
  (`… e^{\\lambda b} \\forall a \\le x \\le b`) — states the row's hypothesis, read as a side
  condition (`\\forall x \\in [a, b]` as `x \\in [a, b]`); without one it is refused.
* `\\therefore` at the start of a row is "hence": set aside (a leading `\\Rightarrow` also
  makes the row follow from the row above, `chains.ChainBuilder._hence_premise`); the
  builder says it of every row of the line, and a line holding only it leads the next.
* A condition heading a row (`\\text{for } t = 1: \\quad …`, `\\text{if } t = 1, \\quad …`)
  is a side condition of it (`_leading_condition`).
* Hypotheses listed before `\\Rightarrow` (`a, b > 0 \\Rightarrow …`, `a > 0 \\land b > 0`,
  `(a > 0, b > 0) \\implies …`) are read as a side condition after a `\\quad` is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from derive.frontend.latex.gaps import wide_gap
from derive.frontend.latex.relations import INEQUALITY, ORDER_COMMAND, top_level_law
from derive.frontend.latex.relations import depth as _depth
from derive.frontend.latex.wrappers import REQUIRING, stacked_relation, stacked_words
from derive.notation.elementary import SPELLINGS

# A `\quad`, or a run of two or more control spaces (`\ \ \ `), which authors type for
# one: what follows is a remark, a hypothesis or a row, as after `\quad`. A run of two or
# more ties (`~~~~`) is one too where a `\text{…}` follows it (`~~~~ \text{by independence}`);
# elsewhere (`&= ~~ x`) it stays spacing inside the row.
_QUAD = re.compile(r"\\q?quad(?![a-zA-Z])|\\ (?:[ \t]*\\ )+|~(?:[ \t]*~)+(?=\s*\\text)|"
                   r"\\derivecolumnpair(?![a-zA-Z])")
# `\\hspace{3cm}`, `\\hspace*{1em}`: a space typed for a `\\quad` — spelled so before any
# other rule reads the row (same length: offsets stay), so it separates as `\\quad` does
# everywhere a `\\quad` counts (a connective after it, a premise, a heading).
_HSPACE = re.compile(r"\\hspace\*?\s*\{[^{}]*\}")
# Layout's mark between two column pairs of an `align` row (`layout.COLUMN_PAIR`).
_COLUMN_PAIR = "\\derivecolumnpair"
_TEXT = re.compile(r"\\(?:text(?:rm|it|bf|sf|normal)?|mbox)\s*\{")
_RELATION = re.compile(r"(?<!\\)(?:=|<|>)|" + ORDER_COMMAND)   # `i=k` too
_FORALL = re.compile(r"^(\s*)\\forall\s+(?P<var>[^,]+?)\s*\\in\s*(?P<set>[^,]+?)\s*,")
# The other case of a piecewise statement, in words: a condition derive cannot read.
_CASE_WORDS = re.compile(r"(?i)^\s*\(?\s*(otherwise|else(where)?|in (all )?other cases|"
                         r"if not\b.*|unless\b.*)\s*[.,;)]*\s*$")
# A justification in words (`\\text{because } e^{kx} \\text{ is monotone}`, `\\text{by } (3)`):
# kept with its row as `Step.reasons`, never read as a hypothesis nor dropped.
_REASON = re.compile(r"(?i)^\s*[;:,]?\s*(because|since|as|by|from|using|via|applying|thanks to)\b")
_EVERY = re.compile(r"^\s*for (?:all|every|any)\s*$")
_CONDITION = re.compile(r"^\s*(for(?: all| every| any)?|if|where|with|when|provided(?: that)?)"
                        r"\s*$")
# `\\text{where } M = \\tfrac12(P + Q)`, `\\text{with } m = …`: a fresh name defined beside the
# row, as `(f(u) = u \\log u)` is — a bare name or a function head, one `=`, nothing else
# relating (`_local_definition`); `for` keeps saying where the row holds (a condition).
_LOCAL_WORDS = re.compile(r"^\s*(where|with)\s*$")
_LOCAL_HEAD = re.compile(r"^\s*(?:[A-Za-z]|\\[A-Za-z]+|\\math[a-z]+\s*\{\s*[A-Za-z]\s*\})"
                         r"(?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?"
                         r"(?:\s*\(\s*[A-Za-z]\s*(?:,\s*[A-Za-z]\s*)*\))?\s*=(?![=])")
_WORD = re.compile(r"\\mbox\s*\{|\\mathrm\s*\{(?=\s*(?:for|if|where|with|when|provided)\s*\})")
_SIGNED = re.compile(r"^\s*(?:for|if|with|when)\s+(positive|negative|nonnegative|non-negative)\s*$")
_FORALL_BOUND = re.compile(r"^\\forall(?![a-zA-Z])\s*(?=[^\\]*?(?:[<>]|\\[lg]eq?(?![a-zA-Z])))")
# `\forall x \in [a, b]` after a row (the bound-only `_FORALL_BOUND` takes `\forall a > 0`).
_FORALL_ANY = re.compile(r"^\\forall(?![a-zA-Z])\s*")
# `… e^{\lambda b} \forall a \le x \le b`: a `\forall` after a relation at the row's top
# level starts its side condition, as after a \quad (a zero-width mark before it).
_TRAILING_FORALL = re.compile(r"(?=\\forall(?![a-zA-Z]))")
_THEREFORE = re.compile(r"^(?:\s|&|\\[ ,;:!]|\\q?quad(?![a-zA-Z]))*(\\therefore(?![a-zA-Z])|"
                        r"\\(?:text(?:rm|it|normal)?|mbox)\s*\{(?P<words>[^{}$]*)\})")
# Words at a row's start saying that it follows from what stands above (`\text{so that }`,
# `\text{hence }`, `\text{which gives }`, `\text{it follows that }`): "hence", as
# `\therefore` — never a label set aside, which would claim the row alone.
_HENCE_WORDS = re.compile(
    r"(?i)^\s*(?:(?:and |which |this |it )?(?:so|thus|hence|then|therefore|whence|consequently|"
    r"gives|giving|yields|yielding|implies|means|follows)|(?:we|one) (?:get|obtain|find)s?|"
    r"i\.\s?e\.|that is)(?:\s+that)?\s*[,:]?\s*$")
# Words heading a row that say it is not claimed as written — negated (`not`, `never`,
# `false`), supposed or imposed (`suppose`, `assume`, `by assumption`, `if`, `let`, `take`,
# `case 1`, `setting`, `solving`, `equating`, `subject to`), said under a condition
# (`at the optimum`, `near 0`, `in the limit`), quantified (`for all`, `for some`, `there is`),
# asked or aimed at (`we want`, `to show`, `?`), weakened (`approximately`, `qualifies`),
# disclaimed (`counterexample`, `fallacy`, `mistake`), or holding a relation
# (`\\text{Step 2 (t=1):}` states a condition): never a label set aside, the row claimed
# outright.
# The words of `_NO_LABEL` that negate or disclaim a row (`not`, `false`, `wrong`,
# `counterexample`): beside a row, after a \quad (`a = b \quad \text{is false}`,
# `\text{(wrong)}`), they are refused as at its head — never a remark set aside and the row
# claimed (`_disclaimed`).
_NEGATING = (r"not|no|never|nor|neither|false|untrue|incorrect|invalid|wrong|fails?|cannot|"
             r"[a-z]+n't|contradiction|absurd|counterexamples?|fallac(?:y|ies)|mistakes?|"
             r"disproofs?|bogus|erroneous")
_NEGATED = re.compile(r"(?i)(?<![a-z'])(?:" + _NEGATING + r")(?![a-z'])")
_CROSS = re.compile(r"\\(?:xmark|crossmark|ding\s*\{\s*5[56]\s*\}|lightning)(?![a-zA-Z])|[✗✘❌✕]")
_NO_LABEL = re.compile(
    r"(?i)(?<![a-z'])(?:" + _NEGATING + r"|suppos(?:e|es|ed|ing|ition)|assum(?:e|es|ed|ing|ptions?)|hypothes[ie]s|"
    r"premises?|let|if|unless|given|consider|whenever|when|provided|otherwise|else|cases?|wlog|"
    r"without loss|take|set(?:ting)?|put|choos(?:e|ing)|fix(?:ing)?|"
    r"pick(?:ing)?|solv(?:e|es|ing)|equat(?:e|es|ing)|impos(?:e|es|ing)|requir(?:e|es|ed|ing)|"
    r"subject to|constraints?|near|in the limit|want|wish|need|show|prove|goal|aim|would|should|"
    r"could|might|may|whether|conjecture|hope|guess|try|ask|exists?|"
    r"there (?:is|are)|for (?:all|every|any|each|some)|^\s*(?:for|at)|"
    r"imagine|is it)(?![a-z'])|\?|"
    r"[=<>]|\\(?:le|ge|leq|geq|ne|neq|lt|gt|in)(?![a-zA-Z])")
NOT_A_LABEL = ("the words heading this row ({}) may change what it claims — a negation, a "
               "supposition, a quantifier, a question or a goal — and derive does not read them: "
               "the row is not claimed without them (state a condition as \\text{{for }} t = 1: "
               "\\quad …, an assumption with % derive: assume, or leave a label of plain words)")
_DECORATION = re.compile(r"\\(color|textcolor|underbrace|overbrace|underset|overset|because)"
                         r"(?![a-zA-Z])\s*")
_RELATIONS = r"(?:" + ORDER_COMMAND + r"|\\(?:q?quad|[,;!])(?![a-zA-Z]))"
_ALONE_BEFORE = re.compile(r"(?:^|[=+(\[{&<>]|" + _RELATIONS + r"|\\left\S)\s*$")
_ALONE_AFTER = re.compile(r"\s*(?:$|[-+=)\]}&<>]|" + _RELATIONS + r"|\\right)")
# A brace's label that names a quantity: a name applied to arguments (`F(q, \\theta)`,
# `D_{KL}(q || p_\\theta)`), with no relation in it (`_naming_label`).
_NAMING = re.compile(r"\\?[A-Za-z]+(?:\{[^{}]*\})?(?:_\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|_[A-Za-z])?"
                     r"\s*\((?:(?!=|\\[lg]eq?|<|>).)*\)")
_WORDS_ONLY = re.compile(r"^\s*(?:\\(?:text|textrm|mbox)\s*\{[^{}$]*\}\s*)*$")
# A brace under `\\underset`: its label is the brace's (set aside), never a subscript.
_BRACED = re.compile(r"\s*\\(?:underbrace|overbrace)\s*\{")
# The operators whose subscript `\\underset` can write (`\\underset{x \\sim q}{\\mathbb{E}}`).
_OPERATOR = re.compile(r"^\\(?:mathbb\s*\{\s*[EPV]\s*\}|Pr|max|min|sup|inf|lim|liminf|limsup|"
                       r"sum|prod|i*int|oint|bigcup|bigcap|argmax|argmin|arg\s*\\(?:max|min)|"
                       r"(?:operatorname\*?|mathrm|mathop)\s*\{[^{}]*\})$")
SIGNS = {"positive": "> 0", "negative": "< 0", "nonnegative": "\\ge 0"}
_NAME = re.compile(r"^\s*(\\[a-zA-Z]+|[A-Za-z])(_(\{[^{}]*\}|[A-Za-z0-9]))?\s*$")
_NAME_TEXT = r"\s*(?:\\[a-zA-Z]+|[A-Za-z])(?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
_LIST_RELATION = re.compile(r"^" + _NAME_TEXT + r"(?P<rest>" + INEQUALITY + r".*)$")
_BARE_CONDITION = re.compile(r"^" + _NAME_TEXT + r"(?:," + _NAME_TEXT + r")*(?:" + INEQUALITY + r"\s*-?(?:\d+(?:\.\d+)?|\\[a-zA-Z]+|[A-Za-z](?:_(?:\{[^{}]*\}|[A-Za-z0-9]))?)|\\in(?![a-zA-Z]).*)\s*$")
# A bound written bound-first or chained (`0 < c`, `-1 < c < 0`, `c > 0 > d`, `0 < a, b`):
# plain numbers and names around inequalities.
_OPERAND = r"\s*-?\s*(?:\d+(?:\.\d+)?|" + _NAME_TEXT + r")\s*"
_BOUND_CHAIN = re.compile(r"^" + _OPERAND + r"(?:" + INEQUALITY + _OPERAND + r")+(?:," +
                          _NAME_TEXT + r")*$")
_SHARED_BOUND = re.compile(r"^(?P<bound>" + _OPERAND + INEQUALITY + r")" + _NAME_TEXT + r"$")
_MEMBER = re.compile(r"^\s*(?P<name>\S.*?)\s*\\in(?![a-zA-Z])\s*(?:(?P<open>[(\[])(?P<low>[^,]+),(?P<high>[^,]+?)(?P<close>[)\]])|(?P<set>.+?))\s*$")
_POSITIVE_SET = re.compile(r"^\\mathbb\s*\{\s*R\s*\}\s*_\s*\{\s*(>|\\geq?)\s*0\s*\}$")
_AND = re.compile(r"\\text(?:rm)?\s*\{\s*and\s*\}|\\(?:land|wedge)(?![a-zA-Z])")
# `H \Rightarrow A = B` whose H lists several conditions (`a, b > 0`, `a > 0 \land b > 0`,
# `(a > 0, b > 0)`): the arrow, at the top level of the row.
# `\text{for } t = 1: \quad …`: a condition heading a row (`_leading_condition`).
# A condition heading a row, in the spellings authors use: `\\text{for } t = 1:`,
# `\\text{For }`, `\\mathrm{for}\\ `, `\\textit{if }`, `\\text{at }` (never `\\text{let }`,
# which names: `\\text{Let } u = x^2.` is no condition);
# the colon also `\\colon` or `\\text{:}`; a comma or full stop before a `\\quad`.
_LEADING_CONDITION = re.compile(
    r"^(?:\s|&)*\\(?:text(?:rm|it|normal)?|mbox|mathrm)\s*\{\s*(?i:for|if|when|at)\s*\}"
    r"(?:\s*(?:\\ |~))?(?P<cond>[^:$]*?)"
    r"(?P<sep>(?::|\\colon(?![a-zA-Z])|\\text\s*\{\s*:\s*\})(?:\s*\\q?quad(?![a-zA-Z]))?|"
    r"[,.]\s*\\q?quad(?![a-zA-Z]))")
# A piece of a row ending with a colon before a `\\quad` and a row: a heading, the row's
# condition (`_leading_condition` reads the spellings it knows).
_COLON_END = re.compile(r"(?::|\\colon(?![a-zA-Z])|\\text\s*\{\s*:\s*\})\s*$")
# … or words heading it with a relation ending in a stop (`\\text{Suppose } t = 1.`,
# `\\text{Given } t = 1;`): a condition or a naming derive does not read.
_WORDED_HEAD = re.compile(r"^(?:\s|&)*\\(?:text(?:rm|it|normal)?|mbox|mathrm)\s*\{[^{}]*\}.*[.;,]\s*$",
                          re.S)
_SPACING_END = re.compile(r"(?:\s|&|\\[ ,;:!]|\\q?quad(?![a-zA-Z]))*$")
_IMPLIES = re.compile(r"\\(?:Rightarrow|implies|Longrightarrow)(?![a-zA-Z])")
# An arrow or connective joining two statements (`A \quad \Rightarrow \quad B`,
# `A \quad \iff B`): a \quad beside it is spacing inside one statement, never the start
# of a second row — else A, a premise, would be checked as a claim of its own.
_CONNECTIVE = (r"\\(?:Rightarrow|implies|Longrightarrow|Leftarrow|Longleftarrow|impliedby|"
               r"iff|Leftrightarrow|Longleftrightarrow|leftrightarrow|longleftrightarrow|"
               r"leftarrow|longleftarrow|rightarrow|longrightarrow|to|mapsto)(?![a-zA-Z])")
_STARTS_CONNECTIVE = re.compile(r"\s*(?:&\s*)*" + _CONNECTIVE)
_ENDS_CONNECTIVE = re.compile(_CONNECTIVE + r"(?:\s|&|\\[ ,;:!]|\\q?quad(?![a-zA-Z]))*$")
# `\quad \forall x \in \mathcal{X}`, `, \quad x \in \mathcal{X}` after a row: over x's range.
_OWN_RANGE = re.compile(r"^\s*(?:\\forall\s*)?(?P<var>\\?[A-Za-z]+|\\[a-z]+\s*\{\s*[A-Za-z]\s*\})"
                        r"\s*\\in\s*(?P<set>\\[a-z]+\s*\{\s*[A-Za-z]\s*\}|[A-Z])\s*[.,]?\s*$")
_TAG = re.compile(r"^\s*(\d+(\.\d+)*[a-z]?|[ivx]+|\*+|\\star|\\ast|\\dagger|\\ddagger)\s*$")
# `\\text{for $x = 1$}`: the condition word, then its math, inside the text.
_MATH_IN_TEXT = re.compile(r"(?P<words>[^$]*)\$(?P<math>[^$]+)\$\s*")
_DEFINITION_HEAD = re.compile(r"^\s*[A-Za-z](?:_\{?[^=]*?\}?)?\s*\(\s*[A-Za-z]\s*(,\s*[A-Za-z]\s*)*\)\s*=")
# `h = \lambda(b - a), p = \frac{-a}{b - a}`: each piece a head `h =`, `F(x) =` (one `=`).
_LISTED_HEAD = re.compile(r"^\s*[A-Za-z](?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?"
                          r"(?:\s*\(\s*[A-Za-z]\s*(?:,\s*[A-Za-z]\s*)*\))?\s*=(?!=)[^=]*$")


# `i = j`, `i \ne j` after a comma: two letters, a condition when both are indices.
_INDEX_CONDITION = re.compile(r"^\s*[A-Za-z]\s*(?:=|\\neq?(?![a-zA-Z]))\s*[A-Za-z]\s*$")

# The left side of an equation after `, \quad` that no case condition has: a function word
# applied (`\log(1 - \sigma(z)) = …`), or a name applied to an expression with + or −
# (`\sigma(-z) = 1 - \sigma(z)`). Conditions set names (`x = 0`, `i = j`, `f(0) = 1`,
# `p(x) = q(x)`) or constrain them (`a + b = 1`, `\sum_i w_i = 1`).
_RESULT_LEFT = re.compile(r"\\(?:" + "|".join(s.lstrip("\\") for s in sorted(SPELLINGS))
                          + r")(?![a-zA-Z])|(?:[A-Za-z](?<!\\left)|\})\s*\([^()]*[-+][^()]*\)")


# A head `f'(u) =`, `f''(u) =`, `f^{(3)}(u) =`, `f^{\prime}(u) =`, `g_1(x, y) =`: a letter
# (its subscript) with its order of differentiation, applied to letters.
_DERIVATIVE_HEAD = re.compile(r"^\s*(?P<name>[A-Za-z](?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?)"
                              r"\s*(?P<order>'*|\^\s*\{\s*(?:\\prime\s*)+\}|\^\s*\\prime"
                              r"|\^\s*\{\s*\(\s*\d+\s*\)\s*\})"
                              r"\s*\((?P<args>\s*[A-Za-z]\s*(?:,\s*[A-Za-z]\s*)*)\)\s*=(?!=)")


def _derivative_order(order):
    """The order of differentiation a head's marks say: primes, `^{\\prime\\prime}`, `^{(3)}`."""
    digits = re.search(r"\d+", order)
    return int(digits.group()) if digits else order.count("'") + order.count("\\prime")


def _derivatives_side_by_side(before, inner):
    """Whether the row before `, \\quad` and the relation after it are results about one
    function at the same letters, the second a derivative of another order (`f'(u) = \\log
    u + 1, \\qquad f''(u) = \\frac{1}{u}`; `f(x) = x^2, \\quad f'(x) = 2x`): no case of a
    row is conditioned on a derivative of the function the row states, so it is a second
    result — its own row, checked. A derivative at another point (`f'(0) = 1`) or of
    another name (`g'(u) = 0`) may be a condition: not read so."""
    first, second = _DERIVATIVE_HEAD.match(before.lstrip(" &")), _DERIVATIVE_HEAD.match(inner)
    if first is None or second is None or first.group("name") != second.group("name") or \
            re.sub(r"\s", "", first.group("args")) != re.sub(r"\s", "", second.group("args")):
        return False
    orders = _derivative_order(first.group("order")), _derivative_order(second.group("order"))
    return orders[1] > 0 and orders[0] != orders[1]


def _result_after_comma(inner, before=""):
    """Whether the relation after `, \\quad` is an equation whose left side is compound
    (`_RESULT_LEFT`), or a derivative of the function the row before states
    (`_derivatives_side_by_side`): a second result, its own row — never a condition."""
    found = _RELATION.search(inner)
    return found is not None and found.group() == "=" and (
        _RESULT_LEFT.search(inner[:found.start()]) is not None or
        _derivatives_side_by_side(before, inner))


AFTER_COMMA = ("a relation after a comma and \\quad is either a condition or a second result: "
               "write \\text{if } i = j for a condition, or put a result on a row of its own")


LISTED = ("a list of relations beside a row is read as its hypotheses only when each bounds "
          "names (\\quad a > 0, 0 < b < 1): write other conditions with \\text{for } …, "
          "or each result on a row of its own")
# `0 < a, b < 1`: 0 < a < 1 and 0 < b < 1, or 0 < a and b < 1? Ambiguous: refused.
AMBIGUOUS_SHARED = ("a bound shared by the names after it, then a bound of another name "
                    "(0 < a, b < 1: both in (0, 1), or 0 < a and b < 1?) is ambiguous: write "
                    "each bound in full (0 < a < 1, 0 < b < 1), or join separate hypotheses "
                    "with \\land (0 < a \\land b < 1)")


class RemarkError(Exception):
    """A side remark derive cannot set aside: the message and the offset in the row."""

    def __init__(self, message, offset):
        super().__init__(message)
        self.message, self.offset = message, offset


@dataclass
class Annotated:
    """A row split into what is checked and what stands beside it (offsets into the row)."""

    rows: list = field(default_factory=list)          # [text], each as long as the row's
    hypotheses: list = field(default_factory=list)    # [(offset, text)] of relations
    definitions: list = field(default_factory=list)   # [(offset, text)] `f(u) = …`
    # `P(x) = …, \\quad Q(x) = …`: two definitions only if both heads are fresh names
    # (the builder knows; else AFTER_COMMA at this offset — the first), None otherwise
    heads_only: int | None = None
    # `…, \quad i = j` between two letters: a condition if both are whole-number indices
    # of the file once the row is read (the builder checks; else AFTER_COMMA at the offset)
    index_conditions: list = field(default_factory=list)
    # [(offset, text)] justifications in words with math derive does not read
    # (`\\text{because } e^{kx} \\text{ is monotone}`, `\\because t > 0`): `Step.reasons`
    reasons: list = field(default_factory=list)
    # [(offset, text)] every remark and reason in words set aside after a `\\quad` or in an
    # `&&` column (`\\text{by Jensen}`): shown as the row's justification, never read
    remarks: list = field(default_factory=list)
    # (offset, "nats" or "bits") of a unit `\\text{ nats}` ending the row: the builder
    # checks it against the file's unit (a value stated in another unit is refused)
    unit: tuple | None = None
    # [(offset, text)] of the hypotheses a trailing `\\forall` states: the builder refuses
    # one whose set may reach outside its letter's declared domain or file assumptions
    quantified: list = field(default_factory=list)
    # [(offset, text)] the annotation of an arrow row (`\\Downarrow_{T(x) = …}`, `ARROW_NOTE`):
    # a reason of the rows below it in its display, which the builder carries there
    noted: list = field(default_factory=list)
    # led by `\\therefore` or words saying "hence" (`\\text{so that }`): it follows from
    # what stands above, as a row led by `\\Rightarrow` (`chains.ChainBuilder.add`)
    hence: bool = False
    # offsets of the conditions heading the line (`\\text{for } t = 1: \\quad A = B \\qquad
    # C = D`): said of every row of it, not only the first (`beside`)
    headed: list = field(default_factory=list)
    # [(offset, text)] a brace's label naming what it spans (`\\underbrace{X}_{F(q, \\theta)}`,
    # a whole term of a side): `text` is the row blanked but for `X := F(q, \\theta)`, at
    # the same offsets — the builder reads it as a definition of F or a checked restatement
    named: list = field(default_factory=list)


COLUMN_RELATION = ("a relation in a column pair of its own beside an equation (`a &= b & c &> 0`) "
                   "is either a condition of the first or a second result: write a condition "
                   "as \\quad (c > 0), a result on a row of its own")
# Layout's mark for two equations side by side with a row going on below them
# (`layout.PAIRS_GO_ON`).
_PAIRS_GO_ON = re.compile(r"\\derivecolumnpairs(?![a-zA-Z])")
# A connective in words between two statements (`x = 1 \quad \text{implies} \quad x^2 = 1`,
# `\text{hence}`, `\therefore` within a row): neither side is claimed alone, and derive
# does not read the words as an arrow.
_WORDED_CONNECTIVE = re.compile(
    r"\\q?quad\s*(?:\\text(?:rm|it|normal)?\s*\{\s*(?:(?:and |which |this |it )?(?:implies|"
    r"hence|thus|therefore|so|so that|then|gives|giving|yields|yielding|means|meaning|"
    r"follows that|leads to|leading to)|i\.e\.,?|and so|we (?:get|obtain|find)|whence|"
    r"consequently|or|or else|iff|if and only if|exactly when|precisely when|"
    r"only if)\s*[,:]?\s*\}|\\therefore(?![a-zA-Z])|\\(?:lor|vee)(?![a-zA-Z]))")


def ends_with_connective(text):
    """Whether `text` ends with an arrow or connective (spacing after it allowed)."""
    return _ENDS_CONNECTIVE.search(text) is not None


def annotate(text):
    """The `Annotated` row (raises `RemarkError`)."""
    out = Annotated()
    if WRITTEN_MARK in text:
        at = text.index(WRITTEN_MARK)
        name = "\\derive" + re.match(r"[a-zA-Z]*", text[at + len(WRITTEN_MARK):]).group(0)
        raise RemarkError(f"derive does not read `{name}`: commands named \\derive… are its own "
                          "marks, never the author's", at)
    text = _arrow_note(text, out)
    text = _HSPACE.sub(lambda m: "\\quad" + " " * (len(m.group(0)) - 5), text)
    gap = wide_gap(text)
    if gap is not None:
        raise RemarkError(gap.message, gap.offset)
    pairs = _PAIRS_GO_ON.search(text)
    if pairs is not None:
        raise RemarkError("two equations stand side by side in this row (a column pair each) "
                          "and the row below goes on from one of them: derive keeps one chain "
                          "per row — write the two chains apart, or put the second equation "
                          "on the last row", pairs.start())
    worded = [m for m in _WORDED_CONNECTIVE.finditer(text) if _depth(text, m.start()) == 0]
    if worded and _RELATION.search(text[:worded[0].start()]):
        raise RemarkError("a connective in words between two statements is not read (neither "
                          "side is claimed alone): write \\Rightarrow for 'implies', or each "
                          "claim as a row of its own", worded[0].start())
    _stacked_qualifiers(text, out)
    text = _label(_hence(_decorations(text, out.reasons, out.named), out), out)
    text = _forall(_equation_label(_units(text, out), out))
    text = _listed_hypotheses(_leading_condition(text, out), out)
    quads = [m for m in _QUAD.finditer(text) if _depth(text, m.start()) == 0]
    quads = sorted(quads + [m for m in _TRAILING_FORALL.finditer(text)
                            if _depth(text, m.start()) == 0 and
                            _RELATION.search(text[:m.start()]) and
                            not any(q.end() <= m.start() and not text[q.end():m.start()].strip()
                                    for q in quads)], key=lambda m: m.start())
    ends = [m.start() for m in quads[1:]] + [len(text)]
    main, rows = text, []
    for m, end in zip(quads, ends):
        piece = text[m.end():end]
        if m.group(0) == _COLUMN_PAIR:    # spacing where no second result follows it
            main = main[:m.start()] + " " * len(_COLUMN_PAIR) + main[m.end():]
        if _STARTS_CONNECTIVE.match(piece) or _ENDS_CONNECTIVE.search(text[:m.start()]):
            continue                      # spacing around an arrow between two statements
        arrow = next((a for a in re.finditer(_CONNECTIVE, piece)
                      if _depth(piece, a.start()) == 0), None)
        try:
            aside = arrow is not None and _remark_before_arrow(piece[:arrow.start()], m.end(),
                                                              out)
        except RemarkError as problem:          # its offset is in the piece: in the row
            raise RemarkError(problem.message, m.end() + problem.offset) from None
        if aside:
            # `n = 1 \quad (\text{by assumption}) \implies n^2 = 1`: a remark on the premise,
            # set aside; the arrow and what follows stay in the row
            main = main[:m.start()] + " " * (m.end() + arrow.start() - m.start()) + \
                main[m.end() + arrow.start():]
            continue
        try:
            kind, inner, at = _side(piece)
        except RemarkError as problem:          # its offset is in the piece: in the row
            raise RemarkError(problem.message, m.end() + problem.offset) from None
        if kind == "spacing":
            continue
        if kind in ("remark", "reason"):
            _disclaimed(inner, m.end() + at)
            out.remarks.append((m.end() + at, inner))
        if kind == "condition" and m.group(0) == _COLUMN_PAIR and not (
                _TEXT.match(piece.lstrip()) or _WORD.match(piece.lstrip()) or
                piece.lstrip().startswith("(")):
            raise RemarkError(COLUMN_RELATION, m.end() + at)
        after_comma = text[:m.start()].rstrip().endswith(",")   # of the row it follows
        if kind == "row" and after_comma and _INDEX_CONDITION.match(inner):
            kind = "condition"
            out.index_conditions.append(m.end() + at)
        before = rows[-1] if rows else main[:m.start()]
        if kind == "row" and after_comma and not _result_after_comma(inner, before):
            if not (_DEFINITION_HEAD.match(before.lstrip(" &")) and _DEFINITION_HEAD.match(inner)
                    and (out.heads_only is not None or not rows)):
                raise RemarkError(AFTER_COMMA, m.end() + at)
            out.heads_only = m.end() + at if out.heads_only is None else out.heads_only
        if kind == "math":
            if _blank(main[:m.start()]):
                continue                  # a \quad that indents the row: spacing
            raise RemarkError("math after a \\quad beside a row is not read: a remark is "
                              "\\text{…}, a hypothesis a relation (\\quad a > 0), another "
                              "row a relation of its own", m.end() + at)
        main = main[:m.start()] + " " * (end - m.start()) + main[end:]
        if kind in ("condition", "forall"):
            stated = conditions(inner, m.end() + at)
            out.hypotheses += stated
            if kind == "forall":
                out.quantified += stated
        elif kind == "definition":
            out.definitions.append((m.end() + at, inner))
        elif kind == "reason":
            out.reasons.append((m.end() + at, inner))
        elif kind == "row":
            heading = _COLON_END.search(text[:m.start()])
            if heading is None and _WORDED_HEAD.match(text[:m.start()]) and \
                    _RELATION.search(text[:m.start()]):
                heading = re.search(r"[.;,]\s*$", text[:m.start()])
            if heading is not None:
                raise RemarkError("what heads this row before ':' is not read as its condition "
                                  "(derive reads \\text{for } t = 1: \\quad …, also with if, "
                                  "when, at, let): the row after it is not checked without it",
                                  heading.start())
            if not rows and not _blank(main[:m.start()]) and \
                    not _RELATION.search(main[:m.start()]) and \
                    not _RELATION.match(inner.lstrip("& ")):
                raise RemarkError("math before a \\quad with no relation is not read (a row "
                                  "follows it): write it as a row of its own, or remove it",
                                  len(main) - len(main.lstrip()))
            rows.append(" " * m.end() + piece)
    if not rows and out.heads_only is None:
        main, rows = _listed_definitions(main, out)
    out.rows = [row for row in [main] + rows if row.strip()]
    return out


# What an arrow row with an annotation becomes (`layout._arrow_note`): `\derivearrownote{…}`
# holding the annotation as written, after `\therefore` when the arrow says "hence".
ARROW_NOTE = "\\derivearrownote"
_ARROW_NOTE = re.compile(re.escape(ARROW_NOTE) + r"\{")
# derive's own marks are commands `\derive…` (ARROW_NOTE, layout's column-pair marks): one
# the author wrote (or a macro of theirs expands to) is renamed by layout before it makes
# any mark, `\derivearrownote` to `\derivewrittenarrownote` (`layout.rows`), so it never
# acts as a mark (it was blanked: `a \derivearrownote{+1} = a` read as `a = a`); `annotate`
# refuses it where it stands.
WRITTEN_MARK = "\\derivewritten"


def _arrow_note(text, out):
    """The row with an arrow's note (`ARROW_NOTE{…}`: `\\Downarrow_{T(x) = \\arg\\sup_t …}`,
    `\\overset{\\text{Jensen}}{\\Downarrow}`, `\\Downarrow \\quad \\text{since …}`) blanked. The
    annotation says why the line below holds, or how it was found — never math of a row: it
    is not checked, defines nothing and states no hypothesis. Words that may change what
    the line below claims — a negation or disclaimer (`(wrong)`), a unit (`in bits`) —
    are refused (`RemarkError`); plain words (`\\text{Jensen}`) are set aside; anything
    else — math, words that may state a hypothesis or weaken the relation (`\\text{for }
    x > 0`, `approximately`) — is a reason of the rows below it in its display (`out.noted`,
    `Step.reasons`: a condition may reach past the line below): checked without it, a
    counterexample refutes nothing."""
    m = _ARROW_NOTE.search(text) if ARROW_NOTE in text else None
    if m is None:
        return text
    end = _closing(text, m.end() - 1)
    inner = text[m.end():end]
    _disclaimed(inner, m.end())
    words = re.sub(r"\\[a-zA-Z]+\s*\{|[{}]", " ", inner)
    unit = next((w.search(words) for w in _UNIT_WORDS.values() if w.search(words)), None)
    if unit is not None:
        raise RemarkError(f"an arrow's annotation naming a unit ({unit.group(0)}) may say in which "
                          "unit the row below states its value, and derive does not read it there: "
                          "write the unit beside that row", m.end())
    try:
        assuming = _may_assume(inner)
    except RemarkError as problem:
        raise RemarkError(problem.message, m.end()) from None
    plain = (_WORDS_ONLY.match(inner) or _sentence(inner)) and not assuming and \
        _NO_LABEL.search(words) is None
    if not plain:
        out.noted.append((m.end(), " ".join(inner.split())))
    return _spaces(text, m.start(), end + 1)


def _remark_before_arrow(piece, at, out):
    """Whether `piece` (at offset `at` of the row), between a `\\quad` and an arrow, is a
    remark or a reason in words — set aside, a reason kept in `out.reasons`; other math
    there is refused (`RemarkError`, its offset in `piece`)."""
    if _blank(piece):
        return False
    kind, inner, lead = _side(piece)
    if kind not in ("remark", "reason"):
        # the arrow's premise is the row before the \quad: anything else between them would
        # leave that premise claimed alone
        raise RemarkError("between this row's premise and its arrow only a remark is read "
                          "(\\quad (\\text{by assumption}) \\implies …): write a condition of "
                          "the premise with it, before the \\quad", lead)
    if kind == "reason":
        out.reasons.append((at + lead, inner))
    return True


def _listed_definitions(main, out):
    """`h = \\lambda(b - a), p = \\frac{-a}{b - a}`: a comma list (no `\\quad`) whose every
    piece is a definition head (`_LISTED_HEAD`: a name or `F(x)`, `=`, no other relation)
    is a row per piece — each a definition only if its name is fresh, which the builder
    checks (`heads_only`, else AFTER_COMMA); a list with any other piece is left whole
    (the grammar refuses its comma). Returns the first row and the others."""
    if "," not in main or main.count("=") < 2:
        return main, []
    pieces = top_level_pieces(main)
    if len(pieces) < 2 or not all(_LISTED_HEAD.match(piece) and not _RELATION.search(
            piece[piece.index("=") + 1:]) for piece in pieces):
        return main, []
    starts = [sum(len(p) + 1 for p in pieces[:k]) for k in range(len(pieces))]
    out.heads_only = starts[1] + _lead(pieces[1])
    first = pieces[0] + " " * (len(main) - len(pieces[0]))
    return first, [" " * start + piece for start, piece in zip(starts[1:], pieces[1:])]


def beside(rows, offset):
    """Which of a line's `rows` (`Annotated.rows`) a hypothesis at `offset` stands beside:
    the row it follows — `A = B \\qquad C = D \\quad \\text{if } c` conditions C = D
    alone, `A = B \\quad \\text{if } c \\qquad C = D` A = B alone; one listed before an
    arrow, before every row, the first."""
    starts = [len(row) - len(row.lstrip()) for row in rows[1:]]
    return sum(start <= offset for start in starts)


def _leading_condition(text, out):
    """`\\text{for } t = 1: \\quad A &= B` (also `\\text{if } …`, `\\text{when } …`; a comma
    and a `\\quad` in place of the colon): a condition heading the row is read as a side
    condition of it (`conditions`) — and so of the chain it starts, and of every other row
    of the line (`Annotated.headed`) — and blanked."""
    m = _LEADING_CONDITION.match(text)
    if m is None or _depth(text, m.start("sep")) != 0:
        return text
    for offset, relation in conditions(m.group("cond"), m.start("cond")):
        out.hypotheses.append((offset, relation))
        out.headed.append(offset)
    return " " * m.end() + text[m.end():]


def _listed_hypotheses(text, out):
    """`a, b > 0 \\Rightarrow …`, `a > 0 \\text{ and } b > 0 \\Rightarrow …`, `(a > 0, b > 0)
    \\Rightarrow …`: hypotheses listed before a top-level arrow are read as a side
    condition is (`conditions`) and the list with its arrow is blanked; one relation (or a
    chain) before the arrow is left to the grammar."""
    arrows = [m for m in _IMPLIES.finditer(text) if _depth(text, m.start()) == 0]
    if len(arrows) != 1 or _blank(text[:arrows[0].start()]):
        return text
    before = text[:arrows[0].start()]
    inner, at = before, 0
    stripped = before.strip().lstrip("&").strip()
    if stripped.startswith("(") and _closing(stripped, 0) == len(stripped) - 1:
        at = before.index("(") + 1
        inner = " " * at + stripped[1:-1]
    if len(top_level_pieces(inner)) == 1 and not _AND.search(inner) and inner is before \
            and top_level_law(inner) is None:          # `X \sim \mathcal{N}(…)`: not a relation
        return text
    for offset, relation in conditions(inner[at:], at):
        out.hypotheses.append((offset, relation))
    return " " * arrows[0].end() + text[arrows[0].end():]


def _blank(text):
    """Whether a piece of a row holds no math: only spaces, `&` and spacing commands."""
    return not re.sub(r"&|\\[ ,;:!]|~|\\q?quad(?![a-zA-Z])|\\hspace\s*\{[^{}]*\}", "",
                      text).strip()


def _side(piece):
    """(kind, text, offset in piece) of what follows a \\quad."""
    piece = _plain_brackets(_unstyled(piece))
    stripped = piece.strip()
    lead = len(piece) - len(piece.lstrip())
    if not stripped:
        return "spacing", "", 0
    text = _TEXT.match(stripped) or _WORD.match(stripped)
    if text is not None:
        end = _closing(stripped, text.end() - 1)
        words = stripped[text.end():end]
        rest = stripped[end + 1:]
        if _CONDITION.match(words) and rest.strip():
            if _local_definition(words, rest):
                return "definition", rest.strip(), lead + end + 1 + len(rest) - len(rest.lstrip())
            if _EVERY.match(words) and _names_only(rest):
                return "remark", stripped, lead       # for every a: what every row claims
            return "condition", rest, lead + end + 1
        inside = _MATH_IN_TEXT.fullmatch(words)
        if inside and _CONDITION.match(inside.group("words")) and not rest.strip():
            if _EVERY.match(inside.group("words")) and _names_only(inside.group("math")):
                return "remark", stripped, lead
            return "condition", inside.group("math"), lead + text.end() + inside.start("math")
        _refuse_relations_in_text_math(words, lead + text.end())
        if _CASE_WORDS.match(words):
            raise RemarkError(f"a case condition in words ({words.strip()}) is not read here "
                              "(only in cases, beside one other case whose condition is one "
                              "relation — never a chain, a list or words): the row holds only "
                              "where it does — write the condition as a relation "
                              "(\\text{if } x < 0)", lead + text.end())
        sign = _SIGNED.match(words)
        if sign is not None and rest.strip():
            return "condition", f"{rest} {SIGNS[sign.group(1).replace('-', '')]}", lead + end + 1
        if _without_text(rest).strip() and not _parenthesised(words, rest):
            if _REASON.match(words):
                return "reason", " ".join(stripped.split()), lead
            raise RemarkError("a remark \\text{…} followed by math is not read: write "
                              "\\text{for } a > 0 for a hypothesis", lead + end + 1)
        return ("reason" if _may_assume(words) else "remark"), stripped, lead
    if stripped.startswith("(") and _closing(stripped, 0) == len(stripped) - 1:
        inner = stripped[1:-1]
        opened = inner.lstrip()
        worded = _TEXT.match(opened) or _WORD.match(opened)
        if worded is not None and _CONDITION.match(
                opened[worded.end():_closing(opened, worded.end() - 1)]):
            # `(\text{for } x > 0)`: the condition in words, as without the parentheses
            kind, found, at = _side(inner)
            return kind, found, lead + 1 + at
        if _DEFINITION_HEAD.match(inner):
            return "definition", inner, lead + 1
        if _TAG.match(inner) or not _without_text(inner).strip():
            return ("reason" if _may_assume(inner) else "remark"), inner, lead
        return "condition", inner, lead + 1
    quantified = _FORALL_BOUND.match(stripped)
    if quantified is not None:                     # `\\quad \\forall a > 0`: for every a > 0
        return "forall", stripped[quantified.end():], lead + quantified.end()
    own = _OWN_RANGE.match(stripped)
    if own is not None and _letter(own.group("var")) == _letter(own.group("set")).lower():
        return "remark", stripped, lead          # for every x of its own range: every row is
    quantifier = _FORALL_ANY.match(stripped)
    if quantifier is not None:             # `\\forall x \\in [a, b]`: for every such x
        rest = stripped[quantifier.end():]
        if not re.search(r"\\in(?![a-zA-Z])", rest) and not _RELATION.search(rest):
            raise RemarkError("derive reads \\forall after a row only with its condition "
                              "(\\forall x \\ge 0, \\forall a \\le x \\le b, \\forall x \\in "
                              "[a, b]): a bare \\forall x claims what every row does — leave "
                              "it out", lead)
        return "forall", rest, lead + quantifier.end()
    if _BARE_CONDITION.match(stripped) or _BOUND_CHAIN.match(stripped):
        return "condition", stripped, lead
    law = top_level_law(stripped)
    if law is not None and _NAME.match(stripped[:law]):     # `\quad X \sim \mathcal{N}(0, 1)`
        return "condition", stripped, lead
    listed = [p for p in top_level_pieces(stripped) if p.strip()]
    if len(listed) > 1 and _RELATION.search(stripped) and all(
            _BARE_CONDITION.match(p) or _BOUND_CHAIN.match(p) or _NAME.match(p) for p in listed):
        return "condition", stripped, lead            # `a > 0, b > 0`, `0 < a, 0 < b`
    if len(listed) > 1 and all(_RELATION.search(p) for p in listed):
        raise RemarkError(LISTED, lead)               # no row has a comma: never a row
    if _RELATION.search(stripped):
        return "row", stripped, lead
    return "math", lead, lead


def _local_definition(words, math):
    """Whether `\\text{where } …` (`with`) heads a definition: a name's head and one `=`
    (`M = \\tfrac12(P + Q)`, `m = \\frac{a+b}{2}`, `g(t) = t^2`), with no other relation
    after it. The builder defines the name for this row only when it is fresh; about a name
    the file knows it is the row's hypothesis, as before."""
    if _LOCAL_WORDS.match(words) is None:
        return False
    head = _LOCAL_HEAD.match(math)
    return head is not None and head.group(0).rstrip().endswith("=") and \
        _RELATION.search(math[head.end():]) is None and "\\text" not in math


def disclaims(remark):
    """Whether the words of a remark beside a row negate or disclaim it (`_NEGATED`:
    `\\text{is false}`, `\\text{does not hold}`, `\\text{(wrong)}`, a cross mark
    `\\xmark`, ✗): the row is then not claimed. A reason (`\\text{since } b \\ne 0`)
    is read as the leading label's reason is, by `_REASON` (it refutes nothing)."""
    if _CROSS.search(remark):
        return True
    words = re.sub(r"\\[a-zA-Z]+", " ", remark)
    return not _REASON.match(words.lstrip(" ({")) and _NEGATED.search(words) is not None


def _disclaimed(remark, at):
    """Refused when a remark beside a row (at offset `at`: after a \\quad, a tag, a label
    stacked on its relation) disclaims it (`disclaims`): setting the words aside would
    check the row as a claim — a false row "refuted" that its author never claimed."""
    said = " ".join(remark.split())
    if REQUIRING.match(re.sub(r"\\[a-zA-Z]+\s*|[{}]", " ", remark)):
        raise RemarkError(f"the words beside this row ({said}) say its relation is required "
                          f"(set equal, wanted, the first-order condition), not claimed: derive "
                          f"reads that only before \\Rightarrow (d/d\\lambda L "
                          f"\\overset{{\\text{{set}}}}{{=}} 0 \\Rightarrow …); write the row "
                          f"that is claimed", at)
    if not disclaims(remark):
        return
    raise RemarkError(f"the words beside this row ({said}) negate or disclaim it, and derive "
                      f"does not read them: the row is not claimed as written — leave it out, "
                      f"or write what is claimed (a \\ne b)", at)


def _names_only(math):
    """Whether math is a list of names (`a`, `a, b`): a quantifier's variables."""
    return all(_NAME.match(piece) for piece in top_level_pieces(math))


def _parenthesised(words, rest):
    """Whether a remark opens its parenthesis in text and closes it in text
    (`\\text{(Pearson } \\chi^2\\text{)}`): a note about the row, set aside whole."""
    return words.lstrip().startswith("(") and re.search(r"\)\s*\}\s*$", rest) is not None


def _refuse_relations_in_text_math(words, offset):
    """Math inside a remark's text (`\\text{when $x = 1$}`) that states a relation would be
    a hypothesis set aside unread: refused, unless written `\\text{for $x = 1$}`."""
    for m in re.finditer(r"\$(?P<math>[^$]*)\$", words):
        if _RELATION.search(m.group("math")):
            raise RemarkError("a remark whose math states a relation is not read: write "
                              "\\text{for $t < 1$} (or \\text{for } t < 1) for a hypothesis",
                              offset + m.start("math"))


def _without_text(text):
    """The text with every `\\text{…}` group removed (what is math in a remark), and the
    line breaks `\\\\` between them (a remark set on two lines in a braced group)."""
    while True:
        m = _TEXT.search(text)
        if m is None:
            return re.sub(r"\\\\(\[[^\]]*\])?", " ", text)
        end = _closing(text, m.end() - 1)
        text = text[:m.start()] + text[end + 1:] if end > 0 else text[:m.start()]


# a side condition listing the values where a row holds: `x = 1, 2, \dots`, `k = 0, 1,
# \ldots, n`, `x \in \{1, 2, \dots\}` — a mass function's support, not a relation
_VALUE_LIST = re.compile(r"\s*" + _NAME_TEXT + r"(?:=|\\in\b)\s*(?:\\left)?\\?\{?\s*"
                         r"-?\d+\s*,[^<>]*(?:\\[lc]?dots\b|\.\.\.)")
VALUE_LIST = ("a side condition listing values (x = 1, 2, \\dots; x \\in \\{0, 1, \\dots\\}; "
              "k = 0, 1, \\dots, n) is not read: it says where the row's formula holds — the "
              "support of a mass function the row defines — and derive reads no definition "
              "restricted to a list of values; state the law in a directive")


def conditions(text, offset):
    """[(offset, relation text)] of a side condition: `a, b > 0` → `a > 0`, `b > 0` (one
    bound shared by the names listed before it); `a \\in (0, 1]` → `a > 0`, `a \\le 1`.
    `\\text{ and }` separates like a comma. Anything else is a `RemarkError` at its
    position — never dropped. A bound shared by the names after it (`0 < a, b`) stops at a
    conjunction, which joins whole statements: `a > b \\land c > 0` is a > b and c > 0,
    where `a > b, c > 0` (b, c in (0, a)?) is refused as ambiguous."""
    listed = _VALUE_LIST.match(text)
    if listed is not None:
        raise RemarkError(VALUE_LIST, offset + len(text) - len(text.lstrip()))
    qualifier = _qualifier_in(text)
    if qualifier is not None:
        raise RemarkError(QUALIFIED_PREMISE.format(qualifier.group(0).strip()),
                          offset + qualifier.start())
    joins = {m.start() for m in _AND.finditer(text)}
    text = _AND.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text)
    text = re.sub(r"\\[ ,;:!]|~", lambda m: " " * len(m.group(0)), text)
    out, names, start, shared = [], [], 0, None
    for piece in top_level_pieces(text):
        at = offset + text.index(piece, start)
        start = at - offset + len(piece)
        if at - offset - 1 in joins:
            shared = None
        member = _MEMBER.match(piece)
        if top_level_law(piece) is not None and not names:    # `X \sim \mathcal{N}(0, 1)`
            out.append((at, piece))
            shared = None
        elif member is not None:
            for name, name_at in names + [(member.group("name"), at)]:
                out += [(name_at, f"{name} {bound}") for bound in _interval(member, at)]
            names, shared = [], None
        elif _RELATION.search(_without_text(piece)):
            relation = _LIST_RELATION.match(piece)
            if ambiguous_after_shared(shared, piece):
                raise RemarkError(AMBIGUOUS_SHARED, at + _lead(piece))
            if relation is not None:
                out += [(name_at, name + relation.group("rest")) for name, name_at in names]
            elif names:
                raise RemarkError("a list of names shares one bound: a, b > 0", names[0][1])
            out.append((at, piece))
            names = []
            shared = shared_bound(piece)            # `0 < a, b`: the names after share it
        elif _NAME.match(piece) and shared is not None:
            out.append((at, shared[0] + piece))
            shared[1].append(piece.strip())
        elif _NAME.match(piece):
            names.append((piece, at))
        else:
            raise RemarkError("derive reads a side condition as a relation (a > 0, t \\le 1) or "
                              "as a \\in (0, \\infty); not this", at + _lead(piece))
    if names:
        raise RemarkError("derive reads a side condition as a relation (a > 0, t \\le 1) or "
                          "as a \\in (0, \\infty); not this", names[0][1])
    return out


def ambiguous_after_shared(shared, piece):
    """Whether a name's bound `piece` (`b < 1`) after a bound shared by the names listed
    after it (`shared`: the bound `0 <` of `0 < a` and those names; None: no such bound)
    makes the list ambiguous — the shared bound may or may not extend to b, and b's bound
    to a. Not when the piece mentions the shared piece's bound or names: a chain of
    relations (`0 < a, a < 1`, `b > a, c > b`) or the bound restated (`0 < a, b > 0`)."""
    relation = _LIST_RELATION.match(piece)
    if shared is None or relation is None:
        return False
    bound = re.fullmatch(r"\s*(?P<value>.*?)\s*" + INEQUALITY + r"\s*", shared[0])
    operand = re.sub(INEQUALITY, "", relation.group("rest"), count=1).strip()
    return not {piece[:relation.start("rest")].strip(), operand} & \
        {*shared[1], bound.group("value")}


def shared_bound(piece):
    """(the bound `0 <`, [its name `a`]) of a piece `0 < a` whose bound the names listed
    after it share, or None."""
    found = _SHARED_BOUND.match(piece)
    return (found.group("bound"), [piece[found.end("bound"):].strip()]) \
        if found is not None else None


def _interval(member, at):
    """The bounds `> 0`, `\\le 1` that membership in an interval (or ℝ_{>0}) states."""
    if member.group("set") is not None:
        positive = _POSITIVE_SET.match(member.group("set"))
        if positive is None:
            raise RemarkError("derive reads a \\in (0, \\infty), [0, 1], \\mathbb{R}_{>0} or "
                              "\\mathbb{R}_{\\ge 0} beside a row; for other sets declare the "
                              "name (% derive: real a)", at + member.start("set"))
        return [positive.group(1).replace("\\geq", "\\ge") + " 0"]
    bounds = []
    low, high = member.group("low").strip(), member.group("high").strip()
    if low not in ("-\\infty", "- \\infty"):
        bounds.append(("\\ge " if member.group("open") == "[" else "> ") + low)
    if high not in ("\\infty", "+\\infty", "+ \\infty"):
        bounds.append(("\\le " if member.group("close") == "]" else "< ") + high)
    if not bounds:
        raise RemarkError("a \\in (-\\infty, \\infty) states only that a is real, which "
                          "derive does not take as a hypothesis: declare it (% derive: real a)",
                          at + member.start("low"))
    return bounds


def top_level_pieces(text):
    """The comma-separated pieces of `text`, commas inside brackets kept."""
    pieces, depth, current = [], 0, ""
    for i, ch in enumerate(text):
        escaped = i and text[i - 1] == "\\"
        if ch in "([{" and not escaped:
            depth += 1
        elif ch in ")]}" and not escaped:
            depth -= 1
        if ch == "," and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += ch
    pieces.append(current)
    return pieces


def _lead(text):
    return len(text) - len(text.lstrip())


def _hence(text, out):
    """`\\therefore` or words saying "hence" (`_HENCE_WORDS`) at the start of a row (after
    `&` or spacing) blanked: the row follows from what stands above it, as one led by
    `\\Rightarrow` (`Annotated.hence`, `chains.ChainBuilder._hence_premise`)."""
    m = _THEREFORE.match(text)
    if m is None or (m.group("words") is not None and not _HENCE_WORDS.match(m.group("words"))):
        return text
    out.hence = True
    return text[:m.start(1)] + " " * len(m.group(1)) + text[m.end(1):]


def _label(text, out):
    """A leading `\\text{words}` label blanked — unless its words may change what the row
    claims (`_NO_LABEL`): refused (round 19, atkJ #10: `\\text{It is false that }`,
    `\\text{Suppose that }`, `\\text{We do not claim }` were set aside and the row claimed);
    led by a reason word (`\\text{By assumption, }`, `\\text{since } … \\text{ is not 0}`)
    they are the row's reason (`out.reasons`: checked without it, refuting nothing)."""
    m = _TEXT.match(text.lstrip())
    if m is None:
        return text
    lead = len(text) - len(text.lstrip())
    end = _closing(text, lead + m.end() - 1)
    words = text[lead + m.end():end]
    if " " not in words.strip() and ":" not in words:
        return text
    _refuse_relations_in_text_math(words, lead + m.end())
    if _NO_LABEL.search(words) or qualifies(words):
        if not _REASON.match(words):
            raise RemarkError(NOT_A_LABEL.format(" ".join(words.split())), lead)
        out.reasons.append((lead, " ".join(words.split())))
    return " " * (end + 1) + text[end + 1:]


def may_head(text):
    """Whether a line derive could not read may state the condition of the line below it
    (`builder.Builder.row`): it ends with a colon (`\\text{Suppose } t = 1:`), or starts
    with words and ends with a stop (`\\text{Assume } t = 1.`), or its leading words are
    no label (`_NO_LABEL`: `\\text{Suppose that } t = 1`)."""
    tail = _SPACING_END.sub("", text[-200:])          # a line of any length: its end only
    if _COLON_END.search(tail):
        return True
    head = text.lstrip(" \t\n&")
    m = _TEXT.match(head)
    return m is not None and (re.search(r"[.;,]\s*$", tail) is not None or _NO_LABEL.search(
        head[m.end():_closing(head, m.end() - 1)]) is not None)


def _forall(text):
    """`\\forall x \\in X,` over x's own range (`\\mathrm{x}`, `\\mathcal{X}`) blanked; any
    other `\\forall` would state a domain, which is declared, not remarked."""
    m = _FORALL.match(text)
    if m is None:
        if re.match(r"\s*\\forall(?![a-zA-Z])", text):
            raise RemarkError("derive reads \\forall x \\in X, only over a variable's own range; "
                              "declare the domain instead (% derive: real t)", text.index("\\"))
        return text
    if _letter(m.group("var")) != _letter(m.group("set")).lower():
        raise RemarkError("derive reads \\forall x \\in X, only over a variable's own range; "
                          "declare the domain instead (% derive: real t)", m.start("set"))
    return " " * m.end() + text[m.end():]


def _letter(name):
    """`\\mathrm{x}` → x, `\\mathcal{X}` → X: a name without its font."""
    inner = re.sub(r"\\[a-zA-Z]+\s*\{([^{}]*)\}", r"\1", name)
    return inner.strip()


def _decorations(text, reasons, named):
    """The row with its decorations blanked (see the module's docstring); a reason after
    `\\because` that derive does not read is put in `reasons` as (offset, text), and a
    brace's label naming what it spans in `named` (`_naming_label`)."""
    searched = 0
    while True:
        m = _DECORATION.search(text, searched)
        if m is None:
            return text
        kind, at = m.group(1), m.end()
        if kind == "because":
            text = _because(text, m.start(), reasons)
            searched = m.end()
            continue
        if text[at:at + 1] != "{" or _closing(text, at) < 0:
            raise RemarkError(f"\\{kind} is read with its argument in braces: \\{kind}{{…}}",
                              m.start())
        end = _closing(text, at)
        if kind in ("underset", "overset") and stacked_relation(text, end + 1) is not None:
            searched = end + 1         # a label on a relation: `wrappers` reads it
            continue
        if kind == "overset":          # over a brace: the brace's label, set aside
            after = len(text) - len(text[end + 1:].lstrip())
            if text[after:after + 1] == "{" and _BRACED.match(text, after + 1):
                # the label, and the braces around the brace: it stands where `\\overset` did,
                # and is checked beside a factor as `\\overbrace{X}^{L}` is
                closing = _closing(text, after)
                text = _spaces(_spaces(_spaces(text, m.start(), end + 1), after, after + 1),
                               closing, closing + 1)
            searched = end + 1         # over anything else: read (or refused) as it was
            continue
        if kind == "underset":
            text = _underset(text, m.start(), at, end)
            continue
        if kind == "underbrace" or kind == "overbrace":
            label = _group_after(text, end + 1, "_" if kind == "underbrace" else "^")
            _one_quantity(text, m.start(), at, end, label or end + 1)
            if label is not None:
                named.extend(_naming_label(text, m.start(), at, end, label))
            text = _spaces(text, m.start(), at)              # the group `{X}` stays
            if label is not None:
                text = _spaces(text, end + 1, label)
            continue
        text = _spaces(text, m.start(), end + 1)             # the colour, the label
        start = len(text) - len(text[end + 1:].lstrip())
        close = _closing(text, start) if text[start:start + 1] == "{" else -1
        if close > 0:                      # `\color{red}{X}`: X as TeX prints it, no brackets
            text = _spaces(_spaces(text, start, start + 1), close, close + 1)
        before = text[:m.start()].rstrip()
        if before.endswith("{") and not before.endswith("\\{") and not _argument(before):
            opening = len(before) - 1               # `{\color{red} X}`: the colour's group
            closing = _closing(text, opening)
            if closing > 0:
                text = _spaces(_spaces(text, opening, opening + 1), closing, closing + 1)


def _underset(text, start, at, end):
    """`\\underset{L}{X}` (not over a relation) with the label at `at`…`end`: under an
    operator (`\\underset{x \\sim q}{\\mathbb{E}}`, `\\underset{t \\to 0}{\\lim}`,
    `\\underset{\\theta}{\\max}`) L is the operator's subscript — written `{X}_{L}`, as
    `\\mathop{X}_{L}` is read; a label in words under anything else is set aside (`{X}`
    stays), and so is any label under a brace (`\\underset{\\log x \\le x - 1}{\\underbrace{X}}`:
    the brace's label, as `\\underbrace{X}_{L}` is); math under a quantity is refused (a
    subscript, or a remark?)."""
    first = len(text) - len(text[end + 1:].lstrip())
    close = _closing(text, first) if text[first:first + 1] == "{" else -1
    if close < 0:
        raise RemarkError("\\underset is read with both arguments in braces: "
                          "\\underset{…}{…}", start)
    label, body = text[at + 1:end], text[first + 1:close].strip()
    if _OPERATOR.match(body):
        # `\arg\max` is two tokens of one operator: no braces between them and its subscript
        written = (body if body.startswith("\\arg") else "{" + body + "}") + "_{" + label + "}"
        return text[:start] + " " * (close + 1 - start - len(written)) + written + \
            text[close + 1:]
    if not _WORDS_ONLY.match(label) and not _BRACED.match(body):
        raise RemarkError("\\underset{…}{X} with math under a quantity: derive reads it "
                          "under an operator (\\underset{x \\sim p}{\\mathbb{E}}, its "
                          "subscript) or a relation, and a label in words; write X_{…} or a "
                          "remark", start)
    if _BRACED.match(body):             # the brace stands where `\\underset` did (its checks)
        text = _spaces(_spaces(text, first, first + 1), close, close + 1)
    return _spaces(text, start, end + 1)


def _argument(before):
    """Whether the `{` ending `before` opens a command's argument (`\\frac{a}{`, `x^{`), not
    a group of its own (`e^{-x} {`)."""
    j, skipped = len(before) - 2, False
    while j >= 0:
        if before[j].isspace():
            j -= 1
        elif before[j] == "}":                      # step back over a whole group
            depth = 0
            while j >= 0:
                depth += {"}": 1, "{": -1}.get(before[j], 0)
                j -= 1
                if depth == 0:
                    break
            skipped = True
        elif before[j] in "^_":
            return not skipped
        else:
            return bool(re.search(r"\\[a-zA-Z]+$", before[:j + 1]))
    return False


def _one_quantity(text, start, at, end, after):
    """Refuse a sum under `\\underbrace` where brackets would change it (after a factor or
    '-', before a factor): TeX prints none, so the grouping the brace suggests is a guess."""
    inner, depth = text[at + 1:end], 0
    signed = False
    for i, ch in enumerate(inner):
        if ch in "{([" and (i == 0 or inner[i - 1] != "\\"):
            depth += 1
        elif ch in "})]" and (i == 0 or inner[i - 1] != "\\"):
            depth -= 1
        elif ch in "+-" and depth == 0:
            signed = True
    if signed and not (_ALONE_BEFORE.search(text[:start]) and _ALONE_AFTER.match(text[after:])):
        raise RemarkError("a sum under a brace beside a factor or after '-' is ambiguous (TeX "
                          "prints no brackets): write them, \\underbrace{(a + b)}_{…}", start)


def _naming_label(text, start, at, end, label):
    """[(offset, text)] for a brace whose label names a quantity (`NAME(…)`:
    `\\underbrace{X}_{F(q, \\theta)}`, `_{D_{KL}(q \\| p)}`) spanning a whole term of a side
    at the row's top level (no binder, factor or bracket around it, so X reads alone as it
    reads in the row): the row blanked but for `X := NAME(…)` at the same offsets. Empty
    for any other label (words, a relation `_{= 0}`, a letter), set aside as before."""
    mark = len(text) - len(text[end + 1:].lstrip())
    inner = text[mark + 1:label]
    braced = inner.lstrip().startswith("{") and inner.rstrip().endswith("}")
    name = inner.strip()[1:-1] if braced else inner.strip()
    if mark != end + 1 or not _NAMING.fullmatch(name) or _depth(text, start) or \
            not (_ALONE_BEFORE.search(text[:start]) and _ALONE_AFTER.match(text[label:])):
        return []
    first = text.index(name, mark + 1)
    written = (" " * (at + 1) + text[at + 1:end] + ":=" + " " * (first - end - 2) + name)
    return [(start, written + " " * (len(text) - len(written)))]


def _group_after(text, at, mark):
    """The end (exclusive) of `mark{…}` or `mark` and one character after `at`, or None."""
    start = len(text) - len(text[at:].lstrip())
    if text[start:start + 1] != mark:
        return None
    body = len(text) - len(text[start + 1:].lstrip())
    if text[body:body + 1] == "{":
        close = _closing(text, body)
        return None if close < 0 else close + 1
    token = re.match(r"\\[a-zA-Z]+|.", text[body:])
    return body + len(token.group(0)) if token else None


def _because(text, at, reasons):
    """`\\because` and the words after it blanked, to the end of its line or the next
    top-level `\\quad` (what follows is the row going on — a continuation row joined to it,
    `&\\quad - 1` — or a row of its own, `\\qquad C = D`: never swallowed); a reason in math
    (or a sentence about a letter) goes to `reasons`: derive neither checks nor uses it, so
    the row may rest on it. Inside brackets it is refused (it is no reason for a row)."""
    if _depth(text, at):
        raise RemarkError("derive reads \\because only at the end of a row: write a hypothesis "
                          "of the row as \\quad (t > 0), a claim as a row of its own", at)
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    quad = next((m.start() for m in _QUAD.finditer(text, at, end)
                 if _depth(text, m.start()) == 0), end)
    rest = text[at + len("\\because"):quad]
    if not (_WORDS_ONLY.match(rest) or _sentence(rest)):
        reasons.append((at, " ".join(text[at:quad].split())))
    return _spaces(text, at, quad)


def _sentence(reason):
    """Whether a reason is a sentence whose math names nothing (`\\text{by } (3)`): words
    in `\\text{…}`, and outside them no letter. A sentence about a letter of the row
    (`a \\text{ is positive}`, `-\\log(x) \\text{ is convex}`) may state a hypothesis in
    words, which derive would neither check nor use while the row depends on it: refused."""
    words = _TEXT_BLOCK.findall(reason)
    math = _SPACING.sub(" ", _TEXT_BLOCK.sub(" ", reason))
    letters = [w for w in words if _TEXT_LETTER.fullmatch(w)]    # `\\text{a}` is the letter a
    return any(re.search(r"[A-Za-z]{2,}", w) for w in words) and not letters and \
        not re.search(r"[A-Za-z]", math)


_TEXT_LETTER = re.compile(r"\\(?:text|textrm|mbox)\s*\{\s*[A-Za-z]\s*\}")
_TEXT_BLOCK = re.compile(r"\\(?:text|textrm|mbox)\s*\{[^{}$]*\}")
_SPACING = re.compile(r"\\(?:q?quad|[,;:! ])")


def _spaces(text, start, end):
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


# The end of a proof, at the end of its last row: `Q.E.D.`, `\\qed`, `\\blacksquare`, `\\square`,
# `\\Box`, `∎` (after spacing or an alignment `&`).
_END_OF_PROOF = re.compile(r"(?:(?<=[\s&])|^)(?:Q\.\s*E\.\s*D\.?|\\(?:qed|blacksquare|square|Box)"
                           r"(?![a-zA-Z])|∎|□)\s*[.]?\s*$")


def _units(text, out):
    """The row with a unit `\\text{ nats}` (`bits`) and a proof's end mark (`Q.E.D.`,
    `\\qed`, `∎`) at its end blanked; the unit noted in `out.unit`, for the builder to check
    against the file's (nats unless it reads information in bits)."""
    end = _END_OF_PROOF.search(text)
    if end is not None and _depth(text, end.start()) == 0:
        text = text[:end.start()] + " " * (len(text) - end.start())
    text = _units_before_relations(text, out)
    m = _UNIT_REMARK.search(text)
    if m is None or _depth(text, m.start()) != 0:
        _unit_inside(text, out)
        return text
    units = {unit for unit, words in _UNIT_WORDS.items() if words.search(m.group("words"))}
    if not units:
        return text
    if len(units) > 1:
        raise RemarkError("this remark names both bits and nats: say in which unit the "
                          "row's value is", m.start("words"))
    unit = units.pop()
    if out.unit is not None and out.unit[1] != unit:
        raise RemarkError("this row names both bits and nats: say in which unit its values "
                          "are", m.start("words"))
    out.unit = (m.start(), unit)
    return text[:m.start()] + " " * (len(text) - m.start())


# A unit alone in text right before a relation of the row (`= 1.5 \text{ bits} \approx 1.58`):
# the value before it is in that unit, as at the row's end.
_UNIT_BEFORE_RELATION = re.compile(
    r"\\text(?:rm|normal)?\s*\{\s*(?P<words>bits?|nats?|shannons?)\s*\}(?=(?:\s|\\[,;:! ]|"
    r"\\q?quad(?![a-zA-Z]))*(?:=|<|>|\\(?:approx|le|leq|ge|geq|lt|gt|ne|neq)(?![a-zA-Z])))")


def _units_before_relations(text, out):
    """The row with each unit alone in text before one of its relations (`1.5 \\text{ bits}
    \\approx 1.58`) blanked, its unit noted in `out.unit` as a unit ending the row is (two
    units in one row are refused)."""
    for m in list(_UNIT_BEFORE_RELATION.finditer(text)):
        if _depth(text, m.start()) != 0:
            continue
        unit = next(u for u, words in _UNIT_WORDS.items() if words.search(m.group("words")))
        if out.unit is not None and out.unit[1] != unit:
            raise RemarkError("this row names both bits and nats: say in which unit its "
                              "values are", m.start())
        out.unit = out.unit or (m.start(), unit)
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _unit_inside(text, out):
    """A remark naming a unit that does not end the line (`H(p) = 1 \\quad \\text{(in nats)}
    \\qquad …`, `… \\quad \\text{(in bits)} \\quad \\text{for } …`) is noted as the row's unit
    too, so a value stated in the other unit is refused, never checked in the file's; the
    remark itself is then set aside as any remark is."""
    units = set()
    for m in re.finditer(r"\\text(?:rm|it|normal)?\s*\{(?P<words>[^{}$]*)\}", text):
        if _depth(text, m.start()) == 0:
            found = {unit for unit, words in _UNIT_WORDS.items() if words.search(m.group("words"))}
            if found and out.unit is None:
                out.unit = (m.start(), sorted(found)[0])
            units |= found
    if len(units) > 1:
        raise RemarkError("this line names both bits and nats: say in which unit its values "
                          "are", out.unit[0])


# What may stand before an equation label ending a row: not a script, nor a command taking
# it as an argument (`x^\text{(9)}`, `\sqrt\text{(9)}`), nor a `\quad` (`_side` reads that).
_BEFORE_LABEL = re.compile(r"(?:[\^_]|\\[a-zA-Z]+)\s*$")
_TRAILING_SPACING = re.compile(r"\\[,;:! ]$")
# A label in math stands apart from the math before it, written after spacing (`D^*(x)
# (公式10)`): right after a name (`f(公式)`) it would stand where an argument does.
_SPACED = re.compile(r"(?:\s|\\[,;:! ]|\\q?quad)$")


def _equation_label(text, out):
    """The row with an equation label at its very end blanked, as `\\tag{9}` is: a
    `\\text{(…)}` whose words are one parenthesis (`\\text{(9)}`, `\\text{ (eq. 3) }`,
    `\\text { (公式9) }`), or a parenthesis in math, after spacing, whose content is no
    math — a letter of a script derive never reads as math (`(公式10)`, CJK) or only words
    in text (`(\\text{eq. 3})`). A parenthesis of math (`(10)`, `(x + 1)`) may be a factor: it is
    never a label here (after a `\\quad` an equation tag `(10)` is, `_side`). A label whose
    words may state a hypothesis (`\\text{(a > 0)}`) is a reason (`Annotated.reasons`)."""
    body = _without_trailing_spacing(text)
    if not body.endswith(("}", ")")) or _depth(body, len(body) - 1) != 1:
        return text
    start = _opening(body, len(body) - 1)
    if start < 0:
        return text
    if body[start] == "{":
        command = re.search(r"\\(?:text(?:rm|it|normal)?|mbox)\s*$", body[:start])
        words = body[start + 1:-1].strip()
        if command is None or not words.startswith("(") or _closing(words, 0) != len(words) - 1:
            return text
        start = command.start()
        _refuse_relations_in_text_math(words, start)
    else:
        words = body[start + 1:-1]
        if not _SPACED.search(body[:start]) or not (
                any(unicodedata.category(c) == "Lo" for c in words) or
                (_TEXT.search(words) and not _without_text(words).strip() and
                 not _TEXT_LETTER.fullmatch(words.strip()))):
            return text
    if _BEFORE_LABEL.search(body[:start]) or not body[:start].strip():
        return text
    _disclaimed(words, start)
    try:
        assumed = _may_assume(words)
    except RemarkError as problem:
        raise RemarkError(problem.message, start) from None
    if assumed:
        out.reasons.append((start, " ".join(body[start:].split())))
    return text[:start] + " " * (len(text) - start)


def _without_trailing_spacing(text):
    """`text` without the spaces and spacing commands (`\\,`, `\\ `) ending it — from the
    end, in time for the spacing only (a row may be a megabyte long)."""
    body = text.rstrip()
    while _TRAILING_SPACING.search(body[-2:]) and not body[:-2].endswith("\\"):
        body = body[:-2].rstrip()
    return body


# A remark in words ending the row (`\text{ nats}`, `\quad \text{(in bits)}`,
# `\quad (\text{bits})`, `\qquad \text{base-2 logarithm}`): when its words name a unit of
# information, it says in which unit the row's value is — checked against the file's, never
# set aside as a remark while the value is checked in the other unit.
_UNIT_REMARK = re.compile(r"(?:\\q?quad(?![a-zA-Z])|\\[,;:! ]|\s)*(?:(?:\\left)?[(\[]\s*)?"
                          r"\\text(?:rm|it|normal)?\s*\{(?P<words>[^{}$]*)\}"
                          r"(?:\s*(?:\\right)?[)\]])?\s*$")
_UNIT_WORDS = {"bits": re.compile(r"(?i)\b(?:bits?|shannons)\b|\bbase[- ]?(?:2|two)\b|"
                                  r"\bbinary log|\blog[- _]?2\b"),
               "nats": re.compile(r"(?i)\bnats?\b|\bbase[- ]?e\b|\bnatural log"),
               "hartleys": re.compile(r"(?i)\b(?:hartleys?|bans|dits?)\b|\bbase[- ]?(?:10|ten)\b|"
                                      r"\b(?:decimal|common) log|\blog[- _]?10\b")}


_SIZED_OPEN = re.compile(r"^\s*(?:\\(?:left|[bB]igg?l?)\s*)?[(\[]")
_SIZED_CLOSE = re.compile(r"(?:\\(?:right|[bB]igg?r?)\s*)?[)\]]\s*$")


# Words that may state a hypothesis about the row's letters (`\\text{for a > 0}`, `\\text{since
# a is positive}`, `(\\text{a positive})`, `\\text{since f is increasing}`): a relation sign, a
# sign word, a word naming an assumption about the laws or the quantities (`\\text{by
# independence}`, `ind`, `(\\text{i.i.d.})`, `\\text{zero mean}`, `\\text{by assumption}`,
# `\\text{by symmetry}`,
# `\\text{Markov}`: E(VW) = E(V)E(W) "by independence" fails for dependent V, W, which is no
# counterexample to what the author claims), or a single letter standing as a word (not the
# English `a`, `A`, `I`).
_ASSUMING = re.compile(r"(?i:[<>=≤≥≠]|\\(?:le|ge|leq|geq|ne|neq|lt|gt)(?![a-zA-Z])|"
                       r"\b(?:positive|negative|non-?negative|non-?positive|non-?zero|"
                       r"greater|less|at least|at most)\b|"
                       r"\b(?:independen\w*|indep|ind|i\.\s*i\.\s*d\b\.?|iid|assum\w*|hypothes\w*|"
                       r"given|markov\w*|stationar\w*|exchangeab\w*|uncorr\w*|"
                       r"symmetr\w*|zero[- ]?means?|means?[- ]zero|cent(?:er|re)d)\b)|"
                       r"(?<![A-Za-z'\\])(?![aAI](?![A-Za-z']))[A-Za-z](?![A-Za-z'])")


def _may_assume(words):
    """Whether a remark in words may state a hypothesis of the row (`_ASSUMING`), or may
    weaken its relation (`_QUALIFIER`: `(mod 3)`, `(up to a constant)`, `(approx.)`, which
    the plain relation implies): then it is a reason (`Step.reasons`: the step is checked
    without it, and refutes nothing), never a remark set aside while a counterexample it
    excludes is reported. A unit of the value (`(degrees)`, `(\\%)`) changes what the row
    says and is an error (`_OTHER_UNITS`)."""
    plain = re.sub(r"\\[a-zA-Z]+\s*\{|[{}]", " ", words)
    unit = _OTHER_UNITS.search(words)
    if unit is not None:
        raise RemarkError(f"a remark naming a unit ({unit.group(0).strip()}) changes the value "
                          "the row states, and derive does not convert units: write the "
                          "value in plain numbers (radians for angles)", 0)
    return _ASSUMING.search(plain) is not None or _QUALIFIER.search(plain) is not None


# Phrases that weaken the relation they stand beside (the plain relation implies it): a
# modulus (`mod 3`, `\\pmod{3}`), a constant left out (`up to a constant`, `+ const`, `+ C`,
# `constant omitted`), an approximation or a limit regime (`approx.`, `approximately`,
# `asymptotically`, `to leading order`, `in the limit`, `for large n`, `a.s.`, `in
# probability`). Only these phrases, as whole words: the same words inside a reason ("constant
# rule", "in order to", "about the origin", "limit of the sum") leave it a plain remark, so a
# false row beside it is refuted.
_QUALIFIER = re.compile(r"(?i)\b(?:p?mod(?:ulo)?|up\s+to|approx(?:imately|\.|\b)|roughly|"
                        r"asymptotic(?:ally)?|a\.\s*s\.|almost\s+(?:surely|everywhere)|"
                        r"in\s+(?:distribution|probability|law|the\s+limit)|for\s+large|"
                        r"(?:to\s+)?(?:leading|first|second|third|\w+-th|\d+\w*|lowest|higher)"
                        r"[\s-]+order(?!\s+(?:condition|statistic|derivative|logic|moment))|"
                        r"lineari[sz]\w*|asympt\w*\.?|approximat\w*|taylor|truncat\w*|"
                        r"neglect\w*|ignor\w*|dropp?\w*\s+(?:the\s+)?(?:higher|small|h\.?o\.?t)|"
                        r"h\.\s*o\.\s*t\.?|stirling|monte[\s-]*carlo|clt|lln|delta[\s-]+method|"
                        r"numerical(?:ly)?|heuristic\w*|"
                        r"congruen\w*|proportional\s+to|"
                        r"const(?:ant)?s?\s+(?:omitted|dropped|ignored|absorbed))(?![A-Za-z])|"
                        r"\+\s*(?:C|const(?:ant)?)(?![A-Za-z])|\\propto|\\approx|\\sim|"
                        r"\\[pb]?mod(?![a-zA-Z])|^\W*const(?:ant)?\W*$")
# A qualifier written in a condition (`\\text{for } n = 1 \\text{ (mod 3)}`), or beside a row
# that would be a premise or a definition: the plain relation says more than the author did,
# so it is never assumed.
QUALIFIED_PREMISE = ("a qualified relation ({}) is no premise, condition or definition: the "
                     "plain relation says more than it, and derive does not read the "
                     "qualifier — state the exact relation, or claim the row alone")
_TEXT_WORDS = re.compile(r"\\(?:text(?:rm|it|normal)?|mbox)\s*\{(?P<words>[^{}]*)\}")


def bounds_in_reason(reason):
    """The relations of a reason in words whose math is only bounds on bare names
    (`\\text{; Because }\\beta,\\delta\\geq 0` → `\\beta \\geq 0`, `\\delta \\geq 0`, split as
    after a `\\quad`, where such a list is a hypothesis: `conditions`), else None."""
    m = re.match(r"^\s*" + _TEXT.pattern + r"(?P<words>[^{}$]*)\}\s*(?P<math>.+?)\s*$", reason)
    if m is None or not _REASON.match(m.group("words")):
        return None
    math = m.group("math")
    if not (_BARE_CONDITION.match(math) or _BOUND_CHAIN.match(math)):
        return None
    try:
        return [relation for _, relation in conditions(math, 0)]
    except RemarkError:
        return None


def qualifies(words):
    """Whether a remark in words weakens the relation beside it (`_QUALIFIER`: `(mod 3)`,
    `(up to a constant)`, `(approx.)`): the row then holds as a claim when the plain relation
    does, but is never a premise, condition or definition (`QUALIFIED_PREMISE`)."""
    return _QUALIFIER.search(re.sub(r"\\[a-zA-Z]+\s*\{|[{}]", " ", words)) is not None


def says_how(words):
    """Whether words set aside as a label — one stacked on a relation
    (`\\overset{\\text{up to const}}{=}`), an equation tag (`\\tag{mod 3}`) — say how the
    relation holds: a qualifier (`qualifies`) or a unit of information (`in bits`). Such a
    label gets the treatment of the same words beside the row, never that of a reason's
    name set aside."""
    return qualifies(words) or disclaims(words) or any(
        w.search(words) for w in _UNIT_WORDS.values())


def _stacked_qualifiers(text, out):
    """A qualifier stacked on a relation (`n \\overset{\\text{(mod 3)}}{=} 4`,
    `\\underset{\\text{approx.}}{=}`) is the same remark as written beside the row: a
    reason of the row (`out.reasons`: it refutes nothing, and is never a definition or the
    premise of a row below), an error before the row's `\\Rightarrow` (a premise); a unit
    (`\\overset{\\text{bits}}{=}`) is the row's unit (`out.unit`). `wrappers` then sets
    the label aside as any stacked reason."""
    for m in _STACKED_LABEL.finditer(text):
        close = _closing(text, m.end() - 1)
        if close < 0 or stacked_relation(text, close + 1) is None:
            continue
        words = text[m.end():close]
        _disclaimed(words, m.start())
        if _assumes(words, m.start()) or _unknown_words(words):
            out.reasons.append((m.start(), " ".join(words.split())))
        elif qualifies(words):
            if any(a.start() > m.start() and _depth(text, a.start()) == 0
                   for a in _IMPLIES.finditer(text)):
                raise RemarkError(QUALIFIED_PREMISE.format(" ".join(words.split())), m.start())
            out.reasons.append((m.start(), " ".join(words.split())))
        units = {unit for unit, w in _UNIT_WORDS.items() if w.search(words)}
        if units and out.unit is None:
            if len(units) > 1:
                raise RemarkError("this label names both bits and nats: say in which unit "
                                  "the row's value is", m.start())
            out.unit = (m.start(), units.pop())


_STACKED_LABEL = re.compile(r"\\(?:stackrel|overset|underset)\s*\{")


def _assumes(label, at):
    """Whether the words of a label stacked on a relation (`stacked_words`: in text or typed
    in math, tags aside) may state a hypothesis of the row — `\\stackrel{ind}{=}`,
    `\\stackrel{iid/zero\\ mean}{=}`, `\\overset{\\text{by independence}}{=}`,
    `\\stackrel{\\text{since f is convex}}{\\le}` (`_may_assume`, as beside the row): the
    row's reason then, checked without it — a counterexample it may exclude refutes
    nothing. A reason's name (`\\text{Jensen}`) or a tag (`(a)`) stays a remark."""
    words = stacked_words(label)
    try:
        return words is not None and _may_assume(words)
    except RemarkError as problem:              # a unit: at the label
        raise RemarkError(problem.message, at) from None


# The names of exact lemmas and operations a label may cite and stay a remark, set aside
# (a false row under it is refuted): any other words on a relation are its reason
# (`_unknown_words`). A reference (`by (3)`, `eq. 2`) is such a name.
_EXACT_NAME = (r"(?:jensen'?s?|cauchy[\s-]*schwar[zt]z?|c-s|bayes'?|linearity|linear|def(?:inition|n)?\.?|"
               r"expand(?:ing|ed)?|expansion|algebra|simplif\w*|factori[sz]\w*|rearrang\w*|"
               r"substitut\w*|subst\.?|holder|hölder|minkowski|triangle(?:\s+inequality)?|am-gm|"
               r"gm-am|chebyshev|fubini|tonelli|chain\s+rule|product\s+rule|quotient\s+rule|"
               r"sum\s+rule|tower(?:\s+property)?|lotus|gibbs|log[\s-]*sum|"
               r"integration\s+by\s+parts|by\s+parts|ibp|l'?h[oô]pital|telescop\w*|"
               r"change\s+of\s+variables?|normali[sz]ation|pythagoras|binomial(?:\s+theorem)?|"
               r"distributivity|commutativity|associativity|inequality|lemma|theorem|thm\.?|"
               r"eq\.?|equation|\(?[0-9]+[a-z]?\)?|\([a-z]{1,4}\)|above|below)")
_EXACT_LABEL = re.compile(r"(?i)^\W*(?:(?:by|from|using|via|of|the|and|apply(?:ing)?|use|see|"
                          r"\+|&|,|/)\s*)*" + _EXACT_NAME +
                          r"(?:\s*(?:(?:by|from|using|via|of|the|and|\+|&|,|/|'s)\s*)*"
                          + _EXACT_NAME + r")*\W*$")


def _unknown_words(label):
    """Whether a label stacked on a relation says words derive does not know — not a tag
    (`(a)`, `\\star`) nor the name of an exact lemma or operation (`_EXACT_LABEL`:
    `\\text{Jensen}`, `Bayes`, `def`, `expand`, `by (3)`): `\\overset{\\text{Stirling}}{=}`,
    `\\overset{\\text{Laplace}}{=}` may say the relation holds only approximately, so
    they are the row's reason — a proof still verifies, a counterexample refutes nothing."""
    words = stacked_words(label)
    return words is not None and _EXACT_LABEL.match(words) is None


def _qualifier_in(text):
    """The match of a qualifier in a condition's math: words in `\\text{…}` (`(mod 3)`,
    `(approximately)`) or a modulus command (`\\pmod{3}`, `\\bmod`); None if there is none."""
    for m in _TEXT_WORDS.finditer(text):
        if qualifies(m.group("words")):
            return m
    return re.search(r"\\[pb]?mod(?![a-zA-Z])|\\approx(?![a-zA-Z])", text)


# Units of a value other than information's (bits, nats: `_units`).
_OTHER_UNITS = re.compile(r"(?i)\b(?:deg(?:rees?)?|percent(?:age)?|per\s*cent|d[bB]|decibels?|"
                         r"grads?|gradians?|arcmin\w*|arcsec\w*)\b|\\%|%|\\circ|°|\\degree")


# A math-style switch heading a side remark (`\\scriptstyle{\\text{; because …}}`): it sets
# the size the remark is printed in, nothing else.
_STYLE = re.compile(r"\s*\\(?:display|text|script|scriptscript)style(?![a-zA-Z])\s*")


def _unstyled(piece):
    """A side remark after a style switch (`\\scriptstyle{X}`, `{\\scriptstyle X}`) as X, same
    length: the switch and braces wrapping the whole rest blanked — it only sets the size
    the remark is printed in, so X is read as any remark is (a reason, a remark, a
    hypothesis, an error)."""
    stripped = piece.strip()
    if stripped.startswith("{") and _closing(stripped, 0) == len(stripped) - 1 and \
            _STYLE.match(stripped[1:]):                          # `{\\scriptstyle X}`
        first, last = piece.index("{"), piece.rindex("}")
        piece = piece[:first] + " " + piece[first + 1:last] + " " + piece[last + 1:]
    style = _STYLE.match(piece)
    if style is None:
        return piece
    piece = " " * style.end() + piece[style.end():]
    rest = piece.rstrip()
    if rest[style.end():style.end() + 1] == "{" and _closing(rest, style.end()) == len(rest) - 1:
        piece = piece[:style.end()] + " " + rest[style.end() + 1:-1] + " " + piece[len(rest):]
    return piece


def _plain_brackets(piece):
    """A side remark wrapped whole in sized or square brackets (`\\left(a > 0\\right)`,
    `\\bigl(…\\bigr)`, `\\Big(…\\Big)`, `[a > 0]`) as one in plain parentheses, same length:
    read as `(a > 0)` is — never split off as math of its own beside the row."""
    opening, closing = _SIZED_OPEN.match(piece), _SIZED_CLOSE.search(piece)
    if opening is None or closing is None or opening.end() > closing.start() or \
            (opening.group(0).strip() == "(" and closing.group(0).strip() == ")"):
        return piece
    inner = piece[opening.end():closing.start()]
    candidate = (" " * (opening.end() - 1) + "(" + inner + ")" +
                 " " * (len(piece) - closing.start() - 1))
    return candidate if _closing(candidate, opening.end() - 1) == closing.start() else piece


def _closing(text, at):
    """The index of the bracket closing the one at `at` (`{`, `(`), or -1."""
    pairs = {"{": "}", "(": ")", "[": "]"}
    opening = text[at]
    depth = 0
    for i in range(at, len(text)):
        if text[i] == opening and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif text[i] == pairs[opening] and (i == 0 or text[i - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return i
    return -1


def _opening(text, at):
    """The index of the bracket opening the one closing at `at` (`}`, `)`), or -1."""
    pairs = {"}": "{", ")": "(", "]": "["}
    closing, depth = text[at], 0
    for i in range(at, -1, -1):
        if i and text[i - 1] == "\\":
            continue
        if text[i] == closing:
            depth += 1
        elif text[i] == pairs[closing]:
            depth -= 1
            if depth == 0:
                return i
    return -1


_ESCAPED = re.compile(r"\\([&%$#_])")      # `\text{a \& b}`: the character itself
_WORD_WRAPPER = re.compile(r"\\(?:text(?:rm|it|bf|sf|normal)?|mbox|mathrm|textup|emph)\s*\{")


def shown_remark(remarks):
    """The words of a row's remarks (`Annotated.remarks`) as its justification is shown in
    reports: `\\text{…}` unwrapped, escaped characters and spacing as printed, one pair of
    outer parentheses and a leading "by" dropped (a report prints "by …"), remarks joined
    by "; " — text for display only."""
    shown = []
    for _, latex in remarks:
        words = _ESCAPED.sub(r"\1", _WORD_WRAPPER.sub("", latex).replace("{", "").replace("}", ""))
        words = " ".join(_SPACING.sub(" ", words).split())
        if words.startswith("(") and words.endswith(")"):
            words = words[1:-1].strip()
        words = re.sub(r"^(?:by|By)\s+", "", words)
        if words:
            shown.append(words)
    return "; ".join(shown)
