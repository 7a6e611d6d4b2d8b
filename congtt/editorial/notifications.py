"""E-mail to the people who must act (issue item 9), sent by a background task.

A failing mail server never blocks or loses a step: enqueueing and sending are
both guarded and logged; the step itself is already committed.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_notification(subject: str, body: str, recipients: list[str]) -> int:
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception:  # noqa: BLE001 - any mail failure is logged, never raised into the step
        logger.exception("editorial: sending %r to %s failed", subject, recipients)
        return 0


def notify(users_or_emails, subject: str, body: str) -> bool:
    """Queue one e-mail to ``users_or_emails``; False (logged) when it could not be queued or sent."""
    recipients = sorted(
        {
            (getattr(item, "email", None) if not isinstance(item, str) else item) or ""
            for item in users_or_emails
            if item is not None and (isinstance(item, str) or getattr(item, "is_active", True))
        }
        - {""}
    )
    if not recipients:
        return False
    try:
        send_notification.enqueue(str(subject)[:250], str(body), recipients)
        return True
    except Exception:  # noqa: BLE001
        logger.exception("editorial: queueing %r failed", subject)
        return False
