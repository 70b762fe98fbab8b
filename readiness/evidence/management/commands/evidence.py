import json
import sys
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from readiness.evidence import index_exports
from readiness.evidence.alignment import realign_review
from readiness.evidence.domain.align import Aligner, classify_jsonl
from readiness.evidence.ingest import ingest_path
from readiness.evidence.queries import analysis_json, review_analysis
from readiness.evidence.search import search
from readiness.frameworks.models import Framework
from readiness.lib.progress import ProgressBar
from readiness.privacy.management.commands.privacy import refuse_unconfirmed
from readiness.privacy.services import export_for_index_format
from readiness.reviews.commands import output_path_or_error, review_or_error
from readiness.reviews.domain.roles import CONTRIBUTE, may
from readiness.reviews.models import Agency, Membership


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"'{text}' is not a date: write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Ingest, align, analyse, search and export a review's evidence."
    requires_system_checks: list[str] = []  # see readiness/cli.py

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, help="What to do (each has its own --help)."
        )
        ingest = actions.add_parser("ingest", help="Add a folder or zip of evidence files.")
        ingest.add_argument("path", help="A folder (sub-folders named after agencies) or zip.")
        ingest.add_argument("--review", type=int, required=True, help="Review id.")
        ingest.add_argument("--as", dest="username", required=True, help="Who is adding it.")
        ingest.add_argument("--agency", help="Record every file as this agency's.")
        gaps = actions.add_parser("gaps", help="Print gaps, surfeits, stale evidence, coverage.")
        gaps.add_argument("--review", type=int, required=True, help="Review id.")
        gaps.add_argument(
            "--as-of",
            type=_date,
            help="Measure ages to this day (YYYY-MM-DD); default: the review's inspection "
            "window opens, or today for a review with no window.",
        )
        gaps.add_argument(
            "--format", choices=["text", "json"], default="text", help="Output format."
        )
        index = actions.add_parser("index", help="Write the evidence index or pack.")
        index.add_argument("--review", type=int, required=True, help="Review id.")
        index.add_argument(
            "--format",
            choices=["docx", "xlsx", "html", "zip"],
            default="docx",
            help="File format (zip: the evidence pack).",
        )
        index.add_argument("--output", required=True, help="File to write.")
        found = actions.add_parser("search", help="Full-text search of a review's evidence.")
        found.add_argument("--review", type=int, required=True, help="Review id.")
        found.add_argument("query", help="Words to find.")
        reread = actions.add_parser(
            "reread",
            help="Read every stored file again (date, type, focus, areas, covering material) "
            "with the current extractor and classifier, keeping what people corrected.",
        )
        reread.add_argument("--review", type=int, required=True, help="Review id.")
        align = actions.add_parser("align", help="Recompute suggestions, keeping decisions.")
        align.add_argument("--review", type=int, required=True, help="Review id.")
        classify = actions.add_parser(
            "classify",
            help="Read JSON lines with a 'text' field on standard input; write ranked "
            "judgements and lines of enquiry as JSON lines.",
        )
        classify.add_argument("--framework", required=True, help="Framework id, e.g. ilacs-2026.")
        classify.add_argument(
            "--zero-shot", action="store_true", help="Use only the framework's own words."
        )
        classify.add_argument(
            "--self-train",
            action="store_true",
            help="Zero-shot only: read all the input first and self-train on it before "
            "answering (the older batch method; by default each text is classified alone, "
            "as it arrives).",
        )

    def handle(self, *args: object, action: str, **options: object) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_ingest(self, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        user = get_user_model().objects.filter(username=options["username"]).first()
        membership = Membership.objects.filter(review=review, user=user).first()
        if membership is None or not may(membership.role, CONTRIBUTE):
            raise CommandError(
                f"'{options['username']}' cannot add evidence to review {review.id}."
            )
        agency = None
        if options["agency"]:
            agency = Agency.objects.filter(review=review, name=options["agency"]).first()
            if agency is None:
                raise CommandError(f"No agency '{options['agency']}' in review {review.id}.")
        if membership.role == Membership.CONTRIBUTOR:
            agency = membership.agency
        path = Path(str(options["path"]))
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        report = ingest_path(
            review, path, user=user, agency=agency, progress=ProgressBar("Ingesting")
        )
        for file, reason in report.rejected:
            self.stdout.write(f"rejected: {file}: {reason}")
        self.stdout.write(report.summary())

    def handle_reread(self, **options: object) -> None:
        from django.utils import timezone

        from readiness.evidence.corrections import reread_document
        from readiness.evidence.models import EvidenceDocument

        review = review_or_error(int(options["review"]))
        documents = list(EvidenceDocument.objects.filter(review=review).order_by("id"))
        bar = ProgressBar("Re-reading")
        changed = 0
        today = timezone.localdate()
        for number, document in enumerate(documents, start=1):
            changed += bool(reread_document(document, today))
            bar(number, len(documents), document.title)
        kept = sum(bool(d.corrected) for d in documents)
        self.stdout.write(
            f"Re-read {len(documents)} documents: {changed} changed; {kept} with corrections "
            "by people, which were kept."
        )

    def handle_gaps(self, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        result = review_analysis(review, as_of=options["as_of"])
        if options["format"] == "json":
            data = analysis_json(review, result, options["as_of"])
            self.stdout.write(json.dumps(data, indent=1, ensure_ascii=False))
            return
        for finding in result.findings:
            self.stdout.write(f"{finding.kind}\t{finding.severity}\t{finding.message}")

    def handle_index(self, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        output = output_path_or_error(str(options["output"]))
        writer = getattr(index_exports, f"to_{options['format']}")
        refuse_unconfirmed(review, export_for_index_format(str(options["format"])), self.stderr)
        index = index_exports.evidence_index(review)
        output.write_bytes(writer(index))
        self.stdout.write(
            f"Wrote the evidence index ({index.documents} documents, {len(index.lines)} lines "
            f"of enquiry) to {output}."
        )

    def handle_search(self, **options: object) -> None:
        review = review_or_error(int(options["review"]))
        for hit in search(review.id, str(options["query"])):
            snippet = hit.snippet.replace("\x02", "[").replace("\x03", "]")
            self.stdout.write(f"{hit.document_id}\t{snippet}")

    def handle_align(self, **options: object) -> None:
        count = realign_review(review_or_error(int(options["review"])))
        self.stdout.write(f"Realigned {count} documents; people's decisions kept.")

    def handle_classify(self, **options: object) -> None:
        from readiness.evidence.alignment import framework_spec_lines

        framework = (
            Framework.objects.filter(slug=options["framework"]).order_by("-is_builtin").first()
        )
        if framework is None:
            raise CommandError(f"No framework '{options['framework']}'.")
        aligner = Aligner(framework_spec_lines(framework), use_trained=not options["zero_shot"])
        for line in classify_jsonl(sys.stdin, aligner, adapt=bool(options["self_train"])):
            self.stdout.write(line)
