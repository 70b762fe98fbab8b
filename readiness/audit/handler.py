"""Stores the `readiness.audit` logger's lines in the audit log. Configured in LOGGING, so it
is imported before the apps are ready: it reaches the models only when a line arrives."""

import logging

# What a LogRecord carries that is not an extra field.
_RECORD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class AuditLogHandler(logging.Handler):
    """Stores each line of the `readiness.audit` logger as an AuditEvent."""

    def emit(self, entry: logging.LogRecord) -> None:
        try:
            extra = {k: v for k, v in vars(entry).items() if k not in _RECORD_FIELDS}
            user_id = extra.pop("user", None)
            review_id = extra.pop("review", None)
            via = extra.pop("via", None)
            user = None
            if isinstance(user_id, int):
                from django.contrib.auth import get_user_model

                user = get_user_model().objects.filter(pk=user_id).first()
            from .services import describe, record

            record(
                entry.getMessage(),
                user=user,
                review_id=review_id if isinstance(review_id, int) else None,
                what=describe(extra),
                via=via,
            )
        except Exception:  # the event is still in the console log; never fail the page
            self.handleError(entry)
