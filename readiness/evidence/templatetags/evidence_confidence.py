"""{% confidence value below_threshold %}: the machine's confidence in words, the number on
hover and for screen readers."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from readiness.evidence.domain.confidence import confidence_title, confidence_word

register = template.Library()


@register.simple_tag
def confidence(value: float, below_threshold: bool = False) -> SafeString:
    number = confidence_title(value)
    return format_html(
        '<span class="readiness-confidence" title="{}">{}</span>'
        '<span class="govuk-visually-hidden"> ({})</span>',
        number,
        confidence_word(value, below_threshold),
        number.lower(),
    )
