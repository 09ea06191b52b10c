"""Web pages of the passport app."""

from django.urls import URLPattern

app_name = "passport"

urlpatterns: list[URLPattern] = []
