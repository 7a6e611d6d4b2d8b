from django.core.management.base import BaseCommand
from wagtail.models import Site

from congtt.editorial.workflow import setup_site_workflow


class Command(BaseCommand):
    help = "Tạo quy trình biên tập cho mọi trang và gán cho chuyên mục Tin tức (chạy lại không thay đổi gì)."

    def handle(self, *args, **options):
        for site in Site.objects.select_related("root_page").order_by("hostname"):
            workflow = setup_site_workflow(site)
            self.stdout.write(f"{site.hostname}: {workflow.name}")
