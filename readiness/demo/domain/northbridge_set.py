"""Generate Northbridge's synthetic evidence set: what eight partner agencies of an invented
council send a readiness review before a SLAC inspection (2011), with the founding review's
three findings planted in it (a gap, a surfeit, one ordered agency) and the habits of real
sets (covering e-mails, contents lists, agendas, blank forms, metadata dates that lie, scans,
spreadsheets of training records). See the README it writes.

    python -m readiness.demo.domain.northbridge_set [OUTPUT_DIR]

OUTPUT_DIR defaults to readiness/demo/evidence/northbridge. The same code writes the same
bytes (a test regenerates and compares).
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

import yaml

from readiness.demo.domain.evidence_render import plain_lines
from readiness.demo.domain.evidence_set import csv_bytes, write_files
from readiness.demo.domain.northbridge_cast import (
    AGENCIES,
    AS_OF,
    GAP_LINES,
    GAP_WORDS,
    POLICE,
    POLICE_FOLDERS,
    SURFEIT_LINE,
)
from readiness.demo.domain.northbridge_catalogue import council
from readiness.demo.domain.northbridge_catalogue_board import lscb, police
from readiness.demo.domain.northbridge_catalogue_health import hospitals, pct
from readiness.demo.domain.northbridge_catalogue_others import cvs, probation, schools
from readiness.demo.domain.northbridge_render import render
from readiness.demo.domain.northbridge_writers import Doc
from readiness.evidence.domain.analyses import Analysis

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "evidence" / "northbridge"
FRAMEWORK = ROOT.parent / "frameworks" / "data" / "slac-2009.yaml"
MANIFEST_FIELDS = (
    "path",
    "agency",
    "title",
    "date",
    "format",
    "kind",
    "covering",
    "focus",
    "lines_of_enquiry",
    "planted",
    "metadata_date",
    "attached_to",
)
# Real councils named in the founding review, and its author, must never appear.
REAL_NAMES = ("bedford", "luton", "milton keynes", "audit commission")
# The rule the evidence library uses today to tell a folder named after a line of enquiry
# (readiness/evidence/alignment.py): two or more shared words with a line's judgement title
# and question. Only the police folders may meet it.
_WORDS = re.compile(r"[a-z]{3,}")
_STOP = {"and", "the", "for", "with", "who", "need", "how", "are", "what", "does", "that"}


def files() -> list[Doc]:
    """Every file on disk, in a fixed order (e-mails hold their attachments)."""
    return [*council(), *police(), *pct(), *hospitals(), *schools(), *probation(), *cvs(),
            *lscb()]  # fmt: skip


def documents(docs: list[Doc] | None = None) -> list[Doc]:
    """Every document the evidence library should hold: files and e-mail attachments."""
    out = []
    for doc in files() if docs is None else docs:
        out += [doc, *doc.attachments]
    return out


def text_of(doc: Doc) -> str:
    """The document's words, lower-cased (an e-mail's body only: attachments are their own)."""
    return re.sub(r"\s+", " ", "\n".join([doc.title, *plain_lines(doc.blocks)])).lower()


def speaks_to_gap(text: str) -> list[str]:
    return [word for word in GAP_WORDS if re.search(word, text)]


def framework_lines() -> dict[str, str]:
    """SLAC 2009 line key -> its judgement title and question (for the folder rule)."""
    framework = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    return {
        line["id"]: f"{judgement['title']} {line['question']}"
        for judgement in framework["judgements"]
        for line in judgement["lines_of_enquiry"]
    }


def folder_names_a_line(folder: str, lines: dict[str, str]) -> bool:
    words = set(_WORDS.findall(folder.lower())) - _STOP
    return len(words) >= 2 and any(
        len(words & (set(_WORDS.findall(text.lower())) - _STOP)) >= 2 for text in lines.values()
    )


def check(docs: list[Doc]) -> None:
    """Fail loudly if a planted fact would not hold."""
    every = documents(docs)
    paths = [doc.path for doc in every]
    assert len(paths) == len(set(paths)), Counter(paths).most_common(3)
    lines = framework_lines()
    covered: Counter[str] = Counter()
    process: Counter[str] = Counter()
    for doc in every:
        text = text_of(doc)
        assert not [n for n in REAL_NAMES if n in text], doc.path
        assert set(doc.lines) <= set(lines), doc.path
        if doc.covering:
            assert not doc.lines, doc.path
            continue
        assert not speaks_to_gap(text), (doc.path, speaks_to_gap(text))
        assert not set(doc.lines) & set(GAP_LINES), doc.path
        covered.update(doc.lines)
        process.update(doc.lines if doc.focus == "process" else ())
        if "stale" not in doc.planted and doc.kind:
            assert doc.date.toordinal() > AS_OF.toordinal() - 365, doc.path
    assert set(lines) - set(covered) == set(GAP_LINES), set(lines) - set(covered)
    # One surfeit only: elsewhere, five or more documents are never mostly process.
    for line, count in covered.items():
        if line != SURFEIT_LINE and count >= 5:
            assert process[line] / count < 0.6, (line, process[line], count)
    decoys = [doc for doc in every if doc.covering and speaks_to_gap(text_of(doc))]
    assert len(decoys) >= 2, "the covering material must mention early help"
    for doc in every:
        folder = doc.folder
        if doc.agency == POLICE and not doc.covering:
            assert folder in POLICE_FOLDERS and POLICE_FOLDERS[folder] in doc.lines, doc.path
            assert folder_names_a_line(folder, lines), folder
        elif folder:
            assert not folder_names_a_line(folder, lines), folder


def manifest_rows(docs: list[Doc]) -> list[dict[str, str]]:
    return [
        {
            "path": doc.path,
            "agency": doc.agency,
            "title": doc.title,
            "date": "" if "unreadable" in doc.planted else doc.date.isoformat(),
            "format": doc.fmt,
            "kind": doc.kind,
            "covering": doc.covering,
            "focus": doc.focus,
            "lines_of_enquiry": ";".join(doc.lines),
            "planted": ";".join(doc.planted),
            "metadata_date": doc.meta_date.isoformat() if doc.meta_date else "",
            "attached_to": doc.attached_to,
        }
        for doc in sorted(documents(docs), key=lambda d: d.path)
    ]


def manifest_csv(docs: list[Doc]) -> bytes:
    return csv_bytes(MANIFEST_FIELDS, manifest_rows(docs))


def generate(output: Path) -> list[Doc]:
    docs = files()
    check(docs)
    total = write_files(output, AGENCIES, docs, render)
    (output / "MANIFEST.csv").write_bytes(manifest_csv(docs))
    (output / "README.md").write_text(readme(docs, total), encoding="utf-8")
    return docs


def summary(docs: list[Doc]) -> dict[str, object]:
    """The counts that the README and `readiness demo explain` state."""
    every = documents(docs)
    planted = Counter(flag for doc in every for flag in doc.planted)
    return {
        "files": len(docs),
        "attachments": len(every) - len(docs),
        "covering": sum(1 for doc in every if doc.covering),
        "surfeit": planted["surfeit"],
        "scans": planted["scan"],
        "metadata": planted["metadata-default"] + planted["metadata-wrong"],
        "stale": planted["stale"],
        "narratives": planted["outcome-narrative"],
        "health": sorted({doc.agency for doc in every if "surfeit" in doc.planted}),
    }


def explain_lines(docs: list[Doc] | None = None, width: int = 92) -> list[str]:
    """What Northbridge's set demonstrates, in a few lines for `readiness demo explain`."""
    s = summary(files() if docs is None else docs)
    points = [
        f"gap: nothing on early help or preventive services ({', '.join(GAP_LINES)}); only "
        "a covering e-mail and a contents page promise an early help strategy 'to follow', "
        f"and covering material ({s['covering']} e-mails, lists, agendas, blank forms) is "
        "not evidence;",
        f"surfeit: {s['surfeit']} sets of minutes from the health agencies on looked after "
        f"children's health checks ({SURFEIT_LINE}), with little outcome data;",
        f"ordered: only {POLICE} filed its set in folders named after lines of enquiry;",
        f"dates: {s['metadata']} files whose metadata says 1 January 2000 or 1980, or "
        "23 December 2013, while their text states the real date, which should win;",
        f"scans: {s['scans']} image-only PDFs and PNGs to read by OCR, and one unreadable "
        "scan that should get no text, kind or date.",
    ]
    tail = "Sign in as morgan.lead to see what the evidence library makes of it."
    head = (
        f"Northbridge's evidence set ({s['files']} files and {s['attachments']} e-mail "
        "attachments, synthetic) plants the founding review's findings:"
    )
    out = textwrap.wrap(head, width)
    for point in points:
        out += textwrap.wrap(point, width, initial_indent="  - ", subsequent_indent="    ")
    return [*out, tail]


def found_lines(analysis: Analysis, width: int = 92) -> list[str]:
    """What the evidence library found in Northbridge's set, beside what was planted: the
    three findings of the founding review, each said as found or missed."""
    status = {line.line_key: line.status for line in analysis.lines}
    gaps = [key for key in GAP_LINES if status.get(key) == "gap"]
    surfeit = [f for f in analysis.of_kind("surfeit") if f.line_key == SURFEIT_LINE]
    ordered = [a.agency for a in analysis.agencies if a.documents and a.ordered_by_line >= 0.5]

    def verdict(ok: bool) -> str:
        return "found" if ok else "MISSED"

    points = [
        f"gap {verdict(len(gaps) == len(GAP_LINES))}: {len(gaps)} of {len(GAP_LINES)} early "
        "help lines of enquiry have no evidence, covering material set aside;",
        f"surfeit {verdict(bool(surfeit))}: "
        + (
            f"{len(surfeit[0].document_ids)} documents on {SURFEIT_LINE}, mostly minutes;"
            if surfeit
            else f"nothing flagged on {SURFEIT_LINE};"
        ),
        f"ordered {verdict(ordered == [POLICE])}: "
        + (", ".join(ordered) or "no agency")
        + " filed its set by line of enquiry.",
    ]
    out = ["What the evidence library found in it:"]
    for point in points:
        out += textwrap.wrap(point, width, initial_indent="  - ", subsequent_indent="    ")
    return out


def readme(docs: list[Doc], total_bytes: int) -> str:
    every = documents(docs)
    by_agency = Counter(doc.agency for doc in docs)
    by_format = Counter(doc.fmt for doc in docs)
    by_kind = Counter(doc.kind or "(unreadable)" for doc in every if not doc.covering)
    by_covering = Counter(doc.covering for doc in every if doc.covering)
    s = summary(docs)
    table = "\n".join
    return f"""# Northbridge evidence set (synthetic)

Every document here is **invented** for the Readiness demo and tests: Northbridge,
Northshire, the eight agencies, every person, school and figure. Any resemblance to a real
council, service or person is accidental. Nothing here is real casework.

It imitates what partners sent a readiness review before a SLAC inspection in 2011 (framework
`slac-2009`), messily, as the founding review found: {s["files"]} files
({total_bytes / 1_000_000:.1f} MB) and {s["attachments"]} documents attached to e-mails.
Anytown's set (`../anytown/`) is the tidy one.

## How it is made

`python -m readiness.demo.domain.northbridge_set [OUTPUT_DIR]` writes this folder (the
default is this folder) from `readiness/demo/domain/northbridge_*.py`: topics in the voice
of a 2010-11 partnership, families of documents, and each agency's file habits. Text PDFs
are written by hand (Anytown's renderer), Word and Excel through python-docx and openpyxl;
scans are pages drawn by PDFium and saved as pictures (image-only PDFs, PNGs) by hand.
Regenerating gives identical bytes.

`MANIFEST.csv` gives the truth for every file and every e-mail attachment (path
`e-mail.eml/attachment`, as the evidence library names it): agency, title, the real date,
format, kind (the evidence library's kinds; `other` for covering material), `covering`
(covering e-mail, list of documents sent, contents page, agenda, blank template: not
evidence), focus, the SLAC lines of enquiry it speaks to, planted flags, and the date the
file's metadata gives when it is not the real one.

| Agency | Files |
|---|---|
{table(f"| {a} | {by_agency[a]} |" for a in AGENCIES)}

| Format | Files |
|---|---|
{table(f"| {f.upper()} | {n} |" for f, n in sorted(by_format.items()))}

| Kind (evidence) | Documents |
|---|---|
{table(f"| {k} | {n} |" for k, n in sorted(by_kind.items()))}

| Covering material | Documents |
|---|---|
{table(f"| {k} | {n} |" for k, n in sorted(by_covering.items()))}

## Planted facts (the analyses should find these)

1. **Gap: early help and preventive services** (`{"`, `".join(GAP_LINES)}`). No document
   speaks of early help, early intervention, prevention, the CAF, family support or
   children's centres. Only covering material mentions them: the council's covering e-mail
   and contents page promise "Early help strategy 2011-14 - to follow" (`planted=gap-decoy`).
   Counting covering material as evidence would wrongly fill the gap.
2. **Surfeit: health minutes** on `{SURFEIT_LINE}`: {s["surfeit"]} sets of minutes from
   {" and ".join(s["health"])} (`planted=surfeit`) about the timeliness of looked after
   children's health assessments and dental checks: data disputes, forms, actions carried
   forward, little outcome data.
3. **One ordered agency.** {POLICE} filed its documents in folders named after SLAC lines
   of enquiry (`planted=ordered`); the others sent them flat or in folders named by date,
   year or team.
4. **Dates.** {s["metadata"]} files carry a writer's default date in their metadata (PDF
   CreationDate and ModDate 1 January 2000 or 1980, Word core properties 1 January 1980) or
   a wrong one (23 December 2013) while their opening text states the real date
   (`metadata-default`, `metadata-wrong`, `metadata_date`). Scans carry the day they were
   scanned.
5. **Scans.** {s["scans"]} image-only PDFs and PNGs of printed pages (no text layer; clear
   enough for OCR) and one page of noise (`planted=unreadable`) that should get no text,
   kind or date.
6. **Stale and good.** {s["stale"]} documents are older than a year before the inspection
   window opens on {AS_OF.isoformat()} (`planted=stale`); {s["narratives"]} short narratives
   with data show outcomes (`planted=outcome-narrative`).
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    docs = generate(output)
    print(f"Wrote {len(docs)} files to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
