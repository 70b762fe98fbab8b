from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from readiness.reviews.access import get_review_for_user
from readiness.reviews.domain.roles import VIEW

from .models import Comment
from .services import CommentError, add_comment, target_for


@login_required
@require_POST
def add(request: HttpRequest, review_id: int, target: str, target_id: int) -> HttpResponse:
    """Add a comment under an object the member can see; back to the object's page."""
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    found = target_for(review, membership, target, target_id)
    if found is None:
        raise Http404
    try:
        comment = add_comment(review, request.user, found, request.POST.get("text", ""))
    except CommentError as error:
        messages.error(request, str(error))
        return redirect(found.url + "#comments")
    n = comment.mentioned.count()
    messages.success(
        request,
        "Comment added."
        + (f" {n} {'person was' if n == 1 else 'people were'} mentioned." if n else ""),
    )
    return redirect(found.url + f"#comment-{comment.id}")


@login_required
def show(request: HttpRequest, review_id: int, comment_id: int) -> HttpResponse:
    """A comment's link (as e-mailed): to its place under the object, for those who may see
    the object."""
    review, membership = get_review_for_user(request.user, review_id, VIEW)
    comment = Comment.objects.filter(review=review, id=comment_id).first()
    found = comment and target_for(review, membership, comment.target, comment.target_id)
    if not found:
        raise Http404
    return redirect(found.url + f"#comment-{comment.id}")
