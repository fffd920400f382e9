"""Engines decide one step each: numeric (counterexamples), symbolic (proofs), under a budget."""
