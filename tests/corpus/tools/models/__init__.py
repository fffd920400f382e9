"""Truth models of the corpus's derivations, by source family; MODELS maps folder names to
models (see base.py for what a model is)."""

from . import gan, fdiv, elbo, info, prob, s7c, s8d, s8e, s8f, s9g, s9h, s10i, s11j, s12k, s12l, s13m, s13n, s13o, s14p, s14q, s14r, s14s, s15t, s15u, s15v, s15w, s16x, s16y, s17a, s17b, s17c, s17d, s18a, s18b, s18c, s18d, s18e, s19a, s19b, s19c, s19d, s19e, s20a, s20b, s21a, s21b, s21c, s21d, s21e, s22a, s22b, s23a, s24a, s25a

MODELS = {}
for _family in (gan, fdiv, elbo, info, prob, s7c, s8d, s8e, s8f, s9g, s9h, s10i, s11j, s12k, s12l, s13m, s13n, s13o, s14p, s14q, s14r, s14s, s15t, s15u, s15v, s15w, s16x, s16y, s17a, s17b, s17c, s17d, s18a, s18b, s18c, s18d, s18e, s19a, s19b, s19c, s19d, s19e, s20a, s20b, s21a, s21b, s21c, s21d, s21e, s22a, s22b, s23a, s24a, s25a):
    MODELS.update(_family.MODELS)
