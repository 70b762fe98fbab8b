"""How much text a person may type into one field: generous for real writing, and a bound
on what one request can make every page, export and PDF lay out (issue 15). The model
fields carry the same limits as the forms, so a model form cannot drift from them."""

from django.core.validators import MaxLengthValidator
from django.db import models

LINE = 300  # a title, a reference
ITEM = 2_000  # an action point, an impact, an example
PARAGRAPH = 5_000  # a finding, a section of a narrative, a progress update
ARGUMENT = 10_000  # the rationale, strengths or areas for improvement of a grade


def bounded_text(limit: int, *args: object, **kwargs: object) -> models.TextField:
    """A TextField of at most LIMIT characters: shown to forms as maxlength and checked by
    full_clean (a TextField's max_length alone is only a hint to forms)."""
    return models.TextField(
        *args, max_length=limit, validators=[MaxLengthValidator(limit)], **kwargs
    )
