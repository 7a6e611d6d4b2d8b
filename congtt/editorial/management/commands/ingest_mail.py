"""Read the board's mailbox (Maildir or IMAP) into submissions with channel e-mail (EDT-2)."""

import contextlib
import imaplib
import mailbox
from urllib.parse import unquote, urlparse

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from congtt.editorial.services import ingest_message


class Command(BaseCommand):
    help = "Nhận thư gửi ban biên tập thành phiếu đề nghị đăng tin (mỗi thư một lần, theo Message-ID)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site", required=True, help="Tên miền của trang nhận thư, ví dụ sokhcn.langson.gov.vn"
        )
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--maildir", help="Đường dẫn thư mục Maildir")
        source.add_argument("--imap", help="imaps://người_dùng:mật_khẩu@máy_chủ[:cổng]/HỘP_THƯ")

    def handle(self, *args, site, maildir=None, imap=None, **options):
        target = Site.objects.filter(hostname=site).first()
        if target is None:
            raise CommandError(f"Không có trang với tên miền {site}.")
        created = skipped = 0
        for raw in self._maildir(maildir) if maildir else self._imap(imap):
            if ingest_message(raw, target) is None:
                skipped += 1
            else:
                created += 1
        self.stdout.write(f"Đã tạo {created} phiếu, bỏ qua {skipped} thư đã nhận.")

    def _maildir(self, path):
        box = mailbox.Maildir(path, factory=None, create=False)
        for key in box.iterkeys():
            yield box.get_bytes(key)

    def _imap(self, url):
        parsed = urlparse(url)
        if parsed.scheme not in ("imap", "imaps"):
            raise CommandError("Địa chỉ IMAP phải bắt đầu bằng imap:// hoặc imaps://")
        cls = imaplib.IMAP4_SSL if parsed.scheme == "imaps" else imaplib.IMAP4
        client = cls(parsed.hostname, parsed.port or (993 if parsed.scheme == "imaps" else 143))
        try:
            client.login(unquote(parsed.username or ""), unquote(parsed.password or ""))
            client.select(unquote(parsed.path.strip("/")) or "INBOX", readonly=True)
            status, data = client.search(None, "ALL")
            for number in (data[0] or b"").split():
                status, parts = client.fetch(number, "(RFC822)")
                if status == "OK" and parts and isinstance(parts[0], tuple):
                    yield parts[0][1]
        finally:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                client.logout()
