"""Adding a comment, and who may see the object it is under: the object's own rule, so a
contributor comments only where they can see, and is mentioned only where they can see."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse

from readiness.actions.models import ActionItem
from readiness.evidence.queries import visible_documents
from readiness.frameworks.models import Judgement
from readiness.narratives.models import Narrative
from readiness.reviews.domain.roles import SEE_ALL_EVIDENCE, may
from readiness.reviews.models import Membership, Review

from .domain.mentions import Person, find_mentions
from .models import Comment

MAX_CHARS = 4000
# What a comment is under, in a sentence ("mentioned you on an evidence document").
ABOUT = {
    Comment.JUDGEMENT: "a judgement",
    Comment.DOCUMENT: "an evidence document",
    Comment.NARRATIVE: "a narrative",
    Comment.ACTION_ITEM: "an action item",
}


def target_url(comment: Comment) -> str:
    """The comment's own address, which checks who may see it when it is opened."""
    return reverse("conversations:show", args=[comment.review_id, comment.id])


class CommentError(ValueError):
    """A comment that cannot be added, with a message for a person."""


@dataclass(frozen=True)
class Target:
    kind: str
    id: int
    title: str
    url: str
    agency_id: int | None = None  # a document's agency: only its contributors see it


def target_for(review: Review, membership: Membership, kind: str, target_id: int) -> Target | None:
    """The object a comment is under, or None when it is not in the review or the member may
    not see it (the caller answers 404, as for the object's own page)."""
    if kind == Comment.JUDGEMENT:
        j = Judgement.objects.filter(framework_id=review.framework_id, id=target_id).first()
        if j is not None:
            url = reverse("assessment:judgement", args=[review.id, j.key])
            return Target(kind, j.id, j.title, url)
    elif kind == Comment.DOCUMENT:
        d = visible_documents(review, membership).filter(id=target_id).first()
        if d is not None:
            url = reverse("evidence:document", args=[review.id, d.id])
            return Target(kind, d.id, d.title, url, d.agency_id)
    elif kind == Comment.NARRATIVE:
        n = Narrative.objects.filter(review=review, id=target_id).first()
        if n is not None:
            latest = n.versions.order_by("-number").first()
            url = reverse("narratives:detail", args=[review.id, n.key])
            return Target(kind, n.id, latest.title if latest else n.key, url)
    elif kind == Comment.ACTION_ITEM:
        a = ActionItem.objects.filter(review=review, id=target_id).first()
        if a is not None:
            url = reverse("actions:item", args=[review.id, a.code])
            return Target(kind, a.id, f"{a.code}: {a.text[:80]}", url)
    return None


def people_who_see(review: Review, target: Target) -> list[Person]:
    """The review's people who may see the object, as mention candidates."""
    memberships = Membership.objects.filter(review=review).select_related("user")
    return [
        Person(m.user_id, m.user.get_username(), m.user.get_full_name())
        for m in memberships
        if target.kind != Comment.DOCUMENT
        or may(m.role, SEE_ALL_EVIDENCE)
        or (m.agency_id is not None and m.agency_id == target.agency_id)
    ]


def add_comment(review: Review, author: AbstractBaseUser, target: Target, text: str) -> Comment:
    """Store a comment under `target` with the people it mentions. The caller has checked
    that the author may see the target (`target_for`)."""
    text = text.strip()
    if not text:
        raise CommentError("Write a comment before adding it.")
    if len(text) > MAX_CHARS:
        raise CommentError(f"A comment can be at most {MAX_CHARS} characters.")
    mentioned = find_mentions(text, people_who_see(review, target))
    with transaction.atomic():
        comment = Comment.objects.create(
            review=review, target=target.kind, target_id=target.id, author=author, text=text
        )
        comment.mentioned.set(mentioned)
    return comment
