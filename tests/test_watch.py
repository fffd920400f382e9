"""`derive watch`: a real process, a real edit of the file, only the change printed."""

import os
import queue
import subprocess
import sys
import threading
import time

import pytest

from support import write

GOOD = """\
% derive: variable x
% derive: density p, q
\\begin{align*}
H(p, q) &= -\\int p(x) \\log q(x) \\, dx \\\\
        &= H(p) + D_{KL}(p \\| q)
\\end{align*}
\\[ D_{KL}(p \\| q) \\ge 0 \\]
"""


class Lines:
    """The lines a process prints, read on a thread, waited for with a deadline."""

    def __init__(self, stream):
        self.queue = queue.Queue()
        threading.Thread(target=lambda: [self.queue.put(line) for line in stream], daemon=True).start()
        self.seen = []

    def until(self, text, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line.rstrip("\n"))
            if text in line:
                return self.seen
        raise AssertionError(f"no {text!r} in:\n" + "\n".join(self.seen))


@pytest.fixture
def watching(tmp_path):
    path = write(tmp_path, GOOD, "notes.tex")
    proc = subprocess.Popen([sys.executable, "-m", "derive", "watch", "--color", "never", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, COLUMNS="100"))
    try:
        yield path, Lines(proc.stdout)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_saved_edit_prints_only_what_changed(watching):
    path, lines = watching
    lines.until("3 verified, 0 refuted")
    time.sleep(0.5)
    path.write_text(GOOD.replace("H(p) + D_{KL}(p \\| q)", "H(p) + D_{KL}(q \\| p)"))
    seen = lines.until("gone:")
    after = seen[seen.index(next(s for s in seen if "notes.tex: 2 verified, 1 refuted" in s)):]
    refuted = next(i for i, s in enumerate(after) if "✗ refuted" in s)
    assert after[refuted + 1].endswith(", new")
    assert any("gone: step 2" in s and "(verified)" in s for s in after)
    assert not any("≥ 0" in s for s in after)                # the unchanged steps are not shown
    time.sleep(0.5)
    path.write_text(GOOD.replace("\\ge 0", "\\ge + *"))    # now unreadable
    seen = lines.until("error:")
    since = seen[max(i for i, s in enumerate(seen) if "notes.tex: " in s and "verified" in s):]
    assert "1 unreadable" in since[0] and "unexpected '*'" in since[-1]
