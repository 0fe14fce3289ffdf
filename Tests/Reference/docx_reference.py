#!/usr/bin/env python3
"""Checks `cda report --format docx,odt` against python-docx and odfpy.

The script builds the bundled study with the cda binary (`cda build` of
Corpora/scenario-workshops/cda.yaml, keeping the project), writes the report as JSON, Word and
OpenDocument in one run of `cda report --lang en` and the documents again with the default
language (Dutch: the study's documents declare `language: nl`), and opens the documents with independent readers
from PyPI: python-docx for report.docx and odfpy for report.odt. It checks that both open, that
the files are readable by their owner only, that the title and the headings are in their styles
(Heading 1-3 with outline levels, so word processors list them in the navigation pane), that
every theme has its heading, that the cells of the groups, overview, figures and code tables
equal the JSON report's figures (formatted here, independently: one decimal for percentages, two
for statistics, with a decimal comma in Dutch), and that every summary is a paragraph of its theme.
It also writes `cda matrix` (codes by speakers) as Word and OpenDocument and `cda cooccurrence`
as Word, in English and Dutch, and checks their cells against the JSON of the same commands, and
`cda export summaries` as Word and OpenDocument (a heading per theme, every summary a paragraph).

Usage: python3 Tests/Reference/docx_reference.py --cda .build/debug/cda [--keep DIR]
Needs: pip install python-docx odfpy
Prints one line per failed check and a last line `N passed, M failed`; exits 1 on any failure.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile

from reference_support import Tally, start

import docx
from odf import opendocument, style as odf_style, table as odf_table, teletype, text as odf_text

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECIPE = os.path.join(REPOSITORY, "Corpora", "scenario-workshops", "cda.yaml")
# The labels the report uses, per language; the study's documents declare `language: nl`, so Dutch
# is the default and English is asked for with --lang en.
LABELS = {
    "en": {"groups": "Groups", "overview": "Overview: share of words per theme", "themes": "Themes", "silences": "Silences",
           "definitions": "Definitions", "title": "Theme report: ", "group": "group", "documents": "documents",
           "participants": "participants", "utterances": "utterances", "words": "words", "coded words": "coded words",
           "coded": "coded", "theme": "theme", "raised more by": "raised more by", "fragments": "fragments",
           "share of words": "share of words", "code": "code", "of": "of", "coded seconds": "coded seconds", "seconds": "seconds"},
    "nl": {"groups": "Groepen", "overview": "Overzicht: aandeel woorden per thema", "themes": "Thema's", "silences": "Stiltes",
           "definitions": "Definities", "title": "Themarapport: ", "group": "groep", "documents": "documenten",
           "participants": "deelnemers", "utterances": "uitingen", "words": "woorden", "coded words": "gecodeerde woorden",
           "coded": "gecodeerd", "theme": "thema", "raised more by": "meer genoemd door", "fragments": "fragmenten",
           "share of words": "aandeel woorden", "code": "code", "of": "van", "coded seconds": "gecodeerde seconden",
           "seconds": "seconden"},
}


def run(cda, arguments, folder):
    result = subprocess.run([cda] + arguments, cwd=folder, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("cda %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr.strip()))
    return result.stdout


def decimal(text, lang):
    return text.replace(".", ",") if lang == "nl" else text


def expected_tables(report, lang):
    """The tables in document order, as rows of cell texts, computed from the JSON report."""
    label = LABELS[lang]

    def percent(share):
        return decimal("%.1f%%" % (share * 100), lang)

    def statistic(value):
        return "–" if value is None else decimal("%.2f" % value, lang)

    def seconds(value):
        return decimal("%.1f" % value, lang)

    names = [group["name"] for group in report["groups"]]
    # Seconds of coded recording appear only when some group has any (time-span codings).
    timed = any(group.get("coded_seconds", 0) > 0 for group in report["groups"])
    tables = [[[label[key] for key in ("group", "documents", "participants", "utterances", "words", "coded words", "coded")]
               + ([label["coded seconds"]] if timed else [])]
              + [[group["name"], str(group["documents"]), str(group["participants"]), str(group["utterances"]),
                  str(group["words"]), str(group["coded_words"]),
                  percent(group["coded_words"] / group["words"] if group["words"] else 0)]
                 + ([seconds(group["coded_seconds"])] if timed else []) for group in report["groups"]]]
    overview = [[label["theme"]] + names + ["G²", "Log Ratio", label["raised more by"]]]
    for theme in report["themes"]:
        comparison = theme.get("comparison") or {}
        overview.append([theme["label"]] + [percent(theme["groups"].get(name, {}).get("share_of_words", 0)) for name in names]
                        + [statistic(comparison.get("log_likelihood")), statistic(comparison.get("log_ratio")),
                           comparison.get("raised_more_by") or "–"])
    tables.append(overview)
    totals = {group["name"]: group["participants"] for group in report["groups"]}
    for theme in report["themes"]:
        cells = [theme["groups"].get(name, {}) for name in names]
        tables.append([
            [""] + names,
            [label["fragments"]] + [str(cell.get("fragments", 0)) for cell in cells],
            [label["words"]] + [str(cell.get("words", 0)) for cell in cells],
        ] + ([[label["seconds"]] + [seconds(cell.get("seconds", 0)) for cell in cells]] if timed else []) + [
            [label["share of words"]] + [percent(cell.get("share_of_words", 0)) for cell in cells],
            [label["participants"]] + ["%d %s %d (%s)" % (cell.get("participants", 0), label["of"], totals[name],
                                                          percent(cell.get("share_of_participants", 0)))
                                       for name, cell in zip(names, cells)],
            [label["documents"]] + [str(cell.get("documents", 0)) for cell in cells],
        ])
        codes = sorted({code["code"] for cell in cells for code in cell.get("codes", [])})
        if codes:
            counts = [{code["code"]: code["fragments"] for code in cell.get("codes", [])} for cell in cells]
            tables.append([[label["code"]] + names] + [[code] + [str(count.get(code, 0)) for count in counts] for code in codes])
    return tables


def expected_headings(report, lang):
    """(level, text) of every heading the report must have, in order; level-3 headings left out."""
    label = LABELS[lang]
    headings = [(1, label["groups"]), (1, label["overview"]), (1, label["themes"])]
    headings += [(2, "%s (%s)" % (theme["label"], theme["id"])) for theme in report["themes"]]
    return headings


def summaries(report):
    names = [group["name"] for group in report["groups"]]
    return [(theme["id"], name, theme["groups"][name]["summary"].strip()) for theme in report["themes"] for name in names
            if theme["groups"].get(name, {}).get("summary")]


def compare_tables(tally, label, found, expected):
    tally.check(len(found) == len(expected), "%s: %d tables, expected %d" % (label, len(found), len(expected)))
    for number, (table, want) in enumerate(zip(found, expected), 1):
        tally.check(table == want, "%s table %d:\n  found    %r\n  expected %r" % (label, number, table, want))


def check_docx(tally, path, report, lang):
    document = docx.Document(path)
    paragraphs = document.paragraphs
    tally.check(paragraphs and paragraphs[0].style.name == "Title" and paragraphs[0].text == LABELS[lang]["title"] + report["project"],
                "docx %s: the first paragraph is the title, found %r" % (lang, paragraphs[0].text if paragraphs else None))
    headings = [(int(p.style.name.split()[-1]), p.text) for p in paragraphs if p.style.name.startswith("Heading ")]
    top = [(level, text) for level, text in headings if level < 3]
    want = expected_headings(report, lang)
    tally.check(top[:len(want)] == want, "docx %s headings" % lang + ":\n  found    %r\n  expected %r" % (top[:len(want)], want))
    tally.check([text for level, text in top if level == 1][-2:] == [LABELS[lang]["silences"], LABELS[lang]["definitions"]],
                "docx %s: Silences and Definitions last" % lang)
    for level in (1, 2, 3):
        style = document.styles["Heading %d" % level]
        outline = style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        tally.check(outline == [str(level - 1)], "docx: Heading %d has outline level %r" % (level, outline))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    compare_tables(tally, "docx " + lang, tables, expected_tables(report, lang))
    tally.check(all(table.style is not None and table.style.name == "Report Table" for table in document.tables),
                "docx: every table has the table style")
    texts = [p.text for p in paragraphs]
    for theme, group, summary in summaries(report):
        tally.check("%s. %s" % (group, summary) in texts, "docx: the summary of %s × %s is a paragraph" % (theme, group))
    return tables


def check_odt(tally, path, report, lang):
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        tally.check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED,
                    "odt: mimetype is the first entry, stored")
        tally.check(archive.testzip() is None, "odt: every entry's checksum holds")
    document = opendocument.load(path)
    tally.check(document.mimetype == "application/vnd.oasis.opendocument.text", "odt: mimetype %r" % document.mimetype)
    headings = [(int(h.getAttribute("outlinelevel")), teletype.extractText(h)) for h in document.getElementsByType(odf_text.H)]
    top = [(level, text) for level, text in headings if level < 3]
    want = expected_headings(report, lang)
    tally.check(top[:len(want)] == want, "odt %s headings" % lang + ":\n  found    %r\n  expected %r" % (top[:len(want)], want))
    styles = {style.getAttribute("name"): style for style in document.styles.getElementsByType(odf_style.Style)}
    for level in (1, 2, 3):
        style = styles.get("Heading_20_%d" % level)
        tally.check(style is not None and style.getAttribute("defaultoutlinelevel") == str(level),
                    "odt: Heading %d has its outline level" % level)
    tables = []
    for table in document.getElementsByType(odf_table.Table):
        tables.append([["\n".join(teletype.extractText(p) for p in cell.getElementsByType(odf_text.P))
                        for cell in row.getElementsByType(odf_table.TableCell)]
                       for row in table.getElementsByType(odf_table.TableRow)])
    compare_tables(tally, "odt " + lang, tables, expected_tables(report, lang))
    texts = [teletype.extractText(p) for p in document.getElementsByType(odf_text.P)]
    for theme, group, summary in summaries(report):
        tally.check("%s. %s" % (group, summary) in texts, "odt: the summary of %s × %s is a paragraph" % (theme, group))
    return tables


MATRIX_LABELS = {"en": {"code": "code", "total": "total", "first": "first", "second": "second", "together": "together",
                        "either": "either"},
                 "nl": {"code": "code", "total": "totaal", "first": "eerste", "second": "tweede", "together": "samen",
                        "either": "een van beide"}}


def expected_matrix(matrix, lang):
    """The code matrix (codes by speakers, fragments per cell) as rows of cell texts, from its JSON."""
    label = MATRIX_LABELS[lang]
    rows = [[label["code"]] + [column["name"] for column in matrix["columns"]] + [label["total"]]]
    for row in matrix["rows"]:
        rows.append([row["label"]] + [str(cell["fragments"]) for cell in row["cells"]] + [str(row["total"]["fragments"])])
    return rows


def expected_pairs(cooccurrence, lang):
    """The pairs that occur together, most often first, then by Jaccard, then in item order, from the JSON."""
    label = MATRIX_LABELS[lang]
    labels = {item["id"]: item["label"] for item in cooccurrence["items"]}
    pairs = [(index, pair) for index, pair in enumerate(cooccurrence["pairs"]) if pair["together"] > 0]
    pairs.sort(key=lambda entry: (-entry[1]["together"], -entry[1]["jaccard"], entry[0]))
    rows = [[label["first"], label["second"], label["together"], label["either"], "Jaccard"]]
    for _, pair in pairs:
        rows.append([labels[pair["first"]], labels[pair["second"]], str(pair["together"]), str(pair["either"]),
                     decimal("%.3f" % pair["jaccard"], lang)])
    return rows


def docx_tables(path):
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(path).tables]


def odt_tables(path):
    document = opendocument.load(path)
    return [[["\n".join(teletype.extractText(p) for p in cell.getElementsByType(odf_text.P))
              for cell in row.getElementsByType(odf_table.TableCell)]
             for row in table.getElementsByType(odf_table.TableRow)]
            for table in document.getElementsByType(odf_table.Table)]


def check_matrix(tally, cda, folder):
    """`cda matrix` and `cda cooccurrence` as Word and OpenDocument files against their JSON."""
    project = ["--project", "study.cda"]
    matrix = json.loads(run(cda, ["matrix", "--cols", "speakers", "--json"] + project, folder))
    pairs = json.loads(run(cda, ["cooccurrence", "--unit", "utterance", "--json"] + project, folder))
    tally.check(len(matrix["rows"]) > 5 and len(matrix["columns"]) > 5,
                "the study's matrix has %d rows and %d columns" % (len(matrix["rows"]), len(matrix["columns"])))
    tally.check(all(column["name"].startswith("P") for column in matrix["columns"]), "matrix: speakers are pseudonymised")
    tally.check(any(pair["together"] > 0 for pair in pairs["pairs"]), "the study has codes that occur together")
    for lang in ("en", "nl"):
        run(cda, ["matrix", "--cols", "speakers", "--format", "docx", "--lang", lang, "--out", "matrix-%s.docx" % lang] + project,
            folder)
        run(cda, ["matrix", "--cols", "speakers", "--format", "odt", "--lang", lang, "--out", "matrix-%s.odt" % lang] + project, folder)
        run(cda, ["cooccurrence", "--unit", "utterance", "--format", "docx", "--lang", lang, "--out", "pairs-%s.docx" % lang]
            + project, folder)
        want = expected_matrix(matrix, lang)
        for name, tables in (("docx", docx_tables(os.path.join(folder, "matrix-%s.docx" % lang))),
                             ("odt", odt_tables(os.path.join(folder, "matrix-%s.odt" % lang)))):
            tally.check(tables == [want], "matrix %s %s:\n  found    %r\n  expected %r" % (name, lang, tables[:1], want))
        found = docx_tables(os.path.join(folder, "pairs-%s.docx" % lang))
        want = expected_pairs(pairs, lang)
        tally.check(found == [want], "cooccurrence docx %s:\n  found    %r\n  expected %r" % (lang, found[:1], want))
        mode = os.stat(os.path.join(folder, "matrix-%s.docx" % lang)).st_mode & 0o777
        tally.check(mode == 0o600, "matrix-%s.docx has mode %o, expected 600" % (lang, mode))


def check_summaries(tally, cda, folder, report):
    """`cda export summaries --format docx|odt`: a heading per theme, every summary a paragraph."""
    themes = ["%s (%s)" % (theme["label"], theme["id"]) for theme in report["themes"]]
    for name in ("docx", "odt"):
        path = os.path.join(folder, "summaries." + name)
        run(cda, ["export", "summaries", "--project", "study.cda", "--format", name, "--lang", "en", "--out", path], folder)
        if name == "docx":
            paragraphs = docx.Document(path).paragraphs
            headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
            texts = [p.text for p in paragraphs]
        else:
            document = opendocument.load(path)
            headings = [teletype.extractText(h) for h in document.getElementsByType(odf_text.H)
                        if h.getAttribute("outlinelevel") == "1"]
            texts = [teletype.extractText(p) for p in document.getElementsByType(odf_text.P)]
        tally.check(headings == themes, "summaries.%s headings:\n  found    %r\n  expected %r" % (name, headings, themes))
        for theme, group, summary in summaries(report):
            tally.check(summary in texts, "summaries.%s: the summary of %s × %s is a paragraph" % (name, theme, group))


def main():
    arguments, cda, folder = start(__doc__.split("\n")[0], "cda-docx-", "build the study in this folder and keep it")
    tally = Tally()
    try:
        run(cda, ["build", RECIPE, "--out", "built", "--project", "study.cda"], folder)
        run(cda, ["report", "--project", "study.cda", "--format", "json,docx,odt", "--lang", "en", "--out", "report"], folder)
        run(cda, ["report", "--project", "study.cda", "--format", "docx,odt", "--out", "report-nl"], folder)
        with open(os.path.join(folder, "report", "report.json"), encoding="utf-8") as handle:
            report = json.load(handle)
        tally.check(len(report["themes"]) >= 4 and len(report["groups"]) == 2,
                    "the study has %d themes and %d groups" % (len(report["themes"]), len(report["groups"])))
        tally.check(len(summaries(report)) > 0, "the study has summaries to check")
        paths = {name: os.path.join(folder, "report", "report." + name) for name in ("docx", "odt")}
        for name, path in paths.items():
            mode = os.stat(path).st_mode & 0o777
            tally.check(mode == 0o600, "report.%s has mode %o, expected 600" % (name, mode))
        for lang, out in (("en", "report"), ("nl", "report-nl")):
            word = check_docx(tally, os.path.join(folder, out, "report.docx"), report, lang)
            open_document = check_odt(tally, os.path.join(folder, out, "report.odt"), report, lang)
            tally.check(word == open_document, "%s: the Word and OpenDocument tables are the same" % lang)
        check_matrix(tally, cda, folder)
        check_summaries(tally, cda, folder, report)
    except (RuntimeError, KeyError, ValueError, OSError, zipfile.BadZipFile) as error:
        tally.check(False, "%s: %s" % (type(error).__name__, error))
    finally:
        if not arguments.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("%d passed, %d failed" % (tally.passed, tally.failed))
    return 0 if tally.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
