"""Writing case lists and samples: what both the pages and the command line call."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from readiness.reviews.models import Review

from .domain.caselist import CaseRow
from .domain.sampling import Candidate, draw_sample
from .models import Case, Sample, SampledCase


@transaction.atomic
def import_cases(review: Review, rows: list[CaseRow], replace: bool = False) -> tuple[int, int]:
    """Store ROWS as the review's cases: (added, updated). With REPLACE, cases not in ROWS and
    not in any sample go; a case already sampled is kept so its sample stays defensible."""
    existing = {(c.case_id, c.list_key): c for c in Case.objects.filter(review=review)}
    added, updated = [], []
    for row in rows:
        case = existing.pop((row.case_id, row.list_key), None)
        values = {"team": row.team, "worker": row.worker, "age": row.age, "started": row.started}
        if case is None:
            added.append(Case(review=review, case_id=row.case_id, list_key=row.list_key, **values))
        elif any(getattr(case, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(case, key, value)
            updated.append(case)
    Case.objects.bulk_create(added, batch_size=1000)
    Case.objects.bulk_update(updated, ["team", "worker", "age", "started"], batch_size=1000)
    if replace and existing:
        sampled = set(
            SampledCase.objects.filter(case__review=review).values_list("case_id", flat=True)
        )
        Case.objects.filter(
            id__in=[c.id for c in existing.values() if c.id not in sampled]
        ).delete()
    return len(added), len(updated)


def candidates(review: Review) -> list[Candidate]:
    fields = ("id", "case_id", "list_key", "team", "worker", "age", "started")
    return [
        Candidate(*values)
        for values in Case.objects.filter(review=review).order_by("id").values_list(*fields)
    ]


@transaction.atomic
def draw(
    review: Review,
    sizes: dict[str, int],
    seed: int,
    as_of: date,
    user: AbstractBaseUser | None = None,
    note: str = "",
) -> Sample:
    result = draw_sample(candidates(review), sizes, seed, as_of)
    sample = Sample.objects.create(
        review=review,
        seed=seed,
        sizes=result.sizes,
        shortfalls=result.shortfalls,
        as_of=as_of,
        note=note,
        drawn_by=user,
    )
    SampledCase.objects.bulk_create(
        SampledCase(
            sample=sample, case_id=d.candidate.id, stratum=d.stratum, reason=d.reason, position=n
        )
        for n, d in enumerate(result.drawn, start=1)
    )
    return sample
