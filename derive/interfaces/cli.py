"""The `derive` command line.

Exit codes: 0 when every step of every file is verified; 1 when any step is refuted or
undecided; 2 when an input cannot be used (the message says file, line and column).
"""

from __future__ import annotations

import argparse
import sys

from derive import __version__

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2

DESCRIPTION = """\
Check derivations written in LaTeX probability notation, step by step.

A derivation file is either a .tex file (directive comments such as
'% derive: density p_r, p_\\theta' followed by display math pasted from notes) or a
.yaml file (title, context, steps with justifications). Every step ends verified (a
symbolic proof), refuted (a counterexample, shown) or undecided (what was tried).
"""

CHECK_EPILOG = """\
exit codes: 0 every step verified; 1 a step refuted or undecided; 2 unusable input.
example: derive check examples/gan_mode_collapse.tex
"""


def build_parser():
    parser = argparse.ArgumentParser(
        prog="derive", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"derive {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check derivation files and print a verdict per step",
        description="Check every step of each FILE and print a verdict per step.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="+", metavar="FILE", help=".tex or .yaml derivation file")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for people (default), json for programs (schema in the README)")
    check.add_argument("--budget", type=_positive_float, default=5.0, metavar="SECONDS",
                       help="time allowed per step; a step past it is undecided (default 5)")
    check.add_argument("--seed", type=int, default=0,
                       help="seed of the random instances of the numeric check (default 0)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the marks (default: when writing to a terminal)")
    return parser


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    return run_check(args)


def run_check(args):
    from derive.check import Options, check
    from derive.frontend import InputError, load
    from derive.interfaces import json_output, terminal

    style = terminal.Style.for_stream(sys.stdout, args.color)
    progress = terminal.Progress()
    options = Options(budget=args.budget, seed=args.seed)
    results, errors = [], []
    for path in args.files:
        progress.show(f"reading {path}")
        try:
            derivation = load(path)
        except InputError as exc:
            errors.append(exc)
        except Exception as exc:  # a bug of ours: still a message, not a traceback
            errors.append(InputError(f"derive could not read this file ({type(exc).__name__}: "
                                     f"{exc}); this is a bug in derive, please report it", path))
        if errors and errors[-1].file == str(path):
            progress.clear()
            print(str(errors[-1]), file=sys.stderr)
            continue
        total = len(derivation.steps)

        def on_step(r, path=path, total=total):
            progress.show(f"checking {path}: step {r.step.index}/{total} done")

        result = check(derivation, options, on_step)
        progress.clear()
        results.append(result)
        if args.format == "text":
            print(terminal.render_result(result, style), flush=True)
    if args.format == "json":
        sys.stdout.write(json_output.render(results, errors))
    if errors:
        return EXIT_INPUT
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED
