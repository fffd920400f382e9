"""The result cache and parallel checking."""

import json
import os
import subprocess
import sys

import pytest

from derive.cache import Cache

from conftest import EXAMPLES, write

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


@pytest.mark.parametrize("damage", ["{not json", json.dumps({"key": "other", "result": {}}),
                                    json.dumps([1, 2, 3]), "\udcff"])
def test_a_corrupted_entry_is_ignored_with_a_warning(cli, tmp_path, isolated_cache, damage):
    path = write(tmp_path, "% derive: positive a\n$$ \\log a^{2} = 2 \\log a $$\n")
    cli("check", path)
    (entry,) = isolated_cache.glob("*.json")
    entry.write_text(damage, errors="surrogateescape")
    code, out, err = cli("check", path)
    assert code == 0 and "1 verified" in out
    assert "warning: ignoring" in err
    assert json.loads(entry.read_text())["result"]["summary"]["verified"] == 1   # rewritten


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


def test_jobs_with_an_unreadable_file(tmp_path):
    bad = write(tmp_path, "$$ a = ( $$\n")
    proc = run("check", "--no-cache", "-j", "2", FILES[2], bad, FILES[1])
    assert proc.returncode == 2 and f"{bad}:1:" in proc.stderr
    summaries = [line for line in proc.stdout.splitlines() if "verified, 0 refuted" in line]
    assert len(summaries) == 3 and summaries[-1].startswith("3 files: ")   # and the grand total
    assert summaries[-1].endswith("1 unreadable file")
