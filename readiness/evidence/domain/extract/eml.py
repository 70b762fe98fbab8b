"""E-mail (RFC 822 / MIME) with the standard library's modern parser.

The body is the plain-text part, else the HTML part turned to text. Attachments are
returned as they are, for the caller to ingest as documents of their own; inline images
(logos in signatures) are not attachments and are left out.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from ..archive import check_attachments
from ..types import Attachment, Extracted, Limits, Page
from .dates import iso_date
from .html import html_to_text


def _safe_name(name: str | None, number: int) -> str:
    # The name comes from the sender: keep only its last path part, without control chars.
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip(" .")
    return base[:200] or f"attachment-{number}"


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        # An unknown charset or broken transfer encoding: take the bytes as best we can.
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else ""


def _attachment_parts(message: EmailMessage) -> list[EmailMessage]:
    found = []
    for part in message.walk():
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            continue
        disposition = part.get_content_disposition()
        if disposition == "attachment" or (
            disposition is None
            and part.get_filename()
            and part.get_content_maintype() == "application"
        ):
            found.append(part)
    return found


def read_eml(data: bytes, limits: Limits) -> Extracted:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    subject = " ".join(str(message.get("subject", "") or "").split()) or None
    sent = None
    date_header = message.get("date")
    if date_header is not None:
        sent = iso_date(getattr(date_header, "datetime", None))
    text = ""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = _content(body)
        if body.get_content_subtype() == "html":
            text = html_to_text(content)[0]
        else:
            text = content.replace("\r\n", "\n")
    warnings = []
    attachments = []
    parts = _attachment_parts(message)
    if len(parts) > limits.max_attachments:
        warnings.append(
            f"Only the first {limits.max_attachments} of {len(parts)} attachments were taken."
        )
    for number, part in enumerate(parts[: limits.max_attachments], start=1):
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            payload = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
            name = _safe_name(part.get_filename() or f"message-{number}.eml", number)
        else:
            payload = part.get_payload(decode=True) or b""
            name = _safe_name(part.get_filename(), number)
        attachments.append(Attachment(name=name, data=payload))
    check_attachments((len(a.data) for a in attachments), limits)
    header_lines = [
        f"{label}: {' '.join(str(message.get(key)).split())}"
        for key, label in (("from", "From"), ("to", "To"), ("date", "Date"))
        if message.get(key)
    ]
    # Who wrote to whom and when is part of the evidence; the subject is the title.
    page = "\n".join(header_lines) + ("\n\n" if header_lines else "") + text
    return Extracted(
        file_type="eml",
        pages=(Page(1, page),),
        title=subject,
        date=sent,
        attachments=tuple(attachments),
        warnings=tuple(warnings),
    )
