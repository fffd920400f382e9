"""`derive report`: write a rendered report, its figures, and for PDF run latexmk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from derive.reports.render import MissingPlotting, render

EXIT_OK, EXIT_INPUT = 0, 2
LATEXMK = ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "-quiet",
           "-pdflatex=pdflatex -no-shell-escape %O %S"]


def run_report(args, collected):
    results, errors = collected
    if errors or not results:
        return EXIT_INPUT
    fmt = args.format
    paper = getattr(args, "paper", "a4")
    inputs = {Path(f).resolve() for f in args.files}
    out = Path(args.output) if args.output else default_output(args.files[0], fmt, inputs)
    if out.resolve() in inputs:
        print(f"derive: error: the report would overwrite its input {out}; "
              "give another -o PATH", file=sys.stderr)
        return EXIT_INPUT
    try:
        if fmt == "pdf":
            build_pdf(results, out, args.templates, paper)
        else:
            write_report(results, fmt, out, args.templates, paper)
    except ReportError as exc:
        print(f"derive: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:      # a folder as -o, no such place, a full disk: the user's to fix
        print(f"derive: error: cannot write the report to {out}: "
              f"{exc.strerror or type(exc).__name__}", file=sys.stderr)
        return EXIT_INPUT
    print(f"wrote {out}", file=sys.stderr)
    # the report shows the rows derive could not read; the input was still not usable
    unread = any(s["verdict"] == "error" for r in results for s in r["steps"] + r["claims"])
    return EXIT_INPUT if unread else EXIT_OK


def default_output(first, fmt, inputs):
    """NAME.FORMAT beside the working folder, from the first file's name; NAME.report.FORMAT
    when that is an input (`derive report notes.tex --format tex` keeps notes.tex)."""
    stem = Path(first).name.split(".")[0]
    out = Path(f"{stem}.{fmt}")
    return Path(f"{stem}.report.{fmt}") if out.resolve() in inputs else out


class ReportError(Exception):
    """The report could not be produced (no TeX, a failed build, a bad template)."""


def write_report(results, fmt, out, templates=None, paper="a4"):
    """Write the report to `out`; figures beside it (`NAME_files/` for Markdown)."""
    prefix = {"md": f"{out.stem}_files/", "tex": f"{out.stem}-"}.get(fmt, "")
    try:
        text, files = render(results, fmt, prefix, templates, paper)
    except MissingPlotting as exc:
        raise ReportError(str(exc)) from None
    except Exception as exc:  # a user's template, most likely
        raise ReportError(f"could not render the {fmt} report: {type(exc).__name__}: {exc}") from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    for name, data in files.items():
        target = out.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return out


def build_pdf(results, out, templates=None, paper="a4"):
    """Render LaTeX and build it with latexmk (pdflatex, no shell escape)."""
    missing = [tool for tool in ("latexmk", "pdflatex") if shutil.which(tool) is None]
    if missing:
        raise ReportError(f"--format pdf needs {' and '.join(missing)}, which are not installed; "
                          "on Debian or Ubuntu: apt install latexmk texlive-latex-recommended "
                          "(or use --format tex and build it yourself)")
    with tempfile.TemporaryDirectory() as folder:
        tex = write_report(results, "tex", Path(folder) / "report.tex", templates, paper)
        # paranoid file access; fixed dates and document ID, so the same input gives the
        # same PDF bytes
        env = dict(os.environ, openin_any="p", openout_any="p", SOURCE_DATE_EPOCH="0",
                   FORCE_SOURCE_DATE="1")
        try:
            proc = subprocess.run(LATEXMK + [tex.name], cwd=folder, capture_output=True, text=True,
                                  timeout=300, env=env)
        except subprocess.TimeoutExpired:
            raise ReportError("latexmk took more than 5 minutes") from None
        if proc.returncode != 0:
            log = Path(folder) / "report.log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else proc.stdout[-1500:]
            raise ReportError(f"latexmk failed (exit {proc.returncode}); the end of its log:\n{tail}")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(folder) / "report.pdf", out)
