from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser
from django.utils.text import slugify

from readiness.assessment import exports
from readiness.assessment.domain.risks import find_risks
from readiness.assessment.queries import review_grid
from readiness.demo.domain.northbridge_set import explain_lines, found_lines
from readiness.demo.domain.partnerships import DEMO_PASSWORD, NORTHBRIDGE, PARTNERSHIPS
from readiness.demo.loader import (
    EVIDENCE_DIR,
    FIGURES,
    load_demo,
    load_evidence,
    load_figures_and_narratives,
)
from readiness.evidence.queries import review_analysis
from readiness.lib.progress import ProgressBar
from readiness.narratives.services import check
from readiness.reviews.models import Review


class Command(BaseCommand):
    help = "Load the synthetic demo partnerships (Anytown, Northbridge) and show how to log in."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        load = actions.add_parser("load", help="Create or re-create the demo reviews and users.")
        load.add_argument(
            "--without-evidence", action="store_true", help="Skip ingesting the evidence set."
        )
        export = actions.add_parser("export", help="Export each demo review's grid.")
        export.add_argument("--output-dir", required=True, help="Folder for the exports.")
        actions.add_parser("explain", help="Print how to log in to the demo.")

    def _reviews(self) -> list[Review]:
        names = [p.review_name for p in PARTNERSHIPS]
        return list(Review.objects.filter(name__in=names).select_related("framework"))

    def _export_report(self, review: Review, folder: Path) -> None:
        """The readiness report in three formats and the self-evaluation draft."""
        from readiness.reports.domain.check import ReportCheckError
        from readiness.reports.services import build_report, build_sef

        stem = folder / f"{slugify(review.area)}-readiness-report"
        try:
            for fmt in ("html", "docx", "pdf"):
                stem.with_suffix(f".{fmt}").write_bytes(build_report(review, fmt))
            sef = folder / f"{slugify(review.area)}-self-evaluation-draft.docx"
            sef.write_bytes(build_sef(review))
        except ReportCheckError as error:
            self.stderr.write(f"{review.area}'s report was not built: {error}")
            return
        self.stdout.write(f"Report for {review.area}: {stem}.html, .docx and .pdf; {sef.name}")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "load":
            for review in load_demo():
                from readiness.reports.demo import load_activities

                load_activities(review)  # case files, interviews, focus groups for the report
                if review.framework.slug == "ilacs-2026":  # the shipped audit tools' framework
                    from readiness.demo.fieldwork import load_fieldwork

                    done = load_fieldwork(review)
                    self.stdout.write(
                        f"Fieldwork for {review.area}: {done['cases']} children, a sample of "
                        f"{done['sampled']}, {done['audits']} audits ({done['moderated']} "
                        f"moderated), {done['interviews']} interviews and focus groups, "
                        f"{done['threshold_answers']} thresholds answers."
                    )
                grid = review_grid(review)
                self.stdout.write(
                    f"Loaded {review.name}: {grid.graded} of {len(grid.rows)} judgements "
                    f"graded, {len(find_risks(grid))} risks."
                )
                if (FIGURES / f"{review.area.lower()}-figures.csv").exists():
                    record = load_figures_and_narratives(review)
                    self.stdout.write(f"Figures for {review.area}: {record.summary}")
                    for narrative in review.narratives.all():
                        result = check(narrative.versions.first())
                        verdict = (
                            "passes"
                            if result.passed
                            else "needs work: "
                            + ", ".join(f.code for f in result.findings if f.severity == "fail")
                        )
                        self.stdout.write(f"  narrative {narrative.key}: {verdict}")
                folder = EVIDENCE_DIR / slugify(review.area)
                if not options["without_evidence"] and folder.is_dir():
                    report = load_evidence(review, folder, ProgressBar("Evidence"))
                    self.stdout.write(f"Evidence for {review.area}: {report.summary()}")
                    result = review_analysis(review)
                    for finding in result.findings:
                        if finding.kind != "coverage":
                            self.stdout.write(f"  {finding.kind}: {finding.message}")
        elif action == "export":
            folder = Path(str(options["output_dir"]))
            folder.mkdir(parents=True, exist_ok=True)
            for review in self._reviews():
                grid = review_grid(review)
                stem = folder / slugify(review.name)
                stem.with_suffix(".xlsx").write_bytes(exports.to_xlsx(grid, title=review.name))
                stem.with_suffix(".csv").write_bytes(exports.to_csv(grid))
                self.stdout.write(f"Exported {review.name} to {stem}.xlsx and .csv")
                self._export_report(review, folder)
        else:
            self.stdout.write(
                "\nReadiness demo: open http://127.0.0.1:8000/ and sign in as one of:\n"
            )
            for partnership in PARTNERSHIPS:
                self.stdout.write(f"  {partnership.area} ({partnership.framework}):")
                for person in partnership.people:
                    agency = f", {person.agency}" if person.agency else ""
                    self.stdout.write(f"    {person.username:<16} {person.role}{agency}")
            self.stdout.write(f"\n  Password for every demo user: {DEMO_PASSWORD}\n")
            # What the messy SLAC set is for, so a visitor knows what to look for.
            self.stdout.write("\n".join(explain_lines()) + "\n")
            northbridge = Review.objects.filter(name=NORTHBRIDGE.review_name).first()
            if northbridge is not None and northbridge.documents.exists():
                self.stdout.write("\n".join(found_lines(review_analysis(northbridge))) + "\n")
            self.stdout.write("\n")
            self.stdout.write("Press Ctrl+C to stop the server.\n")
