#!/usr/bin/env python3
"""Checks `cda sheet export --format xlsx` and `cda sheet import FILE.xlsx` against openpyxl.

The script builds a small project with the cda binary (`cda init`, `cda ingest`, `cda sheet
import` of a TSV with in-vivo codes, diacritics, emoji and codes that look like numbers and
dates), exports it with `cda sheet export --format xlsx`, and opens the workbook with openpyxl
(an independent reader and writer of the format, from PyPI). It checks that every cell holds the
text of `cda sheet export` (TSV) as a string (never a number or a date), that the header row is
frozen, the text column wide and wrapped, and the file readable by its owner only. Then it edits
a code cell and adds a row (with the utterance as a number, as a spreadsheet stores it), saves
the workbook with openpyxl (which writes shared strings, not inline strings), and imports it with
cda, checking the counts; importing cda's own workbook again must add nothing.

Usage: python3 Tests/Reference/xlsx_reference.py --cda .build/debug/cda [--keep DIR]
Needs: pip install openpyxl
Prints one line per failed check and a last line `N passed, M failed`; exits 1 on any failure.
"""

import json
import os
import shutil
import subprocess
import sys

from reference_support import Tally, start

import openpyxl

TRANSCRIPT = """# id: wijk
# moderator: M
# speakers: M, Anouk, Bram

M: Wat vinden jullie van de nieuwe app van de gemeente?
Anouk: Ik mis de menselijke maat, je krijgt nooit iemand aan de lijn.
Bram: Eén melding en de lantaarnpaal is gerepareerd 🙂 dat is efficiënt.
Anouk: Maar "digitaal eerst" betekent voor mijn moeder: niemand.
Bram: Dan moet er een loket blijven, naast de app.
"""

COLUMNS = ["document", "utterance", "start", "end", "code", "round", "coder", "memo", "text"]
SHEET = [
    ["wijk", "2", "", "", '"menselijke maat"', "1", "anna", "in vivo; zie ook r4", ""],
    ["wijk", "3", "0", "11", "efficiëntie 🙂", "1", "anna", "", ""],
    ["wijk", "3-4", "", "", "2024-03-01", "1", "bram", 'memo met "quotes"', ""],
    ["wijk", "4", "", "", "0012", "1", "bram", "", ""],
    ["wijk", "5", "", "", "1e5", "1", "anna", "", ""],
]




def run(cda, arguments, folder):
    result = subprocess.run([cda] + arguments, cwd=folder, capture_output=True, text=True,
                            env={**os.environ, "CDA_PROJECT": "wijk.cda"})
    if result.returncode != 0:
        raise RuntimeError("cda %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr.strip()))
    return result.stdout


def tsv_rows(cda, folder):
    text = run(cda, ["sheet", "export"], folder)
    lines = [line for line in text.split("\n") if line and not line.startswith("#")]
    return [line.split("\t") for line in lines]


def check_workbook(tally, path, expected):
    mode = os.stat(path).st_mode & 0o777
    tally.check(mode == 0o600, "the workbook has mode %o, expected 600" % mode)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    tally.check(len(book.worksheets) == 1, "one worksheet, found %d" % len(book.worksheets))
    tally.check(sheet.freeze_panes == "A2", "header row frozen: freeze_panes is %r" % sheet.freeze_panes)
    rows = list(sheet.iter_rows())
    tally.check(len(rows) == len(expected), "%d rows, expected %d" % (len(rows), len(expected)))
    for number, (row, want) in enumerate(zip(rows, expected), 1):
        # Compared as wide as cda's own TSV export of the same sheet (empty cells are not written).
        values = [cell.value if cell.value is not None else "" for cell in row][:len(want)]
        values += [""] * (len(want) - len(values))
        tally.check(values == want, "row %d: %r, expected %r" % (number, values, want))
        for cell in row:
            if cell.value is not None:
                tally.check(cell.data_type == "s" and isinstance(cell.value, str),
                            "%s is a %s (%r), expected a string" % (cell.coordinate, cell.data_type, cell.value))
    width = sheet.column_dimensions["I"].width or 0
    tally.check(width >= 60, "text column width %r, expected at least 60" % width)
    text_cells = [row[8] for row in rows[1:] if len(row) > 8]
    tally.check(bool(text_cells) and all(cell.alignment.wrap_text for cell in text_cells), "text cells wrapped")
    tally.check(all(cell.font.b for cell in rows[0]), "header cells bold")
    return book


def main():
    arguments, cda, folder = start(__doc__.split("\n")[0], "cda-xlsx-", "build the project in this folder and keep it")
    tally = Tally()
    try:
        run(cda, ["init"], folder)
        with open(os.path.join(folder, "wijk.txt"), "w", encoding="utf-8") as handle:
            handle.write(TRANSCRIPT)
        run(cda, ["ingest", "wijk.txt"], folder)
        with open(os.path.join(folder, "ronde1.tsv"), "w", encoding="utf-8") as handle:
            handle.write("\n".join("\t".join(row) for row in [COLUMNS] + SHEET) + "\n")
        first = json.loads(run(cda, ["sheet", "import", "ronde1.tsv", "--json"], folder))
        tally.check(first["added"] == len(SHEET), "TSV import added %d, expected %d" % (first["added"], len(SHEET)))

        expected = tsv_rows(cda, folder)
        run(cda, ["sheet", "export", "--format", "xlsx", "--out", "ronde1.xlsx"], folder)
        path = os.path.join(folder, "ronde1.xlsx")
        book = check_workbook(tally, path, expected)

        again = json.loads(run(cda, ["sheet", "import", "ronde1.xlsx", "--json"], folder))
        tally.check(again["added"] == 0 and again["alreadyPresent"] == len(SHEET) and again["codesCreated"] == [],
                    "cda's own workbook re-imported: %r" % again)

        # Edit a code cell and add a row, as a researcher would, and save with openpyxl.
        sheet = book.worksheets[0]
        edited_row = next(row for row in sheet.iter_rows(min_row=2) if row[4].value == "0012")
        edited_row[4].value = "loket ✓"
        sheet.append(["wijk", 5, 0, 4, '"Dan moet"', 1, "anna", "nieuw", None])
        edited = os.path.join(folder, "ronde1-bewerkt.xlsx")
        book.save(edited)
        os.chmod(edited, 0o600)
        result = json.loads(run(cda, ["sheet", "import", "ronde1-bewerkt.xlsx", "--json"], folder))
        tally.check(result["rows"] == len(SHEET) + 1, "edited workbook: %d rows, expected %d" % (result["rows"], len(SHEET) + 1))
        tally.check(result["added"] == 2, "edited workbook: %d added, expected 2" % result["added"])
        tally.check(result["alreadyPresent"] == len(SHEET) - 1, "edited workbook: %d already present" % result["alreadyPresent"])
        tally.check(sorted(result["codesCreated"]) == ["Dan moet", "loket ✓"], "codes created %r" % result["codesCreated"])
        codes = {row[4] for row in tsv_rows(cda, folder)[1:]}
        tally.check('"Dan moet"' in codes and "loket ✓" in codes and "0012" in codes, "codes after import: %r" % sorted(codes))
        added = [row for row in tsv_rows(cda, folder) if row[4] == '"Dan moet"']
        tally.check(len(added) == 1 and added[0][1:4] == ["5", "0", "4"], "the added row: %r" % added)
        repeat = json.loads(run(cda, ["sheet", "import", "ronde1-bewerkt.xlsx", "--json"], folder))
        tally.check(repeat["added"] == 0, "edited workbook imported twice adds nothing: %r" % repeat)
    except RuntimeError as error:
        tally.check(False, str(error))
    finally:
        if not arguments.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
