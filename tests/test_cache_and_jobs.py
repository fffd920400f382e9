"""The result cache and parallel checking."""

import json
import os
import re
import subprocess
import sys

import pytest

from derive.cache import Cache

from support import EXAMPLES, write

FILES = [EXAMPLES / n for n in ("claims.tex", "cross_entropy.tex", "kl_definitions.tex",
                                "gan_mode_collapse.derive.yaml", "js_expansion.tex")]


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "derive", *map(str, args)], capture_output=True,
                          text=True, timeout=120, env=env)


def without_seconds(text):
    data = json.loads(text)
    for d in data["derivations"]:
        for s in d["steps"] + d["claims"]:
            s.pop("seconds")
    return data


def test_a_cached_run_gives_the_same_results_without_importing_sympy(isolated_cache):
    first = run("check", "--format", "json", *FILES)
    code = ("import sys; from derive.interfaces.cli import main; "
            f"code = main(['check', '--format', 'json', *{[str(f) for f in FILES]!r}]); "
            "print('SYMPY' if 'sympy' in sys.modules else 'NO SYMPY', file=sys.stderr); sys.exit(code)")
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert second.returncode == first.returncode == 0
    assert "NO SYMPY" in second.stderr
    assert without_seconds(second.stdout) == without_seconds(first.stdout)
    assert Cache(isolated_cache).size() == len(FILES)


def test_the_cache_is_invalidated_by_content_options_and_versions(cli, tmp_path, isolated_cache):
    path = write(tmp_path, "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n")
    assert cli("check", path)[0] == 0
    path.write_text("% derive: positive a\n$$ \\log a^{2} = 3 \\log a $$\n")
    assert cli("check", path)[0] == 1                           # new content: checked again
    assert Cache(isolated_cache).size() == 2
    cli("check", "--seed", "7", path)                           # other options: another entry
    assert Cache(isolated_cache).size() == 3
    cache = Cache(isolated_cache)
    content = path.read_bytes()
    key = cache.key(path, content, (5.0, 0))
    assert cache.get(key) is not None
    cache._versions = "derive 0.0.0; sympy 0.0"                # another version: a miss
    assert cache.get(cache.key(path, content, (5.0, 0))) is None


def _edit(change):
    """Damage: the valid entry's JSON with `change(entry)` applied."""
    def damage(text):
        entry = json.loads(text)
        change(entry)
        return json.dumps(entry)
    return damage


def _set(path, value):
    def change(entry):
        *parents, last = path
        target = entry["result"]
        for key in parents:
            target = target[key]
        target[last] = value
    return _edit(change)


DAMAGES = {
    "not JSON": lambda text: "{not json",
    "another key": lambda text: json.dumps({"key": "other", "result": {}}),
    "a list": lambda text: json.dumps([1, 2, 3]),
    "not UTF-8": lambda text: "\udcff",
    "unknown verdict": _set(["steps", 0, "verdict"], "maybe"),
    "missing field": _edit(lambda entry: entry["result"]["steps"][0].pop("method")),
    "extra field": _set(["steps", 0, "surprise"], 1),
    "infinite seconds": lambda text: re.sub(r'"seconds": [-+.e0-9]+', '"seconds": Infinity', text),
    "huge line number": _set(["steps", 0, "line"], 10 ** 30),
    "a digit bomb": lambda text: text.replace('"line": ', '"line": ' + "9" * 5000 + ', "_": '),
    "a boolean count": _set(["summary", "total"], True),
    "lone surrogate": lambda text: text.replace('"title": "', '"title": "\\ud800'),
    "counterexample of the wrong type": _set(["steps", 0, "counterexample"], 5),
    "assignment of the wrong type": _set(["steps", 0, "counterexample"], {
        "assignment": [1], "lhs": "", "rhs": "", "difference": "", "labels": []}),
    "summary without a total": _edit(lambda entry: entry["result"]["summary"].pop("total")),
    "deeply nested": lambda text: "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_a_malformed_entry_is_a_warning_and_a_miss(cli, tmp_path, isolated_cache, name):
    path = write(tmp_path, "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n")
    cli("check", path)
    (entry,) = isolated_cache.glob("*.json")
    entry.write_text(DAMAGES[name](entry.read_text()), errors="surrogateescape")
    code, out, err = cli("check", path)
    assert code == 0 and "1 verified" in out
    (line,) = err.splitlines()
    assert line.startswith("derive: warning: ignoring") and str(entry) in line
    assert json.loads(entry.read_text())["result"]["summary"]["verified"] == 1   # rewritten


@pytest.mark.parametrize("special", ["fifo", "symlink to /dev/zero"])
def test_an_entry_that_is_not_a_regular_file_is_not_read(cli, tmp_path, isolated_cache, special):
    path = write(tmp_path, "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n")
    cli("check", path)
    (entry,) = isolated_cache.glob("*.json")
    entry.unlink()
    if special == "fifo":
        os.mkfifo(entry)
    else:
        entry.symlink_to("/dev/zero")
    code, out, err = cli("check", path)
    assert code == 0 and "1 verified" in out and "warning: ignoring unreadable cache entry" in err


def test_the_shape_checked_is_the_shape_written(cli):
    """Every result derive writes passes the cache's check of an entry's shape (if
    json_output changes, `cache.RESULT` must change with it)."""
    from derive.cache import RESULT, _problem
    code, out, _ = cli("check", "--format", "json", *sorted(EXAMPLES.glob("*.tex")),
                       *sorted(EXAMPLES.glob("*.yaml")))
    for result in json.loads(out)["derivations"]:
        assert _problem(result, RESULT, "result") is None


def test_a_departure_from_the_shape_is_named_by_its_path(cli):
    """The warning names where an entry departs from `cache.RESULT`, field by field."""
    from derive.cache import RESULT, _problem
    _, out, _ = cli("check", "--format", "json", EXAMPLES / "gan_mode_collapse.tex")
    result = json.loads(out)["derivations"][0]
    refuted = next(i for i, c in enumerate(result["claims"]) if c["counterexample"])
    damaged = json.loads(json.dumps(result))
    damaged["steps"][1]["verdict"] = "proved"
    assert _problem(damaged, RESULT, "result") == "result.steps[1].verdict: unexpected value"
    damaged = json.loads(json.dumps(result))
    name = next(iter(damaged["claims"][refuted]["counterexample"]["assignment"]))
    damaged["claims"][refuted]["counterexample"]["assignment"][name] = 3
    assert _problem(damaged, RESULT, "r") == \
        f"r.claims[{refuted}].counterexample.assignment[{name!r}]: unexpected value"
    damaged["steps"] = {}
    assert _problem(damaged, RESULT, "r") == "r.steps: not a list"
    del damaged["title"]
    assert _problem(damaged, RESULT, "r").startswith("r: not a record of assumptions, chains")


def test_clear_removes_only_derives_own_entries(cli, tmp_path, isolated_cache):
    path = write(tmp_path, "% derive: positive a\n$$ a = a $$\n")
    cli("check", path)
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    foreign = [isolated_cache / "notes.txt", isolated_cache / "README.json",
               isolated_cache / ("0" * 63 + ".json")]
    for file in foreign:
        file.write_text("not derive's")
    (isolated_cache / ("a" * 64 + ".json")).symlink_to(outside)
    (isolated_cache / "sub").mkdir()
    code, out, _ = cli("cache", "clear")
    assert code == 0 and "removed 1 entries" in out
    assert all(file.exists() for file in foreign) and outside.read_text() == "keep me"
    assert (isolated_cache / ("a" * 64 + ".json")).is_symlink() and (isolated_cache / "sub").is_dir()
    assert Cache(isolated_cache).size() == 0


def test_the_folder_is_private(cli, tmp_path, isolated_cache):
    cli("check", write(tmp_path, "% derive: positive a\n$$ a = a $$\n"))
    assert isolated_cache.stat().st_mode & 0o777 == 0o700


def test_no_cache_and_clear(cli, tmp_path, isolated_cache):
    path = write(tmp_path, "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n")
    cli("check", "--no-cache", path)
    assert Cache(isolated_cache).size() == 0
    cli("check", path)
    code, out, _ = cli("cache", "clear")
    assert code == 0 and "removed 1 entries" in out and Cache(isolated_cache).size() == 0


def test_two_concurrent_runs_sharing_a_cache(isolated_cache):
    env = dict(os.environ, DERIVE_CACHE_DIR=str(isolated_cache))
    procs = [subprocess.Popen([sys.executable, "-m", "derive", "check", "-j", "1", "--format", "json",
                               *map(str, FILES)], stdout=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert without_seconds(outputs[0]) == without_seconds(outputs[1])
    cache = Cache(isolated_cache)
    assert cache.size() == len(FILES)
    for entry in isolated_cache.glob("*.json"):
        assert cache.get(entry.stem) is not None          # every entry whole and readable
    assert not list(isolated_cache.glob(".entry-*"))      # no temporary files left


def test_jobs_give_the_serial_output_order():
    serial = run("check", "--no-cache", "-j", "1", "--format", "json", *FILES)
    parallel = run("check", "--no-cache", "-j", "2", "--format", "json", *FILES)
    assert without_seconds(serial.stdout) == without_seconds(parallel.stdout)
    assert [d["file"] for d in json.loads(parallel.stdout)["derivations"]] == list(map(str, FILES))


@pytest.mark.parametrize("text, loaded", [
    ("% derive: positive a\n$$ \\lim_{t \\to 0^+} t \\log t = 0 $$\n", True),
    ("% derive: positive a\n$$ a + a = 2 a $$\n", False),
])
def test_sympy_is_loaded_once_before_the_workers_only_for_claims(tmp_path, text, loaded):
    """A file with claims (which all use SymPy) has SymPy imported in the checking process,
    so that the workers forked from it inherit it instead of importing it each (~0.2 s of
    CPU apiece); a file without claims does not load it at all."""
    path = write(tmp_path, text)
    code = ("import sys; from derive.checker import check_files; "
            f"(result,) = check_files([({str(path)!r}, None)]); "
            "print([r.verdict.status.value for r in result.steps], 'sympy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.stdout.split() == ["['verified']", str(loaded)], proc.stderr


def test_jobs_with_an_unreadable_file(tmp_path):
    bad = write(tmp_path, "$$ a = ( $$\n")
    proc = run("check", "--no-cache", "-j", "2", FILES[2], bad, FILES[1])
    assert proc.returncode == 2 and f"{bad}:1:" in proc.stderr
    summaries = [line for line in proc.stdout.splitlines() if "verified, 0 refuted" in line]
    # the unreadable row is the bad file's own step; the grand total counts it
    assert len(summaries) == 4 and summaries[-1].startswith("3 files: ")
    assert summaries[-1].endswith("1 unreadable")


def test_a_copy_under_another_name_is_not_the_first_files_entry(cli, tmp_path, isolated_cache):
    """A result names its file (a file without a title takes its name): a byte-identical
    copy under another name is an entry of its own, never the first file's title."""
    import json
    text = "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n"
    first, second = write(tmp_path, text, "first.tex"), write(tmp_path, text, "second.tex")
    titles = []
    for path in (first, second):
        code, out, _ = cli("check", "--format", "json", path)
        assert code == 0
        titles.append(json.loads(out)["derivations"][0]["title"])
    assert titles == ["first", "second"]
    assert Cache(isolated_cache).size() == 2
