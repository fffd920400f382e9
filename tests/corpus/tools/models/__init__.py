"""Truth models of the corpus's derivations, by source family; MODELS maps folder names to
models (see base.py for what a model is)."""

from . import elbo, fdiv, gan, info, prob, s7c, s8d

MODELS = {}
for _family in (gan, fdiv, elbo, info, prob, s7c, s8d):
    MODELS.update(_family.MODELS)

from . import s8e  # noqa: E402  (the s8e_ held-out set)
MODELS.update(s8e.MODELS)
