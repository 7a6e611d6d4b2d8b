"""WSGI entry of the quality-gate instance: congtt, plus the uploaded media (demo images and their
renditions, made while pages render) that nginx serves in production — so no page shows a 404 image."""

from django.conf import settings
from whitenoise import WhiteNoise

from congtt.wsgi import application as congtt_application

application = WhiteNoise(congtt_application, autorefresh=True)
application.add_files(str(settings.MEDIA_ROOT), prefix=settings.MEDIA_URL.strip("/") + "/")
