"""The commands LaTeX already has when a document loads `amsmath` and `amssymb` — what
`\\providecommand` leaves alone and `\\newcommand` may not define again — and, among them,
the functions and operators derive reads with a fixed meaning, which a document may not
redefine for derive (see `macros`).

The list was checked against a TeX Live `latex` run (`\\ifdefined` of each name, with
amsmath and amssymb loaded); names only MathJax or another package defines (`\\lt`,
`\\mathscr`, `\\bm`, `\\shortintertext`) are not in it.
"""

from __future__ import annotations

from derive.notation.elementary import SPELLINGS

_NAMES = """
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda
mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta
Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega varGamma varDelta varTheta varLambda varXi
varPi varSigma varUpsilon varPhi varPsi varOmega digamma
arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf injlim ker lg lim
liminf limsup ln log max min Pr projlim sec sin sinh sup tan tanh varinjlim varliminf
varlimsup varprojlim bmod pmod pod mod
frac dfrac tfrac cfrac genfrac binom dbinom tbinom sqrt root sum prod coprod int iint iiint
iiiint idotsint oint bigcup bigcap bigsqcup bigvee bigwedge bigodot bigotimes bigoplus
biguplus
left right middle big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm
text mbox textrm textit textbf textsf texttt textnormal emph mathrm mathbf mathit mathsf
mathtt mathcal mathbb mathfrak mathnormal boldsymbol pmb operatorname mathop mathbin mathrel
mathord mathopen mathclose mathpunct
hat check breve acute grave tilde bar vec dot ddot dddot ddddot mathring widehat widetilde
overline underline overbrace underbrace overrightarrow overleftarrow overleftrightarrow
underrightarrow underleftarrow xrightarrow xleftarrow stackrel overset underset
le leq ge geq ne neq ll gg leqq geqq leqslant geqslant lesssim gtrsim prec succ preceq
succeq sim simeq approx cong equiv propto asymp doteq models perp parallel mid nmid
nparallel vdash dashv in ni notin subset supset subseteq supseteq subsetneq supsetneq
sqsubset sqsupset sqsubseteq sqsupseteq smile frown bowtie
pm mp times div cdot ast star circ bullet oplus ominus otimes oslash odot setminus cap cup
sqcap sqcup vee wedge wr amalg diamond bigtriangleup bigtriangledown triangleleft
triangleright lhd rhd unlhd unrhd uplus dagger ddagger
infty partial nabla emptyset varnothing ell hbar imath jmath wp Re Im aleph beth gimel
forall exists nexists neg lnot top bot angle triangle backslash prime surd flat natural
sharp clubsuit diamondsuit heartsuit spadesuit complement therefore because square
blacksquare checkmark circledS
to gets rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow
longrightarrow longleftarrow Longrightarrow Longleftarrow longleftrightarrow
Longleftrightarrow mapsto longmapsto hookrightarrow hookleftarrow uparrow downarrow Uparrow
Downarrow updownarrow nearrow searrow swarrow nwarrow implies impliedby iff rightharpoonup
leftharpoonup rightleftharpoons
ldots cdots vdots ddots dots dotsc dotsb dotsm dotsi dotso colon vert Vert lvert rvert lVert
rVert langle rangle lfloor rfloor lceil rceil lbrace rbrace lbrack rbrack
quad qquad enspace thinspace negthinspace medspace thickspace displaystyle textstyle
tiny scriptsize footnotesize small normalsize large Large LARGE huge Huge
scriptstyle scriptscriptstyle limits nolimits nonumber notag tag label ref eqref cite
intertext substack phantom vphantom hphantom smash
begin end newcommand renewcommand providecommand DeclareMathOperator def let relax hspace
vspace hfill newline par item caption title author date maketitle section subsection
paragraph footnote
"""
PREDEFINED = frozenset(_NAMES.split())

# Functions and operators derive reads with their standard meaning: a document that
# redefines one (`\renewcommand{\log}{…}`) would change what derive reads under a name
# every reader of the source takes in that meaning.
FIXED_MEANING = frozenset({s[1:] for s in SPELLINGS} | {
    "lim", "max", "min", "sup", "inf", "arg", "sum", "prod", "int", "iint", "iiint", "frac",
    "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "nabla", "partial"})
