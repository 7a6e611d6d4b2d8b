"""Scheduled jobs of the board, registered with the ops scheduler (``manage.py run_scheduled``)."""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def deadline_reminders():
    from .deadlines import send_reminders

    send_reminders()


def meeting_reminders():
    from .meetings import send_reminders

    send_reminders()


def contributor_terms():
    from .contributors import sync_all

    sync_all()


def ingest_mailboxes():
    """Read every mailbox of ``EDITORIAL_MAILBOXES`` ({site hostname: Maildir path or imap(s):// URL})."""
    from django.core.management import call_command

    for hostname, source in getattr(settings, "EDITORIAL_MAILBOXES", {}).items():
        option = "--imap" if str(source).startswith(("imap://", "imaps://")) else "--maildir"
        try:
            call_command("ingest_mail", "--site", hostname, option, source)
        except Exception:  # noqa: BLE001 - one broken mailbox must not stop the others
            logger.exception("editorial: reading the mailbox of %s failed", hostname)


def register():
    try:
        from congtt.ops import scheduler
    except ImportError:  # pragma: no cover - ops is always installed in this project
        return
    scheduler.register("editorial_deadline_reminders", scheduler.daily(7), deadline_reminders)
    scheduler.register("editorial_meeting_reminders", scheduler.daily(7), meeting_reminders)
    scheduler.register("editorial_contributor_terms", scheduler.daily(1), contributor_terms)
    scheduler.register("editorial_ingest_mail", scheduler.every(10), ingest_mailboxes)
