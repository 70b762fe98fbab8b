"""Store a validated framework file as rows, all or nothing."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from .domain.loader import load_framework_file
from .domain.spec import FrameworkSpec
from .models import (
    Framework,
    GradeDescriptor,
    GradeLevel,
    Judgement,
    JudgementComponent,
    LineOfEnquiry,
)

BUILTIN_DIR = Path(__file__).resolve().parent / "data"


class FrameworkAlreadyLoaded(ValueError):
    pass


@transaction.atomic
def store_framework(
    spec: FrameworkSpec,
    source_text: str,
    *,
    builtin: bool = False,
    loaded_by: AbstractBaseUser | None = None,
) -> Framework:
    shipped = Framework.objects.filter(slug=spec.id, is_builtin=True).first()
    if not builtin and shipped is not None:
        raise FrameworkAlreadyLoaded(
            f"The id '{spec.id}' belongs to a framework shipped with Readiness "
            f"({shipped.name}): give your file an id of its own (for example "
            f"'{spec.id}-our-partnership') to load it beside the shipped one."
        )
    existing = Framework.objects.filter(slug=spec.id, is_builtin=builtin)
    if not builtin:
        existing = existing.filter(loaded_by=loaded_by)
    if existing.exists():
        raise FrameworkAlreadyLoaded(
            f"A framework with the id '{spec.id}' is already loaded: give the file a new id "
            "(for example with a version suffix) to load it beside the old one."
        )
    framework = Framework.objects.create(
        slug=spec.id,
        name=spec.name,
        short_name=spec.short_name,
        inspectorate=spec.inspectorate,
        description=spec.description,
        in_force_from=spec.in_force_from,
        in_force_to=spec.in_force_to,
        notice_description=spec.notice.description,
        notice_working_days=spec.notice.working_days,
        on_site_working_days=spec.notice.on_site_working_days,
        headline_guide=spec.headline_guide or "",
        counting=_plain(spec.counting),
        attribution=spec.attribution,
        source_text=source_text,
        is_builtin=builtin,
        loaded_by=loaded_by,
    )
    grades = {
        level.key: GradeLevel.objects.create(
            framework=framework, key=level.key, label=level.label, rank=level.rank
        )
        for level in spec.grades
    }
    strands = {strand.id: strand.name for strand in spec.strands}
    judgements: dict[str, Judgement] = {}
    descriptors: list[GradeDescriptor] = []
    for position, item in enumerate(spec.judgements):
        judgement = Judgement.objects.create(
            framework=framework,
            key=item.id,
            title=item.title,
            kind=item.kind,
            strand_key=item.strand or "",
            strand_name=strands.get(item.strand or "", ""),
            summary=item.summary,
            published_key=item.published_key or "",
            position=position,
        )
        judgements[item.id] = judgement
        for line_position, line in enumerate(item.lines_of_enquiry):
            line_row = LineOfEnquiry.objects.create(
                judgement=judgement,
                key=line.id,
                question=line.question,
                typical_evidence=list(line.typical_evidence),
                position=line_position,
            )
            descriptors.extend(
                GradeDescriptor(line_of_enquiry=line_row, grade=grades[key], text=text)
                for key, text in line.descriptors.items()
            )
    GradeDescriptor.objects.bulk_create(descriptors)
    JudgementComponent.objects.bulk_create(
        JudgementComponent(
            composite=judgements[item.id],
            component=judgements[component],
            position=position,
            limiting=component in item.limiting,
        )
        for item in spec.judgements
        for position, component in enumerate(item.components)
    )
    return framework


def _plain(value: object) -> object:
    """JSON-safe copy of YAML data (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def builtin_framework_files() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.yaml"))


def install_builtin_frameworks() -> list[str]:
    """Load any shipped framework not yet in the database. Returns the ids it loaded.

    A shipped file whose id is already loaded is left alone: reviews graded against it
    must keep the wording they were graded against. A changed framework ships with a
    new id (e.g. ilacs-2026 → ilacs-2027)."""
    loaded = []
    present = set(Framework.objects.filter(is_builtin=True).values_list("slug", flat=True))
    for path in builtin_framework_files():
        spec = load_framework_file(str(path))
        if spec.id not in present:
            store_framework(spec, path.read_text(encoding="utf-8"), builtin=True)
            loaded.append(spec.id)
    return loaded
