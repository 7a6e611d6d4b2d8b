from django.core.management.base import BaseCommand, CommandError

from congtt.ops import catalogues


class Command(BaseCommand):
    help = (
        "Per-domain translation coverage (translated / total) for vi, en and zh-hans, measured against the "
        "messages of the installed Wagtail and wagtail-localize, so that an upgrade's new messages show up."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fail-under", type=float, default=None, help="exit 1 if a vi domain is below this %"
        )

    def handle(self, *args, fail_under, **options):
        rows = catalogues.coverage()
        self.stdout.write(catalogues.format_table(rows))
        for package, domain in catalogues.missing_packages():
            self.stdout.write(f"not carried yet: {package}/{domain} (run update_wagtail_catalogues)")
        broken = [
            problem
            for po in catalogues.WAGTAIL_LOCALE.rglob("*.po")
            for check in (catalogues.problems, catalogues.terminology_problems)
            for problem in check(po)
        ]
        for problem in broken:
            self.stderr.write(problem)
        short = [
            row
            for row in rows
            if row.language == "vi" and fail_under is not None and row.percent < fail_under
        ]
        if short or broken:
            raise CommandError(
                f"{len(short)} domain(s) below {fail_under} % in Vietnamese, {len(broken)} broken or off-glossary translation(s)"
            )
