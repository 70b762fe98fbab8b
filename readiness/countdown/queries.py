"""A review's countdown: gather the items to refresh as plain data, in a fixed number of
queries whatever the size of the review, and hand them to the timetable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from readiness.actions.models import ActionItem
from readiness.asks.models import EvidenceRequest
from readiness.asks.queries import visible_requests, with_details
from readiness.evidence.domain.stale import DocumentAge, format_date
from readiness.evidence.domain.stale import stale_documents as library_stale_documents
from readiness.evidence.models import EvidenceDocument
from readiness.evidence.queries import document_ages
from readiness.indicators.models import DataImport
from readiness.narratives.domain.approval import current as current_version
from readiness.narratives.domain.check import IndicatorRef, NarrativeText, check_narrative
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact
from readiness.narratives.services import current_values
from readiness.reviews.domain.roles import SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .domain.timetable import (
    ActionFacts,
    BriefFacts,
    Calendar,
    DocumentItem,
    NarrativeItem,
    Notice,
    RequestFacts,
    Timetable,
    build_timetable,
    england_and_wales,
    notice_for,
    refuse_if_not_working,
)

# The narrative check's findings that mean "refresh it", with what the timetable says.
STALE_NARRATIVE_CODES = ("figures_stale", "written_before_import", "not_refreshed")


@dataclass(frozen=True)
class Facts:
    narratives: list[NarrativeItem]
    documents: list[DocumentItem]
    actions: list[ActionFacts]
    briefs: list[BriefFacts]
    undated_documents: int
    requests: list[RequestFacts]


def notice_of(review: Review) -> Notice:
    f = review.framework
    return notice_for(
        f.slug, f.short_name, f.notice_working_days, f.on_site_working_days, f.notice_description
    )


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _as_text(version: NarrativeVersion) -> NarrativeText:
    """What the narrative check reads. Only the figures and the date decide staleness, so the
    version's evidence links are not fetched (that would be a query per narrative)."""
    return NarrativeText(
        title=version.title,
        targeted_and_why=version.targeted_and_why,
        what_we_did=version.what_we_did,
        impact_for_children=version.impact_for_children,
        whats_next=version.whats_next,
        indicators=tuple(
            IndicatorRef(i["indicator"], i["period"], i["value"]) for i in version.indicators
        ),
        evidence_links=len(version.evidence),
        updated_on=timezone.localtime(version.written_at).date(),
    )


def stale_narratives(review: Review, called: date) -> list[NarrativeItem]:
    """Narratives whose latest version the narrative check says to refresh, judged with the
    figures held now and its age on the day of the call."""
    latest = DataImport.objects.filter(review=review).order_by("-imported_at").first()
    latest_day = timezone.localtime(latest.imported_at).date() if latest else None
    values = current_values(review)
    versions = NarrativeVersion.objects.select_related("written_by")
    narratives = Narrative.objects.filter(review=review).prefetch_related(
        Prefetch("versions", queryset=versions)
    )
    agencies = dict(
        Membership.objects.filter(review=review, agency__isnull=False).values_list(
            "user_id", "agency__name"
        )
    )
    out = []
    for narrative in narratives:
        version = current_version(narrative.versions.all())
        if version is None:
            continue
        result = check_narrative(
            _as_text(version),
            latest_import=latest_day,
            today=called,
            current_values=values,
        )
        reasons = []
        for finding in result.findings:
            if finding.code == "figures_stale":
                reasons.append(f"figures older than the latest data: {finding.detail}")
            elif finding.code in STALE_NARRATIVE_CODES:
                reasons.append(finding.message)
        if reasons:
            owner = version.written_by
            out.append(
                NarrativeItem(
                    narrative.key,
                    version.title,
                    _name(owner),
                    agencies.get(owner.pk, "") if owner else "",
                    tuple(reasons),
                )
            )
    return out


def stale_documents(
    review: Review,
    called: date,
    membership: Membership | None,
    ages: list[DocumentAge] | None = None,
) -> tuple[list[DocumentItem], int]:
    """Out-of-date documents by the evidence library's own rule (`evidence.domain.stale`),
    judged on the day of the call, and how many documents carry no date. A member who may
    not see every agency's evidence sees their own agency's by title and the others as a
    count per agency."""
    see_all = membership is None or may(membership.role, SEE_ALL_EVIDENCE)
    own = membership.agency.name if membership is not None and membership.agency else None
    ages = document_ages(review) if ages is None else ages
    undated = sum(1 for age in ages if age.date is None)
    stale = library_stale_documents(
        ages,
        called,
        when=f"before the call on {format_date(called)}",
        older_than_months=settings.EVIDENCE_STALE_DOCUMENT_MONTHS,
    )
    owners = {
        doc.id: _name(doc.added_by)
        for doc in EvidenceDocument.objects.filter(id__in=[s.id for s in stale])
        .select_related("added_by")
        .only("id", "added_by")
    }
    shown: list[DocumentItem] = []
    hidden: dict[str, int] = {}
    for doc in sorted(stale, key=lambda d: (d.agency, d.date or date.max, d.title, d.id)):
        if see_all or (own is not None and doc.agency == own):
            shown.append(
                DocumentItem(
                    doc.id,
                    doc.title,
                    doc.agency,
                    owners.get(doc.id, ""),
                    doc.date,
                    reasons=doc.reasons,
                )  # fmt: skip
            )
        else:
            hidden[doc.agency] = hidden.get(doc.agency, 0) + 1
    shown.extend(DocumentItem(None, "", agency, "", None, n) for agency, n in hidden.items())
    return shown, undated


def open_actions(review: Review) -> list[ActionFacts]:
    items = ActionItem.objects.filter(
        review=review, status__in=ActionItem.OPEN_STATUSES
    ).select_related("owner", "owner_agency")
    return [
        ActionFacts(
            item.code,
            item.get_kind_display(),
            item.text,
            _name(item.owner),
            item.owner_agency.name if item.owner_agency else "",
            item.due_date,
            item.get_status_display(),
        )
        for item in items
    ]


def briefs(review: Review) -> list[BriefFacts]:
    by_service: dict[str, list[ServiceImpact]] = {}
    for impact in ServiceImpact.objects.filter(review=review).select_related("added_by"):
        by_service.setdefault(impact.service, []).append(impact)
    out = []
    for service, impacts in sorted(by_service.items()):
        owners = tuple(dict.fromkeys(_name(i.added_by) for i in impacts if i.added_by))
        backed = sum(1 for i in impacts if i.indicator)
        out.append(BriefFacts(service, len(impacts), backed, owners))
    return out


def waiting_requests(review: Review, membership: Membership | None) -> list[RequestFacts]:
    """Requests for evidence still open, as the member may see them (`readiness.asks`)."""
    waiting = with_details(visible_requests(review, membership)).filter(status=EvidenceRequest.OPEN)
    return [
        RequestFacts(r.id, r.agency.name, r.due_date,
                     tuple(line.key for line in r.lines_of_enquiry.all()), _name(r.asked_by))
        for r in waiting
    ]  # fmt: skip


def gather(
    review: Review,
    called: date,
    membership: Membership | None = None,
    ages: list[DocumentAge] | None = None,
) -> Facts:
    documents, undated = stale_documents(review, called, membership, ages)
    return Facts(
        narratives=stale_narratives(review, called),
        documents=documents,
        actions=open_actions(review),
        briefs=briefs(review),
        undated_documents=undated,
        requests=waiting_requests(review, membership),
    )


def countdown(
    review: Review,
    called: date,
    membership: Membership | None = None,
    calendar: Calendar | None = None,
    ages: list[DocumentAge] | None = None,
) -> Timetable:
    """The review's timetable for a call on `called`, as `membership` may see it (None: the
    command line, which sees everything). Raises CountdownError for a bad call date."""
    notice = notice_of(review)
    calendar = calendar or england_and_wales(called)
    refuse_if_not_working(called, calendar)  # before any query
    facts = gather(review, called, membership, ages)
    return build_timetable(
        called,
        notice,
        calendar,
        narratives=facts.narratives,
        documents=facts.documents,
        actions=facts.actions,
        briefs=facts.briefs,
        undated_documents=facts.undated_documents,
        requests=facts.requests,
    )
