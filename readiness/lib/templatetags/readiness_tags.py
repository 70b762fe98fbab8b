from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def review_access(context: template.Context, review: object) -> dict:
    """What the signed-in person's role lets them use in this review: `tabs`, `may` and
    `role`, for the navigation and for hiding buttons they could not use."""
    from readiness.reviews.access import remembered_membership
    from readiness.reviews.domain.roles import ROLE_NAMES, permissions, tabs

    request = context.get("request")
    membership = remembered_membership(request.user, review.id) if request else None
    role = membership.role if membership else ""
    return {
        "role": role,
        "role_name": ROLE_NAMES.get(role, ""),
        "tabs": tabs(role),
        "may": permissions(role),
        "membership": membership,
    }


@register.filter
def counted(count: int, words: str) -> str:
    """{{ n|counted:"file" }} → "1 file", "2 files"; {{ n|counted:"child,children" }}."""
    from readiness.lib.text import plural

    singular, _, plural_form = words.partition(",")
    return plural(int(count or 0), singular, plural_form or None)
