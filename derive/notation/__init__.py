"""Probability notation: the mathematics of derive, with no I/O.

`registry` holds the operators (KL, JS, entropy, cross-entropy, …), one entry each;
`elementary` the elementary functions and constants; `show` prints terms as plain text.
"""
