"""The literature corpus's pytest setup: registers the `corpus` marker, and keeps derive's
own pytest plugin from collecting the corpus's derivation files as tests (they are read by
test_corpus.py, with their mutants and look-alikes, only when DERIVE_CORPUS=1)."""

collect_ignore_glob = ["*/derivation.tex"]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "corpus: derive against the literature corpus (run with DERIVE_CORPUS=1)")
