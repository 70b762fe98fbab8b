"""Load Anytown's synthetic fieldwork through the same services a person uses."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from readiness.audits import services as audits
from readiness.casework import services as casework
from readiness.casework.domain.caselist import CaseRow
from readiness.evidence.alignment import ReviewAligner
from readiness.interviews import services as interviews
from readiness.interviews.models import NotePassage
from readiness.reviews.models import Agency, Membership, Review
from readiness.thresholds import services as thresholds

from .domain import fieldwork_demo as demo
from .domain.partnerships import DEMO_PASSWORD

# A second reviewer, so that moderation has two auditors and a lead who graded neither.
AUDITOR = ("alex.auditor", "Alex", "Penhallow")


def _auditor(review: Review, password: str) -> object:
    user, created = get_user_model().objects.get_or_create(
        username=AUDITOR[0], defaults={"first_name": AUDITOR[1], "last_name": AUDITOR[2]}
    )
    if created:
        user.set_password(password)
        user.save()
    Membership.objects.get_or_create(review=review, user=user, defaults={"role": "reviewer"})
    return user


def _sectors(review: Review) -> None:
    for agency in Agency.objects.filter(review=review, sector=Agency.OTHER):
        name = agency.name.lower()
        sector = next((s for words, s in demo.SECTORS if words in name), None)
        if sector:
            agency.sector = sector
            agency.save(update_fields=["sector"])


@transaction.atomic
def load_fieldwork(review: Review, password: str = DEMO_PASSWORD) -> dict[str, int]:
    """Anytown's case list, sample, audits, interviews and thresholds check."""
    _sectors(review)
    lead = Membership.objects.get(review=review, role=Membership.LEAD).user
    tom = Membership.objects.filter(review=review, role=Membership.REVIEWER).first().user
    alex = _auditor(review, password)
    rows = [CaseRow(c.case_id, c.list_key, c.team, c.worker, c.age, c.started)
            for c in demo.children()]  # fmt: skip
    casework.import_cases(review, rows)
    sample = casework.draw(review, demo.SAMPLE_SIZES, demo.SAMPLE_SEED, demo.AS_OF, lead,
                           "Dip sample for the practice week: plans, drift and the voice of "
                           "the child")  # fmt: skip
    drawn = list(sample.cases.select_related("case"))
    rng = random.Random(demo.SEED)
    moderated = 0
    for n, sampled in enumerate(drawn):
        auditor, second = (tom, alex) if n % 2 == 0 else (alex, tom)
        tool_id = "macfa-ilacs-2026" if n in (3, 11) else "social-care-ilacs-2026"
        audit = audits.start_audit(review, sampled.case, tool_id, auditor,
                                   demo.AS_OF - timedelta(days=10 - n % 7), sample)  # fmt: skip
        spec = audits.tool_for(audit)
        lean = {"child_protection": 0.1, "child_in_need": 0.05}.get(sampled.stratum, -0.05)
        answers = {
            q.id: (demo.grade_for(rng, q.id, lean) if q.scale == "grade"
                   else rng.choice(("yes", "yes", "yes", "no")), "")
            for _, q in spec.questions()
        }  # fmt: skip
        if n == 0:
            answers[demo.PLANTED[0]] = (demo.PLANTED[1], "Plan on file, reviewed at core group.")
        audits.save_answers(audit, list(spec.sections), answers, auditor)
        audit.strengths = "The child's own words are recorded and acted on." if n % 3 else ""
        audit.worries = "Drift between reviews; contingency plan missing." if n % 4 == 1 else ""
        audit.save(update_fields=["strengths", "worries"])
        audits.submit(audit)
        if n == 5:
            audits.raise_action(audit, demo.URGENT[0], True, demo.URGENT[1], auditor)
        if n % 3 == 0 and moderated < 6:
            blind = audits.start_moderation(audit, second, audit.audited_on + timedelta(days=2))
            seconds = {
                qid: (demo.second_opinion(rng, a) if a in demo_grades() else a, "")
                for qid, (a, _) in answers.items()
            }
            if n == 0:
                seconds[demo.PLANTED[0]] = (demo.PLANTED[2], "No timescales, no contingency.")
            audits.save_answers(blind, list(spec.sections), seconds, second)
            audits.submit(blind)
            if n == 0:
                audits.settle(audit, demo.PLANTED[0], demo.PLANTED[3], demo.PLANTED[4], lead)
            moderated += 1
    held = _interviews(review, lead)
    answers = _thresholds(review, lead, rng)
    return {"cases": len(rows), "sampled": len(drawn), "audits": len(drawn),
            "moderated": moderated, "interviews": held, "threshold_answers": answers}  # fmt: skip


def demo_grades() -> set[str]:
    return {"outstanding", "good", "requires_improvement", "inadequate"}


def _interviews(review: Review, lead: object) -> int:
    agencies = {a.name: a for a in Agency.objects.filter(review=review)}
    aligner = ReviewAligner(review)
    start = timezone.make_aware(datetime.combine(demo.AS_OF, time(9, 30)))
    for n, (kind, title, role, agency, lines, notes) in enumerate(demo.INTERVIEWS):
        people = [(r, agencies.get(a) if a else None)
                  for r, a in demo.FOCUS_GROUP_PEOPLE.get(title, [])]  # fmt: skip
        item = interviews.schedule(
            review, kind, title, start + timedelta(days=n // 3, hours=2 * (n % 3)),
            agencies.get(agency) if agency else None, role, lines, lead, people,
        )  # fmt: skip
        interviews.write_notes(item, notes, lead, aligner)
        if title in demo.QUOTED:
            passage = NotePassage.objects.filter(
                note__interview=item, note__position=demo.QUOTED[title]
            ).first()
            interviews.mark_quote(passage, True)
    return len(demo.INTERVIEWS)


def _thresholds(review: Review, lead: object, rng: random.Random) -> int:
    check = thresholds.create_check(review, "Thresholds check, autumn 2026", lead)
    vignettes = list(check.vignettes.all())
    agencies = {a.name: a for a in Agency.objects.filter(review=review)}
    count = 0
    for agency, role, people in demo.THRESHOLD_PEOPLE:
        for token in thresholds.make_links(check, agencies[agency], role, people, 30):
            levels = {}
            for v in vignettes:
                chance, misread = demo.READINGS[v.title]
                levels[v.id] = v.intended_level if rng.random() < chance else misread
            thresholds.record(token, levels)
            count += 1
    # A few links sent and not yet answered.
    thresholds.make_links(
        check, agencies["Probation Service (Anyshire)"], "probation officer", 4, 30
    )
    return count
