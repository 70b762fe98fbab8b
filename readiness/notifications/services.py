"""Send the e-mails that are due, each once."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction

from .domain.compose import Outgoing, still_to_send
from .models import SentNotification
from .queries import already_sent, candidates, turned_off

log = logging.getLogger("readiness.notifications")


@dataclass
class SendReport:
    sent: list[Outgoing] = field(default_factory=list)
    failed: list[tuple[Outgoing, str]] = field(default_factory=list)
    no_address: int = 0
    turned_off: int = 0
    already_sent: int = 0

    def by_kind(self) -> Counter:
        return Counter(out.kind for out in self.sent)


def send_due(today: date, *, dry_run: bool = False) -> SendReport:
    """Send every e-mail due on `today` that has not been sent before. Each is recorded
    before it goes (the record's unique key stops a second run at the same moment from
    sending it too) and the record is removed if sending fails, so the next run tries
    again. With `dry_run`, nothing is sent or recorded: the report lists what would go."""
    plan = still_to_send(candidates(today), already_sent(), turned_off())
    report = SendReport(
        no_address=len(plan.no_address),
        turned_off=plan.turned_off,
        already_sent=plan.already_sent,
    )
    if dry_run:
        report.sent = plan.to_send
        return report
    connection = get_connection()
    for out in plan.to_send:
        try:
            with transaction.atomic():
                record = SentNotification.objects.create(
                    user_id=out.recipient.id, kind=out.kind, key=out.key, subject=out.subject
                )
        except IntegrityError:  # another run took it
            report.already_sent += 1
            continue
        message = EmailMessage(
            f"{settings.READINESS_SERVICE_NAME}: {out.subject}",
            out.body,
            settings.DEFAULT_FROM_EMAIL,
            [out.recipient.email],
            connection=connection,
        )
        try:
            message.send()
        except Exception as error:  # noqa: BLE001 - any mail failure: keep going, retry later
            record.delete()
            report.failed.append((out, str(error)))
            log.warning("notification not sent: %s to user %s: %s", out.key, out.recipient.id,
                        error)  # fmt: skip
            continue
        report.sent.append(out)
    return report
