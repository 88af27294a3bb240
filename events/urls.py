from django.urls import path

from . import views

app_name = "events"
urlpatterns = [path("my-programme/<int:page_id>/star/", views.star, name="star")]
