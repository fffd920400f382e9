"""The package as PyPI and its users get it: built (sdist and wheel), checked by twine,
with its metadata, extras and entry points; an sdist whose tests run; plotting an extra
whose absence is a clear message; README links that work on PyPI."""

import email
import os
import re
import subprocess
import sys
import tarfile
import zipfile

import pytest

from support import EXAMPLES, REPO, write

pytest.importorskip("build")


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel",
                           "--outdir", str(out), str(REPO)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return out


def test_build_and_twine_check_strict(dist):
    files = sorted(p.name for p in dist.iterdir())
    assert [f for f in files if f.endswith(".whl")] == ["derive_checker-0.1.0-py3-none-any.whl"]
    assert "derive_checker-0.1.0.tar.gz" in files
    proc = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.count("PASSED") == 2, proc.stdout + proc.stderr


def test_metadata_extras_and_entry_points(dist):
    wheel = zipfile.ZipFile(dist / "derive_checker-0.1.0-py3-none-any.whl")
    meta = email.message_from_string(wheel.read("derive_checker-0.1.0.dist-info/METADATA").decode())
    assert meta["Name"] == "derive-checker" and meta["License-Expression"] == "MIT"
    assert "derive_checker-0.1.0.dist-info/licenses/LICENSE" in wheel.namelist()
    assert set(meta.get_all("Provides-Extra")) == {"plot", "watch", "sphinx", "test"}
    assert not any(r.startswith("matplotlib") and "extra" not in r for r in meta.get_all("Requires-Dist"))
    assert any(c.startswith("Framework :: Sphinx") for c in meta.get_all("Classifier"))
    # no Project-URL: the project has no public address yet, and a made-up one would mislead
    assert meta.get_all("Project-URL") is None
    entry = wheel.read("derive_checker-0.1.0.dist-info/entry_points.txt").decode()
    assert "derive = derive.interfaces.cli:main" in entry and "derive-myst = derive.myst:main" in entry
    assert "[pytest11]\nderive = derive.interfaces.pytest_plugin" in entry
    names = wheel.namelist()
    assert "derive/templates/report.html.j2" in names and "derive/frontend/latex/grammar.lark" in names
    assert "derive/frontend/documents/markdown.py" in names and "derive/sphinx.py" in names
    for init in sorted((REPO / "derive").rglob("__init__.py")):     # every package ships
        assert init.relative_to(REPO).as_posix() in names, init


def test_the_sdist_carries_its_tests_and_they_run(dist, tmp_path):
    with tarfile.open(dist / "derive_checker-0.1.0.tar.gz") as sdist:
        sdist.extractall(tmp_path, filter="data")
    root = tmp_path / "derive_checker-0.1.0"
    for needed in ("LICENSE", "tests/conftest.py", "tests/test_documents.py", "examples/notes/kl.tex",
                   "tests/data/myst-page.ast.json", "templates/report.md.j2"):
        assert (root / needed).exists(), needed
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(site), str(root)], check=True, capture_output=True, timeout=600)
    env = dict(os.environ, PYTHONPATH=str(site), PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    proc = subprocess.run([os.path.join(os.path.dirname(sys.executable), "pytest"), "-q", "-p", "no:cacheprovider",
                           "-p", "derive.interfaces.pytest_plugin", "tests/test_documents.py",
                           "tests/test_terminal.py"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.search(r"\d+ passed", proc.stdout)
    where = subprocess.run([sys.executable, "-c", "import derive; print(derive.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True).stdout
    assert where.startswith(str(site))                # the installed sdist was tested
    seed = subprocess.run([sys.executable, "-m", "derive", "check", "--no-cache",
                           str(root / "examples" / "gan_mode_collapse.tex")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=600)
    assert seed.returncode == 0 and "internal error" not in seed.stderr, seed.stderr[-2000:]


def test_reports_without_matplotlib(tmp_path):
    """Plotting is an extra: a report without figures needs none of it, and a figure
    without it is a clear message, not a traceback."""
    blocked = "import sys; sys.modules['matplotlib'] = sys.modules['numpy'] = None\n"
    run = blocked + "from derive.interfaces.cli import main; sys.exit(main(sys.argv[1:]))"
    plain = subprocess.run([sys.executable, "-c", run, "report", "--format", "md", "-o",
                            str(tmp_path / "a.md"), str(EXAMPLES / "kl_definitions.tex")],
                           capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0, plain.stderr
    figure = write(tmp_path, "% derive: figure kl-fits\n% derive: positive a\n$$ a = a $$\n", "f.tex")
    proc = subprocess.run([sys.executable, "-c", run, "report", "--format", "html", "-o",
                           str(tmp_path / "f.html"), str(figure)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "needs matplotlib, which is not installed" in proc.stderr
    assert "pip install 'derive-checker[plot]'" in proc.stderr


def test_readme_links_are_absolute_for_pypi():
    readme = (REPO / "README.md").read_text()
    targets = re.findall(r"\]\(([^)\s]+)\)", readme) + re.findall(r'(?:src|href)="([^"]+)"', readme)
    assert targets
    relative = [t for t in targets if not re.match(r"https?://|#", t)]
    assert relative == []
