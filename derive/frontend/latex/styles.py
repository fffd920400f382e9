"""The switches of print style and size, in one place.

`\\displaystyle`, `\\scriptstyle`, and the size declarations `\\Huge` … `\\tiny` that MathJax
(and blogs after `\\displaystyle`) accept in math set only how big the formula prints: the
layout sets them aside before a row's first token, the grammar's SPACING wherever they stand
(tests/test_documents.py checks both lists agree) — except where an argument goes, which
`wrappers` refuses (`2^\\Huge 3`: TeX takes the switch itself as the superscript).
"""

STYLES = (r"(?:(?:display|text|script|scriptscript)style|tiny|scriptsize|footnotesize|small|"
          r"normalsize|large|Large|LARGE|huge|Huge)")
