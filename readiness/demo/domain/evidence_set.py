"""Generate the synthetic Anytown evidence set: about 170 documents from eight invented
agencies in every format the evidence library reads, with a planted gap, surfeit, stale
evidence and one agency that ordered its files by line of enquiry (see the README it writes).

    python -m readiness.demo.domain.evidence_set [OUTPUT_DIR]

OUTPUT_DIR defaults to readiness/demo/evidence/anytown. Output is deterministic: the same
code writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from readiness.demo.domain.evidence_catalogue import Doc, catalogue, render_blocks
from readiness.demo.domain.evidence_render import RENDERERS, plain_lines
from readiness.demo.domain.evidence_text import (
    ASCP,
    COUNCIL,
    ICB,
    POLICE,
    PROBATION,
    SCHOOLS,
    TRUST,
    VCS,
)

SEED = "anytown-evidence-2026"
# Anyshire Police ordered their evidence by the framework's lines of enquiry.
POLICE_FOLDERS = (
    "Help and protection - front door",
    "Help and protection - strategy meetings and section 47 enquiries",
    "Help and protection - exploitation and missing",
    "Help and protection - domestic abuse",
    "Children in care - safety and missing from care",
    "Leaders - partnership and learning",
)
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "evidence" / "anytown"
AGENCIES = (COUNCIL, POLICE, ICB, TRUST, SCHOOLS, PROBATION, VCS, ASCP)
FORMATS = ("pdf", "docx", "xlsx", "csv", "pptx", "html", "txt", "md", "eml")
MANIFEST_FIELDS = (
    "path",
    "agency",
    "title",
    "date",
    "format",
    "kind",
    "focus",
    "lines_of_enquiry",
    "planted",
    "attachment",
)

# The planted gap: no document may speak to help before statutory social care
# (ILACS 2026 line hp_early_help).
GAP_WORDS = (
    "early help",
    "family hub",
    "preventive",
    "prevention",
    "step-up",
    "step up",
    "step-down",
    "step down",
)
# The planted staleness: only 2022-23 documents touch allegations and children out of school.
STALE_WORDS = ("lado", "allegation", "missing education", "home educat", "home-educat")
# Real councils named in the founding review must never appear.
REAL_NAMES = ("bedford", "luton", "milton keynes")


def documents() -> list[Doc]:
    docs = catalogue()
    for doc in docs:
        render_blocks(doc, SEED)
    return docs


def text_of(doc: Doc) -> str:
    text = "\n".join([doc.title] + plain_lines(doc.blocks))
    if doc.attachment is not None:
        text += "\n" + "\n".join([doc.attachment.title] + plain_lines(doc.attachment.blocks))
    return re.sub(r"\s+", " ", text).lower()


def check(docs: list[Doc]) -> None:
    """Fail loudly if a planted fact would not hold."""
    paths = [doc.path for doc in docs]
    duplicates = [p for p, n in Counter(paths).items() if n > 1]
    assert not duplicates, f"duplicate paths: {duplicates}"
    for doc in docs:
        text = text_of(doc)
        for word in GAP_WORDS + REAL_NAMES:
            assert word not in text, f"{doc.path} mentions {word!r}"
        if doc.planted != "stale":
            for word in STALE_WORDS:
                assert word not in text, f"{doc.path} mentions {word!r} but is not planted stale"
        assert "hp_early_help" not in doc.lines, doc.path
        assert (doc.folder in POLICE_FOLDERS) if doc.agency == POLICE else not doc.folder, doc.path


def manifest_rows(docs: list[Doc]) -> list[dict[str, str]]:
    return [
        {
            "path": doc.path,
            "agency": doc.agency,
            "title": doc.title,
            "date": doc.date.isoformat(),
            "format": doc.fmt,
            "kind": doc.kind,
            "focus": doc.focus,
            "lines_of_enquiry": ";".join(doc.lines),
            "planted": doc.planted,
            "attachment": doc.attachment.filename if doc.attachment else "",
        }
        for doc in sorted(docs, key=lambda d: d.path)
    ]


def manifest_csv(docs: list[Doc]) -> bytes:
    return csv_bytes(MANIFEST_FIELDS, manifest_rows(docs))


def csv_bytes(fields: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    """A manifest as UTF-8 CSV with Unix line ends, the same on every platform."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def generate(output: Path) -> list[Doc]:
    docs = documents()
    check(docs)
    total = write_files(output, AGENCIES, docs, lambda doc: RENDERERS[doc.fmt](doc))
    (output / "MANIFEST.csv").write_bytes(manifest_csv(docs))
    (output / "README.md").write_text(readme(docs, total), encoding="utf-8")
    return docs


def write_files(
    output: Path, agencies: tuple[str, ...], docs: list, render: Callable[[object], bytes]
) -> int:
    """Write each document at its path below OUTPUT, after removing the agencies' folders
    (only those: the folder may hold other things). Returns the bytes written."""
    output.mkdir(parents=True, exist_ok=True)
    for agency in agencies:
        if (output / agency).is_dir():
            shutil.rmtree(output / agency)
    total = 0
    for doc in docs:
        target = output / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = render(doc)
        target.write_bytes(data)
        total += len(data)
    return total


def readme(docs: list[Doc], total_bytes: int) -> str:
    by_agency = Counter(doc.agency for doc in docs)
    by_format = Counter(doc.fmt for doc in docs)
    surfeit = [doc for doc in docs if doc.planted == "surfeit"]
    stale = [doc for doc in docs if doc.planted == "stale"]
    agency_rows = "\n".join(f"| {a} | {by_agency[a]} |" for a in AGENCIES)
    format_rows = "\n".join(f"| {f.upper()} | {by_format[f]} |" for f in FORMATS)
    folders = "\n".join(f"   - `{POLICE}/{name}/`" for name in POLICE_FOLDERS)
    stale_list = "\n".join(
        f"   - `{doc.path}` ({doc.date:%B %Y})" for doc in sorted(stale, key=lambda d: d.path)
    )
    surfeit_agencies = Counter(doc.agency for doc in surfeit)
    surfeit_by = ", ".join(f"{n} from {a}" for a, n in surfeit_agencies.most_common())
    return f"""# Anytown evidence set (synthetic)

Every document here is **invented** for the Readiness demo and tests: Anytown, Anyshire, the
eight agencies, every person, school and figure. Any resemblance to a real council, service or
person is accidental. Nothing here is real casework.

It imitates what partners send a readiness review before an ILACS inspection (April 2026
framework, `ilacs-2026`): {len(docs)} documents, {total_bytes / 1_000_000:.1f} MB.

## How it is made

`python -m readiness.demo.domain.evidence_set [OUTPUT_DIR]` writes this folder (the default is
this folder). The generator (`readiness/demo/domain/evidence_*.py`) builds each document from a
theme (sentences in the voice of English children's services, with placeholders for figures,
names and dates) and a family (minutes, annual report, committee report, audit, policy,
strategy, narrative, 7-minute briefing, newsletter, training programme, performance data),
using a random generator seeded per file, so regenerating gives identical bytes. PDF and PPTX
are written by hand; DOCX with python-docx and XLSX with openpyxl (fixed timestamps).

The list of documents is data: `readiness/demo/domain/evidence_catalogue.yaml`.
`MANIFEST.csv` lists every file with its agency, title, date, format, intended kind, focus
(`outcomes` or `process`), intended lines of enquiry (ILACS 2026 keys) and any planted fact:
labelled data for tests. E-mails list their attachment.

| Agency | Documents |
|---|---|
{agency_rows}

| Format | Documents |
|---|---|
{format_rows}

## Planted facts (the analyses should find these)

1. **Gap: early help and preventive services.** No document mentions early help, early help
   assessments, family hubs, preventive services, step-up or step-down, or an early help
   strategy, as the founding review found "nothing on preventive services": nothing should
   align to the ILACS 2026 line `hp_early_help`. The front door (`hp_front_door`: MASH data,
   the thresholds guide, audits of MASH decisions) is covered. The generator refuses to write
   a document containing these words.
2. **Surfeit: looked after children's health assessments.** {len(surfeit)} sets of meeting minutes
   ({surfeit_by}) about the timeliness of initial and review health assessments and dental
   checks (`cic_health_and_education`), process-heavy: data disputes, definitions, apologies,
   actions carried forward. Only one short outcome narrative exists
   (`planted=surfeit-narrative`), as the founding review's action point A12 asked.
3. **Stale: allegations and children missing education.** The only evidence for
   `hp_allegations_and_education` is from 2022-2023; nothing newer mentions the LADO,
   allegations, children missing education or home education.
{stale_list}
4. **Ordered agency.** Anyshire Police filed their documents in folders named after lines of
   enquiry; every other agency sent an unordered pile.
{folders}
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    docs = generate(output)
    print(f"Wrote {len(docs)} documents to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
