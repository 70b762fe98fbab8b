"""Moving one review between installations: `review export` writes it to one archive and
`review import` brings it into another; exporting the import gives the same bytes.

The archive is a tar of `review.json` and the evidence files. In `review.json` every row of
the review (its agencies, phases, people, grades and their history, evidence with passages,
alignments and corrections, data imports and figures, narratives with their versions,
findings, items with their codes, milestones and progress, activities, the report template)
is numbered in the order it was made, and refers to other rows by those numbers, to the
framework by its keys and to people by username. Nothing in it depends on the database ids
of the installation it came from, so an import numbers the same rows the same way.
"""

from __future__ import annotations

import base64
import io
import json
import tarfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import models, transaction

from readiness.evidence import storage
from readiness.frameworks.models import Framework, GradeLevel, Judgement, LineOfEnquiry
from readiness.reviews.models import Review

FORMAT, VERSION = "readiness-review", 1

# Every kind of row that belongs to a review, in an order where each refers only to rows
# before it (a row's own kind excepted: those links are set in a second pass), with the path
# from it to its review.
MODELS: list[tuple[str, str]] = [
    ("reviews.Agency", "review"),
    ("reviews.Phase", "review"),
    ("reviews.Membership", "review"),
    ("assessment.JudgementAssessment", "review"),
    ("assessment.AssessmentChange", "assessment__review"),
    ("assessment.EvidenceLink", "assessment__review"),
    ("evidence.EvidenceDocument", "review"),
    ("evidence.DocumentSource", "document__review"),
    ("evidence.RejectedFile", "review"),
    ("evidence.Passage", "document__review"),
    ("evidence.Alignment", "document__review"),
    ("evidence.DocumentChange", "document__review"),
    ("indicators.DataImport", "review"),
    ("indicators.IndicatorValue", "review"),
    ("indicators.Comparator", "review"),
    ("indicators.ComparatorChange", "review"),
    ("narratives.Narrative", "review"),
    ("narratives.NarrativeVersion", "narrative__review"),
    ("narratives.ServiceImpact", "review"),
    ("actions.Finding", "review"),
    ("actions.CodeSequence", "review"),
    ("actions.ActionItem", "review"),
    ("actions.Milestone", "item__review"),
    ("actions.ProgressUpdate", "item__review"),
    ("reports.ReviewActivity", "review"),
    ("reports.ReportTemplate", "review"),
    ("reviews.ReviewChange", "review"),
    ("countdown.Call", "review"),
    ("asks.EvidenceRequest", "review"),
    ("casework.Case", "review"),
    ("casework.Sample", "review"),
    ("casework.SampledCase", "sample__review"),
    ("audits.CaseAudit", "review"),
    ("audits.AuditAnswer", "audit__review"),
    ("audits.ChildAction", "audit__review"),
    ("audits.ModerationDecision", "audit__review"),
    ("audits.AuditCitation", "audit__review"),
    ("interviews.Interview", "review"),
    ("interviews.Participant", "interview__review"),
    ("interviews.Note", "interview__review"),
    ("interviews.NotePassage", "note__interview__review"),
    ("thresholds.ThresholdCheck", "review"),
    ("thresholds.Vignette", "threshold_check__review"),
    ("thresholds.ThresholdResponse", "threshold_check__review"),
    ("thresholds.ThresholdAnswer", "response__threshold_check__review"),
]
# Rows that stay in the installation they were made in: one-time links (a link sent from
# one installation must not open another), the audit log and export confirmations (they
# record what happened here), comments (they point at rows by this installation's ids) and
# the fieldwork cache's revision counter, and background jobs (records of work done here:
# the documents and figures they added move with the review; a prepared report's file is
# this installation's).
STAYS_BEHIND = frozenset({
    "privacy.ExportConfirmation", "audit.AuditEvent", "reviews.Invitation",
    "thresholds.Invitation", "conversations.Comment", "casework.FieldworkRevision",
    "evidence.IngestJob", "evidence.RealignJob", "indicators.ImportJob", "reports.ReportBuild",
    "casework.CaseImportJob",
})  # fmt: skip
REVIEW_FIELDS = ("name", "area", "window_starts", "window_ends", "created_at")


class ImportRefused(Exception):
    """The archive cannot be imported here; nothing was changed."""


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def _framework_ref(obj: models.Model) -> object:
    if isinstance(obj, Judgement):
        return ["judgement", obj.key]
    if isinstance(obj, LineOfEnquiry):
        return ["line", obj.judgement.key, obj.position]
    if isinstance(obj, GradeLevel):
        return ["grade", obj.key]
    raise TypeError(obj)


def _value(field: models.Field, value: object) -> object:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


@dataclass
class _Numbering:
    """Local numbers for the rows of one review: (label, database id) → number."""

    numbers: dict[tuple[str, int], int]

    def ref(self, target: models.Model | None, pk: object) -> object:
        if pk is None:
            return None
        if target is get_user_model():
            return ["user", get_user_model().objects.get(pk=pk).get_username()]
        if target in (Judgement, LineOfEnquiry, GradeLevel):
            return _framework_ref(target.objects.select_related().get(pk=pk))
        if target is Review:
            return ["review"]
        return [target._meta.label, self.numbers[(target._meta.label, pk)]]


def _rows(review: Review) -> list[tuple[str, list[models.Model]]]:
    found = []
    for label, path in MODELS:
        model = _model(label)
        found.append((label, list(model.objects.filter(**{path: review}).order_by("pk"))))
    return found


def review_data(review: Review) -> tuple[dict, list[str]]:
    """The review as plain data, and the content hashes of its evidence files."""
    rows = _rows(review)
    numbering = _Numbering(
        {(label, obj.pk): n for label, objs in rows for n, obj in enumerate(objs, start=1)}
    )
    tables = {}
    for label, objs in rows:
        model = _model(label)
        records = []
        for obj in objs:
            record = {}
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                if field.is_relation:
                    record[field.name] = numbering.ref(
                        field.related_model, field.value_from_object(obj)
                    )
                else:
                    record[field.name] = _value(field, field.value_from_object(obj))
            for field in model._meta.many_to_many:
                related = sorted(field.value_from_object(obj), key=lambda o: o.pk)
                record[field.name] = [numbering.ref(field.related_model, o.pk) for o in related]
            records.append(record)
        tables[label] = records
    hashes = sorted(
        {d["content_hash"] for d in tables["evidence.EvidenceDocument"] if d["content_hash"]}
    )
    data = {
        "format": FORMAT,
        "version": VERSION,
        "framework": review.framework.slug,
        "review": {name: _value(None, getattr(review, name)) for name in REVIEW_FIELDS},
        "created_by": numbering.ref(get_user_model(), review.created_by_id),
        "people": _people(review, tables),
        "tables": tables,
    }
    return data, hashes


def _people(review: Review, tables: dict) -> list[dict]:
    names = set()

    def walk(value: object) -> None:
        if isinstance(value, list) and len(value) == 2 and value[0] == "user":
            names.add(value[1])
        elif isinstance(value, list | dict):
            for item in value.values() if isinstance(value, dict) else value:
                walk(item)

    walk(tables)
    if review.created_by_id:
        names.add(review.created_by.get_username())
    users = get_user_model().objects.filter(username__in=names).order_by("username")
    return [
        {"username": u.username, "first_name": u.first_name, "last_name": u.last_name,
         "email": u.email}
        for u in users
    ]  # fmt: skip


def _deterministic(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o644
    return info


def export_review(review: Review) -> bytes:
    """The review as one archive, the same bytes for the same review wherever it lives."""
    data, hashes = review_data(review)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        body = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode()
        info = _deterministic(tarfile.TarInfo("review.json"))
        info.size = len(body)
        archive.addfile(info, io.BytesIO(body))
        for content_hash in hashes:
            try:
                raw = storage.read(content_hash)  # checked against its hash; damaged stops it
            except FileNotFoundError:
                continue
            info = _deterministic(tarfile.TarInfo(f"evidence/{content_hash}"))
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
    return buffer.getvalue()


# --- importing ----------------------------------------------------------------------------


def _resolve(ref: object, framework: Framework, review: Review, made: dict, users: dict):
    """The database id a reference stands for here."""
    if ref is None:
        return None
    kind = ref[0]
    if kind == "user":
        return users[ref[1]]
    if kind == "review":
        return review.pk
    if kind == "judgement":
        return Judgement.objects.get(framework=framework, key=ref[1]).pk
    if kind == "line":
        return LineOfEnquiry.objects.get(
            judgement__framework=framework, judgement__key=ref[1], position=ref[2]
        ).pk
    if kind == "grade":
        return GradeLevel.objects.get(framework=framework, key=ref[1]).pk
    return made[(kind, ref[1])]


def import_review(archive_bytes: bytes, name: str | None = None) -> Review:
    """A new review from an exported archive. Refused (nothing changed) when the framework is
    not installed here or the archive is not a review export."""
    try:
        archive = tarfile.open(fileobj=io.BytesIO(archive_bytes), mode="r:")
    except tarfile.TarError as error:
        raise ImportRefused(f"This is not a review export: {error}") from error
    with archive:
        try:
            data = json.loads(archive.extractfile("review.json").read())
        except (KeyError, ValueError) as error:
            raise ImportRefused("This archive has no readable review.json.") from error
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ImportRefused("This is not a review export of a version this Readiness reads.")
        files = {
            m.name.removeprefix("evidence/"): archive.extractfile(m).read()
            for m in archive.getmembers()
            if m.name.startswith("evidence/") and m.isfile()
        }
    framework = Framework.objects.filter(slug=data["framework"]).order_by("-is_builtin").first()
    if framework is None:
        raise ImportRefused(f"The framework {data['framework']} is not installed here.")
    with transaction.atomic():
        users = _users(data["people"])
        fields = dict(data["review"])
        if name:
            fields["name"] = name
        review = Review(
            framework=framework, **{k: _python(Review, k, v) for k, v in fields.items()}
        )
        review.created_by_id = users.get((data.get("created_by") or [None, None])[1])
        review.save()
        Review.objects.filter(pk=review.pk).update(
            created_at=_python(Review, "created_at", fields["created_at"])
        )
        made: dict[tuple[str, int], int] = {}
        later: list[tuple[type[models.Model], int, str, object]] = []
        m2m: list[tuple[models.Model, str, list]] = []
        for label, _ in MODELS:
            model = _model(label)
            for number, record in enumerate(data["tables"].get(label, []), start=1):
                values = {}
                for field in model._meta.concrete_fields:
                    if field.primary_key or field.name not in record:
                        continue
                    value = record[field.name]
                    if field.is_relation:
                        if value is not None and value[0] == label:
                            later.append((model, number, field.attname, value))
                            value = None
                        else:
                            value = _resolve(value, framework, review, made, users)
                        values[field.attname] = value
                    else:
                        values[field.attname] = _python(model, field.name, value)
                obj = model(**values)
                # bulk_create: no save() rules or signals (the rows were made by them once),
                # and auto_now fields are put back as they were just after.
                (obj,) = model.objects.bulk_create([obj])
                made[(label, number)] = obj.pk
                stamped = {
                    f.attname: values[f.attname]
                    for f in model._meta.concrete_fields
                    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                }
                if stamped:
                    model.objects.filter(pk=obj.pk).update(**stamped)
                for field in model._meta.many_to_many:
                    m2m.append((obj, field.name, record.get(field.name, [])))
        for model, number, attname, ref in later:
            model.objects.filter(pk=made[(model._meta.label, number)]).update(
                **{attname: made[(ref[0], ref[1])]}
            )
        for obj, field_name, refs in m2m:
            getattr(obj, field_name).set(
                [_resolve(ref, framework, review, made, users) for ref in refs]
            )
        _store_files(files)
        _index(review)
    review.refresh_from_db()  # the creation time put back as it was
    return review


def _python(model: type[models.Model], name: str, value: object) -> object:
    if value is None:
        return None
    field = model._meta.get_field(name)
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


def _users(people: list[dict]) -> dict[str, int]:
    """Each person by username: the one here of that name, or a new account that cannot sign
    in until it is given a password or single sign-on."""
    user_model = get_user_model()
    found = {}
    for person in people:
        user = user_model.objects.filter(username=person["username"]).first()
        if user is None:
            user = user_model(**person)
            user.set_unusable_password()
            user.save()
        found[person["username"]] = user.pk
    return found


def _store_files(files: dict[str, bytes]) -> None:
    import hashlib

    for content_hash, raw in files.items():
        if hashlib.sha256(raw).hexdigest() != content_hash:
            raise ImportRefused(f"The evidence file {content_hash} does not match its hash.")
        storage.store(content_hash, raw)


def _index(review: Review) -> None:
    from readiness.evidence.models import Passage
    from readiness.evidence.search import index_passages

    index_passages(review.id, list(Passage.objects.filter(document__review=review)))


def export_to(review: Review, output: Path) -> int:
    data = export_review(review)
    output.write_bytes(data)
    return len(data)
