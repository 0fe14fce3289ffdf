#!/usr/bin/env python3
"""Checks `cda agreement` against independent implementations of every statistic.

For each of several hand-built studies the script writes transcripts and one coding sheet per
coder, builds a project with the cda binary (`cda init`, `cda ingest`, `cda sheet import`, and
where the study asks `cda codes merge` and `cda round start 2`), runs `cda agreement --json` and
compares every figure, per code and overall, to 1e-9 with:

  * percent agreement and Brennan-Prediger's kappa: irrCAC's `CAC(...).bp()` (its `pa` and its
    coefficient, with the categories present/absent);
  * Cohen's kappa (two coders): scikit-learn's `cohen_kappa_score` on the units both coders judged;
  * Fleiss' kappa (three or more coders): irrCAC's `CAC(...).fleiss()` (Gwet's handling of
    missing judgements);
  * Krippendorff's alpha: `krippendorff.alpha(..., level_of_measurement="nominal")`;
  * segment matching (`--unit segment`): a re-implementation of the documented rule here.

The ratings given to those packages are derived here from the sheets, by the documented rules:
a coder's judgement on an utterance is present when one of the coder's codings of the code (after
merges) covers at least one of its code points, absent when the coder coded the document in the
round but not so, and missing when the coder has no coding in the document in that round;
moderators' utterances are no units unless --include-moderators. A statistic the reference
cannot compute (NaN, division by zero) must be null in cda's output with a reason, and so must
kappa, Fleiss' kappa and alpha when every judgement is the same (0/0; irrCAC's Fleiss returns a
rounding artefact of 1.0 there). Cohen's kappa with three or more coders, Fleiss' kappa with two,
and every statistic of a code no coder used must be null by design.

Usage: python3 Tests/Reference/agreement_reference.py --cda .build/debug/cda [--keep DIR]
Needs: pip install krippendorff scikit-learn irrCAC
Prints one line per failed check and a last line `N passed, M failed`; exits 1 on any failure.
"""

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

from reference_support import Tally
import warnings

import krippendorff
import numpy as np
import pandas as pd
from irrCAC.raw import CAC
from sklearn.metrics import cohen_kappa_score

TOLERANCE = 1e-9
WORDS = ("de overheid moet sneller reageren want één loket is genoeg maar naïef vertrouwen in "
         "digitale systemen vraagt toezicht en coördinatie tussen gemeenten burgers experts").split()


# ---------------------------------------------------------------------------------------------
# Studies: documents with utterances, codings per coder, merges.

class Study:
    def __init__(self, name, seed):
        self.name = name
        self.random = random.Random(seed)
        self.documents = []   # (id, [(speaker, text)])
        self.codings = []     # dict(coder, doc, su, so, eu, eo, code, round)
        self.merges = []      # ([sources], target)
        self.runs = []        # (label, coders, extra arguments)
        self.second_round = False

    def document(self, doc_id, turns):
        speakers = ["P%d" % (i + 1) for i in range(4)]
        utterances = []
        for i in range(turns):
            speaker = "M" if i % 5 == 0 else self.random.choice(speakers)
            words = [self.random.choice(WORDS) for _ in range(self.random.randint(4, 12))]
            utterances.append((speaker, " ".join(words).capitalize() + "."))
        self.documents.append((doc_id, utterances))

    def length(self, doc_id, index):
        return len(dict(self.documents)[doc_id][index - 1][1])

    def code(self, coder, doc, su, code, eu=None, so=None, eo=None, round=1):
        self.codings.append(dict(coder=coder, doc=doc, su=su, so=so, eu=eu or su, eo=eo, code=code, round=round))

    def units(self, doc_id):
        return range(1, len(dict(self.documents)[doc_id]) + 1)

    def random_codings(self, coders, codes, rate, flip, documents=None, round=1):
        """A first coder codes each unit with each code at `rate`; the others copy, flipping at `flip`."""
        for doc_id, utterances in self.documents:
            if documents is not None and doc_id not in documents:
                continue
            for index in self.units(doc_id):
                for code in codes:
                    base = self.random.random() < rate
                    for coder in coders:
                        mark = base if coder == coders[0] else (base != (self.random.random() < flip))
                        if mark:
                            self.code(coder, doc_id, index, code, round=round)


def build_studies():
    studies = []

    s = Study("two coders, three codes, one with no variation", 11)
    s.document("d1", 14)
    s.document("d2", 11)
    s.random_codings(["A", "B"], ["vertrouwen", "ongelijkheid"], 0.35, 0.2)
    for doc_id, _ in s.documents:
        for index in s.units(doc_id):
            s.code("A", doc_id, index, "alles")
            s.code("B", doc_id, index, "alles")
    s.runs.append(("all", "A,B", []))
    s.runs.append(("with moderators", "A,B", ["--include-moderators"]))
    studies.append(s)

    s = Study("two coders, offsets, fragments over several utterances, a merge", 23)
    s.document("d1", 12)
    s.random_codings(["A", "B"], ["loket", "toezicht"], 0.3, 0.25)
    s.code("A", "d1", 2, "kluis", so=0, eo=4)
    s.code("B", "d1", 2, "digitale kluis", eu=4, so=3, eo=0)   # covers 2 and 3; ends at offset 0 of 4
    s.code("A", "d1", 6, "kluis", eu=7)
    s.code("B", "d1", 7, "digitale kluis", so=1, eo=2)
    s.code("B", "d1", 9, "kluisje")
    s.merges.append((["digitale kluis", "kluisje"], "kluis"))
    s.runs.append(("all", "A,B", []))
    s.runs.append(("two codes", "A,B", ["--codes", "kluis", "loket"]))
    studies.append(s)

    s = Study("three coders, one of them codes only the first document", 37)
    s.document("d1", 13)
    s.document("d2", 12)
    s.random_codings(["A", "B"], ["vertrouwen", "ongelijkheid", "china"], 0.3, 0.2)
    for code in ("vertrouwen", "ongelijkheid", "china"):
        for index in s.units("d1"):
            base = any(c["coder"] == "A" and c["code"] == code and c["su"] == index and c["doc"] == "d1" for c in s.codings)
            if base != (s.random.random() < 0.25):
                s.code("C", "d1", index, code)
    for index in s.units("d1"):
        for coder in ("A", "B", "C"):
            s.code(coder, "d1", index, "alles")
    s.runs.append(("A, B, C", "A,B,C", []))
    s.runs.append(("A and C (missing in d2)", "A,C", []))
    s.runs.append(("one document", "A,B,C", ["--doc", "d2"]))
    s.runs.append(("nothing to compare", "A,C", ["--doc", "d2"]))
    s.runs.append(("no variation", "A,B,C", ["--doc", "d1", "--codes", "alles"]))
    studies.append(s)

    s = Study("four coders, missing documents, a rare code", 41)
    s.document("d1", 15)
    s.document("d2", 10)
    s.document("d3", 9)
    s.random_codings(["A", "B", "C", "D"], ["zeldzaam"], 0.06, 0.1)
    s.random_codings(["A", "B", "C", "D"], ["vaak", "soms"], 0.45, 0.3)
    s.codings = [c for c in s.codings if not (c["coder"] == "D" and c["doc"] == "d2") and not (c["coder"] == "C" and c["doc"] == "d3")]
    s.runs.append(("four", "A,B,C,D", []))
    s.runs.append(("three", "B,C,D", []))
    studies.append(s)

    s = Study("a code no coder used, and the kappa paradox", 53)
    s.document("d1", 20)
    s.random_codings(["A", "B"], ["gewoon"], 0.5, 0.15)
    s.code("A", "d1", 4, "scheef")
    s.code("Z", "d1", 5, "niemand")
    s.runs.append(("named codes", "A,B", ["--codes", "gewoon", "niemand", "scheef"]))
    studies.append(s)

    s = Study("two rounds", 67)
    s.document("d1", 12)
    s.random_codings(["A", "B"], ["ronde een"], 0.4, 0.2)
    s.second_round = True
    s.random_codings(["A", "B"], ["ronde twee", "ronde een"], 0.4, 0.35, round=2)
    s.runs.append(("round 1", "A,B", ["--round", "1"]))
    s.runs.append(("round 2 (current)", "A,B", []))
    studies.append(s)

    s = Study("segments", 79)
    s.document("d1", 10)
    s.document("d2", 8)
    for doc_id, _ in s.documents:
        for index in s.units(doc_id):
            length = s.length(doc_id, index)
            for code in ("kern", "rand"):
                if s.random.random() < 0.5:
                    start = s.random.randint(0, length // 3)
                    end = s.random.randint(start + 1, length)
                    s.code("A", doc_id, index, code, so=start, eo=end)
                    if s.random.random() < 0.8:
                        start2 = max(0, min(end - 1, start + s.random.randint(-3, 3)))
                        end2 = max(start2 + 1, min(length, end + s.random.randint(-4, 4)))
                        s.code("B", doc_id, index, code, so=start2, eo=end2)
                        if s.random.random() < 0.5:
                            s.code("C", doc_id, index, code, so=start2, eo=length)
    s.code("B", "d1", 2, "rand", eu=3)
    for minimum in ("0.9", "0.5", "0"):
        s.runs.append(("segments ≥ " + minimum, "A,B", ["--unit", "segment", "--min-overlap", minimum]))
    s.runs.append(("segments, three coders", "A,B,C", ["--unit", "segment", "--min-overlap", "0.7"]))
    s.runs.append(("utterances, three coders", "A,B,C", []))
    studies.append(s)
    return studies


# ---------------------------------------------------------------------------------------------
# The project, built with the cda binary.

def run(cda, arguments, folder):
    result = subprocess.run([cda] + arguments, cwd=folder, capture_output=True, text=True, env={**os.environ, "CDA_PROJECT": "study.cda"})
    if result.returncode != 0:
        raise RuntimeError("cda %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr.strip()))
    return result.stdout


def build_project(cda, study, folder):
    run(cda, ["init"], folder)
    for doc_id, utterances in study.documents:
        lines = ["# id: " + doc_id, "# moderator: M", "# speakers: M, P1, P2, P3, P4", ""]
        lines += ["%s: %s" % (speaker, text) for speaker, text in utterances]
        with open(os.path.join(folder, doc_id + ".txt"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        run(cda, ["ingest", doc_id + ".txt"], folder)
    for round_number in (1, 2):
        rows = [c for c in study.codings if c["round"] == round_number]
        if round_number == 2:
            if not study.second_round:
                break
            run(cda, ["round", "start", "2"], folder)
        for coder in sorted({c["coder"] for c in rows}):
            sheet = ["document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext"]
            for c in rows:
                if c["coder"] != coder:
                    continue
                span = str(c["su"]) if c["eu"] == c["su"] else "%d-%d" % (c["su"], c["eu"])
                offsets = ("", "") if c["so"] is None else (str(c["so"]), str(c["eo"] if c["eo"] is not None else study.length(c["doc"], c["eu"])))
                sheet.append("\t".join([c["doc"], span, offsets[0], offsets[1], c["code"], str(round_number), coder, "", ""]))
            name = "sheet-%s-%d.tsv" % (coder, round_number)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write("\n".join(sheet) + "\n")
            run(cda, ["sheet", "import", name], folder)
        if round_number == 1:
            for sources, target in study.merges:
                run(cda, ["codes", "merge"] + sources + ["--into", target, "--reason", "reference"], folder)


# ---------------------------------------------------------------------------------------------
# The reference: ratings from the study by the documented rules, statistics from the packages.

class Scope:
    def __init__(self, study, coders, arguments):
        def option(name):
            values = []
            for i, argument in enumerate(arguments):
                if argument == name:
                    for value in arguments[i + 1:]:
                        if value.startswith("--"):
                            break
                        values.append(value)
            return values
        self.study = study
        self.coders = coders
        rounds = option("--round")
        self.round = int(rounds[0]) if rounds else (2 if study.second_round else 1)
        self.moderators = "--include-moderators" in arguments
        target = {}
        for sources, into in study.merges:
            for source in sources:
                target[source] = into
        self.codings = [dict(c, code=target.get(c["code"], c["code"])) for c in study.codings if c["round"] == self.round]
        mine = [c for c in self.codings if c["coder"] in coders]
        self.judged = {(c["coder"], c["doc"]) for c in mine}
        order = [doc_id for doc_id, _ in study.documents]
        asked = option("--doc")
        self.documents = [d for d in order if d in asked] if asked else [d for d in order if any(c["doc"] == d for c in mine)]
        self.units = [(d, i) for d in self.documents for i in study.units(d)
                      if self.moderators or dict(study.documents)[d][i - 1][0] != "M"]
        codes = option("--codes")
        self.codes = sorted(codes) if codes else sorted({c["code"] for c in mine if c["doc"] in self.documents})
        self.unit_set = set(self.units)

    def covered(self, coding, index):
        """The code points of utterance `index` a coding covers, as (start, end), or None."""
        if not (coding["su"] <= index <= coding["eu"]):
            return None
        length = self.study.length(coding["doc"], index)
        start = (coding["so"] or 0) if index == coding["su"] else 0
        end = coding["eo"] if index == coding["eu"] and coding["eo"] is not None else length
        start, end = min(start, length), min(end, length)
        return (start, end) if start < end else None

    def ratings(self, code):
        """Units × coders: 1 present, 0 absent, NaN missing."""
        present = set()
        for c in self.codings:
            if c["code"] != code or c["coder"] not in self.coders:
                continue
            for index in range(c["su"], c["eu"] + 1):
                if (c["doc"], index) in self.unit_set and self.covered(c, index):
                    present.add((c["coder"], c["doc"], index))
        return [[(1.0 if (coder, d, i) in present else 0.0) if (coder, d) in self.judged else math.nan for coder in self.coders]
                for d, i in self.units]

    def segments(self, code):
        found, seen = [], set()
        for c in self.codings:
            if c["code"] != code or c["coder"] not in self.coders or c["doc"] not in self.documents:
                continue
            whole = (c["so"] or 0) == 0 and (c["eo"] is None or c["eo"] >= self.study.length(c["doc"], c["eu"]))
            key = (c["coder"], c["doc"], c["su"], c["eu"]) + ((None, None) if whole else (c["so"], c["eo"]))
            if key in seen:
                continue
            seen.add(key)
            pieces = {}
            for index in range(c["su"], c["eu"] + 1):
                if (c["doc"], index) in self.unit_set and self.covered(c, index):
                    pieces[index] = self.covered(c, index)
            length = sum(end - start for start, end in pieces.values())
            if length:
                found.append((c["coder"], c["doc"], pieces, length))
        return found


def quietly(compute):
    """The reference value, or NaN when the package cannot compute it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = float(compute())
        except (ZeroDivisionError, ValueError, IndexError, FloatingPointError, KeyError):
            return math.nan
    return value if math.isfinite(value) else math.nan


def reference_statistics(rows, coders):
    """agreement, kappa, fleiss_kappa, alpha, brennan_prediger of units × coders ratings."""
    matrix = np.array(rows, dtype=float).reshape(len(rows), len(coders))
    frame = pd.DataFrame(matrix, columns=coders)
    both = [(a, b) for a, b in matrix[:, :2]] if len(coders) == 2 else []
    both = [(a, b) for a, b in both if not (math.isnan(a) or math.isnan(b))]

    def bp():
        return CAC(frame.copy(), categories=[0.0, 1.0], digits=20).bp()["est"]
    result = {
        "agreement": quietly(lambda: bp()["pa"]),
        "brennan_prediger": quietly(lambda: bp()["coefficient_value"]),
        "alpha": quietly(lambda: krippendorff.alpha(reliability_data=matrix.T, level_of_measurement="nominal", value_domain=[0.0, 1.0])),
        "kappa": None,
        "fleiss_kappa": None,
    }
    if len(coders) == 2:
        result["kappa"] = quietly(lambda: cohen_kappa_score([a for a, _ in both], [b for _, b in both], labels=[0.0, 1.0])) if both else math.nan
    else:
        result["fleiss_kappa"] = quietly(lambda: CAC(frame.copy(), categories=[0.0, 1.0], digits=20).fleiss()["est"]["coefficient_value"])
    if len({value for value in matrix.flatten() if not math.isnan(value)}) <= 1:
        # Every judgement the same: chance agreement is total and the chance-corrected statistics
        # are 0/0. irrCAC's Fleiss then divides two rounding errors (1 - 0.999…) and reports 1.0;
        # by definition there is no value.
        for key in ("kappa", "fleiss_kappa", "alpha"):
            if result[key] is not None:
                result[key] = math.nan
    return result


# ---------------------------------------------------------------------------------------------
# Comparing.



def compare_statistics(tally, label, entry, expected):
    for key, value in expected.items():
        got = entry.get(key, "missing")
        if value is None:  # null by design
            tally.check(got is None and key in entry.get("undefined", {}), "%s %s: expected null by design, got %r" % (label, key, got))
        elif math.isnan(value):
            tally.check(got is None and key in entry.get("undefined", {}), "%s %s: reference undefined, cda %r" % (label, key, got))
        else:
            tally.check(isinstance(got, (int, float)) and abs(got - value) <= TOLERANCE, "%s %s: reference %r, cda %r" % (label, key, value, got))


def check_utterances(tally, label, scope, report, sheet_rows):
    tally.check(report["units"] == len(scope.units), "%s: units %r, expected %d" % (label, report["units"], len(scope.units)))
    tally.check([d["document"] for d in report["documents"]] == scope.documents, "%s: documents %r" % (label, report["documents"]))
    tally.check([c["code"] for c in report["codes"]] == scope.codes, "%s: codes %r, expected %r" % (label, [c["code"] for c in report["codes"]], scope.codes))
    entries = {c["code"]: c for c in report["codes"]}
    stacked, disagreements = [], 0
    for code in scope.codes:
        rows = scope.ratings(code)
        entry = entries.get(code, {})
        used = any(value == 1.0 for row in rows for value in row)
        coded = {coder: sum(1 for row in rows if row[i] == 1.0) for i, coder in enumerate(scope.coders)}
        tally.check(entry.get("coded_units") == coded, "%s %s: coded_units %r, expected %r" % (label, code, entry.get("coded_units"), coded))
        compared = sum(1 for row in rows if sum(0 if math.isnan(v) else 1 for v in row) >= 2)
        tally.check(entry.get("compared_units") == compared, "%s %s: compared_units %r, expected %d" % (label, code, entry.get("compared_units"), compared))
        for row in rows:
            given = {v for v in row if not math.isnan(v)}
            if sum(0 if math.isnan(v) else 1 for v in row) >= 2 and len(given) > 1:
                disagreements += 1
        if not used:
            compare_statistics(tally, "%s %s (unused)" % (label, code), entry, {k: None for k in ("agreement", "kappa", "fleiss_kappa", "alpha", "brennan_prediger")})
            continue
        stacked += rows
        compare_statistics(tally, "%s %s" % (label, code), entry, reference_statistics(rows, scope.coders))
    if stacked:
        overall = reference_statistics(stacked, scope.coders)
    else:
        overall = {"agreement": math.nan, "alpha": math.nan, "brennan_prediger": math.nan,
                   "kappa": math.nan if len(scope.coders) == 2 else None, "fleiss_kappa": None if len(scope.coders) == 2 else math.nan}
    compare_statistics(tally, "%s overall" % label, report["overall"], overall)
    tally.check(report["disagreements"] == disagreements, "%s: %r disagreements, expected %d" % (label, report["disagreements"], disagreements))
    tally.check(sheet_rows == disagreements, "%s: %d sheet rows, expected %d" % (label, sheet_rows, disagreements))


# Comparing segments, only percent agreement is defined.
SEGMENT_NULLS = {"kappa": None, "fleiss_kappa": None, "alpha": None, "brennan_prediger": None}


def check_segments(tally, label, scope, minimum, report):
    entries = {c["code"]: c for c in report["codes"]}
    total_checked = total_matched = 0
    for code in scope.codes:
        segments = scope.segments(code)
        checked = matched = 0
        for coder, doc, pieces, length in segments:
            for other in scope.coders:
                if other == coder or (other, doc) not in scope.judged:
                    continue
                checked += 1
                for coder2, doc2, pieces2, length2 in segments:
                    if coder2 != other or doc2 != doc:
                        continue
                    shared = sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for i, a in pieces.items() for j, b in pieces2.items() if i == j)
                    if shared > 0 and shared / (length + length2 - shared) >= minimum:
                        matched += 1
                        break
        total_checked += checked
        total_matched += matched
        entry = entries.get(code, {})
        tally.check(entry.get("compared_units") == checked, "%s %s: %r checks, expected %d" % (label, code, entry.get("compared_units"), checked))
        if not segments:
            expected = None
        else:
            expected = matched / checked if checked else math.nan
        compare_statistics(tally, "%s %s" % (label, code), entry, dict(SEGMENT_NULLS, agreement=expected))
    compare_statistics(tally, "%s overall" % label, report["overall"],
                       dict(SEGMENT_NULLS, agreement=total_matched / total_checked if total_checked else math.nan))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cda", default=".build/debug/cda")
    parser.add_argument("--keep", help="build the projects in this folder and keep them")
    arguments = parser.parse_args()
    cda = os.path.abspath(arguments.cda)
    root = arguments.keep or tempfile.mkdtemp(prefix="cda-agreement-")
    tally = Tally()
    try:
        for number, study in enumerate(build_studies(), 1):
            folder = os.path.join(root, "study-%d" % number)
            os.makedirs(folder, exist_ok=True)
            build_project(cda, study, folder)
            for label, coders, extra in study.runs:
                name = "%s / %s" % (study.name, label)
                sheet = os.path.join(folder, "disagreements.tsv")
                report = json.loads(run(cda, ["agreement", "--coders", coders, "--json", "--disagreements", sheet] + extra, folder))
                with open(sheet, encoding="utf-8") as handle:
                    rows = [line for line in handle.read().split("\n")[1:] if line and not line.startswith("#") and not line.startswith("document\t")]
                scope = Scope(study, coders.split(","), extra)
                tally.check(report["coders"] == scope.coders and report["round"] == scope.round, "%s: coders %r round %r" % (name, report["coders"], report["round"]))
                if "--unit" in extra:
                    check_segments(tally, name, scope, float(extra[extra.index("--min-overlap") + 1]), report)
                else:
                    check_utterances(tally, name, scope, report, len(rows))
                mode = os.stat(sheet).st_mode & 0o777
                tally.check(mode == 0o600, "%s: the disagreements sheet has mode %o, expected 600" % (name, mode))
    finally:
        if not arguments.keep:
            shutil.rmtree(root, ignore_errors=True)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
