from django.urls import path

from . import views

urlpatterns = [
    path("danh-gia/", views.rating, name="citizen_rating"),
    path("dien-dan/", views.forum_index, name="citizen_forum"),
    path("dien-dan/<int:pk>/", views.forum_topic, name="citizen_topic"),
    path("xac-thuc.png", views.captcha_image, name="citizen_captcha"),
]
