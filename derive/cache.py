"""The result cache: re-checking an unchanged derivation costs almost nothing.

An entry is the serialised result of one file (`json_output.result_dict`), stored as JSON
under a key that hashes the file's bytes (which hold its context), its suffix, the check
options, the versions of derive and SymPy, and a fingerprint of derive's own code — so a
change to any of them is a miss, and a result is never reused across versions (nor
across edits of derive between versions). Looking an entry up imports neither SymPy nor
the parser. Entries are written atomically (a temporary file, then a rename), so two runs
sharing a cache never see half an entry; an entry that does not read back as expected is
ignored with a warning and rewritten.

The folder is `$DERIVE_CACHE_DIR`, else `$XDG_CACHE_HOME/derive/results`, else
`~/.cache/derive/results`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from derive import __version__

FORMAT = 1


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
    try:
        return metadata.version("sympy")
    except metadata.PackageNotFoundError:  # pragma: no cover - SymPy is a dependency
        return "unknown"


class Cache:
    """Serialised results by key, in one folder; `enabled=False` makes every look-up a miss."""

    def __init__(self, folder=None, enabled=True, warn=None):
        self.folder = Path(folder) if folder else default_folder()
        self.enabled = enabled
        self.warn = warn or (lambda message: print(f"derive: warning: {message}", file=sys.stderr))
        self._versions = None      # computed on the first key: it reads derive's sources

    def key(self, path, content, options):
        """The entry's key ("" when the cache is off: nothing is looked up or stored)."""
        if not self.enabled:
            return ""
        if self._versions is None:
            self._versions = f"derive {__version__} ({_code_fingerprint()}); sympy {_sympy_version()}"
        digest = hashlib.sha256()
        for part in (f"format {FORMAT}", self._versions, repr(options), Path(path).suffix.lower()):
            digest.update(part.encode() + b"\0")
        digest.update(content)
        return digest.hexdigest()

    def get(self, key):
        """The stored result for `key`, or None (a miss, or an entry not to be trusted)."""
        if not self.enabled:
            return None
        entry = self.folder / f"{key}.json"
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            self.warn(f"ignoring unreadable cache entry {entry} ({type(exc).__name__})")
            return None
        if not (isinstance(data, dict) and data.get("key") == key and isinstance(data.get("result"), dict)
                and {"steps", "claims", "summary"} <= set(data["result"])):
            self.warn(f"ignoring malformed cache entry {entry}")
            return None
        return data["result"]

    def put(self, key, result):
        if not self.enabled:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".entry-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"key": key, "result": result}, handle)
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError as exc:
            self.warn(f"could not write to the cache in {self.folder} ({exc.strerror})")

    def clear(self):
        """Remove every entry; returns how many there were."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for entry in self.folder.glob("*.json"):
            entry.unlink(missing_ok=True)
            removed += 1
        return removed

    def size(self):
        return len(list(self.folder.glob("*.json"))) if self.folder.is_dir() else 0
