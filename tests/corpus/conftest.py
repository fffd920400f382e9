"""Registers the `corpus` marker of the literature corpus's tests (see FORMAT.md)."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "corpus: derive against the literature corpus (run with DERIVE_CORPUS=1)")
