"""Background e-mail (django-tasks). A failing mail server never loses a case nor blocks a transition."""

import logging

from django.core.mail import send_mail
from django_tasks import task

logger = logging.getLogger("congtt.citizen")
MAX_ATTEMPTS = 3


@task()
def send_citizen_mail(to: list[str], subject: str, body: str, attempt: int = 1):
    """Send one e-mail; on failure log it and enqueue a retry (up to MAX_ATTEMPTS)."""
    try:
        send_mail(subject, body, None, to, fail_silently=False)
    except Exception:  # any SMTP/network error
        logger.exception("citizen mail to %s failed (attempt %s)", to, attempt)
        if attempt < MAX_ATTEMPTS:
            try:
                send_citizen_mail.enqueue(to, subject, body, attempt + 1)
            except Exception:
                logger.exception("could not enqueue retry of citizen mail")
        return False
    return True


def notify(to, subject: str, body: str) -> None:
    """Queue an e-mail; never raises."""
    recipients = [addr for addr in ([to] if isinstance(to, str) else list(to)) if addr]
    if not recipients:
        return
    try:
        send_citizen_mail.enqueue(recipients, str(subject), str(body))
    except Exception:
        logger.exception("could not enqueue citizen mail to %s", recipients)
