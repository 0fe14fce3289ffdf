"""What the reference scripts share: a tally of checks that prints each failure and closes with
the 'N passed, M failed' line CI reads."""


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
