"""YAML derivation files, for derivations that carry a justification per step.

    title: The generator loss under the optimal discriminator
    context:
      variables: [x]
      densities: [p_r, p_\\theta]            # or {p_r: x, q: z}: density: variable
      define:
        - D^{\\star}(x) = \\frac{p_r(x)}{p_r(x) + p_\\theta(x)}
      positive: [a, b]
      real: [t]
    steps:
      - latex: \\mathcal{L}'(G | D^\\star) = \\mathbb{E}_{x \\sim p_\\theta}[\\log D^\\star(x)]
        by: the generator's objective with D fixed at D*
      - latex: = -D_{KL}(p_\\theta \\| p_r) + …
        by: definition of KL
        expect: undecided                     # optional: a verdict accepted as known
      - = a step may also be a bare string

Steps are rows: one that starts with a relation continues the chain; one with its own left
side starts a new equation. Information quantities are in nats, or in bits when every
logarithm the file writes is `\\log_2` (`log_base`). The file is *composed*, never constructed: only plain
mappings, lists and strings are accepted, and any tag (`!!python/object`, …) is an error.
"""

from __future__ import annotations

import yaml

from derive.frontend import log_base
from derive.frontend.builder import Builder
from derive.frontend.errors import InputError, Source

TOP_KEYS = ("title", "context", "steps")
# Read in this order whatever order the file gives them in: what a key declares never
# depends on where the key stands in the mapping.
CONTEXT_KEYS = ("variables", "discrete", "densities", "joint", "real", "positive",
                "nonnegative", "integer", "natural", "functions", "depends", "define", "fixed")
STEP_KEYS = ("latex", "by", "expect")
_STANDARD_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "seq", "map", "int", "float", "bool", "null")}


def load_yaml(path, text):
    source = Source(text, path)
    root = _compose(text, source)
    mapping = _mapping(root, source, TOP_KEYS, "the top level")
    builder = Builder(source)
    if log_base.in_bits([], [text[node.start_mark.index:node.end_mark.index]
                             for key, node in mapping.items() if key != "title"]):
        builder.scope.infer_bits()     # every logarithm written \\log_2: information in bits
    if "title" in mapping:
        builder.directives.title = _string(mapping["title"], source, "title").value
    if "context" in mapping:
        _read_context(mapping["context"], source, builder)
    if "steps" not in mapping:
        raise source.error("a derivation needs 'steps': a list of LaTeX rows", _offset(root))
    steps_node = mapping["steps"]
    if not isinstance(steps_node, yaml.SequenceNode) or not steps_node.value:
        raise source.error("'steps' must be a non-empty list", _offset(steps_node))
    for item in steps_node.value:
        latex_node, justification, expect_node = _step(item, source)
        expect = "" if expect_node is None else builder.directives.expectation(
            _string(expect_node, source, "'expect'").value, _offset(expect_node))
        offset, latex = _locate(latex_node, source)
        builder.row(latex, offset, justification, expect)
    return builder.derivation(path)


def _compose(text, source):
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "malformed YAML"
        if mark is None:
            raise InputError(f"malformed YAML: {problem}", source.file) from None
        raise source.error(f"malformed YAML: {problem}", mark.index) from None
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML: {exc}", source.file) from None
    if root is None:
        raise InputError("the file is empty", source.file)
    check_tags(root, source)
    return root


def check_tags(node, source, base=0, seen=None):
    """Refuse any YAML tag under `node` (a derivation's YAML — a file, or a page's front
    matter starting at `base` in `source` — is data: nothing in it names a type)."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if node.tag not in _STANDARD_TAGS:
        raise source.error(f"YAML tag {node.tag!r} is not allowed: a derivation file is data",
                           base + _offset(node))
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            check_tags(child, source, base, seen)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            check_tags(key, source, base, seen)
            check_tags(value, source, base, seen)


def _offset(node):
    return node.start_mark.index


def _mapping(node, source, allowed, where):
    if not isinstance(node, yaml.MappingNode):
        raise source.error(f"{where} must be a mapping with keys {', '.join(allowed)}", _offset(node))
    out = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in allowed:
            raise source.error(f"unknown key {name!r} in {where}; expected one of "
                               f"{', '.join(allowed)}", _offset(key))
        if name in out:
            raise source.error(f"key {name!r} appears twice", _offset(key))
        out[name] = value
    return out


def _string(node, source, what):
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        raise source.error(f"{what} must be text", _offset(node))
    return node


def _strings(node, source, what):
    if isinstance(node, yaml.ScalarNode):
        return [_string(node, source, what)]
    if not isinstance(node, yaml.SequenceNode):
        raise source.error(f"{what} must be a list of LaTeX names", _offset(node))
    return [_string(n, source, what) for n in node.value]


DOMAIN_KEYS = ("real", "positive", "nonnegative", "integer", "natural")


def _read_context(node, source, builder):
    context = _mapping(node, source, CONTEXT_KEYS, "context")
    domains = {}
    for key in CONTEXT_KEYS:
        if key not in context:
            continue
        value = context[key]
        if key == "densities" and isinstance(value, yaml.MappingNode):
            for name, variable in value.value:
                n_off, n_text = _locate(_string(name, source, "a density"), source)
                v_off, v_text = _locate(_string(variable, source, "a variable"), source)
                if builder.scope.lookup(builder.reader.read_name(v_text, v_off)) is None:
                    builder.directive("variable", v_text, v_off)     # a discrete x stays so
                builder.directive("density", n_text + " over " + v_text, n_off)
            continue
        keyword = {"variables": "variable", "densities": "density",
                   "functions": "function"}.get(key, key)
        # depends: ["p_\\theta on \\theta"]; fixed: [D^\\star]
        for item in _strings(value, source, key):
            offset, text = _locate(item, source)
            if key in DOMAIN_KEYS:
                # the keys of a mapping have no order: two domains for a name is a conflict
                for name in text.split(","):
                    spelled = builder.reader.read_name(name, offset)
                    if domains.setdefault(spelled, key) != key:
                        raise source.error(f"{spelled} is both {domains[spelled]} and {key} "
                                           "here; a context's keys have no order, so say one",
                                           offset)
            builder.directive(keyword, text, offset)


def _step(node, source):
    """(LaTeX scalar node, justification text, expect node or None) of one entry."""
    if isinstance(node, yaml.ScalarNode):
        return _string(node, source, "a step"), "", None
    step = _mapping(node, source, STEP_KEYS, "a step")
    if "latex" not in step:
        raise source.error("a step needs 'latex'", _offset(node))
    justification = _string(step["by"], source, "'by'").value if "by" in step else ""
    return (_string(step["latex"], source, "'latex'"), " ".join(justification.split()),
            step.get("expect"))


def _locate(node, source):
    """(offset, text) of a scalar's value, exact when it stands verbatim in the file."""
    value = node.value
    start, end = node.start_mark.index, node.end_mark.index
    found = source.text.find(value, start, end + 1) if value else -1
    if found >= 0:
        return found, value
    # escaped or folded: keep the text, point errors at the scalar (same length, blanked)
    return start, value
