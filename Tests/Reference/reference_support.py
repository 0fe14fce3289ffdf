"""What the reference scripts share: their command line and working folder, and a tally of checks
that prints each failure and closes with the 'N passed, M failed' line CI reads."""

import argparse
import os
import tempfile


def start(description, prefix, keep_help):
    """Parses --cda and --keep; returns the arguments, cda's absolute path and the working folder
    (--keep's, else a new temporary one, which the caller removes unless --keep was given)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cda", default=".build/debug/cda")
    parser.add_argument("--keep", help=keep_help)
    arguments = parser.parse_args()
    folder = arguments.keep or tempfile.mkdtemp(prefix=prefix)
    os.makedirs(folder, exist_ok=True)
    return arguments, os.path.abspath(arguments.cda), folder


class Tally:
    """Counts passed and failed checks; prints a line for each failure."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, label):
        """Records one check; `label` says what failed."""
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAILED: " + label)
