"""An independent oracle for derive's notation: trees, LaTeX, an evaluator, and statements
of known truth. Nothing here imports derive.

- `expr`: the tree types and a conservative sign analysis;
- `evaluate`: mpmath evaluation on the oracle's own instances (piecewise-constant
  densities on cells of random widths), and `decide` for a relation;
- `render`: LaTeX in several spellings per construct;
- `rules`: valid identities and true inequalities; `mutate`: single edits;
- `statement`: a statement with per-step truth and its `.tex` file;
- `strategies`: the hypothesis strategies that build statements.

Adding a construct: a node class in `expr`, an evaluator in `evaluate`, a renderer in
`render`, its generator in `strategies.Trees.tree`, and its rewrite rules in `rules`.
"""
