"""The comments under an object, and the form to add one: `{% comments review "document"
document.id %}` at the foot of the object's page, which has already checked who may see it."""

from django import template

from ..domain.mentions import Person, split_mentions
from ..models import Comment
from ..services import MAX_CHARS

register = template.Library()


def _pieces(comment: Comment) -> list[tuple[str, bool]]:
    people = [Person(u.id, u.get_username(), u.get_full_name()) for u in comment.mentioned.all()]
    return [(text, person is not None) for text, person in split_mentions(comment.text, people)]


def _author(comment: Comment) -> str:
    if comment.author is None:
        return "Someone no longer here"
    return comment.author.get_full_name() or comment.author.get_username()


@register.inclusion_tag("conversations/comments.html", takes_context=True)
def comments(context: template.Context, review, target: str, target_id: int) -> dict:
    rows = (
        Comment.objects.filter(review=review, target=target, target_id=target_id)
        .select_related("author")
        .prefetch_related("mentioned")
    )
    return {
        "review": review,
        "target": target,
        "target_id": target_id,
        "comments": [(c, _author(c), _pieces(c)) for c in rows],
        "csrf_token": context.get("csrf_token"),
        "max_chars": MAX_CHARS,
    }
