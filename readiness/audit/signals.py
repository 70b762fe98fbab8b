"""Events recorded from signals: signing in and out, roles and action plan items."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from readiness.actions.models import ActionItem
from readiness.reviews.models import Membership

from .services import record


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs) -> None:
    sso = getattr(user, "backend", "") == "readiness.sso.backends.ReadinessOIDCBackend"
    record("signed in", user=user, what="single sign-on" if sso else "")


@receiver(user_logged_out)
def _signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        record("signed out", user=user)


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    if "username" not in credentials:
        return  # single sign-on records its own refusals, with the reason (readiness.sso)
    record("sign-in failed", username=str(credentials.get("username", "")))


@receiver(post_save, sender=Membership)
def _role_saved(sender, instance: Membership, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    action = "member added" if created else "role changed"
    agency = f" for {instance.agency.name}" if instance.agency_id else ""
    record(
        action,
        review_id=instance.review_id,
        what=f"{instance.user.get_username()} as {instance.get_role_display()}{agency}",
    )


@receiver(post_delete, sender=Membership)
def _role_removed(sender, instance: Membership, **kwargs) -> None:
    record(
        "member removed",
        review_id=instance.review_id,
        what=f"{instance.user.get_username()} ({instance.get_role_display()})",
    )


@receiver(post_save, sender=ActionItem)
def _item_saved(sender, instance: ActionItem, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    record(
        "item added" if created else "item changed",
        review_id=instance.review_id,
        what=f"{instance.code}: {instance.text[:200]}",
    )
