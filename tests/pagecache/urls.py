from django.urls import path

from congtt.urls import urlpatterns as project_urlpatterns

from . import views

urlpatterns = [
    path("thu/csrf/", views.with_csrf_form),
    path("thu/cookie/", views.with_cookie),
    path("thu/text/", views.plain_text),
    path("thu/vary/", views.varies_on_encoding),
    path("thu/dem/<int:pk>/", views.counted),
    *project_urlpatterns,
]
