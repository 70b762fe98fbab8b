"""Store an import's values all at once, with its quality report."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from readiness.reviews.models import Review

from .domain.imports import Computed, FileProgress, compute
from .domain.library import load_library
from .models import Comparator, ComparatorChange, DataImport, IndicatorValue

REMOVE = "remove"  # as typed in the form (forms.REMOVE)
ISSUES_KEPT = 1000  # the quality report page lists this many; the counts cover them all


def indicator_for_measure() -> dict[str, str]:
    return {d.measure_key: d.id for d in load_library() if d.measure_key}


def import_data(
    review: Review,
    kind: str,
    files: dict[str, bytes],
    *,
    user: AbstractBaseUser | None = None,
    file_name: str = "",
) -> DataImport:
    """Read, compute and store. Raises ImportFileError (nothing stored) when the file
    cannot be imported at all; record-level problems go into the quality report."""
    computed = read_import(kind, files)
    return store_import(review, computed, user, file_name or ", ".join(sorted(files)))


def read_import(
    kind: str, files: dict[str, bytes], progress: FileProgress | None = None
) -> Computed:
    """Read and compute, touching nothing (the slow part, kept out of any transaction)."""
    library = {d.id for d in load_library()}
    if progress is None:
        return compute(kind, files, known_indicators=library)
    return compute(kind, files, known_indicators=library, progress=progress)


@transaction.atomic
def store_import(
    review: Review, computed: Computed, user: AbstractBaseUser | None, file_name: str
) -> DataImport:
    """Store what was read, all of it or (on any error) nothing."""
    report = computed.report
    record = DataImport.objects.create(
        review=review,
        kind=computed.kind,
        file_name=file_name[:300],
        imported_by=user,
        records_read=computed.records_read,
        records_left_out=report.excluded,
        records_corrected=report.kept,
        summary=computed.summary,
        quality={
            "counts_by_reason": report.counts_by_reason(),
            "issues": report.as_dict()["issues"][:ISSUES_KEPT],
            "issues_total": len(report.issues),
        },
    )
    mapping = indicator_for_measure() if computed.kind in ("ssda903", "cin") else None
    stored = 0
    for item in computed.values:
        indicator = mapping.get(item.key) if mapping is not None else item.key
        if not indicator:
            continue  # a measure the library does not show (e.g. a cohort size)
        IndicatorValue.objects.update_or_create(
            review=review,
            indicator=indicator,
            period_end=item.period_end,
            defaults={
                "numerator": item.numerator,
                "denominator": item.denominator,
                "value": item.value,
                "source": record,
            },
        )
        stored += 1
    for item in computed.comparators:
        _set_comparator(
            review, item.key, item.kind, item.period_end, item.value, user,
            via=ComparatorChange.IMPORT, source=record,
        )  # fmt: skip
    record.values_stored = stored
    record.save(update_fields=["values_stored"])
    return record


def _set_comparator(
    review: Review,
    indicator: str,
    kind: str,
    period_end: date,
    value: float | None,
    user: AbstractBaseUser | None,
    *,
    via: str,
    source: DataImport | None = None,
) -> bool:
    """Hold `value` (None: hold nothing); record the change, with the figure it replaced,
    when it is one."""
    held = Comparator.objects.filter(
        review=review, indicator=indicator, kind=kind, period_end=period_end
    ).first()
    if value is None:
        if held is None:
            return False
        ComparatorChange.objects.create(
            review=review, indicator=indicator, kind=kind, period_end=period_end,
            old_value=held.value, new_value=None, changed_by=user, via=via, source=source,
        )  # fmt: skip
        held.delete()
        return True
    if held is not None and held.value == value:
        return False
    ComparatorChange.objects.create(
        review=review, indicator=indicator, kind=kind, period_end=period_end,
        old_value=held.value if held else None, new_value=value, changed_by=user, via=via,
        source=source,
    )  # fmt: skip
    if held is None:
        Comparator.objects.create(
            review=review, indicator=indicator, kind=kind, period_end=period_end, value=value,
            source=source,
        )  # fmt: skip
    else:
        held.value, held.source = value, source
        held.save(update_fields=["value", "source"])
    return True


@transaction.atomic
def set_comparators(
    review: Review,
    indicator: str,
    period_end: date,
    figures: dict[str, float | str | None],
    user: AbstractBaseUser | None,
) -> list[str]:
    """Enter England, region, statistical neighbours and target figures for one period; a
    None leaves what is held, REMOVE removes it. Returns the kinds that changed."""
    return [
        kind
        for kind, value in figures.items()
        if value is not None
        and _set_comparator(
            review,
            indicator,
            kind,
            period_end,
            None if value == REMOVE else value,
            user,
            via=ComparatorChange.FORM,
        )  # fmt: skip
    ]
