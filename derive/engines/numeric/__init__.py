"""The numeric engine: random instances (`instances`), evaluation in ball arithmetic
(`evaluate`) and the comparison that certifies counterexamples (`compare`)."""
