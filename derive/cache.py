"""The result cache: re-checking an unchanged derivation costs almost nothing.

An entry is the serialised result of one file (`json_output.result_dict`), stored as JSON
under a key that hashes the file's bytes (which hold its context), its path, the check
options, the versions of derive and SymPy, and a fingerprint of derive's own code — so a
change to any of them is a miss, and a result is never reused across versions (nor
across edits of derive between versions). Looking an entry up imports neither SymPy nor
the parser. Entries are written atomically (a temporary file, then a rename), so two runs
sharing a cache never see half an entry.

An entry is data from a folder anyone with the user's account can write, so it is read
as a regular file of bounded size (never through a symlink), parsed as JSON only, and
checked against the exact shape of a result (`RESULT`, every field, at every depth,
bounded numbers, encodable text) before it is used: an entry that does not fit is a
one-line warning and a miss (then rewritten), never a crash later when it is printed.
`clear` removes only derive's own entries — files named as its keys, in its own folder.

The folder is `$DERIVE_CACHE_DIR`, else `$XDG_CACHE_HOME/derive/results`, else
`~/.cache/derive/results`; derive creates it readable by the user only.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path

from derive import __version__
from derive.model import Relation, Status, StepKind

KINDS = tuple(k.value for k in StepKind)
VERDICTS = tuple(v.value for v in Status)

FORMAT = 1
MAX_ENTRY_BYTES = 64 * 1024 * 1024
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json")
TEMPORARY_NAME = re.compile(r"\.entry-[A-Za-z0-9_]+\.tmp")


def default_folder():
    if os.environ.get("DERIVE_CACHE_DIR"):
        return Path(os.environ["DERIVE_CACHE_DIR"])
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "derive" / "results"


def _code_fingerprint():
    """A hash of derive's own source files (the package, its grammar and templates)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".lark", ".j2") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    try:
        from importlib import resources
        for path in sorted(Path(str(resources.files("derive.templates"))).glob("*.j2")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    except (ModuleNotFoundError, OSError):
        pass
    return digest.hexdigest()[:16]


def _sympy_version():
    """SymPy's version, read from its `release.py` without importing SymPy (or
    importlib.metadata, which alone costs a tenth of a cached run)."""
    from importlib.util import find_spec
    spec = find_spec("sympy")
    try:
        text = (Path(spec.origin).parent / "release.py").read_text(encoding="utf-8")
    except (AttributeError, TypeError, OSError):   # pragma: no cover - SymPy is a dependency
        return "unknown"
    found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", text)
    return found.group(1) if found else "unknown"


class Cache:
    """Serialised results by key, in one folder; `enabled=False` makes every look-up a miss."""

    def __init__(self, folder=None, enabled=True, warn=None):
        self.folder = Path(folder) if folder else default_folder()
        self.enabled = enabled
        self.warn = warn or (lambda message: print(f"derive: warning: {message}", file=sys.stderr))
        self._versions = None      # computed on the first key: it reads derive's sources

    def key(self, path, content, options):
        """The entry's key ("" when the cache is off: nothing is looked up or stored). The
        path is part of it: a result names its file (the title a file without one takes,
        error positions), so a copy of a file under another name is checked as itself."""
        if not self.enabled:
            return ""
        if self._versions is None:
            self._versions = f"derive {__version__} ({_code_fingerprint()}); sympy {_sympy_version()}"
        digest = hashlib.sha256()
        for part in (f"format {FORMAT}", self._versions, repr(options), str(path)):
            digest.update(part.encode() + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def get(self, key):
        """The stored result for `key`, or None (a miss, or an entry not to be trusted)."""
        if not self.enabled:
            return None
        from derive.frontend import InputError, read_bytes
        entry = self.folder / f"{key}.json"
        try:
            data = json.loads(read_bytes(entry, MAX_ENTRY_BYTES, follow_symlinks=False))
        except InputError as exc:
            if not os.path.lexists(entry):
                return None
            self.warn(f"ignoring unreadable cache entry {entry} ({exc.message})")
            return None
        except (ValueError, RecursionError) as exc:       # not JSON, not UTF-8, too deep
            self.warn(f"ignoring unreadable cache entry {entry} ({type(exc).__name__})")
            return None
        problem = _problem(data, {"key": lambda value: value == key, "result": RESULT}, "entry")
        if problem:
            self.warn(f"ignoring malformed cache entry {entry} ({problem})")
            return None
        return data["result"]

    def put(self, key, result):
        if not self.enabled:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "result": result}, handle)
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError as exc:
            self.warn(f"could not write to the cache in {self.folder} ({exc.strerror})")

    def clear(self):
        """Remove derive's entries (and temporaries a killed run left); returns how many
        entries there were. Anything else in the folder, and symlinks, are left alone."""
        removed = 0
        for entry in self._own_files():
            try:
                os.unlink(entry.path)
            except OSError:             # gone already, or not ours to remove after all
                continue
            removed += bool(ENTRY_NAME.fullmatch(entry.name))
        return removed

    def size(self):
        return sum(1 for entry in self._own_files() if ENTRY_NAME.fullmatch(entry.name))

    def _own_files(self):
        try:
            with os.scandir(self.folder) as entries:
                return [e for e in entries if (ENTRY_NAME.fullmatch(e.name) or TEMPORARY_NAME.fullmatch(e.name))
                        and e.is_file(follow_symlinks=False)]
        except (FileNotFoundError, NotADirectoryError):
            return []


# The shape of a serialised result, as `json_output.result_dict` writes it. A dict is a
# record with exactly these keys; `[item]` a list of items; `_Map(value)` a dict from
# text to values; `_Maybe(shape)` null or the shape; a function a test of a leaf.
class _Map:
    def __init__(self, value):
        self.value = value


class _Maybe:
    def __init__(self, shape):
        self.shape = shape


def _text(value):
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:      # a lone surrogate would fail when printed
        return False
    return True


def _count(value):
    return type(value) is int and 0 <= value < 10 ** 9


def _seconds(value):
    return type(value) in (int, float) and math.isfinite(value) and 0 <= value < 10 ** 7


class _Absent:
    """A record's field that may be left out (a notebook step's cell)."""

    def __init__(self, shape):
        self.shape = shape


def _one_of(*options):
    return lambda value: isinstance(value, str) and value in options


STEP = {"index": _count, "kind": _one_of(*KINDS),
        "relation": _one_of(*(r.value for r in Relation)), "lhs_latex": _text,
        "latex": _text, "line": _count, "column": _count, "cell": _Absent(_count),
        "justification": _text, "hypotheses": [_text], "expect": _text, "note": _text,
        "verdict": _one_of(*VERDICTS), "method": _text, "detail": _text, "seconds": _seconds,
        "reading": _text, "message": _text, "source_line": _text,
        "counterexample": _Maybe({"assignment": _Map(_text), "lhs": _text, "rhs": _text,
                                  "difference": _text, "labels": [_text]})}
RESULT = {"file": _text, "title": _text,
          "assumptions": [{"subject": _text, "text": _text, "object": _text}],
          "definitions": [_text],
          "figures": [{"name": _text, "params": _Map(_text)}],
          "steps": [STEP], "claims": [STEP],
          "chains": [{"steps": [_count], "relation": _Maybe(_text)}],
          "conclusions": [{"from": _count, "to": _count, "lhs_latex": _text, "relation": _text,
                           "latex": _text, "proved": lambda value: isinstance(value, bool),
                           "unproved_steps": [_count], "hypotheses": [_text]}],
          "summary": {name: _count for name in (*VERDICTS, "total")}}


def _problem(value, shape, where):
    """Where `value` departs from `shape` ("result.steps[2].verdict: unexpected value"),
    or None. The path is spelled only for a departure: most entries fit."""
    found = _departure(value, shape)
    if found is None:
        return None
    parts, message = found
    return f"{where}{''.join(reversed(parts))}: {message}"


def _departure(value, shape):
    """None, or (the steps of the path to the departure, innermost first; what is wrong)."""
    kind = type(shape)
    if kind is _Maybe:
        return None if value is None else _departure(value, shape.shape)
    if kind is dict:
        if not isinstance(value, dict) or not _keys_fit(value, shape):
            return [], f"not a record of {', '.join(sorted(shape))}"
        spelling = ".{}"
        items = [(key, value[key], part.shape if type(part) is _Absent else part)
                 for key, part in shape.items() if key in value]
    elif kind is _Map:
        if not isinstance(value, dict) or not all(map(_text, value)):
            return [], "not a table"
        spelling, items = "[{!r}]", [(key, item, shape.value) for key, item in value.items()]
    elif kind is list:
        if not isinstance(value, list):
            return [], "not a list"
        spelling, items = "[{}]", [(i, item, shape[0]) for i, item in enumerate(value)]
    else:
        return None if shape(value) else ([], "unexpected value")
    for key, item, part in items:
        found = _departure(item, part)
        if found is not None:
            found[0].append(spelling.format(key))
            return found
    return None


def _keys_fit(value, shape):
    """Whether a record has every required key of `shape` and no key outside it."""
    return all(key in shape for key in value) and \
        all(key in value for key, part in shape.items() if type(part) is not _Absent)
